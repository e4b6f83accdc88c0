// Person names: Polish, Ukrainian and other European names pass and come back tidied; everything
// else is rejected with the reason the resident must be told.
#include "shared/validate/person_name.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace okienko::validate;

namespace
{

PersonNameError errorOf(std::string_view input, std::size_t min = kDefaultNameMinCodePoints,
                        std::size_t max = kDefaultNameMaxCodePoints)
{
    const auto r = validatePersonName(input, min, max);
    EXPECT_FALSE(r.ok()) << input << " gave " << (r.ok() ? r.value() : "");
    return r.ok() ? PersonNameError::Empty : r.error();
}

std::string nameOf(std::string_view input)
{
    const auto r = validatePersonName(input);
    EXPECT_TRUE(r.ok()) << input << " " << (r.ok() ? "" : messageKey(r.error()));
    return r.ok() ? r.value() : "";
}

} // namespace

TEST(PersonName, RejectsEmptyInput)
{
    EXPECT_EQ(errorOf(""), PersonNameError::Empty);
    EXPECT_EQ(errorOf("    "), PersonNameError::Empty);
}

TEST(PersonName, RejectsMalformedUtf8)
{
    EXPECT_EQ(errorOf("Anna \xff"), PersonNameError::InvalidUtf8);
    EXPECT_EQ(errorOf("Kowalsk\xc3"), PersonNameError::InvalidUtf8);       // truncated ą/ó lead byte
    EXPECT_EQ(errorOf("\xc0\xc1nna"), PersonNameError::InvalidUtf8);       // overlong
    EXPECT_EQ(errorOf("Jan 1\xed\xa0\x80"), PersonNameError::InvalidUtf8); // surrogate wins over the digit
}

TEST(PersonName, RejectsControlCharacters)
{
    EXPECT_EQ(errorOf("Anna\tKowalska"), PersonNameError::ControlCharacter);
    EXPECT_EQ(errorOf("Anna\nKowalska"), PersonNameError::ControlCharacter);
    EXPECT_EQ(errorOf(std::string("Anna\0Kowalska", 13)), PersonNameError::ControlCharacter);
    EXPECT_EQ(errorOf("Anna\x7f"), PersonNameError::ControlCharacter);
    EXPECT_EQ(errorOf("Anna\xc2\x85"), PersonNameError::ControlCharacter); // U+0085 NEL
    EXPECT_EQ(errorOf("\tAnna"), PersonNameError::ControlCharacter);       // tabs are not trimmed
}

TEST(PersonName, RejectsDigits)
{
    EXPECT_EQ(errorOf("Anna2"), PersonNameError::Digit);
    EXPECT_EQ(errorOf("Jan III Sobieski 3"), PersonNameError::Digit);
    EXPECT_EQ(errorOf("7"), PersonNameError::Digit);
}

TEST(PersonName, RejectsOtherCharacters)
{
    for (const char* bad : {"Anna.", "Anna, Jan", "Jan_Kowalski", "Anna@", "Jan (Janek)", "Jan/Anna", "Anna 🙂",
                            "Anna\xc2\xa0Kowalska",     // no-break space
                            "Ann\xc3\x97",              // ×
                            "Jo\xcc\x81zef",            // combining acute: decomposed ó
                            "\xe5\xbc\xa0\xe4\xbc\x9f", // CJK
                            "Anna\xe2\x80\x94Maria",    // em dash
                            "Ans\xc8\x99"})             // Romanian ș (Latin Extended-B)
        EXPECT_EQ(errorOf(bad), PersonNameError::InvalidCharacter) << bad;
}

TEST(PersonName, RejectsNamesWithoutLetters)
{
    EXPECT_EQ(errorOf("-"), PersonNameError::NoLetter);
    EXPECT_EQ(errorOf("' -"), PersonNameError::NoLetter);
    EXPECT_EQ(errorOf("\xca\xbc\xca\xbc"), PersonNameError::NoLetter); // ʼʼ
}

TEST(PersonName, RejectsLeadingSeparator)
{
    EXPECT_EQ(errorOf("-Anna"), PersonNameError::LeadingSeparator);
    EXPECT_EQ(errorOf("  'Anna"), PersonNameError::LeadingSeparator);
    EXPECT_EQ(errorOf("\xe2\x80\x99"
                      "Anna"),
              PersonNameError::LeadingSeparator); // ’
}

TEST(PersonName, RejectsTrailingSeparator)
{
    EXPECT_EQ(errorOf("Anna-"), PersonNameError::TrailingSeparator);
    EXPECT_EQ(errorOf("Anna' "), PersonNameError::TrailingSeparator);
    EXPECT_EQ(errorOf("\xd0\x9c\xd0\xb0\xd1\x80\xca\xbc"), PersonNameError::TrailingSeparator); // Марʼ
}

TEST(PersonName, RejectsSeparatorsNextToEachOther)
{
    EXPECT_EQ(errorOf("Anna--Maria"), PersonNameError::DoubleSeparator);
    EXPECT_EQ(errorOf("Anna -Maria"), PersonNameError::DoubleSeparator);
    EXPECT_EQ(errorOf("Kowalska - Nowak"), PersonNameError::DoubleSeparator);
    EXPECT_EQ(errorOf("O''Brien"), PersonNameError::DoubleSeparator);
    EXPECT_EQ(errorOf("Jan '-Kowalski"), PersonNameError::DoubleSeparator);
}

TEST(PersonName, RejectsTooShortAndTooLong)
{
    EXPECT_EQ(errorOf("A"), PersonNameError::TooShort);
    EXPECT_EQ(errorOf("\xc5\x81"), PersonNameError::TooShort); // Ł: one code point, two bytes
    EXPECT_EQ(errorOf("Jan", 4, 80), PersonNameError::TooShort);
    EXPECT_EQ(errorOf(std::string(81, 'a')), PersonNameError::TooLong);
    EXPECT_EQ(errorOf("Anna Kowalska", 2, 12), PersonNameError::TooLong);
    // 41 × "ż" is 82 bytes but 41 code points: within 2..80, so length is not bytes.
    std::string zs;
    for (int i = 0; i < 41; ++i)
        zs += "\xc5\xbc";
    EXPECT_TRUE(validatePersonName(zs).ok());
    zs.clear();
    for (int i = 0; i < 81; ++i)
        zs += "\xc5\xbc";
    EXPECT_EQ(errorOf(zs), PersonNameError::TooLong);
}

TEST(PersonName, LengthIsMeasuredAfterTidying)
{
    // 80 letters with spaces around and inside collapse to a name within the limit.
    const std::string name = "  " + std::string(40, 'a') + "     " + std::string(39, 'b') + "  ";
    const auto r = validatePersonName(name);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().size(), 80u);
    EXPECT_TRUE(validatePersonName(std::string(80, 'a')).ok());
    EXPECT_TRUE(validatePersonName("Jo").ok());
}

TEST(PersonName, AcceptsPolishNames)
{
    EXPECT_EQ(nameOf("Zażółć Gęślą-Jaźń"), "Zażółć Gęślą-Jaźń");
    EXPECT_EQ(nameOf("ŁUCJA ŚWIĘTOCHOWSKA"), "ŁUCJA ŚWIĘTOCHOWSKA");
    EXPECT_EQ(nameOf("Anna Kowalska-Nowak"), "Anna Kowalska-Nowak");
    EXPECT_EQ(nameOf("Źdźbło Ćma Ńą"), "Źdźbło Ćma Ńą");
}

TEST(PersonName, AcceptsTheWholeUkrainianAlphabet)
{
    EXPECT_EQ(nameOf("АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ"), "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ");
    EXPECT_EQ(nameOf("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"), "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя");
}

TEST(PersonName, AcceptsUkrainianApostrophesInsideWords)
{
    EXPECT_EQ(nameOf("Мар'яна Григор'єва"), "Мар'яна Григор'єва");
    EXPECT_EQ(nameOf("Марʼяна"), "Марʼяна");                 // U+02BC, the official Ukrainian apostrophe
    EXPECT_EQ(nameOf("Мар’яна Ґалаґан"), "Мар’яна Ґалаґан"); // U+2019
    EXPECT_EQ(nameOf("Її Їжаченко"), "Її Їжаченко");
}

TEST(PersonName, AcceptsOtherEuropeanLatinLetters)
{
    EXPECT_EQ(nameOf("Dvořák Šťastný"), "Dvořák Šťastný");
    EXPECT_EQ(nameOf("Müller-Lüdenscheidt"), "Müller-Lüdenscheidt");
    EXPECT_EQ(nameOf("Jūratė Žemaitė"), "Jūratė Žemaitė");
    EXPECT_EQ(nameOf("Ağaoğlu İşçi"), "Ağaoğlu İşçi");
    EXPECT_EQ(nameOf("Øystein Ærø Ðoković ß"), "Øystein Ærø Ðoković ß");
    EXPECT_EQ(nameOf("O'Brien"), "O'Brien");
}

TEST(PersonName, TrimsAndCollapsesSpaces)
{
    EXPECT_EQ(nameOf("   Anna    Maria   Kowalska  "), "Anna Maria Kowalska");
    EXPECT_EQ(nameOf("Олена  Шевченко"), "Олена Шевченко");
}

TEST(PersonName, MessageKeys)
{
    EXPECT_EQ(messageKey(PersonNameError::Digit), "validate.name.digit");
    EXPECT_EQ(messageKey(PersonNameError::DoubleSeparator), "validate.name.double_separator");
}

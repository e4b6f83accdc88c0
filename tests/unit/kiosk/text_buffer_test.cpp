// TextBuffer: whole code points, limits and filters.
#include "kiosk/core/text_buffer.hpp"

#include <gtest/gtest.h>

namespace okienko::kiosk
{
namespace
{

TEST(TextBufferTest, InvalidUtf8IsRejectedAndLeavesTheTextAlone)
{
    TextBuffer b;
    ASSERT_EQ(b.insert(std::string_view{"ab"}), InsertResult::Inserted);
    EXPECT_EQ(b.insert(std::string_view{"\xC5"}), InsertResult::InvalidUtf8);
    EXPECT_EQ(b.insert(std::string_view{"\xED\xA0\x80"}), InsertResult::InvalidUtf8); // surrogate
    EXPECT_EQ(b.insert(char32_t{0xD800}), InsertResult::InvalidUtf8);
    EXPECT_EQ(b.text(), "ab");
}

TEST(TextBufferTest, MaxLengthCountsCodePointsNotBytes)
{
    TextBuffer b(3);
    EXPECT_EQ(b.insert(std::string_view{"żół"}), InsertResult::Inserted);
    EXPECT_EQ(b.length(), 3u);
    EXPECT_EQ(b.text().size(), 6u);
    EXPECT_EQ(b.insert(std::string_view{"ć"}), InsertResult::TooLong);
    EXPECT_EQ(b.text(), "żół");
}

TEST(TextBufferTest, InsertIsAllOrNothing)
{
    TextBuffer digits(11, InputFilter::Digits);
    EXPECT_EQ(digits.insert(std::string_view{"12a"}), InsertResult::Filtered);
    EXPECT_TRUE(digits.empty());
    TextBuffer shortOne(2);
    EXPECT_EQ(shortOne.insert(std::string_view{"abc"}), InsertResult::TooLong);
    EXPECT_TRUE(shortOne.empty());
}

TEST(TextBufferTest, BackspaceDeletesOneWholeCodePoint)
{
    TextBuffer b;
    ASSERT_EQ(b.insert(std::string_view{"aż"}), InsertResult::Inserted);
    ASSERT_EQ(b.insert(std::string_view{"ї"}), InsertResult::Inserted);
    ASSERT_EQ(b.insert(std::string_view{"😀"}), InsertResult::Inserted);
    EXPECT_EQ(b.length(), 4u);
    EXPECT_TRUE(b.backspace());
    EXPECT_EQ(b.text(), "ażї");
    EXPECT_TRUE(b.backspace());
    EXPECT_EQ(b.text(), "aż");
    EXPECT_TRUE(b.backspace());
    EXPECT_EQ(b.text(), "a");
    EXPECT_EQ(b.length(), 1u);
    EXPECT_TRUE(b.backspace());
    EXPECT_FALSE(b.backspace());
    EXPECT_TRUE(b.empty());
    EXPECT_EQ(b.length(), 0u);
}

TEST(TextBufferTest, DigitsFilterAcceptsOnlyAsciiDigits)
{
    TextBuffer b(20, InputFilter::Digits);
    EXPECT_EQ(b.insert(std::string_view{"0123456789"}), InsertResult::Inserted);
    for (const char* bad : {"a", " ", "+", "-", "１", "٣", "\n"})
    {
        EXPECT_EQ(b.insert(std::string_view{bad}), InsertResult::Filtered) << bad;
    }
    EXPECT_EQ(b.text(), "0123456789");
}

TEST(TextBufferTest, PersonNameFilterAcceptsPolishUkrainianNamesOnly)
{
    for (const char* good :
         {"Łucja Żółkiewska-Nowak", "O'Neil", "Ґанна Вʼюн", "Anna D’Arc", "Éloïse Müller", "Їжакевич Євген"})
    {
        TextBuffer b(80, InputFilter::PersonName);
        EXPECT_EQ(b.insert(std::string_view{good}), InsertResult::Inserted) << good;
    }
    for (const char* bad : {"Anna1", "a@b", "x×y", "Jan.", "tab\t", "ё\xD2\xA3"})
    {
        TextBuffer b(80, InputFilter::PersonName);
        EXPECT_EQ(b.insert(std::string_view{bad}), InsertResult::Filtered) << bad;
    }
}

TEST(TextBufferTest, AnyFilterRejectsControlAndInvisibleCharacters)
{
    TextBuffer b;
    for (const char* bad : {"\n", "\t", "\x7F", "\xC2\x85", "\xE2\x80\xAE", "\xE2\x80\x8B", "\xEF\xBB\xBF"})
    {
        EXPECT_EQ(b.insert(std::string_view{bad}), InsertResult::Filtered);
    }
    EXPECT_EQ(b.insert(std::string_view{"Zażółć gęślą jaźń @ 10:30"}), InsertResult::Inserted);
}

TEST(TextBufferTest, SetTextReplacesOnlyWhenValid)
{
    TextBuffer b(5, InputFilter::Digits);
    ASSERT_EQ(b.setText("123"), InsertResult::Inserted);
    EXPECT_EQ(b.setText("123456"), InsertResult::TooLong);
    EXPECT_EQ(b.setText("12x"), InsertResult::Filtered);
    EXPECT_EQ(b.text(), "123");
    EXPECT_EQ(b.length(), 3u);
    EXPECT_EQ(b.maxLength(), 5u);
    b.clear();
    EXPECT_TRUE(b.empty());
    EXPECT_EQ(b.insert(U'7'), InsertResult::Inserted);
    EXPECT_EQ(b.text(), "7");
}

TEST(TextBufferTest, ARefusedCharacterIsRememberedUntilTheNextEdit)
{
    TextBuffer name(3, InputFilter::PersonName);
    EXPECT_EQ(name.refusal(), InsertResult::Inserted);
    EXPECT_EQ(name.insert(std::string_view{"7"}), InsertResult::Filtered);
    EXPECT_EQ(name.refusal(), InsertResult::Filtered);
    EXPECT_EQ(name.refusedCodePoint(), U'7');
    EXPECT_EQ(refusalMessageKey(name, true), "input.name_digit");
    EXPECT_EQ(refusalMessageKey(name, false), "input.no_digits");
    EXPECT_EQ(name.insert(std::string_view{"Ala"}), InsertResult::Inserted);
    EXPECT_EQ(refusalMessageKey(name, true), "");
    EXPECT_EQ(name.insert(std::string_view{"x"}), InsertResult::TooLong);
    EXPECT_EQ(refusalMessageKey(name, true), "input.too_long");
    EXPECT_TRUE(name.backspace());
    EXPECT_EQ(name.refusal(), InsertResult::Inserted);
    EXPECT_EQ(name.insert(std::string_view{"@"}), InsertResult::Filtered);
    EXPECT_EQ(refusalMessageKey(name, true), "input.name_character");
    name.clear();
    EXPECT_EQ(refusalMessageKey(name, true), "");
}

TEST(TextBufferTest, EachFilterNamesWhatItTakes)
{
    TextBuffer phone(2, InputFilter::Digits);
    phone.insert(std::string_view{"a"});
    EXPECT_EQ(refusalMessageKey(phone, false), "input.digits_only");
    phone.insert(std::string_view{"123"});
    EXPECT_EQ(refusalMessageKey(phone, false), "input.too_long_digits");
    TextBuffer amount(10, InputFilter::Amount);
    amount.insert(std::string_view{"x"});
    EXPECT_EQ(refusalMessageKey(amount, false), "input.amount");
    TextBuffer any(10, InputFilter::Any);
    any.insert(std::string_view{"\t"});
    EXPECT_EQ(refusalMessageKey(any, false), "input.character");
}

} // namespace
} // namespace okienko::kiosk

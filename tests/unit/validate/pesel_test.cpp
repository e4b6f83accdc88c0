// PESEL validation: every rule rejects with its own code, and valid numbers give the birth date
// and sex staff rely on. Vectors from the team's reliability notes (gov.pl structure) plus edges
// built with a correct check digit, so that only the rule under test can fail.
#include "shared/validate/pesel.hpp"

#include <gtest/gtest.h>
#include <string>

using okienko::Date;
using namespace okienko::validate;

namespace
{

PeselError errorOf(std::string_view input, std::optional<Date> today = std::nullopt)
{
    const auto r = validatePesel(input, today);
    EXPECT_FALSE(r.ok()) << input;
    return r.ok() ? PeselError::Empty : r.error();
}

} // namespace

TEST(Pesel, RejectsEmptyInput)
{
    EXPECT_EQ(errorOf(""), PeselError::Empty);
}

TEST(Pesel, RejectsAnythingButAsciiDigits)
{
    EXPECT_EQ(errorOf("4405140135a"), PeselError::NotDigits);
    EXPECT_EQ(errorOf("440514-01359"), PeselError::NotDigits);
    // The kiosk keypad types digits only, so surrounding spaces are not trimmed but rejected.
    EXPECT_EQ(errorOf(" 44051401359"), PeselError::NotDigits);
    EXPECT_EQ(errorOf("44051401359 "), PeselError::NotDigits);
    EXPECT_EQ(errorOf("4405 1401359"), PeselError::NotDigits);
    EXPECT_EQ(errorOf("\xd9\xa4"
                      "4051401359"),
              PeselError::NotDigits); // Arabic-Indic four
    EXPECT_EQ(errorOf(std::string("4405140135\0", 11)), PeselError::NotDigits);
    // A non-digit is reported even when the length is also wrong: it is the more specific fault.
    EXPECT_EQ(errorOf("12x"), PeselError::NotDigits);
}

TEST(Pesel, ReportsWrongLengthAsShortOrLong)
{
    EXPECT_EQ(errorOf("4"), PeselError::TooShort);
    EXPECT_EQ(errorOf("4405140135"), PeselError::TooShort);
    EXPECT_EQ(errorOf("440514013590"), PeselError::TooLong);
    EXPECT_EQ(errorOf("440514013591234"), PeselError::TooLong);
}

TEST(Pesel, RejectsWrongCheckDigit)
{
    EXPECT_EQ(errorOf("44051401358"), PeselError::BadChecksum);
}

TEST(Pesel, EverySingleDigitTypoIsCaughtByTheChecksum)
{
    // Weights 1,3,7,9 are coprime with 10, so changing any one digit must change the check.
    const std::string valid = "44051401359";
    for (std::size_t i = 0; i < valid.size(); ++i)
    {
        for (char d = '0'; d <= '9'; ++d)
        {
            if (d == valid[i])
                continue;
            std::string typo = valid;
            typo[i] = d;
            EXPECT_EQ(errorOf(typo), PeselError::BadChecksum) << typo;
        }
    }
}

TEST(Pesel, ChecksumIsReportedBeforeTheDate)
{
    // Month 13 and a wrong check digit (correct would be 4): the likely typo wins.
    EXPECT_EQ(errorOf("90130101235"), PeselError::BadChecksum);
}

TEST(Pesel, AllZerosPassesTheChecksumButHasMonthZero)
{
    EXPECT_EQ(errorOf("00000000000"), PeselError::BadMonth);
    EXPECT_EQ(errorOf("90000101238"), PeselError::BadMonth);
}

TEST(Pesel, RejectsMonthsOutsideEveryCentury)
{
    // Each with a correct check digit; these sit just outside the encoded ranges
    // 01-12, 21-32, 41-52, 61-72, 81-92.
    for (const char* pesel : {"90130101234", "90200101234", "90330101230", "90400101230", "90530101236", "90600101236",
                              "90730101232", "90800101232", "90930101238", "90990101234", "25130101236"})
        EXPECT_EQ(errorOf(pesel), PeselError::BadMonth) << pesel;
}

TEST(Pesel, RejectsDaysThatDoNotExist)
{
    EXPECT_EQ(errorOf("90010001232"), PeselError::BadDate); // 1990-01-00
    EXPECT_EQ(errorOf("90013201233"), PeselError::BadDate); // 1990-01-32
    EXPECT_EQ(errorOf("90043101239"), PeselError::BadDate); // 1990-04-31, April has 30
    EXPECT_EQ(errorOf("00223101232"), PeselError::BadDate); // 2000-02-31
}

TEST(Pesel, RejectsTwentyNinthOfFebruaryOutsideLeapYears)
{
    EXPECT_EQ(errorOf("23022901232"), PeselError::BadDate); // 1923
    EXPECT_EQ(errorOf("00022901233"), PeselError::BadDate); // 1900: divisible by 100, not 400
    EXPECT_EQ(errorOf("00422901235"), PeselError::BadDate); // 2100
}

TEST(Pesel, RejectsBirthDateAfterToday)
{
    EXPECT_EQ(errorOf("22222222222", Date{2022, 2, 21}), PeselError::InFuture);
    EXPECT_EQ(errorOf("01410101237", Date{2025, 6, 1}), PeselError::InFuture); // 2101-01-01
}

TEST(Pesel, AcceptsBirthDateOnOrBeforeToday)
{
    EXPECT_TRUE(validatePesel("22222222222", Date{2022, 2, 22}).ok());
    EXPECT_TRUE(validatePesel("22222222222", Date{2022, 2, 23}).ok());
    // Without a today the future rule is off: a 2101 birth date is well-formed.
    EXPECT_TRUE(validatePesel("01410101237").ok());
}

namespace
{

struct ValidCase
{
    const char* pesel;
    Date birth;
    Sex sex;
};

} // namespace

TEST(Pesel, DecodesBirthDateAndSexOfReferenceVectors)
{
    const ValidCase cases[] = {
        {"44051401359", {1944, 5, 14}, Sex::Male},   {"22222222222", {2022, 2, 22}, Sex::Female},
        {"02070803628", {1902, 7, 8}, Sex::Female},  {"04222912347", {2004, 2, 29}, Sex::Female},
        {"99923100014", {1899, 12, 31}, Sex::Male},  {"00222901239", {2000, 2, 29}, Sex::Male},
        {"88022904562", {1988, 2, 29}, Sex::Female}, {"00810101232", {1800, 1, 1}, Sex::Male},
        {"00923101233", {1800, 12, 31}, Sex::Male},  {"01723101234", {2201, 12, 31}, Sex::Male},
    };
    for (const auto& c : cases)
    {
        const auto r = validatePesel(c.pesel);
        ASSERT_TRUE(r.ok()) << c.pesel << " " << messageKey(r.error());
        EXPECT_EQ(r->number, c.pesel);
        EXPECT_EQ(r->birthDate, c.birth) << c.pesel << " gave " << r->birthDate.iso();
        EXPECT_EQ(r->sex, c.sex) << c.pesel;
    }
}

TEST(Pesel, DecodesEveryCenturyAtItsMonthBoundaries)
{
    const ValidCase cases[] = {
        {"90010101239", {1990, 1, 1}, Sex::Male}, {"90120101233", {1990, 12, 1}, Sex::Male},
        {"90210101235", {2090, 1, 1}, Sex::Male}, {"90320101239", {2090, 12, 1}, Sex::Male},
        {"90410101231", {2190, 1, 1}, Sex::Male}, {"90520101235", {2190, 12, 1}, Sex::Male},
        {"90610101237", {2290, 1, 1}, Sex::Male}, {"90720101231", {2290, 12, 1}, Sex::Male},
        {"90810101233", {1890, 1, 1}, Sex::Male}, {"90920101237", {1890, 12, 1}, Sex::Male},
    };
    for (const auto& c : cases)
    {
        const auto r = validatePesel(c.pesel);
        ASSERT_TRUE(r.ok()) << c.pesel << " " << messageKey(r.error());
        EXPECT_EQ(r->birthDate, c.birth) << c.pesel << " gave " << r->birthDate.iso();
    }
}

TEST(Pesel, OnlyTheTenthDigitDecidesSex)
{
    // Same birth date and serial; 10th digit 0 (even, so female) versus 1 (odd, so male).
    const auto female = validatePesel("88010112308");
    const auto male = validatePesel("88010112315");
    ASSERT_TRUE(female.ok());
    ASSERT_TRUE(male.ok());
    EXPECT_EQ(female->sex, Sex::Female);
    EXPECT_EQ(male->sex, Sex::Male);
    EXPECT_EQ(female->birthDate, (Date{1988, 1, 1}));
}

TEST(Pesel, EveryErrorHasItsOwnMessageKey)
{
    EXPECT_EQ(messageKey(PeselError::BadChecksum), "validate.pesel.checksum");
    EXPECT_EQ(messageKey(PeselError::BadMonth), "validate.pesel.month");
    EXPECT_EQ(messageKey(PeselError::NotDigits), "validate.pesel.not_digits");
}

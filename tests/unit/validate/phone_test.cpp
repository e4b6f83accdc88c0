// Polish phone numbers: what a resident may type, the precise reason for each rejection, and the
// grouped and masked forms shown on a shared screen.
#include "shared/validate/phone.hpp"

#include <gtest/gtest.h>

using namespace okienko::validate;

namespace
{

PhoneError errorOf(std::string_view input)
{
    const auto r = normalisePhone(input);
    EXPECT_FALSE(r.ok()) << input << " gave " << (r.ok() ? r.value() : "");
    return r.ok() ? PhoneError::Empty : r.error();
}

} // namespace

TEST(Phone, RejectsEmptyInput)
{
    EXPECT_EQ(errorOf(""), PhoneError::Empty);
    EXPECT_EQ(errorOf("   "), PhoneError::Empty);
}

TEST(Phone, RejectsCharactersOtherThanDigitsSpacesAndDashes)
{
    EXPECT_EQ(errorOf("(22) 123 45 67"), PhoneError::InvalidCharacter);
    EXPECT_EQ(errorOf("600.123.456"), PhoneError::InvalidCharacter);
    EXPECT_EQ(errorOf("600/123/456"), PhoneError::InvalidCharacter);
    EXPECT_EQ(errorOf("600 l23 456"), PhoneError::InvalidCharacter);
    EXPECT_EQ(errorOf("600\t123456"), PhoneError::InvalidCharacter);
    EXPECT_EQ(errorOf("600\xc2\xa0"
                      "123456"),
              PhoneError::InvalidCharacter); // no-break space
    EXPECT_EQ(errorOf("600123456\xff"), PhoneError::InvalidCharacter);
}

TEST(Phone, PlusIsOnlyAllowedFirst)
{
    EXPECT_EQ(errorOf("600+123456"), PhoneError::InvalidCharacter);
    EXPECT_EQ(errorOf("++48600123456"), PhoneError::InvalidCharacter);
    EXPECT_EQ(errorOf("48+600123456"), PhoneError::InvalidCharacter);
}

TEST(Phone, RejectsForeignCountryCodes)
{
    EXPECT_EQ(errorOf("+49 600 123 456"), PhoneError::WrongCountryCode);
    EXPECT_EQ(errorOf("+380 67 123 4567"), PhoneError::WrongCountryCode);
    EXPECT_EQ(errorOf("0049600123456"), PhoneError::WrongCountryCode);
    EXPECT_EQ(errorOf("00380671234567"), PhoneError::WrongCountryCode);
    EXPECT_EQ(errorOf("+0048600123456"), PhoneError::WrongCountryCode);
}

TEST(Phone, RejectsNationalNumberStartingWithZero)
{
    EXPECT_EQ(errorOf("060 012 3456"), PhoneError::InvalidLeadingDigit); // old trunk prefix
    EXPECT_EQ(errorOf("012345678"), PhoneError::InvalidLeadingDigit);
    EXPECT_EQ(errorOf("+48 012345678"), PhoneError::InvalidLeadingDigit);
    EXPECT_EQ(errorOf("0048 0123 45678"), PhoneError::InvalidLeadingDigit);
}

TEST(Phone, RejectsTooFewDigits)
{
    EXPECT_EQ(errorOf("60012345"), PhoneError::TooShort);
    EXPECT_EQ(errorOf("600 123 45"), PhoneError::TooShort);
    EXPECT_EQ(errorOf("---"), PhoneError::TooShort);
    EXPECT_EQ(errorOf("+48"), PhoneError::TooShort);
    EXPECT_EQ(errorOf("+48 60012345"), PhoneError::TooShort);
    // An unfinished prefix is short, not foreign: the resident may still be typing.
    EXPECT_EQ(errorOf("+"), PhoneError::TooShort);
    EXPECT_EQ(errorOf("+4"), PhoneError::TooShort);
    EXPECT_EQ(errorOf("00"), PhoneError::TooShort);
    EXPECT_EQ(errorOf("004"), PhoneError::TooShort);
}

TEST(Phone, RejectsTooManyDigits)
{
    EXPECT_EQ(errorOf("6001234567"), PhoneError::TooLong);
    EXPECT_EQ(errorOf("+48 600 123 4567"), PhoneError::TooLong);
    // A bare "48" without '+' or "00" is not taken as a country code.
    EXPECT_EQ(errorOf("48600123456"), PhoneError::TooLong);
}

TEST(Phone, NormalisesToNineDigits)
{
    for (const char* typed : {"600123456", "600 123 456", "600-123-456", " 600 123 456 ", "60 01 23 45 6",
                              "+48600123456", "+48 600 123 456", "+48-600-123-456", "+ 48 600123456", "0048600123456",
                              "00 48 600 123 456", "600--123  456"})
    {
        const auto r = normalisePhone(typed);
        ASSERT_TRUE(r.ok()) << typed << " " << messageKey(r.error());
        EXPECT_EQ(r.value(), "600123456") << typed;
    }
}

TEST(Phone, AcceptsLandlinesIncludingLeadingOne)
{
    const auto krakow = normalisePhone("12 345 67 89");
    ASSERT_TRUE(krakow.ok());
    EXPECT_EQ(krakow.value(), "123456789");
    // Radom's area code is 48: as a national number it is not mistaken for the country code.
    const auto radom = normalisePhone("48 362 00 00");
    ASSERT_TRUE(radom.ok());
    EXPECT_EQ(radom.value(), "483620000");
}

TEST(Phone, FormatGroupsInThrees)
{
    EXPECT_EQ(formatPhone("600123456"), "600 123 456");
    EXPECT_EQ(formatPhone("60012345"), "60012345");
    EXPECT_EQ(formatPhone(""), "");
}

TEST(Phone, MaskShowsOnlyFirstThreeAndLastTwoDigits)
{
    EXPECT_EQ(maskPhone("600123456"), "600 *** *56");
    EXPECT_EQ(maskPhone("221234567"), "221 *** *67");
    const std::string masked = maskPhone("987654321");
    for (const char hidden : std::string("6543"))
        EXPECT_EQ(masked.find(hidden), std::string::npos) << masked;
}

TEST(Phone, MaskNeverLeaksMalformedValues)
{
    EXPECT_EQ(maskPhone("60012345"), "*** *** ***");
    EXPECT_EQ(maskPhone("+48600123456"), "*** *** ***");
    EXPECT_EQ(maskPhone("600 123 456"), "*** *** ***");
    EXPECT_EQ(maskPhone(""), "*** *** ***");
}

TEST(Phone, MessageKeys)
{
    EXPECT_EQ(messageKey(PhoneError::WrongCountryCode), "validate.phone.country_code");
    EXPECT_EQ(messageKey(PhoneError::InvalidLeadingDigit), "validate.phone.leading_digit");
}

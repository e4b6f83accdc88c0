// Postal codes: the two shapes a resident may type and the one shape the domain stores.
#include "shared/validate/postal_code.hpp"

#include <gtest/gtest.h>

using namespace okienko::validate;

namespace
{

PostalCodeError errorOf(std::string_view input)
{
    const auto r = normalisePostalCode(input);
    EXPECT_FALSE(r.ok()) << input;
    return r.ok() ? PostalCodeError::Empty : r.error();
}

} // namespace

TEST(PostalCode, RejectsEmptyInput)
{
    EXPECT_EQ(errorOf(""), PostalCodeError::Empty);
    EXPECT_EQ(errorOf("  "), PostalCodeError::Empty);
}

TEST(PostalCode, RejectsEveryOtherShape)
{
    for (const char* bad : {"00-95", "00-9500", "0-0950", "000-950", "00 950", "00_950", "0O-950", "ab-cde", "00--950",
                            "00950-", "-00950", "0095", "009500",
                            "00\xe2\x80\x93"
                            "950", // en dash
                            "00-95a", "00-9 50", "\t00-950"})
        EXPECT_EQ(errorOf(bad), PostalCodeError::BadFormat) << bad;
}

TEST(PostalCode, KeepsTheDashedForm)
{
    const auto r = normalisePostalCode("00-950");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), "00-950");
}

TEST(PostalCode, InsertsTheDashIntoFiveDigits)
{
    const auto r = normalisePostalCode("81537");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), "81-537");
}

TEST(PostalCode, IgnoresSurroundingSpaces)
{
    const auto r = normalisePostalCode("  81-537 ");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), "81-537");
}

TEST(PostalCode, MessageKeys)
{
    EXPECT_EQ(messageKey(PostalCodeError::Empty), "validate.postal_code.empty");
    EXPECT_EQ(messageKey(PostalCodeError::BadFormat), "validate.postal_code.format");
}

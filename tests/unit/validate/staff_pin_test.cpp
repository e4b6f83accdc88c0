// Staff PINs: 6 to 8 digits, each refusal with its own translated reason.
#include "shared/validate/staff_pin.hpp"

#include <gtest/gtest.h>

using namespace okienko::validate;

namespace
{

StaffPinError errorOf(std::string_view pin)
{
    const auto r = validateStaffPin(pin);
    EXPECT_FALSE(r.ok()) << pin;
    return r.ok() ? StaffPinError::NotDigits : r.error();
}

} // namespace

TEST(StaffPin, SixToEightDigitsAreAccepted)
{
    for (const char* good : {"000000", "482193", "1234567", "99999999"})
        EXPECT_TRUE(validateStaffPin(good).ok()) << good;
}

TEST(StaffPin, FiveDigitsAreTooShortAndSaySo)
{
    EXPECT_EQ(errorOf("48219"), StaffPinError::TooShort);
    EXPECT_EQ(errorOf("4821"), StaffPinError::TooShort); // what release 0.1 allowed
    EXPECT_EQ(errorOf(""), StaffPinError::TooShort);
    EXPECT_EQ(messageKey(StaffPinError::TooShort), "validate.staff_pin.too_short");
}

TEST(StaffPin, NineDigitsAreTooLong)
{
    EXPECT_EQ(errorOf("123456789"), StaffPinError::TooLong);
    EXPECT_EQ(messageKey(StaffPinError::TooLong), "validate.staff_pin.too_long");
}

TEST(StaffPin, OnlyAsciiDigits)
{
    for (const char* bad : {"12345a", " 123456", "123456 ", "12-34-56", "١٢٣٤٥٦", "12\n3456"})
        EXPECT_EQ(errorOf(bad), StaffPinError::NotDigits) << bad;
    EXPECT_EQ(errorOf("12a"), StaffPinError::NotDigits); // the character is the reason, not the length
    EXPECT_EQ(messageKey(StaffPinError::NotDigits), "validate.staff_pin.not_digits");
}

// Polish phone numbers: parsing what a resident types into the normalised 9-digit national
// number the domain stores, plus the two ways the kiosk shows a number (grouped and masked).
#pragma once

#include "shared/util/result.hpp"

#include <array>
#include <string>
#include <string_view>

namespace okienko::validate
{

/// Why a phone number was rejected. Checked in this order, so the first failing rule is reported.
enum class PhoneError
{
    Empty,               ///< nothing but spaces
    InvalidCharacter,    ///< not a digit, space or dash, or a '+' that is not the first character
    WrongCountryCode,    ///< "+49…", "0049…": only Polish (+48) numbers are accepted
    InvalidLeadingDigit, ///< the national number starts with 0, which no Polish number does
    TooShort,            ///< fewer than 9 national digits
    TooLong,             ///< more than 9 national digits
};

inline constexpr std::array<PhoneError, 6> kAllPhoneErrors{
    PhoneError::Empty,    PhoneError::InvalidCharacter, PhoneError::WrongCountryCode, PhoneError::InvalidLeadingDigit,
    PhoneError::TooShort, PhoneError::TooLong};

/// Parses a Polish phone number into its 9 national digits ("600123456").
/// Accepted: digits with any spaces and dashes between them ("600 123 456", "600-123-456"),
/// optionally prefixed by "+48" or "0048" ("+48 600 123 456"). Not accepted: parentheses, dots,
/// slashes, letters, a bare "48" country code without '+' or "00" (that is 11 digits: TooLong),
/// the old trunk prefix "0" ("0600123456": InvalidLeadingDigit).
Result<std::string, PhoneError> normalisePhone(std::string_view input);

/// "600123456" → "600 123 456". Anything that is not exactly 9 digits is returned unchanged.
std::string formatPhone(std::string_view nineDigits);

/// "600123456" → "600 *** *56": enough for a resident to recognise their own number, too little
/// for someone behind them to read it. Anything that is not exactly 9 digits gives "*** *** ***",
/// so a malformed value can never leak through the mask.
std::string maskPhone(std::string_view nineDigits);

/// Stable translation key, e.g. "validate.phone.too_short".
std::string_view messageKey(PhoneError error);

} // namespace okienko::validate

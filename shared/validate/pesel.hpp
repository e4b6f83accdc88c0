// PESEL (Polish national identification number) validation: format, check digit, the birth date
// with its century encoded in the month, and the sex digit. Staff may record a PESEL at check-out;
// the kiosk keypad types digits only, so anything else in the input is an error, not noise to trim.
#pragma once

#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace okienko::validate
{

/// Why a PESEL was rejected. Checked in this order, so the first failing rule is reported.
enum class PeselError
{
    Empty,       ///< nothing typed
    NotDigits,   ///< a character other than ASCII 0-9 (spaces and dashes included)
    TooShort,    ///< fewer than 11 digits
    TooLong,     ///< more than 11 digits
    BadChecksum, ///< the 11th digit does not match digits 1-10 (the usual result of a typo)
    BadMonth,    ///< month field is not 01-12 plus a century offset of 0/20/40/60/80
    BadDate,     ///< month is valid but the day does not exist in it (incl. 29 Feb of non-leap years)
    InFuture,    ///< birth date after the given today
};

inline constexpr std::array<PeselError, 8> kAllPeselErrors{
    PeselError::Empty,       PeselError::NotDigits, PeselError::TooShort, PeselError::TooLong,
    PeselError::BadChecksum, PeselError::BadMonth,  PeselError::BadDate,  PeselError::InFuture};

enum class Sex
{
    Female,
    Male
};

/// What a valid PESEL tells about its holder.
struct PeselInfo
{
    std::string number; ///< the 11 digits, as typed
    Date birthDate;
    Sex sex = Sex::Female;

    friend bool operator==(const PeselInfo&, const PeselInfo&) = default;
};

/// Validates a PESEL. When `today` is given, a birth date after it is rejected (InFuture); a
/// person born today is accepted.
Result<PeselInfo, PeselError> validatePesel(std::string_view input, std::optional<Date> today = std::nullopt);

/// Stable translation key, e.g. "validate.pesel.checksum".
std::string_view messageKey(PeselError error);

} // namespace okienko::validate

// Staff PINs: what the kiosk's PIN keypad takes and what okienko-central hashes. A PIN is the
// only secret between a stolen kiosk's disk (which holds every staff member's PIN hash) and staff
// mode, so its length is the first defence: 6 digits are 10^6 guesses, 4 were only 10^4.
#pragma once

#include "shared/util/result.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace okienko::validate
{

/// The fewest digits a PIN may have (docs/operations.md, "Staff PINs").
inline constexpr std::size_t kStaffPinMinDigits = 6;
/// The most digits the keypad takes.
inline constexpr std::size_t kStaffPinMaxDigits = 8;

enum class StaffPinError
{
    NotDigits, ///< anything but 0-9 (the keypad has nothing else)
    TooShort,  ///< fewer than kStaffPinMinDigits digits
    TooLong,   ///< more than kStaffPinMaxDigits digits
};

inline constexpr std::array<StaffPinError, 3> kAllStaffPinErrors{StaffPinError::NotDigits, StaffPinError::TooShort,
                                                                 StaffPinError::TooLong};

/// Accepts 6 to 8 ASCII digits, nothing else (no spaces trimmed: the keypad types digits only).
Status<StaffPinError> validateStaffPin(std::string_view pin);

/// Stable translation key, e.g. "validate.staff_pin.too_short" (its text names {min} and {max}).
std::string_view messageKey(StaffPinError error);

} // namespace okienko::validate

// Polish postal codes ("kod pocztowy"), as the domain stores them: "NN-NNN".
#pragma once

#include "shared/util/result.hpp"

#include <array>
#include <string>
#include <string_view>

namespace okienko::validate
{

enum class PostalCodeError
{
    Empty,     ///< nothing but spaces
    BadFormat, ///< not "NN-NNN" or "NNNNN"
};

inline constexpr std::array<PostalCodeError, 2> kAllPostalCodeErrors{PostalCodeError::Empty,
                                                                     PostalCodeError::BadFormat};

/// Validates a postal code and returns it as "NN-NNN". Accepts "NN-NNN" and, because the kiosk's
/// numeric keypad has no dash, "NNNNN" (normalised by inserting the dash). Surrounding spaces are
/// ignored; anything else ("NN NNN", "NN–NNN" with an en dash, letters) is BadFormat.
Result<std::string, PostalCodeError> normalisePostalCode(std::string_view input);

/// Stable translation key, e.g. "validate.postal_code.format".
std::string_view messageKey(PostalCodeError error);

} // namespace okienko::validate

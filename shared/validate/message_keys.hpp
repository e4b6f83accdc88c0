// The full list of validation message keys, for the kiosk's translation check (every key must
// have a Polish, Ukrainian and English text) and for docs/validation-messages.md.
#pragma once

#include <string_view>
#include <vector>

namespace okienko::validate
{

/// Returned by messageKey() for a value outside its enum (a cast bug); translated like the others.
inline constexpr std::string_view kUnknownMessageKey = "validate.unknown";

/// Every key messageKey() can return, grouped by validator, kUnknownMessageKey last.
std::vector<std::string_view> allMessageKeys();

} // namespace okienko::validate

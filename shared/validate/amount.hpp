// Amounts of money a resident types in złoty (the fee calculator's monthly income): "1500",
// "1500,50" or "1500.50", as the income keypad and a USB keyboard type them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace okienko::validate
{

/// The amount in grosze: digits, then optionally one separator (',' or '.') and one or two
/// digits ("1500,5" is 1500,50 zł). Nothing else: no spaces, signs or thousands separators.
/// nullopt for anything else, an empty text, or more than 9 999 999,99 zł.
std::optional<std::int64_t> parseAmountGrosze(std::string_view input);

} // namespace okienko::validate

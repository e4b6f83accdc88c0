// Person names (first name, surname, or both in one field) as residents type them on the kiosk:
// Polish, Ukrainian and other European names, with hyphens and apostrophes.
#pragma once

#include "shared/util/result.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace okienko::validate
{

/// Why a name was rejected. Checked in this order, so the first failing rule is reported; the
/// character rules (ControlCharacter, Digit, InvalidCharacter) report the first offending character.
enum class PersonNameError
{
    Empty,             ///< nothing but spaces
    InvalidUtf8,       ///< malformed bytes: corrupted input, not something a keyboard types
    ControlCharacter,  ///< tab, newline or another control character
    Digit,             ///< 0-9
    InvalidCharacter,  ///< punctuation, symbols, emoji, letters of scripts we do not accept
    NoLetter,          ///< only hyphens and apostrophes
    LeadingSeparator,  ///< starts with a hyphen or apostrophe
    TrailingSeparator, ///< ends with a hyphen or apostrophe
    DoubleSeparator,   ///< two separators next to each other: "Anna--Maria", "Anna -Maria", "O''Brien"
    TooShort,          ///< fewer code points than the minimum
    TooLong,           ///< more code points than the maximum
};

inline constexpr std::array<PersonNameError, 11> kAllPersonNameErrors{PersonNameError::Empty,
                                                                      PersonNameError::InvalidUtf8,
                                                                      PersonNameError::ControlCharacter,
                                                                      PersonNameError::Digit,
                                                                      PersonNameError::InvalidCharacter,
                                                                      PersonNameError::NoLetter,
                                                                      PersonNameError::LeadingSeparator,
                                                                      PersonNameError::TrailingSeparator,
                                                                      PersonNameError::DoubleSeparator,
                                                                      PersonNameError::TooShort,
                                                                      PersonNameError::TooLong};

inline constexpr std::size_t kDefaultNameMinCodePoints = 2;
inline constexpr std::size_t kDefaultNameMaxCodePoints = 80;

/// Validates a name and returns it with surrounding spaces removed and runs of spaces collapsed
/// to one ("  Anna   Kowalska " → "Anna Kowalska"); everything else is kept exactly as typed.
///
/// Letters: ASCII A-Z a-z; Latin-1 letters U+00C0-U+00FF (not × ÷); Latin Extended-A
/// U+0100-U+017F (all Polish diacritics, Czech, Slovak, Lithuanian, Hungarian, Turkish …);
/// Cyrillic U+0400-U+045F plus Ґ ґ (the full Ukrainian alphabet incl. Є є І і Ї ї, and the
/// Belarusian and Russian letters). Separators: space, hyphen-minus '-', apostrophes ' ’ ʼ.
/// Decomposed accents (a letter followed by a combining mark) are InvalidCharacter: the kiosk's
/// keyboard only produces precomposed letters. Lengths count code points of the result.
Result<std::string, PersonNameError> validatePersonName(std::string_view input,
                                                        std::size_t minCodePoints = kDefaultNameMinCodePoints,
                                                        std::size_t maxCodePoints = kDefaultNameMaxCodePoints);

/// Stable translation key, e.g. "validate.name.digit".
std::string_view messageKey(PersonNameError error);

} // namespace okienko::validate

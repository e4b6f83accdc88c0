// Free text a resident or staff member writes (ideas for the idea box, notes, topics): any
// language, line breaks allowed, nothing invisible that could garble what staff later read.
#pragma once

#include "shared/util/result.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace okienko::validate
{

enum class FreeTextError
{
    InvalidUtf8,      ///< malformed bytes
    ControlCharacter, ///< a control character other than newline (tab and CR included)
    Empty,            ///< nothing but spaces and newlines, while a minimum length is required
    TooShort,         ///< fewer code points than the minimum
    TooLong,          ///< more code points than the maximum
};

inline constexpr std::array<FreeTextError, 5> kAllFreeTextErrors{FreeTextError::InvalidUtf8,
                                                                 FreeTextError::ControlCharacter, FreeTextError::Empty,
                                                                 FreeTextError::TooShort, FreeTextError::TooLong};

/// A free-text failure and where it is, so the UI can point at the offending character.
struct FreeTextFailure
{
    FreeTextError error = FreeTextError::Empty;
    /// For InvalidUtf8 and ControlCharacter: 0-based index, in code points of the input as given
    /// (before trimming), of the malformed sequence or control character. 0 for the other errors.
    std::size_t position = 0;

    friend bool operator==(const FreeTextFailure&, const FreeTextFailure&) = default;
};

/// Validates free text and returns it with leading and trailing spaces and newlines removed;
/// inside the text everything is kept. The first malformed sequence or control character, in
/// text order, is reported; the length rules apply to the trimmed text, in code points.
/// Rejected as ControlCharacter: U+0000-U+001F except newline (U+000A), U+007F-U+009F, and the
/// bidirectional embedding/override/isolate controls U+202A-U+202E and U+2066-U+2069 (they can
/// make text display differently from what was typed). CR is rejected: the kiosk types "\n" only.
/// With minCodePoints == 0 an empty text is valid (an optional field).
Result<std::string, FreeTextFailure> validateFreeText(std::string_view input, std::size_t minCodePoints,
                                                      std::size_t maxCodePoints);

/// Stable translation key, e.g. "validate.text.too_long".
std::string_view messageKey(FreeTextError error);

} // namespace okienko::validate

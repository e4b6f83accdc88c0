// Free-text validation: one pass over the input finds the first bad byte sequence or control
// character with its position; trimming and length checks work on the well-formed text after.
#include "shared/validate/free_text.hpp"

#include "shared/text/utf8.hpp"
#include "shared/validate/message_keys.hpp"

namespace okienko::validate
{

namespace
{

bool isForbiddenControl(char32_t cp)
{
    if (cp == U'\n')
        return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool isTrimmed(char c)
{
    return c == ' ' || c == '\n';
}

} // namespace

Result<std::string, FreeTextFailure> validateFreeText(std::string_view input, std::size_t minCodePoints,
                                                      std::size_t maxCodePoints)
{
    std::size_t pos = 0;
    std::size_t index = 0;
    while (pos < input.size())
    {
        const auto cp = text::decodeOne(input, pos);
        if (!cp)
            return makeErr(FreeTextFailure{FreeTextError::InvalidUtf8, index});
        if (isForbiddenControl(*cp))
            return makeErr(FreeTextFailure{FreeTextError::ControlCharacter, index});
        ++index;
    }

    // Space and newline are single bytes never found inside a multi-byte sequence, so trimming
    // bytes cannot cut a code point.
    std::size_t begin = 0;
    std::size_t end = input.size();
    while (begin < end && isTrimmed(input[begin]))
        ++begin;
    while (end > begin && isTrimmed(input[end - 1]))
        --end;
    const std::string_view trimmed = input.substr(begin, end - begin);

    const std::size_t length = text::codePointCount(trimmed);
    if (length == 0 && minCodePoints > 0)
        return makeErr(FreeTextFailure{FreeTextError::Empty, 0});
    if (length < minCodePoints)
        return makeErr(FreeTextFailure{FreeTextError::TooShort, 0});
    if (length > maxCodePoints)
        return makeErr(FreeTextFailure{FreeTextError::TooLong, 0});
    return std::string(trimmed);
}

std::string_view messageKey(FreeTextError error)
{
    switch (error)
    {
    case FreeTextError::InvalidUtf8:
        return "validate.text.invalid_utf8";
    case FreeTextError::ControlCharacter:
        return "validate.text.control_character";
    case FreeTextError::Empty:
        return "validate.text.empty";
    case FreeTextError::TooShort:
        return "validate.text.too_short";
    case FreeTextError::TooLong:
        return "validate.text.too_long";
    }
    return kUnknownMessageKey;
}

} // namespace okienko::validate

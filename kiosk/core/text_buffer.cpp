// UTF-8 text buffer with code-point length limits and input filters.
#include "kiosk/core/text_buffer.hpp"

#include "shared/text/utf8.hpp"

#include <algorithm>
#include <optional>

namespace okienko::kiosk
{

namespace
{

bool isLetter(char32_t cp)
{
    if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'))
    {
        return true;
    }
    // The same letters shared/validate accepts in names (docs/validation-messages.md), so the keyboard
    // never lets in a character the validator then rejects: Latin-1 letters (minus × and ÷),
    // Latin Extended-A (all Polish letters), Cyrillic U+0400–U+045F and Ґ ґ (all of Ukrainian).
    if (cp >= 0x00C0 && cp <= 0x017F)
    {
        return cp != 0x00D7 && cp != 0x00F7;
    }
    return (cp >= 0x0400 && cp <= 0x045F) || cp == 0x0490 || cp == 0x0491;
}

bool isPrintable(char32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
    {
        return false;
    }
    // Line/paragraph separators and bidi controls would let a field hold invisible text.
    if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF)
    {
        return false;
    }
    return true;
}

} // namespace

bool filterAccepts(InputFilter filter, char32_t cp)
{
    switch (filter)
    {
    case InputFilter::Any:
        return isPrintable(cp);
    case InputFilter::Digits:
        return cp >= U'0' && cp <= U'9';
    case InputFilter::PersonName:
        return isLetter(cp) || cp == U' ' || cp == U'-' || cp == U'\'' || cp == 0x02BC || cp == 0x2019;
    case InputFilter::Amount:
        return (cp >= U'0' && cp <= U'9') || cp == U',' || cp == U'.';
    }
    return false;
}

TextBuffer::TextBuffer(std::size_t maxCodePoints, InputFilter filter) : m_maxLength(maxCodePoints), m_filter(filter) {}

InsertResult TextBuffer::insert(std::string_view utf8)
{
    const std::optional<std::u32string> cps = text::decode(utf8);
    if (!cps)
    {
        return refuse(InsertResult::InvalidUtf8);
    }
    for (const char32_t cp : *cps)
    {
        if (!filterAccepts(m_filter, cp))
        {
            return refuse(InsertResult::Filtered, cp);
        }
    }
    // An amount has one decimal separator: a second one is refused like any other wrong key.
    if (m_filter == InputFilter::Amount)
    {
        const auto separators = [](std::string_view t)
        {
            return std::count_if(t.begin(), t.end(), [](char c) { return c == ',' || c == '.'; });
        };
        if (separators(m_text) + separators(utf8) > 1)
        {
            return refuse(InsertResult::Filtered, U',');
        }
    }
    if (m_length + cps->size() > m_maxLength)
    {
        return refuse(InsertResult::TooLong);
    }
    m_text.append(utf8);
    m_length += cps->size();
    m_refusal = InsertResult::Inserted;
    return InsertResult::Inserted;
}

InsertResult TextBuffer::insert(char32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    {
        return refuse(InsertResult::InvalidUtf8);
    }
    std::string encoded;
    text::appendUtf8(encoded, cp);
    return insert(std::string_view{encoded});
}

bool TextBuffer::backspace()
{
    if (m_text.empty())
    {
        return false;
    }
    text::popBackCodePoint(m_text);
    --m_length;
    m_refusal = InsertResult::Inserted;
    return true;
}

InsertResult TextBuffer::setText(std::string_view utf8)
{
    TextBuffer fresh(m_maxLength, m_filter);
    const InsertResult result = fresh.insert(utf8);
    if (result == InsertResult::Inserted)
    {
        *this = std::move(fresh);
    }
    return result;
}

std::string refusalMessageKey(const TextBuffer& buffer, bool personName)
{
    switch (buffer.refusal())
    {
    case InsertResult::Inserted:
        return {};
    case InsertResult::TooLong:
        return buffer.filter() == InputFilter::Digits ? "input.too_long_digits" : "input.too_long";
    case InsertResult::InvalidUtf8:
        return "input.character";
    case InsertResult::Filtered:
        break;
    }
    const char32_t cp = buffer.refusedCodePoint();
    const bool digit = cp >= U'0' && cp <= U'9';
    switch (buffer.filter())
    {
    case InputFilter::Digits:
        return "input.digits_only";
    case InputFilter::Amount:
        return "input.amount";
    case InputFilter::PersonName:
        if (personName)
            return digit ? "input.name_digit" : "input.name_character";
        return digit ? "input.no_digits" : "input.letters_only";
    case InputFilter::Any:
        break;
    }
    return "input.character";
}

} // namespace okienko::kiosk

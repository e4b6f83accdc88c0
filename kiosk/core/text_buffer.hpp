// App-owned text edited by the on-screen keyboard, keypad, a physical keyboard or a scanner. The
// text is UTF-8; length limits and Backspace work on whole code points, so "ż" or "ї" is one
// character, and a filter keeps characters a field cannot hold out of it from the start.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace okienko::kiosk
{

enum class InputFilter
{
    Any,        ///< Any printable character (no control characters).
    Digits,     ///< 0-9 only: phone numbers, PINs, PESEL.
    PersonName, ///< Letters (Latin incl. Polish, Cyrillic), space, hyphen, apostrophes ' ʼ ’.
    Amount,     ///< 0-9 and one decimal separator, ',' or '.': an amount in złoty ("1500,50").
};

/// True when `filter` accepts the code point.
bool filterAccepts(InputFilter filter, char32_t cp);

enum class InsertResult
{
    Inserted,
    Filtered,    ///< A character the filter does not accept; nothing inserted.
    TooLong,     ///< The text would exceed the maximum length; nothing inserted.
    InvalidUtf8, ///< Malformed input; nothing inserted.
};

class TextBuffer
{
  public:
    explicit TextBuffer(std::size_t maxCodePoints = 256, InputFilter filter = InputFilter::Any);

    /// Appends `utf8` (one key's text, or a scanned/typed run) all-or-nothing.
    InsertResult insert(std::string_view utf8);
    /// Appends one code point.
    InsertResult insert(char32_t cp);
    /// Deletes the last whole code point. Returns false when already empty.
    bool backspace();
    void clear()
    {
        m_text.clear();
        m_length = 0;
        m_refusal = InsertResult::Inserted;
    }
    /// Replaces the text (e.g. restoring a field); the same checks as insert apply. On failure the
    /// old text stays.
    InsertResult setText(std::string_view utf8);

    const std::string& text() const { return m_text; }
    /// Length in code points.
    std::size_t length() const { return m_length; }
    bool empty() const { return m_text.empty(); }
    std::size_t maxLength() const { return m_maxLength; }
    InputFilter filter() const { return m_filter; }

    /// Why the last insert was refused (Filtered, TooLong…), so the field can say so; Inserted once
    /// an edit succeeds (insert, backspace, clear) or the text is set.
    InsertResult refusal() const { return m_refusal; }
    /// The first character the filter refused (with refusal() == Filtered); 0 otherwise.
    char32_t refusedCodePoint() const { return m_refusedCp; }

  private:
    InsertResult refuse(InsertResult why, char32_t cp = 0)
    {
        m_refusal = why;
        m_refusedCp = cp;
        return why;
    }

    std::string m_text;
    std::size_t m_length = 0;
    std::size_t m_maxLength;
    InputFilter m_filter;
    InsertResult m_refusal = InsertResult::Inserted;
    char32_t m_refusedCp = 0;
};

/// The translation key of what the field says about its last refused character ("input.too_long",
/// "input.name_digit"…; "{max}" is the buffer's limit); empty when nothing was refused. `personName`:
/// the field holds a person's name, so a refused digit is explained as such.
std::string refusalMessageKey(const TextBuffer& buffer, bool personName);

} // namespace okienko::kiosk

// UTF-8 decoding and encoding. Everything a user types or a catalogue file holds passes through
// here, so decoding is strict: overlong forms, surrogates and code points past U+10FFFF are errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::text
{

/// Decodes one code point starting at `pos`; advances `pos`. Returns nullopt on malformed input
/// (then `pos` is left unchanged).
std::optional<char32_t> decodeOne(std::string_view s, std::size_t& pos);

/// True when the whole string is well-formed UTF-8.
bool isValidUtf8(std::string_view s);

/// Byte offset of the first malformed sequence, or nullopt when the string is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view s);

/// Decodes a valid string to code points; nullopt if it is malformed.
std::optional<std::u32string> decode(std::string_view s);

/// Appends the UTF-8 encoding of one code point.
void appendUtf8(std::string& out, char32_t cp);
std::string encode(std::u32string_view cps);

/// Number of code points in a valid string (malformed bytes count one each).
std::size_t codePointCount(std::string_view s);

/// Removes the last code point (not the last byte): what Backspace must do on "ż" or "ї".
void popBackCodePoint(std::string& s);

} // namespace okienko::text

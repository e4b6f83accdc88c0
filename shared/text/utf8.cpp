#include "shared/text/utf8.hpp"

namespace okienko::text
{

std::optional<char32_t> decodeOne(std::string_view s, std::size_t& pos)
{
    if (pos >= s.size())
        return std::nullopt;
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80)
    {
        ++pos;
        return static_cast<char32_t>(b0);
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0)
    {
        len = 2;
        cp = b0 & 0x1Fu;
        min = 0x80;
    }
    else if ((b0 & 0xF0) == 0xE0)
    {
        len = 3;
        cp = b0 & 0x0Fu;
        min = 0x800;
    }
    else if ((b0 & 0xF8) == 0xF0)
    {
        len = 4;
        cp = b0 & 0x07u;
        min = 0x10000;
    }
    else
        return std::nullopt;
    if (pos + len > s.size())
        return std::nullopt;
    for (std::size_t i = 1; i < len; ++i)
    {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80)
            return std::nullopt;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return std::nullopt;
    pos += len;
    return cp;
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view s)
{
    std::size_t pos = 0;
    while (pos < s.size())
    {
        if (!decodeOne(s, pos))
            return pos;
    }
    return std::nullopt;
}

bool isValidUtf8(std::string_view s)
{
    return !firstInvalidUtf8(s).has_value();
}

std::optional<std::u32string> decode(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size())
    {
        const auto cp = decodeOne(s, pos);
        if (!cp)
            return std::nullopt;
        out.push_back(*cp);
    }
    return out;
}

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80)
        out.push_back(static_cast<char>(cp));
    else if (cp < 0x800)
    {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    else if (cp < 0x10000)
    {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    else
    {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encode(std::u32string_view cps)
{
    std::string out;
    out.reserve(cps.size() * 2);
    for (char32_t cp : cps)
        appendUtf8(out, cp);
    return out;
}

std::size_t codePointCount(std::string_view s)
{
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos < s.size())
    {
        if (!decodeOne(s, pos))
            ++pos;
        ++n;
    }
    return n;
}

void popBackCodePoint(std::string& s)
{
    if (s.empty())
        return;
    std::size_t i = s.size() - 1;
    // Step back over continuation bytes, at most three, to the lead byte.
    while (i > 0 && s.size() - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
        --i;
    s.erase(i);
}

} // namespace okienko::text

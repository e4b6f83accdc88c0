// The log escaping rule: one byte pattern per control, two for the UTF-8 C1 range.
#include "shared/util/log_escape.hpp"

namespace okienko::util
{

namespace
{
void appendEscaped(std::string& out, unsigned value)
{
    static const char kHex[] = "0123456789abcdef";
    out += "\\x";
    out.push_back(kHex[(value >> 4) & 0xF]);
    out.push_back(kHex[value & 0xF]);
}
} // namespace

std::string escapeForLog(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7F || byte == '\\')
        {
            appendEscaped(out, byte);
            continue;
        }
        // U+0080 … U+009F are C2 80 … C2 9F in UTF-8.
        if (byte == 0xC2 && i + 1 < text.size())
        {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F)
            {
                appendEscaped(out, next);
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(byte));
    }
    return out;
}

} // namespace okienko::util

#include "shared/util/uuid.hpp"

#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <sys/random.h>

namespace okienko
{

void secureRandomBytes(void* out, std::size_t size)
{
    auto* p = static_cast<unsigned char*>(out);
    while (size > 0)
    {
        const ssize_t n = getrandom(p, size, 0);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            // Without randomness no id or token may be made; carrying on would risk collisions.
            throw std::runtime_error("getrandom failed");
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

std::string newUuid()
{
    std::array<unsigned char, 16> b{};
    secureRandomBytes(b.data(), b.size());
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

bool isUuid(const std::string& text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23)
        {
            if (c != '-')
                return false;
        }
        else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace okienko

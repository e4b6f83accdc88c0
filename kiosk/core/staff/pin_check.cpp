// Offline PIN verification (see pin_check.hpp).
#include "kiosk/core/staff/pin_check.hpp"

#include <sodium.h>

namespace okienko::kiosk
{

std::optional<std::string> findStaffByPin(const std::vector<PinCandidate>& candidates, std::string_view pin)
{
    if (sodium_init() < 0 || pin.empty())
        return std::nullopt;
    std::optional<std::string> match;
    for (const PinCandidate& c : candidates)
    {
        const bool ok = crypto_pwhash_str_verify(c.pinHash.c_str(), pin.data(), pin.size()) == 0;
        if (ok && !match)
            match = c.staffId;
    }
    return match;
}

} // namespace okienko::kiosk

// Status codes of the equipment waiting list (see waiting_list.hpp).
#include "shared/domain/waiting_list.hpp"

namespace okienko::domain
{

std::string_view waitlistStatusCode(WaitlistStatus status)
{
    switch (status)
    {
    case WaitlistStatus::Waiting:
        return "waiting";
    case WaitlistStatus::Offered:
        return "offered";
    case WaitlistStatus::Taken:
        return "taken";
    case WaitlistStatus::Declined:
        return "declined";
    case WaitlistStatus::Expired:
        return "expired";
    case WaitlistStatus::Withdrawn:
        return "withdrawn";
    }
    return "waiting";
}

std::optional<WaitlistStatus> parseWaitlistStatus(std::string_view code)
{
    for (WaitlistStatus s : kAllWaitlistStatuses)
        if (waitlistStatusCode(s) == code)
            return s;
    return std::nullopt;
}

} // namespace okienko::domain

// The equipment waiting list (product: "a real waiting list"): a resident who found no unit of a type
// free for the period they need joins the queue for that type; when a unit of the type comes back and
// is cleaned, the first in the queue is offered it and the unit is held for them for a while.
#pragma once

#include "shared/domain/language.hpp"
#include "shared/util/date.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace okienko::domain
{

/// Where one entry of the queue stands. Waiting and Offered are open; the others are outcomes.
enum class WaitlistStatus
{
    Waiting,   ///< in the queue, nothing offered yet
    Offered,   ///< a unit is held for the entry; a coordinator is to phone
    Taken,     ///< the resident took the offered unit
    Declined,  ///< the resident did not want it: the next in the queue gets it
    Expired,   ///< the hold ran out before an answer: the next in the queue gets it
    Withdrawn, ///< the resident (or a coordinator for them) left the queue
};

inline constexpr std::array<WaitlistStatus, 6> kAllWaitlistStatuses{WaitlistStatus::Waiting, WaitlistStatus::Offered,
                                                                    WaitlistStatus::Taken,   WaitlistStatus::Declined,
                                                                    WaitlistStatus::Expired, WaitlistStatus::Withdrawn};

/// "waiting", "offered", "taken", "declined", "expired", "withdrawn" (the server's column values).
std::string_view waitlistStatusCode(WaitlistStatus status);
std::optional<WaitlistStatus> parseWaitlistStatus(std::string_view code);

/// What a resident leaves at the kiosk: the type, the period they needed, a name and a phone number
/// to be called on, and the language to be called in. The id is the event id (waitlist.joined).
struct WaitlistJoin
{
    std::string id;
    std::string code;     ///< reference code on the completion screen (a callback's 'T' kind: "we will phone")
    std::string typeId;   ///< equipment type
    Date wantedFrom;      ///< the first day the resident needed the equipment
    int loanDays = 1;     ///< for how long
    std::string name;     ///< PERSONAL
    std::string phone;    ///< PERSONAL, normalised 9 digits
    bool consent = false; ///< the information clause was acknowledged before the data was typed
    Language language = Language::Pl;
    std::string kioskId;
    std::int64_t createdAt = 0;
};

} // namespace okienko::domain

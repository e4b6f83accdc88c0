// What the waiting-list page, the callback queue and the report read of the equipment waiting list:
// one entry with its offer and outcome, and a type's counts over a period. Codes, not labels.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace okienko::server
{

/// One entry of a type's queue (open ones in queue order, then outcomes, newest first).
struct WaitlistEntryView
{
    std::string id, code, typeId, typeName;
    int position = 0;   ///< 1… among the waiting entries of the type; 0 once offered or resolved
    std::string status; ///< domain::waitlistStatusCode
    std::string name, phone, language, kioskName; ///< name and phone "" once retention erased them
    std::string wantedFrom;                       ///< "YYYY-MM-DD"
    int loanDays = 0;
    std::int64_t joinedAt = 0;
    std::string inventoryNumber;               ///< the unit offered; "" before an offer
    std::int64_t offeredAt = 0, holdUntil = 0; ///< 0 before an offer
    bool holdActive = false;                   ///< the unit is held for the entry now
    std::int64_t resolvedAt = 0;               ///< 0 while open
    std::string resolvedBy;                    ///< staff name, or "system"/"kiosk"
};

/// A type's waiting list over a report's period.
struct WaitlistSummary
{
    std::string typeId, typeName;
    std::int64_t joined = 0;                                          ///< joins received in the period
    std::int64_t offered = 0;                                         ///< offers made in the period
    std::int64_t taken = 0, declined = 0, expired = 0, withdrawn = 0; ///< outcomes recorded in the period
    std::int64_t waitingNow = 0; ///< still waiting at the end of the period (joined before it, not yet offered)
    std::optional<double> medianWaitDays; ///< joining → offer, over the offers made in the period
};

enum class WaitlistDecision
{
    Taken,
    Declined,
    Withdrawn,
};

enum class WaitlistDecisionOutcome
{
    Recorded,
    NotAllowed,
    Unknown,
};

} // namespace okienko::server

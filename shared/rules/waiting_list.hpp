// The equipment waiting list's rules, without a database: who is first in a type's queue, which
// outcomes a coordinator may record from which state, when a hold is active or has lapsed, how a
// held unit occupies the availability ledger, and the median wait the report shows. The server's
// queue (server/waitlist_store) applies them inside its write transactions.
#pragma once

#include "shared/domain/reservation.hpp"
#include "shared/domain/waiting_list.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace okienko::rules
{

/// One entry of a type's queue as the rules need it.
struct QueueEntry
{
    std::string id;
    domain::WaitlistStatus status = domain::WaitlistStatus::Waiting;
    std::int64_t joinedAt = 0; ///< server clock when the join arrived: the queue's order
    std::int64_t seq = 0;      ///< arrival order within the same second
    std::optional<std::int64_t> holdUntil;
    std::optional<std::int64_t> holdReleasedAt; ///< the hold ended before holdUntil (declined, lent, withdrawn)
};

/// The bounds of `[waiting_list] hold_hours` (central.toml): at least an hour, at most two weeks.
inline constexpr int kMinHoldHours = 1;
inline constexpr int kMaxHoldHours = 336;

/// The earliest waiting entry (by joinedAt, then seq): the one a freed unit is offered to; nullopt
/// when nobody waits.
std::optional<std::size_t> firstInQueue(std::span<const QueueEntry> entries);
/// 1 for the first waiting entry, 2 for the next…; 0 for an entry that is not waiting (or unknown).
int queuePosition(std::span<const QueueEntry> entries, const std::string& id);

/// When a hold made at `offeredAt` ends.
std::int64_t holdEnd(std::int64_t offeredAt, int holdHours);
/// The unit is held for the entry at `now`: offered or taken, not released, and before its end.
bool holdActive(const QueueEntry& entry, std::int64_t now);
/// The hold ran out at `now` without being released (the sweep ends it; an offer becomes Expired).
bool holdLapsed(const QueueEntry& entry, std::int64_t now);

/// Whether a coordinator (or the sweep) may move an entry from `from` to `to`: Offered → Taken,
/// Declined or Expired; Waiting or Offered → Withdrawn. Nothing leaves an outcome.
bool outcomeAllowed(domain::WaitlistStatus from, domain::WaitlistStatus to);
/// An offer ending this way frees its unit for the next in the queue.
bool passesUnitOn(domain::WaitlistStatus from, domain::WaitlistStatus to);

/// The held unit as an open loan for rules::AvailabilityLedger: it occupies that very unit from
/// `today` through the day the hold ends, so no reservation can take it meanwhile.
domain::Loan holdAsLoan(const std::string& inventoryNumber, const std::string& typeId, Date today, Date lastHeldDay);

/// The median of the waits (seconds from joining to the offer), in days; nullopt without any.
std::optional<double> medianWaitDays(std::vector<std::int64_t> waitSeconds);

} // namespace okienko::rules

// The waiting list's rules (see waiting_list.hpp).
#include "shared/rules/waiting_list.hpp"

#include <algorithm>

namespace okienko::rules
{

using domain::WaitlistStatus;

std::optional<std::size_t> firstInQueue(std::span<const QueueEntry> entries)
{
    std::optional<std::size_t> first;
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const QueueEntry& e = entries[i];
        if (e.status != WaitlistStatus::Waiting)
            continue;
        if (!first || e.joinedAt < entries[*first].joinedAt ||
            (e.joinedAt == entries[*first].joinedAt && e.seq < entries[*first].seq))
            first = i;
    }
    return first;
}

int queuePosition(std::span<const QueueEntry> entries, const std::string& id)
{
    auto it = std::find_if(entries.begin(), entries.end(), [&](const QueueEntry& e) { return e.id == id; });
    if (it == entries.end() || it->status != WaitlistStatus::Waiting)
        return 0;
    int ahead = 0;
    for (const QueueEntry& e : entries)
        if (e.status == WaitlistStatus::Waiting &&
            (e.joinedAt < it->joinedAt || (e.joinedAt == it->joinedAt && e.seq < it->seq)))
            ++ahead;
    return ahead + 1;
}

std::int64_t holdEnd(std::int64_t offeredAt, int holdHours)
{
    return offeredAt + std::int64_t{3600} * std::clamp(holdHours, kMinHoldHours, kMaxHoldHours);
}

namespace
{
bool holdsAUnit(const QueueEntry& e)
{
    return (e.status == WaitlistStatus::Offered || e.status == WaitlistStatus::Taken) && e.holdUntil &&
           !e.holdReleasedAt;
}
} // namespace

bool holdActive(const QueueEntry& entry, std::int64_t now)
{
    return holdsAUnit(entry) && now < *entry.holdUntil;
}

bool holdLapsed(const QueueEntry& entry, std::int64_t now)
{
    return holdsAUnit(entry) && now >= *entry.holdUntil;
}

bool outcomeAllowed(WaitlistStatus from, WaitlistStatus to)
{
    switch (to)
    {
    case WaitlistStatus::Taken:
    case WaitlistStatus::Declined:
    case WaitlistStatus::Expired:
        return from == WaitlistStatus::Offered;
    case WaitlistStatus::Withdrawn:
        return from == WaitlistStatus::Waiting || from == WaitlistStatus::Offered;
    case WaitlistStatus::Waiting:
    case WaitlistStatus::Offered:
        return false;
    }
    return false;
}

bool passesUnitOn(WaitlistStatus from, WaitlistStatus to)
{
    return from == WaitlistStatus::Offered && outcomeAllowed(from, to) && to != WaitlistStatus::Taken;
}

domain::Loan holdAsLoan(const std::string& inventoryNumber, const std::string& typeId, Date today, Date lastHeldDay)
{
    domain::Loan hold;
    hold.inventoryNumber = inventoryNumber;
    hold.typeId = typeId;
    hold.start = today;
    hold.due = std::max(today, lastHeldDay);
    return hold;
}

std::optional<double> medianWaitDays(std::vector<std::int64_t> waitSeconds)
{
    if (waitSeconds.empty())
        return std::nullopt;
    std::sort(waitSeconds.begin(), waitSeconds.end());
    const std::size_t n = waitSeconds.size();
    const double seconds =
        n % 2 == 1 ? static_cast<double>(waitSeconds[n / 2])
                   : (static_cast<double>(waitSeconds[n / 2 - 1]) + static_cast<double>(waitSeconds[n / 2])) / 2.0;
    return seconds / 86400.0;
}

} // namespace okienko::rules

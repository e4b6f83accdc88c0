// Availability ledger: turns units, loans and reservations into per-day occupancy and guards every
// new booking against it.
#include "shared/rules/availability.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace okienko::rules
{

namespace
{

bool isLendable(domain::UnitState state)
{
    switch (state)
    {
    case domain::UnitState::Available:
    case domain::UnitState::Reserved:
    case domain::UnitState::OnLoan:
        return true;
    case domain::UnitState::Cleaning:
    case domain::UnitState::Repair:
    case domain::UnitState::Retired:
        return false;
    }
    return false;
}

using Interval = std::pair<std::int64_t, std::int64_t>; // [first, endExclusive)

} // namespace

AvailabilityLedger::AvailabilityLedger(std::string typeId, std::span<const domain::EquipmentUnit> units,
                                       std::span<const domain::Loan> loans,
                                       std::span<const domain::Reservation> reservations, Date today,
                                       LedgerOptions options)
    : m_typeId(std::move(typeId)), m_today(today), m_todayDays(today.toDays())
{
    const int hold = std::max(0, options.overdueHoldDays);

    // Units with an open loan record, so that an OnLoan state without one can be told apart.
    std::set<std::string> withOpenLoan;
    for (const auto& loan : loans)
        if (loan.typeId == m_typeId && loan.isOpen())
            withOpenLoan.insert(loan.inventoryNumber);

    std::map<std::string, std::vector<Interval>> loanDaysByUnit;
    for (const auto& unit : units)
    {
        if (unit.typeId != m_typeId || !isLendable(unit.state))
            continue;
        if (unit.state == domain::UnitState::OnLoan && !withOpenLoan.contains(unit.inventoryNumber))
            continue;
        if (loanDaysByUnit.contains(unit.inventoryNumber))
            continue; // the same inventory number listed twice is one physical unit
        loanDaysByUnit[unit.inventoryNumber];
        ++m_capacity;
    }

    for (const auto& loan : loans)
    {
        if (loan.typeId != m_typeId)
            continue;
        auto it = loanDaysByUnit.find(loan.inventoryNumber);
        if (it == loanDaysByUnit.end())
            continue;
        const std::int64_t first = loan.start.toDays();
        std::int64_t end = 0;
        if (loan.returnedOn)
            end = loan.returnedOn->toDays();
        else
        {
            end = loan.due.toDays() + 1;
            if (loan.due.toDays() < m_todayDays)
                end = std::max(end, m_todayDays + hold + 1);
        }
        if (end > first)
            it->second.emplace_back(first, end);
    }

    // Merge each unit's loan intervals so that one unit is never counted twice on a day.
    for (auto& [inventory, intervals] : loanDaysByUnit)
    {
        std::sort(intervals.begin(), intervals.end());
        std::int64_t curFirst = 0;
        std::int64_t curEnd = 0;
        bool open = false;
        for (const auto& [first, end] : intervals)
        {
            if (open && first <= curEnd)
            {
                curEnd = std::max(curEnd, end);
                continue;
            }
            if (open)
                occupy(curFirst, curEnd);
            curFirst = first;
            curEnd = end;
            open = true;
        }
        if (open)
            occupy(curFirst, curEnd);
    }

    for (const auto& reservation : reservations)
    {
        if (reservation.typeId != m_typeId || !domain::occupiesUnit(reservation.status))
            continue;
        if (reservation.period.days < 1)
            continue;
        const std::int64_t first = reservation.period.first.toDays();
        occupy(first, first + reservation.period.days);
    }
}

void AvailabilityLedger::occupy(std::int64_t firstDay, std::int64_t endDayExclusive)
{
    m_delta[firstDay] += 1;
    m_delta[endDayExclusive] -= 1;
}

int AvailabilityLedger::occupiedOnDay(std::int64_t day) const
{
    int count = 0;
    for (auto it = m_delta.begin(); it != m_delta.end() && it->first <= day; ++it)
        count += it->second;
    return count;
}

std::vector<int> AvailabilityLedger::occupiedOverDays(std::int64_t firstDay, std::int64_t count) const
{
    std::vector<int> out(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)), 0);
    if (out.empty())
        return out;
    int running = 0;
    auto it = m_delta.begin();
    for (; it != m_delta.end() && it->first <= firstDay; ++it)
        running += it->second;
    for (std::int64_t i = 0; i < count; ++i)
    {
        const std::int64_t day = firstDay + i;
        for (; it != m_delta.end() && it->first <= day; ++it)
            running += it->second;
        out[static_cast<std::size_t>(i)] = running;
    }
    return out;
}

int AvailabilityLedger::occupiedOn(Date day) const
{
    return occupiedOnDay(day.toDays());
}

int AvailabilityLedger::freeOn(Date day) const
{
    return std::max(0, m_capacity - occupiedOn(day));
}

std::optional<BookingError> AvailabilityLedger::checkRange(DateRange range) const
{
    if (range.days < 1)
        return BookingError::EmptyRange;
    if (range.days > kMaxBookingDays)
        return BookingError::TooLong;
    return std::nullopt;
}

int AvailabilityLedger::freeUnits(DateRange range) const
{
    if (checkRange(range))
        return 0;
    const auto occupied = occupiedOverDays(range.first.toDays(), range.days);
    const int most = *std::max_element(occupied.begin(), occupied.end());
    return std::max(0, m_capacity - most);
}

bool AvailabilityLedger::canBook(DateRange range) const
{
    if (checkRange(range) || range.first.toDays() < m_todayDays)
        return false;
    return freeUnits(range) > 0;
}

Result<Booking, BookingError> AvailabilityLedger::tryBook(DateRange range)
{
    if (auto error = checkRange(range))
        return makeErr(*error);
    if (range.first.toDays() < m_todayDays)
        return makeErr(BookingError::StartsInPast);
    const int freeBefore = freeUnits(range);
    if (freeBefore < 1)
        return makeErr(BookingError::NoUnitFree);
    const std::int64_t first = range.first.toDays();
    occupy(first, first + range.days);
    return Booking{range, freeBefore - 1};
}

std::optional<Date> AvailabilityLedger::nextAvailableStart(DateRange wanted, Date searchUntil) const
{
    if (checkRange(wanted) || m_capacity < 1)
        return std::nullopt;
    const std::int64_t from = std::max(wanted.first.toDays(), m_todayDays);
    const std::int64_t until = searchUntil.toDays();
    if (until < from)
        return std::nullopt;
    const std::int64_t length = wanted.days;
    const auto occupied = occupiedOverDays(from, until - from + length);
    // Slide over the days: a full day inside the window moves the next candidate past it, so every
    // day is looked at a bounded number of times.
    std::int64_t start = from;
    std::int64_t day = from;
    while (start <= until)
    {
        if (day == start + length)
            return Date::fromDays(start);
        if (occupied[static_cast<std::size_t>(day - from)] >= m_capacity)
        {
            start = day + 1;
            day = start;
            continue;
        }
        ++day;
    }
    return std::nullopt;
}

std::vector<Date> AvailabilityLedger::overbookedDays(DateRange window) const
{
    std::vector<Date> out;
    if (checkRange(window))
        return out;
    const std::int64_t first = window.first.toDays();
    const auto occupied = occupiedOverDays(first, window.days);
    for (std::size_t i = 0; i < occupied.size(); ++i)
        if (occupied[i] > m_capacity)
            out.push_back(Date::fromDays(first + static_cast<std::int64_t>(i)));
    return out;
}

} // namespace okienko::rules

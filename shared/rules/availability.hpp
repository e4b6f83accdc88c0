// Equipment availability for one equipment type: which days have a unit free, and the only way to
// book one. product.md §4 and §10: "a unit is lent or reserved twice for overlapping time" must never
// happen, so every booking goes through AvailabilityLedger::tryBook, which refuses anything that
// would take any day of the range above the lendable units.
#pragma once

#include "shared/domain/equipment.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace okienko::rules
{

/// Why a range cannot be booked or asked about.
enum class BookingError
{
    EmptyRange,   ///< days < 1
    TooLong,      ///< longer than kMaxBookingDays
    StartsInPast, ///< first day before the ledger's today
    NoUnitFree,   ///< at least one day of the range has no lendable unit left
};

/// No loan or reservation is longer than this (the type maxima are far below it; staff overrides are
/// capped at kAbsoluteMaxLoanDays in loan_period.hpp). It bounds every per-day computation.
inline constexpr int kMaxBookingDays = 366;

/// Tunables of how records turn into occupied days.
struct LedgerOptions
{
    /// An overdue open loan (due before today) has no known end. It is assumed to come back no
    /// earlier than today + overdueHoldDays, so it blocks its unit through that day: by default
    /// through today and tomorrow. Blocking it for ever would show "nothing available" for a type as
    /// long as one borrower is late; blocking less would offer a unit for pick-up tomorrow morning
    /// that is still at someone's home. Once it is returned, the returned loan frees the unit.
    int overdueHoldDays = 1;
};

/// A booking that tryBook accepted and recorded.
struct Booking
{
    DateRange period;
    int unitsLeft = 0; ///< the fewest units still free on any day of the period after this booking
};

/// The occupancy of one equipment type, built from its units, loans and reservations as they are
/// now. Occupation rules (all days are whole calendar days, inclusive of both ends where stated):
/// - Capacity: units of the type in state Available, Reserved or OnLoan. Cleaning, Repair and Retired
///   units are out of lending until staff change their state, so they never count. A unit whose
///   state is OnLoan but for which no open loan was given is also left out: we cannot know when it
///   comes back, and counting it free could lend it twice.
/// - A loan occupies its own unit (by inventory number) from `start` through `due` inclusive (the
///   due day is the return day; the unit can go out again the day after). A returned loan occupies
///   [start, returnedOn) and so frees the unit from the return day. An overdue open loan occupies
///   through max(due, today + overdueHoldDays). Loans on units that are not part of the capacity
///   (other types, unknown or out-of-service units) change nothing. Several open loans on one unit
///   (a data error) occupy it once per day, not twice.
/// - A reservation is for the type, not a unit: while occupiesUnit(status) it takes one unit on each
///   day of its period [first, first + days).
/// Free units on a day = capacity − units occupied by loans − reservations that day. Existing records
/// may already exceed capacity (provisional requests that collided); such days show 0 free.
class AvailabilityLedger
{
  public:
    /// Records of other types are ignored, so whole catalogue lists may be passed.
    AvailabilityLedger(std::string typeId, std::span<const domain::EquipmentUnit> units,
                       std::span<const domain::Loan> loans, std::span<const domain::Reservation> reservations,
                       Date today, LedgerOptions options = {});

    const std::string& typeId() const { return m_typeId; }
    Date today() const { return m_today; }
    /// Lendable units of the type.
    int capacity() const { return m_capacity; }

    /// Units occupied on one day (may exceed capacity when existing records collide).
    int occupiedOn(Date day) const;
    /// Lendable units free on one day, never negative.
    int freeOn(Date day) const;
    /// The minimum over the days of `range` of free units; 0 for an empty or over-long range.
    int freeUnits(DateRange range) const;
    /// True when tryBook(range) would succeed.
    bool canBook(DateRange range) const;
    /// Books one unit of the type for `range` when every day keeps within capacity, and records it
    /// so that later calls see it. Nothing is recorded on failure.
    Result<Booking, BookingError> tryBook(DateRange range);
    /// The first start day ≥ max(wanted.first, today) and ≤ searchUntil on which a booking of
    /// wanted.days fits; nullopt when there is none (or `wanted` is empty or over-long).
    std::optional<Date> nextAvailableStart(DateRange wanted, Date searchUntil) const;
    /// Days in `window` (at most kMaxBookingDays long; empty otherwise) on which existing records
    /// already exceed capacity, for a coordinator to resolve.
    std::vector<Date> overbookedDays(DateRange window) const;

  private:
    void occupy(std::int64_t firstDay, std::int64_t endDayExclusive);
    int occupiedOnDay(std::int64_t day) const;
    /// Occupied units on each day of [firstDay, firstDay + count).
    std::vector<int> occupiedOverDays(std::int64_t firstDay, std::int64_t count) const;
    std::optional<BookingError> checkRange(DateRange range) const;

    std::string m_typeId;
    Date m_today;
    std::int64_t m_todayDays = 0;
    int m_capacity = 0;
    /// Change of the occupied count starting on a day (days since the epoch); prefix sums give the
    /// per-day count. Only the constructor and a successful tryBook add to it.
    std::map<std::int64_t, int> m_delta;
};

} // namespace okienko::rules

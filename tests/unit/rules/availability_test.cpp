// Availability ledger: no unit of a type is ever booked beyond the units that can be lent.
#include "shared/rules/availability.hpp"

#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

using okienko::Date;
using okienko::DateRange;
using okienko::domain::EquipmentUnit;
using okienko::domain::Loan;
using okienko::domain::Reservation;
using okienko::domain::ReservationStatus;
using okienko::domain::UnitState;
using okienko::rules::AvailabilityLedger;
using okienko::rules::BookingError;
using okienko::rules::LedgerOptions;

namespace
{

const std::string kType = "wozek-inwalidzki";
const Date kToday{2026, 3, 2};

Date day(int offset)
{
    return kToday.plusDays(offset);
}

EquipmentUnit unit(const std::string& inventory, UnitState state = UnitState::Available,
                   const std::string& type = kType)
{
    EquipmentUnit u;
    u.inventoryNumber = inventory;
    u.typeId = type;
    u.state = state;
    return u;
}

Loan loan(const std::string& inventory, Date start, Date due, std::optional<Date> returnedOn = std::nullopt)
{
    Loan l;
    l.id = "loan-" + inventory + "-" + start.iso();
    l.inventoryNumber = inventory;
    l.typeId = kType;
    l.start = start;
    l.due = due;
    l.returnedOn = returnedOn;
    return l;
}

Reservation reservation(DateRange period, ReservationStatus status = ReservationStatus::Held,
                        const std::string& type = kType)
{
    Reservation r;
    r.id = "res-" + period.first.iso() + "-" + std::to_string(period.days);
    r.typeId = type;
    r.period = period;
    r.status = status;
    return r;
}

std::vector<EquipmentUnit> availableUnits(int count)
{
    std::vector<EquipmentUnit> units;
    for (int i = 0; i < count; ++i)
        units.push_back(unit("LAP-WI-00" + std::to_string(i + 1)));
    return units;
}

} // namespace

TEST(AvailabilityLedger, RefusesEmptyOverlongAndPastRanges)
{
    AvailabilityLedger ledger(kType, availableUnits(2), {}, {}, kToday);
    auto empty = ledger.tryBook({day(1), 0});
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error(), BookingError::EmptyRange);
    auto negative = ledger.tryBook({day(1), -3});
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error(), BookingError::EmptyRange);
    auto tooLong = ledger.tryBook({day(1), okienko::rules::kMaxBookingDays + 1});
    ASSERT_FALSE(tooLong.ok());
    EXPECT_EQ(tooLong.error(), BookingError::TooLong);
    auto past = ledger.tryBook({day(-1), 3});
    ASSERT_FALSE(past.ok());
    EXPECT_EQ(past.error(), BookingError::StartsInPast);
    EXPECT_EQ(ledger.freeUnits({day(1), 0}), 0);
    EXPECT_FALSE(ledger.canBook({day(-1), 3}));
    // None of the refusals took a unit.
    EXPECT_EQ(ledger.freeUnits({day(-1), 10}), 2);
    EXPECT_TRUE(ledger.tryBook({kToday, okienko::rules::kMaxBookingDays}).ok());
}

TEST(AvailabilityLedger, OverlappingReservationsUpToCapacityThenOneMoreIsRefused)
{
    // Three units; three reservations that all cover day 10 but start and end on different days.
    const std::vector<Reservation> existing{reservation({day(5), 10}), reservation({day(8), 5}),
                                            reservation({day(10), 1})};
    AvailabilityLedger ledger(kType, availableUnits(3), {}, existing, kToday);
    EXPECT_EQ(ledger.capacity(), 3);
    EXPECT_EQ(ledger.occupiedOn(day(10)), 3);
    EXPECT_EQ(ledger.freeOn(day(10)), 0);
    EXPECT_EQ(ledger.freeOn(day(11)), 1);
    EXPECT_EQ(ledger.freeUnits({day(11), 3}), 1);
    EXPECT_EQ(ledger.freeUnits({day(0), 30}), 0);

    auto across = ledger.tryBook({day(9), 3});
    ASSERT_FALSE(across.ok());
    EXPECT_EQ(across.error(), BookingError::NoUnitFree);
    EXPECT_FALSE(ledger.canBook({day(10), 1}));

    // Around the full day there is room; booking it fills day 11 too.
    auto after = ledger.tryBook({day(11), 2});
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->unitsLeft, 0);
    EXPECT_FALSE(ledger.canBook({day(12), 1}));
    EXPECT_TRUE(ledger.canBook({day(13), 1}));
}

TEST(AvailabilityLedger, SuccessiveBookingsFillCapacityExactly)
{
    AvailabilityLedger ledger(kType, availableUnits(3), {}, {}, kToday);
    for (int i = 0; i < 3; ++i)
    {
        auto booking = ledger.tryBook({day(2 + i), 7});
        ASSERT_TRUE(booking.ok()) << i;
        EXPECT_EQ(booking->unitsLeft, 2 - i);
    }
    auto fourth = ledger.tryBook({day(4), 1});
    ASSERT_FALSE(fourth.ok());
    EXPECT_EQ(fourth.error(), BookingError::NoUnitFree);
    EXPECT_EQ(ledger.occupiedOn(day(4)), 3);
}

TEST(AvailabilityLedger, AdjacentRangesBothFit)
{
    AvailabilityLedger ledger(kType, availableUnits(1), {}, {}, kToday);
    ASSERT_TRUE(ledger.tryBook({day(1), 5}).ok()); // days 1..5
    EXPECT_FALSE(ledger.canBook({day(5), 1}));
    ASSERT_TRUE(ledger.tryBook({day(6), 3}).ok()); // starts the day after the last day
    EXPECT_FALSE(ledger.canBook({day(0), 2}));
    ASSERT_TRUE(ledger.tryBook({day(0), 1}).ok()); // ends the day before the first day
    EXPECT_EQ(ledger.freeUnits({day(0), 9}), 0);
    EXPECT_EQ(ledger.freeOn(day(9)), 1);
}

TEST(AvailabilityLedger, ALoanOccupiesItsUnitThroughTheDueDate)
{
    const auto units = availableUnits(1);
    const std::vector<Loan> loans{loan(units[0].inventoryNumber, day(-10), day(4))};
    AvailabilityLedger ledger(kType, units, loans, {}, kToday);
    EXPECT_EQ(ledger.freeOn(day(4)), 0);
    EXPECT_FALSE(ledger.canBook({day(4), 1}));
    EXPECT_TRUE(ledger.canBook({day(5), 30}));
}

TEST(AvailabilityLedger, CleaningRepairAndRetiredUnitsAreNotLendable)
{
    const std::vector<EquipmentUnit> units{unit("A", UnitState::Available), unit("B", UnitState::Cleaning),
                                           unit("C", UnitState::Repair), unit("D", UnitState::Retired)};
    AvailabilityLedger ledger(kType, units, {}, {}, kToday);
    EXPECT_EQ(ledger.capacity(), 1);
    ASSERT_TRUE(ledger.tryBook({day(1), 3}).ok());
    auto second = ledger.tryBook({day(2), 1});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error(), BookingError::NoUnitFree);
    // Far in the future too: an out-of-service unit does not come back by itself.
    EXPECT_EQ(ledger.freeOn(day(300)), 1);
}

TEST(AvailabilityLedger, ReservedAndOnLoanStatesMirrorRecordsAndDoNotCountTwice)
{
    // A Reserved unit is still lendable capacity; the reservation record is what occupies it.
    const std::vector<EquipmentUnit> units{unit("A", UnitState::Reserved), unit("B", UnitState::OnLoan)};
    const std::vector<Loan> loans{loan("B", day(-3), day(2))};
    const std::vector<Reservation> res{reservation({day(1), 4})};
    AvailabilityLedger ledger(kType, units, loans, res, kToday);
    EXPECT_EQ(ledger.capacity(), 2);
    EXPECT_EQ(ledger.freeOn(day(1)), 0);
    EXPECT_EQ(ledger.freeOn(day(3)), 1);
    EXPECT_EQ(ledger.freeOn(day(5)), 2);
}

TEST(AvailabilityLedger, AnOnLoanUnitWithoutItsLoanRecordIsNotCountedFree)
{
    const std::vector<EquipmentUnit> units{unit("A", UnitState::OnLoan), unit("B")};
    AvailabilityLedger ledger(kType, units, {}, {}, kToday);
    EXPECT_EQ(ledger.capacity(), 1);
    EXPECT_EQ(ledger.freeOn(day(200)), 1);
}

TEST(AvailabilityLedger, UnitsLoansAndReservationsOfOtherTypesAreIgnored)
{
    std::vector<EquipmentUnit> units = availableUnits(1);
    units.push_back(unit("KU-1", UnitState::Available, "kule-lokciowe"));
    Loan otherLoan = loan("KU-1", day(-1), day(10));
    otherLoan.typeId = "kule-lokciowe";
    const std::vector<Reservation> res{reservation({day(1), 5}, ReservationStatus::Held, "kule-lokciowe")};
    AvailabilityLedger ledger(kType, units, std::vector<Loan>{otherLoan}, res, kToday);
    EXPECT_EQ(ledger.capacity(), 1);
    EXPECT_EQ(ledger.freeUnits({kToday, 20}), 1);
}

TEST(AvailabilityLedger, ReturnedLoansFreeTheUnit)
{
    const auto units = availableUnits(1);
    const std::vector<Loan> loans{loan(units[0].inventoryNumber, day(-20), day(10), day(-1))};
    AvailabilityLedger ledger(kType, units, loans, {}, kToday);
    EXPECT_EQ(ledger.freeOn(kToday), 1);
    EXPECT_TRUE(ledger.tryBook({kToday, 10}).ok());

    // The same loan still open blocks through its due date.
    const std::vector<Loan> open{loan(units[0].inventoryNumber, day(-20), day(10))};
    AvailabilityLedger blocked(kType, units, open, {}, kToday);
    EXPECT_EQ(blocked.freeUnits({kToday, 10}), 0);
    EXPECT_EQ(blocked.freeOn(day(11)), 1);
}

TEST(AvailabilityLedger, AnOverdueLoanBlocksItsUnitThroughTodayAndTomorrow)
{
    const auto units = availableUnits(1);
    const std::vector<Loan> loans{loan(units[0].inventoryNumber, day(-40), day(-5))};
    AvailabilityLedger ledger(kType, units, loans, {}, kToday);
    EXPECT_EQ(ledger.freeOn(kToday), 0);
    EXPECT_EQ(ledger.freeOn(day(1)), 0);
    EXPECT_EQ(ledger.freeOn(day(2)), 1);
    EXPECT_EQ(ledger.nextAvailableStart({kToday, 7}, day(30)), day(2));

    AvailabilityLedger cautious(kType, units, loans, {}, kToday, LedgerOptions{4});
    EXPECT_EQ(cautious.freeOn(day(4)), 0);
    EXPECT_EQ(cautious.freeOn(day(5)), 1);

    // Due today is not overdue: the unit is back the day after, as for any loan.
    const std::vector<Loan> dueToday{loan(units[0].inventoryNumber, day(-40), kToday)};
    AvailabilityLedger onTime(kType, units, dueToday, {}, kToday);
    EXPECT_EQ(onTime.freeOn(kToday), 0);
    EXPECT_EQ(onTime.freeOn(day(1)), 1);
}

TEST(AvailabilityLedger, TwoOpenLoansOnOneUnitOccupyItOnce)
{
    // A data error (a check-in never recorded) must not make a second unit look taken.
    const auto units = availableUnits(2);
    const std::vector<Loan> loans{loan(units[0].inventoryNumber, day(-5), day(5)),
                                  loan(units[0].inventoryNumber, day(-1), day(8))};
    AvailabilityLedger ledger(kType, units, loans, {}, kToday);
    EXPECT_EQ(ledger.occupiedOn(day(2)), 1);
    EXPECT_EQ(ledger.freeOn(day(2)), 1);
    EXPECT_EQ(ledger.freeOn(day(8)), 1);
    EXPECT_EQ(ledger.freeOn(day(9)), 2);
}

TEST(AvailabilityLedger, OnlyReservationsThatOccupyAUnitCount)
{
    const std::vector<ReservationStatus> occupying{ReservationStatus::Provisional, ReservationStatus::Held,
                                                   ReservationStatus::Confirmed, ReservationStatus::Conflict};
    const std::vector<ReservationStatus> ignored{ReservationStatus::PickedUp, ReservationStatus::Cancelled,
                                                 ReservationStatus::Expired, ReservationStatus::Rejected};
    for (auto status : occupying)
    {
        AvailabilityLedger ledger(kType, availableUnits(1), {},
                                  std::vector<Reservation>{reservation({day(1), 3}, status)}, kToday);
        EXPECT_FALSE(ledger.canBook({day(2), 1})) << static_cast<int>(status);
    }
    for (auto status : ignored)
    {
        AvailabilityLedger ledger(kType, availableUnits(1), {},
                                  std::vector<Reservation>{reservation({day(1), 3}, status)}, kToday);
        EXPECT_TRUE(ledger.canBook({day(2), 1})) << static_cast<int>(status);
    }
}

TEST(AvailabilityLedger, NextAvailableStartWithLoansEndingOnDifferentDays)
{
    // Units A, B, C are all out; they come back after days 2, 5 and 9. A reservation takes one unit
    // from day 3 for ten days.
    const std::vector<EquipmentUnit> units{unit("A", UnitState::OnLoan), unit("B", UnitState::OnLoan),
                                           unit("C", UnitState::OnLoan)};
    const std::vector<Loan> loans{loan("A", day(-30), day(2)), loan("B", day(-20), day(5)), loan("C", day(-2), day(9))};
    const std::vector<Reservation> res{reservation({day(3), 10})};
    AvailabilityLedger ledger(kType, units, loans, res, kToday);

    // Day 3: A is back but reserved; day 6: B is back too, one unit free from then on.
    EXPECT_EQ(ledger.nextAvailableStart({kToday, 4}, day(60)), day(6));
    // A short booking still cannot use day 3..5.
    EXPECT_EQ(ledger.nextAvailableStart({kToday, 1}, day(60)), day(6));
    // Asking from a past day starts the search today.
    EXPECT_EQ(ledger.nextAvailableStart({day(-10), 1}, day(60)), day(6));
    // The search stops at searchUntil.
    EXPECT_EQ(ledger.nextAvailableStart({kToday, 4}, day(5)), std::nullopt);
    EXPECT_EQ(ledger.nextAvailableStart({kToday, 4}, day(6)), day(6));

    ASSERT_TRUE(ledger.tryBook({day(6), 4}).ok());
    // Days 6..9 are now full (B booked, C out); from day 10 C is back.
    EXPECT_EQ(ledger.nextAvailableStart({kToday, 4}, day(60)), day(10));
    EXPECT_EQ(ledger.freeOn(day(10)), 2);
    // A booking that must cover day 9 cannot start before day 10.
    EXPECT_FALSE(ledger.canBook({day(8), 3}));
}

TEST(AvailabilityLedger, NextAvailableStartIsNoneWithoutLendableUnits)
{
    AvailabilityLedger ledger(kType, std::vector<EquipmentUnit>{unit("A", UnitState::Repair)}, {}, {}, kToday);
    EXPECT_EQ(ledger.nextAvailableStart({kToday, 1}, day(365)), std::nullopt);
    AvailabilityLedger none(kType, {}, {}, {}, kToday);
    EXPECT_EQ(none.nextAvailableStart({kToday, 1}, day(365)), std::nullopt);
    AvailabilityLedger one(kType, availableUnits(1), {}, {}, kToday);
    EXPECT_EQ(one.nextAvailableStart({kToday, 0}, day(365)), std::nullopt);
}

TEST(AvailabilityLedger, CollidingExistingRecordsShowAsOverbookedAndNeverNegative)
{
    const std::vector<Reservation> res{reservation({day(1), 3}, ReservationStatus::Held),
                                       reservation({day(2), 3}, ReservationStatus::Conflict)};
    AvailabilityLedger ledger(kType, availableUnits(1), {}, res, kToday);
    EXPECT_EQ(ledger.occupiedOn(day(2)), 2);
    EXPECT_EQ(ledger.freeOn(day(2)), 0);
    EXPECT_EQ(ledger.overbookedDays({kToday, 10}), (std::vector<Date>{day(2), day(3)}));
    EXPECT_FALSE(ledger.canBook({day(4), 1}));
    EXPECT_TRUE(ledger.canBook({day(5), 1}));
}

// ---------------------------------------------------------------------------------------------
// Property test: a naive per-day model of the same rules decides every tryBook independently.

namespace
{

struct Model
{
    std::vector<EquipmentUnit> units;
    std::vector<Loan> loans;
    std::vector<Reservation> reservations;
    std::vector<DateRange> bookings;
    int overdueHold = 1;

    bool lendable(const EquipmentUnit& u) const
    {
        if (u.state == UnitState::Cleaning || u.state == UnitState::Repair || u.state == UnitState::Retired)
            return false;
        if (u.state == UnitState::OnLoan)
        {
            for (const auto& l : loans)
                if (l.inventoryNumber == u.inventoryNumber && !l.returnedOn)
                    return true;
            return false;
        }
        return true;
    }

    bool loanCovers(const Loan& l, Date d) const
    {
        if (d < l.start)
            return false;
        if (l.returnedOn)
            return d < *l.returnedOn;
        Date last = l.due;
        if (l.due < kToday)
            last = std::max(last, kToday.plusDays(overdueHold));
        return d <= last;
    }

    int capacity() const
    {
        int n = 0;
        for (const auto& u : units)
            n += lendable(u) ? 1 : 0;
        return n;
    }

    int occupied(Date d) const
    {
        int n = 0;
        for (const auto& u : units)
        {
            if (!lendable(u))
                continue;
            for (const auto& l : loans)
                if (l.inventoryNumber == u.inventoryNumber && loanCovers(l, d))
                {
                    ++n;
                    break;
                }
        }
        for (const auto& r : reservations)
            if (okienko::domain::occupiesUnit(r.status) && r.period.contains(d))
                ++n;
        for (const auto& b : bookings)
            if (b.contains(d))
                ++n;
        return n;
    }
};

} // namespace

TEST(AvailabilityLedger, RandomBookingsNeverExceedCapacityAndEveryRefusalIsJustified)
{
    std::mt19937 rng(20260302);
    auto pick = [&](int lo, int hi)
    {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    const UnitState states[] = {UnitState::Available, UnitState::Available, UnitState::Available, UnitState::Reserved,
                                UnitState::OnLoan,    UnitState::Cleaning,  UnitState::Repair,    UnitState::Retired};
    const ReservationStatus statuses[] = {ReservationStatus::Provisional, ReservationStatus::Held,
                                          ReservationStatus::Confirmed,   ReservationStatus::Conflict,
                                          ReservationStatus::Cancelled,   ReservationStatus::Expired,
                                          ReservationStatus::PickedUp,    ReservationStatus::Rejected};
    int accepted = 0;
    int refused = 0;
    for (int scenario = 0; scenario < 100; ++scenario)
    {
        Model model;
        const int unitCount = pick(0, 10);
        for (int i = 0; i < unitCount; ++i)
            model.units.push_back(unit("U" + std::to_string(i), states[pick(0, 7)]));
        for (int i = 0; i < pick(0, 8); ++i)
        {
            const Date start = day(pick(-60, 5));
            const Date due = start.plusDays(pick(0, 60));
            std::optional<Date> returned;
            if (pick(0, 3) == 0)
                returned = start.plusDays(pick(0, 50));
            model.loans.push_back(loan("U" + std::to_string(pick(0, 11)), start, due, returned));
        }
        for (int i = 0; i < pick(0, 6); ++i)
            model.reservations.push_back(reservation({day(pick(-5, 40)), pick(1, 30)}, statuses[pick(0, 7)]));

        AvailabilityLedger ledger(kType, model.units, model.loans, model.reservations, kToday);
        ASSERT_EQ(ledger.capacity(), model.capacity());
        const int cap = model.capacity();

        for (int call = 0; call < 120; ++call)
        {
            const DateRange range{day(pick(0, 90)), pick(1, 30)};
            bool fits = true;
            for (int d = 0; d < range.days; ++d)
                fits = fits && model.occupied(range.first.plusDays(d)) < cap;
            auto result = ledger.tryBook(range);
            ASSERT_EQ(result.ok(), fits) << "scenario " << scenario << " call " << call;
            if (result.ok())
            {
                model.bookings.push_back(range);
                ++accepted;
            }
            else
            {
                EXPECT_EQ(result.error(), BookingError::NoUnitFree);
                ++refused;
            }
            // The ledger never takes any day beyond capacity through its bookings.
            for (int d = 0; d < range.days; ++d)
            {
                const Date dd = range.first.plusDays(d);
                ASSERT_EQ(ledger.occupiedOn(dd), model.occupied(dd));
            }
            if (call % 25 == 0)
            {
                // nextAvailableStart agrees with a scan of the model.
                const DateRange wanted{day(pick(0, 30)), pick(1, 20)};
                std::optional<Date> expected;
                for (int s = 0; s <= 120 && !expected; ++s)
                {
                    const Date start = wanted.first.plusDays(s);
                    bool ok = cap > 0;
                    for (int d = 0; d < wanted.days && ok; ++d)
                        ok = model.occupied(start.plusDays(d)) < cap;
                    if (ok)
                        expected = start;
                }
                EXPECT_EQ(ledger.nextAvailableStart(wanted, wanted.first.plusDays(120)), expected);
            }
        }
        // Bookings made through the ledger never push a day past capacity unless the records
        // already did on that day before any booking.
        for (int d = -5; d < 140; ++d)
        {
            const Date dd = day(d);
            int fromBookings = 0;
            for (const auto& b : model.bookings)
                fromBookings += b.contains(dd) ? 1 : 0;
            if (fromBookings > 0)
            {
                ASSERT_LE(model.occupied(dd), cap) << dd.iso();
            }
        }
    }
    RecordProperty("accepted", accepted);
    RecordProperty("refused", refused);
    // The scenarios exercise both outcomes many times.
    EXPECT_GT(accepted, 500);
    EXPECT_GT(refused, 500);
}

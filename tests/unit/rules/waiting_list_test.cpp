// The waiting list's rules: the queue's order (arrival, then sequence), positions, which outcome may
// follow which state, when a hold is active or lapsed at its exact end, how a held unit occupies the
// availability ledger, and the median wait.
#include "shared/rules/availability.hpp"
#include "shared/rules/waiting_list.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using domain::WaitlistStatus;
using rules::QueueEntry;

namespace
{
QueueEntry entry(std::string id, WaitlistStatus status, std::int64_t joinedAt, std::int64_t seq)
{
    return QueueEntry{std::move(id), status, joinedAt, seq, std::nullopt, std::nullopt};
}
} // namespace

TEST(WaitingListRules, TheFirstInQueueIsTheEarliestWaitingEntryWithTheSequenceBreakingATie)
{
    const std::vector<QueueEntry> queue{entry("late", WaitlistStatus::Waiting, 200, 5),
                                        entry("offered-earlier", WaitlistStatus::Offered, 50, 1),
                                        entry("same-second-second", WaitlistStatus::Waiting, 100, 4),
                                        entry("same-second-first", WaitlistStatus::Waiting, 100, 3),
                                        entry("withdrawn", WaitlistStatus::Withdrawn, 10, 0)};
    const auto first = rules::firstInQueue(queue);
    ASSERT_TRUE(first);
    EXPECT_EQ(queue[*first].id, "same-second-first");
    EXPECT_EQ(rules::queuePosition(queue, "same-second-first"), 1);
    EXPECT_EQ(rules::queuePosition(queue, "same-second-second"), 2);
    EXPECT_EQ(rules::queuePosition(queue, "late"), 3);
    EXPECT_EQ(rules::queuePosition(queue, "offered-earlier"), 0) << "an offered entry has left the queue";
    EXPECT_EQ(rules::queuePosition(queue, "nobody"), 0);
    EXPECT_FALSE(rules::firstInQueue(std::vector<QueueEntry>{entry("x", WaitlistStatus::Taken, 1, 1)}));
}

TEST(WaitingListRules, OutcomesFollowOnlyTheStatesTheyAnswer)
{
    using S = WaitlistStatus;
    EXPECT_TRUE(rules::outcomeAllowed(S::Offered, S::Taken));
    EXPECT_TRUE(rules::outcomeAllowed(S::Offered, S::Declined));
    EXPECT_TRUE(rules::outcomeAllowed(S::Offered, S::Expired));
    EXPECT_TRUE(rules::outcomeAllowed(S::Waiting, S::Withdrawn));
    EXPECT_TRUE(rules::outcomeAllowed(S::Offered, S::Withdrawn));
    EXPECT_FALSE(rules::outcomeAllowed(S::Waiting, S::Taken)) << "nothing was offered to take";
    EXPECT_FALSE(rules::outcomeAllowed(S::Waiting, S::Declined));
    for (S done : {S::Taken, S::Declined, S::Expired, S::Withdrawn})
        for (S to : domain::kAllWaitlistStatuses)
            EXPECT_FALSE(rules::outcomeAllowed(done, to)) << "an outcome is final";
    EXPECT_TRUE(rules::passesUnitOn(S::Offered, S::Declined));
    EXPECT_TRUE(rules::passesUnitOn(S::Offered, S::Expired));
    EXPECT_TRUE(rules::passesUnitOn(S::Offered, S::Withdrawn));
    EXPECT_FALSE(rules::passesUnitOn(S::Offered, S::Taken));
    EXPECT_FALSE(rules::passesUnitOn(S::Waiting, S::Withdrawn)) << "a waiting entry held no unit";
}

TEST(WaitingListRules, AHoldIsActiveUntilItsEndAndLapsedFromItsExactEnd)
{
    const std::int64_t offered = 1'700'000'000;
    QueueEntry e = entry("a", WaitlistStatus::Offered, 1, 1);
    e.holdUntil = rules::holdEnd(offered, 48);
    EXPECT_EQ(*e.holdUntil, offered + 48 * 3600);
    EXPECT_TRUE(rules::holdActive(e, *e.holdUntil - 1));
    EXPECT_FALSE(rules::holdLapsed(e, *e.holdUntil - 1));
    EXPECT_FALSE(rules::holdActive(e, *e.holdUntil));
    EXPECT_TRUE(rules::holdLapsed(e, *e.holdUntil));
    e.status = WaitlistStatus::Taken; // taken by phone: the unit waits for the pick-up until the end
    EXPECT_TRUE(rules::holdActive(e, *e.holdUntil - 1));
    e.holdReleasedAt = offered + 10; // lent, or declined: nothing held any more
    EXPECT_FALSE(rules::holdActive(e, offered + 20));
    EXPECT_FALSE(rules::holdLapsed(e, *e.holdUntil + 1));
    e.holdReleasedAt.reset();
    e.status = WaitlistStatus::Declined;
    EXPECT_FALSE(rules::holdActive(e, offered));
    // The configured hours are kept within their bounds.
    EXPECT_EQ(rules::holdEnd(0, 0), 3600 * rules::kMinHoldHours);
    EXPECT_EQ(rules::holdEnd(0, 10'000), 3600 * rules::kMaxHoldHours);
}

TEST(WaitingListRules, AHeldUnitIsOccupiedThroughTheHoldsLastDaySoNoReservationTakesIt)
{
    const Date today{2026, 12, 7};
    std::vector<domain::EquipmentUnit> units(2);
    units[0] = domain::EquipmentUnit{"LAP-WI-001", "wozek", domain::UnitState::Available, ""};
    units[1] = domain::EquipmentUnit{"LAP-WI-002", "wozek", domain::UnitState::Available, ""};
    std::vector<domain::Loan> loans{
        rules::holdAsLoan("LAP-WI-001", "wozek", today, today.plusDays(2)),  // held until the 9th
        rules::holdAsLoan("LAP-WI-002", "wozek", today, today.plusDays(-1)), // a hold ending "yesterday": today only
    };
    rules::AvailabilityLedger ledger("wozek", units, loans, {}, today);
    EXPECT_EQ(ledger.freeOn(today), 0);
    EXPECT_EQ(ledger.freeOn(today.plusDays(1)), 1);
    EXPECT_EQ(ledger.freeOn(today.plusDays(2)), 1);
    EXPECT_EQ(ledger.freeOn(today.plusDays(3)), 2) << "the held unit is free again the day after the hold";
    EXPECT_FALSE(ledger.canBook(DateRange{today, 1}));
    EXPECT_TRUE(ledger.canBook(DateRange{today.plusDays(1), 5}));
}

TEST(WaitingListRules, TheMedianWaitIsInDaysAndTheMiddleOfAnEvenCount)
{
    EXPECT_FALSE(rules::medianWaitDays({}));
    EXPECT_DOUBLE_EQ(*rules::medianWaitDays({86400 * 3}), 3.0);
    EXPECT_DOUBLE_EQ(*rules::medianWaitDays({86400 * 10, 86400 * 1, 86400 * 4}), 4.0);
    EXPECT_DOUBLE_EQ(*rules::medianWaitDays({86400 * 1, 86400 * 2, 86400 * 5, 86400 * 100}), 3.5);
}

TEST(WaitingListRules, StatusCodesRoundTrip)
{
    for (WaitlistStatus s : domain::kAllWaitlistStatuses)
        EXPECT_EQ(domain::parseWaitlistStatus(domain::waitlistStatusCode(s)), s);
    EXPECT_FALSE(domain::parseWaitlistStatus("held"));
}

// Loan periods: what a type allows, due dates, and extensions with and without a staff override.
#include "shared/rules/availability.hpp"
#include "shared/rules/loan_period.hpp"

#include <gtest/gtest.h>
#include <vector>

using okienko::Date;
using okienko::domain::EquipmentType;
using okienko::domain::Loan;
using okienko::rules::extendedDueDate;
using okienko::rules::LoanPeriodError;
using okienko::rules::StaffOverride;

namespace
{

EquipmentType wheelchair(int defaultDays = 30, int maxDays = 90)
{
    EquipmentType t;
    t.id = "wozek-inwalidzki";
    t.defaultLoanDays = defaultDays;
    t.maxLoanDays = maxDays;
    return t;
}

Loan openLoan(Date start, Date due)
{
    Loan l;
    l.id = "loan-1";
    l.inventoryNumber = "LAP-WI-001";
    l.typeId = "wozek-inwalidzki";
    l.start = start;
    l.due = due;
    return l;
}

} // namespace

TEST(LoanPeriod, MisconfiguredTypesAreReported)
{
    EXPECT_EQ(okienko::rules::validateLoanPeriodConfig(wheelchair(0, 90)).error(), LoanPeriodError::TypeMisconfigured);
    EXPECT_EQ(okienko::rules::validateLoanPeriodConfig(wheelchair(30, 20)).error(), LoanPeriodError::TypeMisconfigured);
    EXPECT_EQ(
        okienko::rules::validateLoanPeriodConfig(wheelchair(30, okienko::rules::kAbsoluteMaxLoanDays + 1)).error(),
        LoanPeriodError::TypeMisconfigured);
    EXPECT_TRUE(okienko::rules::validateLoanPeriodConfig(wheelchair(30, 30)).ok());
    EXPECT_TRUE(okienko::rules::validateLoanPeriodConfig(wheelchair(1, okienko::rules::kAbsoluteMaxLoanDays)).ok());
    // A length is never accepted against a misconfigured type.
    EXPECT_EQ(okienko::rules::validateLoanPeriod(wheelchair(30, 20), 10).error(), LoanPeriodError::TypeMisconfigured);
}

TEST(LoanPeriod, ValidatesLengthAgainstTheTypeMaximum)
{
    const auto type = wheelchair(30, 90);
    EXPECT_EQ(okienko::rules::validateLoanPeriod(type, 0).error(), LoanPeriodError::NotPositive);
    EXPECT_EQ(okienko::rules::validateLoanPeriod(type, -7).error(), LoanPeriodError::NotPositive);
    EXPECT_EQ(okienko::rules::validateLoanPeriod(type, 91).error(), LoanPeriodError::AboveMaximum);
    EXPECT_TRUE(okienko::rules::validateLoanPeriod(type, 1).ok());
    EXPECT_TRUE(okienko::rules::validateLoanPeriod(type, 90).ok());
    EXPECT_EQ(okienko::rules::validateLoanPeriod(wheelchair(14, 28), 29).error(), LoanPeriodError::AboveMaximum);
}

TEST(LoanPeriod, DueDateIsTheLastDayOfTheLoan)
{
    EXPECT_EQ(okienko::rules::dueDateFor(Date{2026, 3, 2}, 1), (Date{2026, 3, 2}));
    EXPECT_EQ(okienko::rules::defaultDueDate(wheelchair(30, 90), Date{2026, 1, 1}), (Date{2026, 1, 30}));
    // Across a leap February: 1 Feb 2028 + 30 days of loan ends on 1 March.
    EXPECT_EQ(okienko::rules::defaultDueDate(wheelchair(30, 90), Date{2028, 2, 1}), (Date{2028, 3, 1}));
    EXPECT_EQ(okienko::rules::defaultDueDate(wheelchair(30, 90), Date{2027, 2, 1}), (Date{2027, 3, 2}));
    EXPECT_EQ(okienko::rules::loanDays(Date{2026, 1, 1}, Date{2026, 1, 30}), 30);
    EXPECT_EQ(okienko::rules::loanDays(Date{2026, 12, 20}, Date{2027, 1, 10}), 22);
    // A misconfigured default never yields a due date before the start.
    EXPECT_EQ(okienko::rules::defaultDueDate(wheelchair(0, 90), Date{2026, 5, 5}), (Date{2026, 5, 5}));
}

TEST(LoanPeriod, ExtensionRefusesBadRequestsFirst)
{
    const auto type = wheelchair(30, 90);
    const Loan loan = openLoan(Date{2026, 1, 1}, Date{2026, 1, 30});
    const Date today{2026, 1, 20};
    EXPECT_EQ(extendedDueDate(type, loan, 0, today).error(), LoanPeriodError::NotPositive);
    EXPECT_EQ(extendedDueDate(type, loan, -10, today).error(), LoanPeriodError::NotPositive);
    Loan returned = loan;
    returned.returnedOn = Date{2026, 1, 15};
    EXPECT_EQ(extendedDueDate(type, returned, 10, today).error(), LoanPeriodError::LoanReturned);
    EXPECT_EQ(extendedDueDate(wheelchair(0, 90), loan, 10, today).error(), LoanPeriodError::TypeMisconfigured);
}

TEST(LoanPeriod, ExtensionUpToTheTypeMaximumIsAllowed)
{
    const auto type = wheelchair(30, 90);
    const Loan loan = openLoan(Date{2026, 1, 1}, Date{2026, 1, 30}); // 30 days
    const Date today{2026, 1, 20};
    auto ok = extendedDueDate(type, loan, 60, today);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(*ok, (Date{2026, 3, 31}));
    EXPECT_EQ(okienko::rules::loanDays(loan.start, *ok), 90);
    auto over = extendedDueDate(type, loan, 61, today);
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.error(), LoanPeriodError::AboveMaximum);
}

TEST(LoanPeriod, EarlierExtensionsCountTowardsTheMaximum)
{
    const auto type = wheelchair(30, 90);
    // Already extended once: 1 Jan .. 21 Mar is 80 days.
    const Loan loan = openLoan(Date{2026, 1, 1}, Date{2026, 3, 21});
    ASSERT_EQ(okienko::rules::loanDays(loan.start, loan.due), 80);
    const Date today{2026, 3, 10};
    EXPECT_TRUE(extendedDueDate(type, loan, 10, today).ok());
    EXPECT_EQ(extendedDueDate(type, loan, 11, today).error(), LoanPeriodError::AboveMaximum);
}

TEST(LoanPeriod, StaffOverrideLiftsTheTypeMaximumButNotTheAbsoluteOne)
{
    const auto type = wheelchair(30, 90);
    const Loan loan = openLoan(Date{2026, 1, 1}, Date{2026, 1, 30});
    const Date today{2026, 1, 20};
    EXPECT_EQ(extendedDueDate(type, loan, 100, today, StaffOverride::No).error(), LoanPeriodError::AboveMaximum);
    auto overridden = extendedDueDate(type, loan, 100, today, StaffOverride::Yes);
    ASSERT_TRUE(overridden.ok());
    EXPECT_EQ(okienko::rules::loanDays(loan.start, *overridden), 130);
    const int toAbsolute = okienko::rules::kAbsoluteMaxLoanDays - 30;
    EXPECT_TRUE(extendedDueDate(type, loan, toAbsolute, today, StaffOverride::Yes).ok());
    EXPECT_EQ(extendedDueDate(type, loan, toAbsolute + 1, today, StaffOverride::Yes).error(),
              LoanPeriodError::AboveMaximum);
    // Huge numbers from a form do not overflow into an accepted date.
    EXPECT_EQ(extendedDueDate(type, loan, 2'000'000'000, today, StaffOverride::Yes).error(),
              LoanPeriodError::AboveMaximum);
}

TEST(LoanPeriod, AnOverdueLoanIsExtendedFromItsDueDateAndMustEndTodayOrLater)
{
    const auto type = wheelchair(30, 90);
    const Loan loan = openLoan(Date{2026, 1, 1}, Date{2026, 1, 30});
    const Date today{2026, 2, 9}; // ten days overdue
    EXPECT_EQ(extendedDueDate(type, loan, 9, today).error(), LoanPeriodError::ExtensionEndsInPast);
    auto exact = extendedDueDate(type, loan, 10, today);
    ASSERT_TRUE(exact.ok());
    EXPECT_EQ(*exact, today);
}

TEST(LoanPeriod, TheLedgerDecidesWhetherTheExtraDaysAreFree)
{
    // One wheelchair, lent until day 10; someone reserved it from day 13.
    const Date today{2026, 3, 2};
    okienko::domain::EquipmentUnit unit;
    unit.inventoryNumber = "LAP-WI-001";
    unit.typeId = "wozek-inwalidzki";
    unit.state = okienko::domain::UnitState::OnLoan;
    const Loan loan = openLoan(today.plusDays(-20), today.plusDays(10));
    okienko::domain::Reservation next;
    next.typeId = "wozek-inwalidzki";
    next.period = {today.plusDays(13), 14};
    next.status = okienko::domain::ReservationStatus::Held;
    okienko::rules::AvailabilityLedger ledger("wozek-inwalidzki", std::vector{unit}, std::vector{loan},
                                              std::vector{next}, today);

    const auto type = wheelchair(30, 90);
    auto longer = extendedDueDate(type, loan, 5, today);
    ASSERT_TRUE(longer.ok());                                // the period rule allows it …
    EXPECT_FALSE(ledger.canBook({loan.due.plusDays(1), 5})); // … but the unit is promised from day 13
    auto shorter = extendedDueDate(type, loan, 2, today);
    ASSERT_TRUE(shorter.ok());
    EXPECT_TRUE(ledger.tryBook({loan.due.plusDays(1), 2}).ok());
}

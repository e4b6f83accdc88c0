// Loan periods of rehabilitation equipment: the default and maximum per equipment type, due dates,
// and the rule for extensions (product.md §4: "Extension on request").
//
// The seeds give no loan periods at all ("przez określony czas", "okresowo" — 004, 001; digest §8.1).
// Each EquipmentType carries them as data (defaultLoanDays, maxLoanDays); the digest's proposals
// (§10.5) are 3 months for a wheelchair, 3–6 months for a care bed, 1–3 months for crutches, and
// other Polish lending services use 3–4 months (PCPR Mielec: at most 3 months without a disability
// certificate; Caritas Siedlce: 4 months).
//
// Day counting: a loan of N days starting on S covers the days S … S + N − 1; its due date is the
// last of them, the day by which the unit is returned (a one-day loan is due the day it starts).
// AvailabilityLedger uses the same convention: the unit is free again the day after the due date.
#pragma once

#include "shared/domain/equipment.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

namespace okienko::rules
{

/// No loan may ever be longer than this, staff override or not: a guard against typing 900 for 90.
inline constexpr int kAbsoluteMaxLoanDays = 365;

enum class LoanPeriodError
{
    TypeMisconfigured,   ///< the type's default < 1, maximum < default, or maximum > kAbsoluteMaxLoanDays
    NotPositive,         ///< zero or negative days
    AboveMaximum,        ///< longer than the type's maximum (or, with an override, the absolute maximum)
    LoanReturned,        ///< an extension of a loan that has already been returned
    ExtensionEndsInPast, ///< the extended due date would still lie before today
};

/// Whether staff allowed going past the type's maximum for this loan. Residents' requests never do.
enum class StaffOverride
{
    No,
    Yes,
};

/// Ok when the type's periods make sense: 1 ≤ default ≤ maximum ≤ kAbsoluteMaxLoanDays.
Status<LoanPeriodError> validateLoanPeriodConfig(const domain::EquipmentType& type);

/// Ok when a loan of `days` may be granted for the type without an override.
Status<LoanPeriodError> validateLoanPeriod(const domain::EquipmentType& type, int days);

/// The due date of a loan of `days` days starting on `start`: start + days − 1.
Date dueDateFor(Date start, int days);

/// The number of days a loan from `start` through `due` covers (due − start + 1).
int loanDays(Date start, Date due);

/// The due date of a loan of the type's default length starting on `start`. A misconfigured type
/// (default < 1) gets a one-day loan rather than a due date before the start.
Date defaultDueDate(const domain::EquipmentType& type, Date start);

/// The new due date after extending an open loan by `extraDays` days, counted from its current due
/// date (also when it is overdue: the extension covers the days already overdue, so the borrower is
/// not charged a gap).
/// The rule: the whole loan after the extension, from start through the new due date, may not be
/// longer than the type's maximum — however many extensions came before. With StaffOverride::Yes
/// the type's maximum is lifted (a coordinator decides, e.g. a care bed while waiting for an NFZ
/// refund), but never beyond kAbsoluteMaxLoanDays. The new due date must not be before `today`:
/// an extension that leaves the loan overdue is refused so that staff pick a long enough one.
/// Whether the unit is free for the extra days is not decided here: ask the AvailabilityLedger
/// built with this loan for tryBook({oldDue + 1, extraDays}) — the extension needs one more
/// unit-day on each of those days, exactly like a booking.
Result<Date, LoanPeriodError> extendedDueDate(const domain::EquipmentType& type, const domain::Loan& loan,
                                              int extraDays, Date today,
                                              StaffOverride staffOverride = StaffOverride::No);

} // namespace okienko::rules

// Loan period rules: validation of lengths, due dates and extensions.
#include "shared/rules/loan_period.hpp"

namespace okienko::rules
{

Status<LoanPeriodError> validateLoanPeriodConfig(const domain::EquipmentType& type)
{
    if (type.defaultLoanDays < 1 || type.maxLoanDays < type.defaultLoanDays || type.maxLoanDays > kAbsoluteMaxLoanDays)
        return makeErr(LoanPeriodError::TypeMisconfigured);
    return {};
}

Status<LoanPeriodError> validateLoanPeriod(const domain::EquipmentType& type, int days)
{
    if (auto config = validateLoanPeriodConfig(type); !config)
        return config;
    if (days < 1)
        return makeErr(LoanPeriodError::NotPositive);
    if (days > type.maxLoanDays)
        return makeErr(LoanPeriodError::AboveMaximum);
    return {};
}

Date dueDateFor(Date start, int days)
{
    return start.plusDays(static_cast<std::int64_t>(days) - 1);
}

int loanDays(Date start, Date due)
{
    return static_cast<int>(due.toDays() - start.toDays() + 1);
}

Date defaultDueDate(const domain::EquipmentType& type, Date start)
{
    return dueDateFor(start, type.defaultLoanDays < 1 ? 1 : type.defaultLoanDays);
}

Result<Date, LoanPeriodError> extendedDueDate(const domain::EquipmentType& type, const domain::Loan& loan,
                                              int extraDays, Date today, StaffOverride staffOverride)
{
    if (auto config = validateLoanPeriodConfig(type); !config)
        return makeErr(config.error());
    if (!loan.isOpen())
        return makeErr(LoanPeriodError::LoanReturned);
    if (extraDays < 1)
        return makeErr(LoanPeriodError::NotPositive);
    const int limit = staffOverride == StaffOverride::Yes ? kAbsoluteMaxLoanDays : type.maxLoanDays;
    // Compare in 64 bits: extraDays may be anything a form lets through.
    const std::int64_t total = loan.due.toDays() - loan.start.toDays() + 1 + static_cast<std::int64_t>(extraDays);
    if (total > limit)
        return makeErr(LoanPeriodError::AboveMaximum);
    const Date newDue = loan.due.plusDays(extraDays);
    if (newDue < today)
        return makeErr(LoanPeriodError::ExtensionEndsInPast);
    return newDue;
}

} // namespace okienko::rules

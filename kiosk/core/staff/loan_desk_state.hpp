// The loan desk's part of StaffState: check-in (unit, condition, notes, outcome), open loans and
// their extension, overdue loans, and every unit's state.
#pragma once

namespace okienko::kiosk
{

struct LoanDeskState
{
    friend bool operator==(const LoanDeskState&, const LoanDeskState&) = default;
};

} // namespace okienko::kiosk

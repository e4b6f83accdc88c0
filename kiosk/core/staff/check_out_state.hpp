// Check-out's part of StaffState: today's pick-ups, the unit being lent, the borrower, the due date
// and the outcome (stored, agreement printed twice).
#pragma once

namespace okienko::kiosk
{

struct CheckOutState
{
    friend bool operator==(const CheckOutState&, const CheckOutState&) = default;
};

} // namespace okienko::kiosk

// The staff entry's part of StaffState: the PIN keypad (attempts, lock), the staff menu and the
// kiosk status screen.
#pragma once

namespace okienko::kiosk
{

struct StaffEntryState
{
    friend bool operator==(const StaffEntryState&, const StaffEntryState&) = default;
};

} // namespace okienko::kiosk

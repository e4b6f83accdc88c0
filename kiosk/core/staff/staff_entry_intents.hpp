// What the staff entry screens ask for: open the PIN keypad (long-press on the CUS logo), keypad
// keys, the menu, the kiosk status screen's buttons, logout.
#pragma once

#include <variant>

namespace okienko::kiosk
{
namespace staff_entry
{
/// The hidden way in: the 3-second long-press on the CUS logo opens the PIN keypad.
struct Open
{
};
using Action = std::variant<Open>;
} // namespace staff_entry

struct StaffEntryIntent
{
    staff_entry::Action action;
};

} // namespace okienko::kiosk

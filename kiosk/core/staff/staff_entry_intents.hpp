// What the staff entry screens ask for: open the PIN keypad (long-press on the CUS logo), keypad
// keys, the menu, the kiosk status screen's buttons, logout.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"

#include <string>
#include <variant>

namespace okienko::kiosk
{
namespace staff_entry
{
/// The hidden way in: the 3-second long-press on the CUS logo opens the PIN keypad.
struct Open
{
};
/// "Stan kiosku" in the staff menu.
struct ShowStatus
{
};
/// "Wyloguj" in the staff menu: the session wipe.
struct Logout
{
};
/// "Menu" on any staff screen: back to the staff menu (the flows' unsaved entries are dropped).
struct ShowMenu
{
};
/// A key of the PIN keypad (digits, Clear, Backspace).
struct Press
{
    Key key;
};
/// "OK" under the keypad: checks the PIN (on a worker).
struct SubmitPin
{
};
/// "Sprawdź ponownie" on the status screen: reads the printer's condition again.
struct CheckPrinter
{
};
/// "Drukuj ponownie ostatni kwit" on the status screen.
struct Reprint
{
};
/// "Wydruk testowy" on the status screen.
struct TestPrint
{
};
/// "Załatwione" beside a dead letter on the status screen: staff dealt with the refused event (called
/// the resident, entered the request again), so the outbox row goes.
struct ResolveDeadLetter
{
    std::string eventId;
};
using Action = std::variant<Open, ShowStatus, Logout, ShowMenu, Press, SubmitPin, CheckPrinter, Reprint, TestPrint,
                            ResolveDeadLetter>;
} // namespace staff_entry

struct StaffEntryIntent
{
    staff_entry::Action action;
};

} // namespace okienko::kiosk

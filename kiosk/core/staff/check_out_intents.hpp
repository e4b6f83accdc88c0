// What the pick-up and check-out screens ask of CheckOutFlow.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/staff/check_out_state.hpp"

#include <string>
#include <variant>

namespace okienko::kiosk
{
namespace check_out
{
/// "Wydanie sprzętu" in the staff menu: a new check-out from the unit step.
struct Start
{
};
/// "Dzisiejsze odbiory" in the staff menu: reservations awaiting hand-over.
struct ShowPickups
{
};
/// A row of the pick-ups list: check-out with that reservation chosen.
struct ChoosePickup
{
    std::string reservationId;
};
/// A tap on a field (inventory number, borrower's fields, PESEL).
struct Focus
{
    PersonField field = PersonField::Name;
};
/// A key of the keyboard or keypad, for the focused field.
struct Press
{
    Key key;
};
/// "Dalej" on the unit step (a scan submits by itself): looks the unit up.
struct SubmitUnit
{
};
/// A reservation of the unit's type on the loan step.
struct ChooseReservation
{
    std::string reservationId;
};
/// "Bez rezerwacji" on the loan step.
struct ChooseWalkIn
{
};
/// "Dowód sprawdzony".
struct ToggleIdChecked
{
};
/// −1 / +1 / +7 days on the due date (kept between tomorrow and the type's maximum).
struct ShiftDue
{
    int days = 1;
};
/// "Wydaj": one loan, however often it is tapped.
struct Confirm
{
};
/// "Następne wydanie" on the done screen: a fresh check-out.
struct Next
{
};
using Action = std::variant<Start, ShowPickups, ChoosePickup, Focus, Press, SubmitUnit, ChooseReservation, ChooseWalkIn,
                            ToggleIdChecked, ShiftDue, Confirm, Next>;
} // namespace check_out

struct CheckOutIntent
{
    check_out::Action action;
};

} // namespace okienko::kiosk

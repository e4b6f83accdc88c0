// What the check-in, loans, overdue and units screens ask of LoanDeskFlow.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/staff/loan_desk_state.hpp"
#include "shared/domain/reservation.hpp"

#include <string>
#include <variant>

namespace okienko::kiosk
{
namespace loan_desk
{
/// "Przyjęcie zwrotu" in the staff menu.
struct StartCheckIn
{
};
/// "Wypożyczenia" in the staff menu: open loans, with extension.
struct ShowLoans
{
};
/// "Zaległe zwroty" in the staff menu.
struct ShowOverdue
{
};
/// "Stan sprzętu" in the staff menu: every unit's state.
struct ShowUnits
{
};
/// A tap on a check-in field (the keyboard then types into it).
struct Focus
{
    DeskField field = DeskField::Number;
};
/// A key of the on-screen keyboard, for the focused check-in field.
struct Press
{
    Key key;
};
/// "Szukaj" after typing an inventory number: the open loan of that unit.
struct FindUnit
{
};
/// "Inny numer": back to typing the inventory number.
struct ChangeUnit
{
};
/// One of the three condition choices.
struct SetCondition
{
    domain::ReturnCondition condition = domain::ReturnCondition::Fine;
};
/// "Potwierdź zwrot": one transaction, however often it is tapped.
struct ConfirmCheckIn
{
};
/// A loan in the loans list: opens its extension.
struct SelectLoan
{
    std::string loanId;
};
/// +7 / +14 / −1 on the extension: moves the new due date (never past the type's maximum).
struct ShiftDue
{
    int days = 7;
};
/// "Potwierdź przedłużenie".
struct ConfirmExtension
{
};
/// "Wróć do listy" on the extension.
struct CloseExtension
{
};
/// "Czyszczenie zakończone" on a unit in cleaning: it becomes available.
struct FinishCleaning
{
    std::string inventoryNumber;
};
/// "Naprawa zakończona" on a unit in repair: it goes to cleaning (checked before it is lent).
struct FinishRepair
{
    std::string inventoryNumber;
};
using Action =
    std::variant<StartCheckIn, ShowLoans, ShowOverdue, ShowUnits, Focus, Press, FindUnit, ChangeUnit, SetCondition,
                 ConfirmCheckIn, SelectLoan, ShiftDue, ConfirmExtension, CloseExtension, FinishCleaning, FinishRepair>;
} // namespace loan_desk

struct LoanDeskIntent
{
    loan_desk::Action action;
};

} // namespace okienko::kiosk

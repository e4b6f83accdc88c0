// What the check-in, loans, overdue and units screens ask of LoanDeskFlow.
#pragma once

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
using Action = std::variant<StartCheckIn, ShowLoans, ShowOverdue, ShowUnits>;
} // namespace loan_desk

struct LoanDeskIntent
{
    loan_desk::Action action;
};

} // namespace okienko::kiosk

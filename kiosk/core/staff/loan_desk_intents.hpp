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
using Action = std::variant<StartCheckIn>;
} // namespace loan_desk

struct LoanDeskIntent
{
    loan_desk::Action action;
};

} // namespace okienko::kiosk

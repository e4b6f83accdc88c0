// What the pick-up and check-out screens ask of CheckOutFlow.
#pragma once

#include <variant>

namespace okienko::kiosk
{
namespace check_out
{
/// "Wydanie sprzętu" in the staff menu.
struct Start
{
};
/// "Dzisiejsze odbiory" in the staff menu: reservations awaiting hand-over.
struct ShowPickups
{
};
using Action = std::variant<Start, ShowPickups>;
} // namespace check_out

struct CheckOutIntent
{
    check_out::Action action;
};

} // namespace okienko::kiosk

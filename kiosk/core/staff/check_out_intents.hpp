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
using Action = std::variant<Start>;
} // namespace check_out

struct CheckOutIntent
{
    check_out::Action action;
};

} // namespace okienko::kiosk

// Today's pick-ups and the check-out screens (unit, borrower and due date, done).
#include "kiosk/ui/screens/check_out_screens.hpp"

namespace okienko::kiosk::ui
{

void drawCheckOutScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    (void)env;
    (void)ctx;
    (void)out;
}

} // namespace okienko::kiosk::ui

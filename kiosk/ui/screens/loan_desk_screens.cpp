// Check-in, open loans with extension, overdue loans and units screens.
#include "kiosk/ui/screens/loan_desk_screens.hpp"

namespace okienko::kiosk::ui
{

void drawLoanDeskScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    (void)env;
    (void)ctx;
    (void)out;
}

} // namespace okienko::kiosk::ui

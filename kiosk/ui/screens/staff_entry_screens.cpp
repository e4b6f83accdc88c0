// Staff mode's PIN keypad, menu and kiosk status screen.
#include "kiosk/ui/screens/staff_entry_screens.hpp"

namespace okienko::kiosk::ui
{

void drawStaffEntryScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    (void)env;
    (void)ctx;
    (void)out;
}

} // namespace okienko::kiosk::ui

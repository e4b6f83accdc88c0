// Staff mode's PIN keypad, menu and kiosk status screen.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Draws whichever of these screens is current.
void drawStaffEntryScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

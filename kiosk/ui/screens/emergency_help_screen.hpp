// The emergency numbers, opened by the red strip of the start and home screens: 112 first, in red,
// then every number of the catalogue's list with what it is for and when it answers. The kiosk
// cannot call, so the page says to call from a phone or ask the staff. Close (or Back) returns to
// the screen the strip was on.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawEmergencyHelpScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

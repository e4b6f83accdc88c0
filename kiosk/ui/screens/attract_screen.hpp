// The attract screen: the CUS's name, the clock, "touch to start" and today's announcements.
// A tap anywhere starts a session.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawAttractScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

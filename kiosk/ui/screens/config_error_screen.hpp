// Shown when kiosk.toml (or the catalogue) cannot be used: every problem with its line, so the
// technician at the kiosk can fix it. Never a crash, never a black screen.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawConfigErrorScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

// Draws the current screen and its overlays for one frame.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Clears the frame record, draws the router's current screen, then the idle warning if shown.
void drawFrame(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

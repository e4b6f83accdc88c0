// The idle warning: "Are you still there?" with a countdown of at least 20 s and a big "I need
// more time" button. Drawn instead of the screen, on an opaque backdrop: the screen's personal
// data stays hidden until the resident answers.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawIdleWarningOverlay(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

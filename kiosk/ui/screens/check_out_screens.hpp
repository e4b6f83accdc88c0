// Today's pick-ups and the check-out screens (unit, borrower and due date, done).
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Draws whichever of these screens is current.
void drawCheckOutScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

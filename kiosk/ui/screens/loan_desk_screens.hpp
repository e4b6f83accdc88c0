// Check-in, open loans with extension, overdue loans and units screens.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Draws whichever of these screens is current.
void drawLoanDeskScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

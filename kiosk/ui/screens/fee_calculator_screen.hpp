// The sheltered-housing fee calculator: household type and monthly income in, share of the costs
// out (shared/rules fee), with the whole table shown. Nothing is stored; idle wipes the inputs.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawFeeCalculatorScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

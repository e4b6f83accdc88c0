// Home: one big tile per flow that exists (today: the catalogue — browse by area, by who it is
// for, or search) and the CUS's contact details.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawHomeScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

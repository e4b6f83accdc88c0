// A service's page: what it is, who delivers it, where, when, who may use it, how to qualify, the
// fee, documents, personal data asked and contact. Text that is shown in Polish because it has no
// translation carries a visible "Polish text" marker.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawServicePageScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

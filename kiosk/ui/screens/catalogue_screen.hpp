// The catalogue: browse by the 14 areas of the CUS act or by "who it is for" (tiles with pictograms
// in a grid), or search as you type with the on-screen keyboard. A service's tile opens its page.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawCatalogueScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

// The counselling request screens ("Porozmawiaj ze specjalistą"): kind, slot, contact, consent and
// done. Every one shows the "in immediate danger?" panel; none after the first names the kind.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Draws whichever counselling step the router shows.
void drawCounsellingScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

// The "Proszę o telefon" screens: phone on a big keypad, when, topic, first name, confirm, done.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Draws whichever callback step the router shows.
void drawCallbackScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

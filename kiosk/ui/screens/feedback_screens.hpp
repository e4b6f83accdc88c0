// Feedback: the one-tap rating panel the done screens show, and the idea box screen.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// "How was it?" 1–5 and Skip; thanks once rated; a link to the idea box.
void drawRatingPanel(const ScreenEnv& env, UiContext& ctx, Intents& out);
/// The idea box screen.
void drawIdeaBoxScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

// The voice's help screen: the gestures of explore-by-touch in words (the screen's language; the
// kiosk reads them aloud on entering), and the resident's keys for the voice's pace and loudness.
// Opened by the bottom bar's speech key while the voice is on; there the same key turns it off.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawSpeechHelpScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

/// The gestures, one sentence each, in the current language (shown and spoken).
std::vector<std::string> speechGestures(const Translator& tr);

} // namespace okienko::kiosk::ui

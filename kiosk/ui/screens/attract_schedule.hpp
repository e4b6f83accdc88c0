// The start screen's "coming up" block: the next few activities of the schedule (today and this
// week), one compact line each — "Dziś 17:00 · Klub Seniora" — under the actions, each line only
// when it fits whole above the bottom bar, so it never crowds the start screen's own content. Not
// tappable: a tap there starts a session like anywhere else on the start screen.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// At most this many lines.
inline constexpr int kAttractScheduleLines = 3;

/// Draws the block from the cursor down to at most `bottom` (window coordinates).
void drawAttractSchedule(const ScreenEnv& env, UiContext& ctx, float bottom);

} // namespace okienko::kiosk::ui

// The schedule screen (from home): the activities of one day of the coming week — CAS workshops,
// club meetings, counselling duty hours, partners' events — as the kiosk last got them from the
// server (offline it shows what it has). A row of day keys on top (today … six days on), the day's
// activities below: time, title, kind, place, sign-up and places; a cancelled one marked so.
// Nothing in the list is tappable: it is read, not acted on.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

void drawScheduleScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

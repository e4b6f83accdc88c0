// The interactive loop: event-driven, so an idle kiosk uses no CPU. It blocks in
// SDL_WaitEventTimeout until input, a worker wake-up (SDL user event) or the next deadline, then
// draws a few frames.
#pragma once

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/platform/frontend.hpp"

namespace okienko::kiosk::platform
{

/// Runs until the window is closed (SDL_QUIT, SIGTERM) or the display connection is lost.
/// Returns the process exit code: 0, or 1 when the display went away.
int runMainLoop(Frontend& frontend, KioskApp& app);

/// The SDL event type workers push to wake the loop (registered on first use).
Uint32 wakeEventType();

} // namespace okienko::kiosk::platform

// A vertically scrolling area for fingers: drag anywhere in it to scroll, with inertia after a
// flick. A drag beyond a small threshold cancels the press of the row under the finger, so a
// scroll never opens a service by accident. Dear ImGui 1.86 has no drag-to-scroll of its own.
#pragma once

#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// Opens the area (a child window); always pair with TouchScrollEnd(). `size.y` 0 = fill the rest.
/// It starts scrolled to the top whenever `ctx.screenVisit` differs from its last frame's.
void TouchScrollBegin(UiContext& ctx, const char* id, ImVec2 size = ImVec2(0, 0));
/// Applies the drag and inertia of this frame and closes the area.
void TouchScrollEnd(UiContext& ctx);

/// Advances a kinetic scroll: returns the new velocity after `dt` seconds of friction (px/s);
/// 0 once it is too slow to notice. Pure, so the decay is testable.
float decayVelocity(float velocity, float dt);

} // namespace okienko::kiosk::ui

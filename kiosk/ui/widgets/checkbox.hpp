// A checkbox for fingers: a square box with a tick and its label beside it, the whole row one tap
// target (at least ctx.minTargetPx() high), no hover look. The declarations and the RODO
// acknowledgement use it. It keeps no state: the caller passes `checked` and acts on a tap.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

/// Draws the row across the available width; true on the frame a tap on it ends. `id` is the
/// stable id scripts tap (`tap-id`); the label is the visible text (wrapped beside the box).
bool Checkbox(UiContext& ctx, std::string_view label, bool checked, std::string_view id);

} // namespace okienko::kiosk::ui

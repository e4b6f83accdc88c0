// Long-press on the last drawn item: fires once when a finger has been held on it long enough
// (without dragging). Used for hidden or destructive actions (clear a field from Backspace), never
// as the only way to do something.
#pragma once

#include "kiosk/ui/ui_context.hpp"

namespace okienko::kiosk::ui
{

/// True on the one frame the hold on the last item reaches `seconds`. While held, a ring around
/// the item fills up (drawn on the foreground list) and ctx.longPressProgress says how far.
bool LongPressed(UiContext& ctx, float seconds = 0.8f);

} // namespace okienko::kiosk::ui

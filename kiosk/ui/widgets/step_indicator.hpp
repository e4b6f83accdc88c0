// "Krok 2 z 4" above a multi-step flow's screen: the words, and a row of segments (done, current,
// to come) so a resident sees at a glance how much is left. Draws only; it takes no touch.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

/// `text` is the translated "Krok {step} z {total}"; `step` counts from 1. Full available width.
void StepIndicator(UiContext& ctx, std::string_view text, int step, int total);

} // namespace okienko::kiosk::ui

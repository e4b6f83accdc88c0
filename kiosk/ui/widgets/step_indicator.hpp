// "Krok 2 z 4" above a multi-step flow's screen: the words, and a row of segments (done, current,
// to come) so a resident sees at a glance how much is left; on a short landscape output the same
// words and segments as a block at the right end of the title's row. Draws only; it takes no touch.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

/// `text` is the translated "Krok {step} z {total}"; `step` counts from 1. Full available width.
void StepIndicator(UiContext& ctx, std::string_view text, int step, int total);

/// The title (in the title face) and the step on one row: the title on the left, the step's words
/// over its segments right-aligned beside it. A row of chrome less where height is short. Draws
/// nothing and returns false when the title does not fit on one line beside the step.
bool TitleBesideStep(UiContext& ctx, std::string_view title, std::string_view text, int step, int total);

} // namespace okienko::kiosk::ui

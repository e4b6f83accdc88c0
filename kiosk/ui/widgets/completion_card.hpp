// The reference code in a framed card across the available width: the one thing a resident must
// take away from a completion screen, so it is the largest text on the screen (the large title
// face scaled up, shrunk only to fit) and centred under its explanation.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

/// The card is also a button labelled `repeatLabel` ("Powtórz kod"): tapped, the kiosk's voice
/// spells the code again. `extraHeight` > 0 (a tall panel with room to spare) makes the card that much
/// taller and its code larger, as far as the width allows.
void CodeCard(UiContext& ctx, std::string_view label, std::string_view code, std::string_view repeatLabel,
              float extraHeight = 0.0f);

} // namespace okienko::kiosk::ui

// Staff mode's PIN keypad, menu and kiosk status screen, and the hidden way in: the CUS name on
// the attract and home screens, which opens the PIN keypad when held for 3 seconds.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

/// How long the CUS name must be held to open the PIN keypad.
inline constexpr float kStaffEntryHoldSeconds = 3.0f;

enum class HeaderStyle
{
    Title, ///< the attract screen's big CUS name
    Muted, ///< the home screen's line under its title
};

/// Draws `text` (the CUS name) as a header with the stable id "cus-logo". Held for
/// kStaffEntryHoldSeconds it emits StaffEntryIntent{Open}; returns true on a short tap.
bool StaffEntryHeader(const ScreenEnv& env, UiContext& ctx, Intents& out, std::string_view text, HeaderStyle style);

/// Draws whichever of these screens is current.
void drawStaffEntryScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

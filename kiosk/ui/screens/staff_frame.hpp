// The frame every staff screen shares (PIN keypad, menu, status, pick-ups, check-out, check-in,
// loans, overdue, units): one top bar with "Menu" always in the same place, Back where a step
// leads back, who is logged in and the language buttons; the screen's title under it; the content
// area down to a keyboard or keypad; the residents' bottom bar (large text, high contrast).
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

struct StaffFrameOptions
{
    std::string_view title; ///< the screen's title, wrapped under the top bar
    bool back = false;      ///< "← Wstecz" (id `back`, GoBack) after Menu: only where a step leads back
    bool menu = true;       ///< "Menu" (id `staff-to-menu`); off on the menu itself and the PIN keypad
};

/// What a staff screen draws under its content area.
enum class StaffKeys
{
    None,
    Letters, ///< the on-screen letter keyboard
    Keypad,  ///< the numeric keypad
};

/// Opens the root window and draws the top bar and the title. Always pair with endStaffScreen().
void beginStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out, const char* windowId,
                      const StaffFrameOptions& options);
/// Height the content (a touch-scroll area) may take from the cursor: down to the bottom bar, less
/// the keyboard or keypad drawn under it.
float staffContentHeight(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys = StaffKeys::None);
/// Draws the bottom bar and closes the root window.
void endStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

} // namespace okienko::kiosk::ui

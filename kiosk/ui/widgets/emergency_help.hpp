// Emergency help, one touch from the start and home screens: a red strip with 112 and a line
// saying where the other numbers are; a tap opens the emergency-help screen (every number with
// what it is for), whose Close returns where the resident was. The numbers come from the
// catalogue's `emergency_numbers`, the same list the counselling flow shows; 112 is always there.
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <vector>

namespace okienko::kiosk::ui
{

/// One row of the emergency list: the number and what it is for, in the session language.
struct EmergencyLine
{
    std::string number;
    std::string name;
    std::string hours; ///< may be empty
};

/// The catalogue's emergency numbers in its order, with 112 first: added (named by the
/// translations) when the catalogue does not list it, moved to the top when it does.
std::vector<EmergencyLine> emergencyLines(const ScreenEnv& env);

/// The strip's height at the available width: a layout reserves it before drawing the rest.
float emergencyHelpHeight(const ScreenEnv& env, const UiContext& ctx);

/// Draws the strip at the cursor across the available width (id "emergency-help"); a tap opens
/// the emergency-help screen.
void drawEmergencyHelp(const ScreenEnv& env, UiContext& ctx, Intents& out);

/// The numbers besides 112 as a card above the strip (each number in bold beside what it is for),
/// for a screen with room to show them without a touch: home on a tall portrait panel.
float emergencyNumbersHeight(const ScreenEnv& env, const UiContext& ctx);
void drawEmergencyNumbers(const ScreenEnv& env, UiContext& ctx);

} // namespace okienko::kiosk::ui

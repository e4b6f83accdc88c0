// The kiosk's look: a calm palette, a high-contrast palette, and the style values (paddings,
// spacing, rounding) scaled for fingers. Only ImGui, no SDL.
#pragma once

#include <imgui.h>

namespace okienko::kiosk::ui
{

/// Colours a screen may use by role; screens never hard-code colours.
struct Palette
{
    ImVec4 background;
    ImVec4 surface;    ///< cards, list rows
    ImVec4 surfaceHot; ///< a row or card being pressed
    ImVec4 text;
    ImVec4 mutedText; ///< secondary text: still meets contrast rules
    ImVec4 accent;    ///< primary buttons
    ImVec4 accentHot;
    ImVec4 accentText;
    ImVec4 border;
    ImVec4 warning; ///< "Polish text" marker, idle warning
    ImVec4 warningText;
    ImVec4 selected;  ///< the chosen language, an active toggle
    ImVec4 emergency; ///< the emergency numbers' strip and card: red, with emergencyText on it
    ImVec4 emergencyHot;
    ImVec4 emergencyText;
};

/// Light, calm palette for normal use.
Palette calmPalette();
/// Black/white/yellow palette for the high-contrast mode.
Palette highContrastPalette();

/// Resets `style`, applies the palette and scales every size for a finger at `uiScale`.
void applyTheme(ImGuiStyle& style, const Palette& palette, float uiScale);

/// ImVec4 → packed colour for draw lists.
inline ImU32 packed(const ImVec4& c)
{
    return ImGui::ColorConvertFloat4ToU32(c);
}

} // namespace okienko::kiosk::ui

// The kiosk's button: at least 15 mm on each side on the configured panel, text wrapped and
// centred, no hover look, and never fired by a finger that dragged (a scroll is not a tap).
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>

namespace okienko::kiosk::ui
{

enum class ButtonStyle
{
    Primary,   ///< filled accent: the main action
    Secondary, ///< surface with a border: navigation, options
    Selected,  ///< an option that is on (language, toggle)
    Tile,      ///< large home/catalogue tile; left-aligned title and optional subtitle
};

struct ButtonOptions
{
    ImVec2 size{0, 0}; ///< 0 = fit the text (never below the minimum target)
    ButtonStyle style = ButtonStyle::Secondary;
    bool enabled = true;
    std::string_view subtitle; ///< Tile only: a second, regular-weight line
    std::string_view id;       ///< stable id for automation (tap-id)
    /// What the kiosk's voice says it is; Selected style is spoken as selected unless `state` says more.
    SpokenRole role = SpokenRole::Button;
    SpokenState state = SpokenState::None;
    std::string_view speech; ///< said instead of the label (a symbol, a day number), when set
};

/// Draws the button; true on the frame a tap (press and release on it, without dragging) ends.
/// `label` may carry a hidden "##id" suffix for ImGui's id stack.
bool BigButton(UiContext& ctx, std::string_view label, const ButtonOptions& options = {});

/// The size BigButton takes with these options where the cursor is now: for layouts that must
/// know before drawing whether everything fits.
ImVec2 BigButtonSize(const UiContext& ctx, std::string_view label, const ButtonOptions& options = {});

/// The width a button needs for `label` on one line in the current font (at least the minimum
/// target), wherever the cursor is: for rows laid out before they are drawn.
float naturalButtonWidth(const UiContext& ctx, std::string_view label);

/// True when the current touch moved further than a tap may (scrolling, not tapping).
bool touchDragged(const UiContext& ctx);

} // namespace okienko::kiosk::ui

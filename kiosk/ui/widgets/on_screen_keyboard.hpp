// Draws the core keyboard model (KeyboardState's layout) as big keys and reports which key was
// tapped; the controller applies it to the focused TextBuffer. Each key is recorded with its label
// and stable id for automation. The key cap (KeyCap) is shared with the number keypad: its label is
// drawn apart from ImGui's id, so a "#" key is not an id override, and shrinks to fit its key rather
// than wrapping letter by letter.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/keyboard_state.hpp"
#include "kiosk/core/translator.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <optional>
#include <string_view>

namespace okienko::kiosk::ui
{

enum class KeyLook
{
    Plain,   ///< a letter or digit
    Primary, ///< Done / OK
    Active,  ///< Shift while it is on
};

struct KeyCapOptions
{
    ImVec2 size;
    ImFont* font = nullptr; ///< nullptr: the current font
    KeyLook look = KeyLook::Plain;
    bool enabled = true;
    bool repeat = false;     ///< fires again while held (Backspace)
    std::string_view speech; ///< said instead of the label, when set
};

/// One key: `label` centred on one line, shrunk (down to 70 %) when it is wider than the key; the
/// ImGui id and the automation id are `id`. True when tapped.
bool KeyCap(UiContext& ctx, std::string_view label, std::string_view id, const KeyCapOptions& options);

/// `label` for a key of `action` `keyWidth` px wide in `font`: the label when it fits (shrunk at
/// most as far as KeyCap shrinks), else the usual symbol of the action ("⇧", "⌫", "✓").
std::string fitKeyLabel(std::string label, KeyAction action, ImFont* font, float keyWidth);

/// The space between two letter keys (across and down).
float letterKeyGap();

/// Height of the letter keyboard's keys at the kiosk's key size.
float letterKeyHeight(const UiContext& ctx);

/// Letter keyboard of `state` across `width` px; the tapped key, if any. `keyHeight` 0: letterKeyHeight().
/// `layout`: other rows to draw than the state's (codeKeyboard() for an inventory number), with its Shift.
std::optional<Key> OnScreenKeyboard(UiContext& ctx, const KeyboardState& state, const Translator& tr, float width,
                                    float keyHeight = 0.0f, const KeyboardLayout* layout = nullptr);
/// The keyboard's height with keys `keyHeight` px tall (0: letterKeyHeight()).
float letterKeyboardHeight(const UiContext& ctx, const KeyboardState& state, float keyHeight = 0.0f);
/// The same for the rows of `layout`.
float keyboardHeight(const UiContext& ctx, const KeyboardLayout& layout, float keyHeight = 0.0f);
/// The key height that fits the keyboard of `state` into `room` px: at most letterKeyHeight(), and
/// never below the minimum target (15 mm).
float letterKeyHeightFor(const UiContext& ctx, const KeyboardState& state, float room);

} // namespace okienko::kiosk::ui

#include "kiosk/ui/widgets/number_keypad.hpp" // NumericKeypad, for the screens that draw either

// Draws the core keyboard model (KeyboardState's layout) as big keys and reports which key was
// tapped; the controller applies it to the focused TextBuffer. The same widget draws the numeric
// keypad. Each key is recorded with its label and stable id for automation.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/keyboard_state.hpp"
#include "kiosk/core/translator.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <optional>

namespace okienko::kiosk::ui
{

/// Letter keyboard of `state` across `width` px; the tapped key, if any.
std::optional<Key> OnScreenKeyboard(UiContext& ctx, const KeyboardState& state, const Translator& tr, float width);

/// The 0-9 keypad (Clear, Backspace) across `width` px; the tapped key, if any. `enabled` false
/// draws it greyed out and untappable (the staff PIN keypad while staff mode is locked).
std::optional<Key> NumericKeypad(UiContext& ctx, const Translator& tr, float width, bool enabled = true);

} // namespace okienko::kiosk::ui

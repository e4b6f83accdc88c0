// The senior-sized number keypad: 1–9, 0, Clear and Backspace (or a decimal comma for amounts), big
// digits in the title face. The callback phone, the counselling phone, the person form's keypad
// fields, the fee calculator's income and the staff PIN all use it, so one size fits them all: keys
// of at least the minimum target, as tall as the room given allows up to a comfortable height.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/translator.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <optional>

namespace okienko::kiosk::ui
{

struct NumberKeypadOptions
{
    float width = 0.0f;  ///< room across; 0 = the content region's width. The pad is centred in it.
    float height = 0.0f; ///< room down for the keys; 0 = their comfortable height
    bool enabled = true; ///< false: greyed out and untappable (staff PIN while locked)
    bool amount = false; ///< the income keypad: a comma instead of Clear
};

/// The layout the keypad draws with these options.
const KeyboardLayout& numberKeypadLayout(const NumberKeypadOptions& options);
/// The size the keypad takes with these options where the cursor is now.
ImVec2 numberKeypadSize(const UiContext& ctx, const NumberKeypadOptions& options);
/// Draws the keypad; the key tapped this frame, if any.
std::optional<Key> NumberKeypad(UiContext& ctx, const Translator& tr, const NumberKeypadOptions& options);

/// The phone/PIN keypad across `width` px at its comfortable height.
std::optional<Key> NumericKeypad(UiContext& ctx, const Translator& tr, float width, bool enabled = true);

/// A keypad beside what it edits: true when the display is landscape and a keypad of
/// keypadBesideWidth() leaves a column of `minColumnEm` body heights next to it.
bool keypadBeside(const UiContext& ctx, float minColumnEm = 12.0f);
/// The keypad's width beside what it edits: comfortable, but at most 45 % of the content width.
float keypadBesideWidth(const UiContext& ctx);
/// When keypadBeside(): sets `pad` to fill a column `roomDown` px high at the right, opens the
/// column left of it (a child window `id`; close it with ImGui::EndChild(), then ImGui::SameLine()
/// before the keypad) and returns true. Otherwise changes nothing and returns false.
bool beginBesideKeypad(const UiContext& ctx, NumberKeypadOptions& pad, float roomDown, const char* id);

} // namespace okienko::kiosk::ui

// On-screen keyboard layouts as plain data: Polish (QWERTY with a visible row of diacritics, the
// simplest reliable touch design — no long-press, no AltGr), Ukrainian (ЙЦУКЕН with ґ є і ї and
// the apostrophe ʼ), English, a digits/symbols page, and a large numeric keypad for phones and
// PINs. The UI draws these rows; KeyboardState turns key presses into edits.
#pragma once

#include "shared/domain/language.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk
{

enum class KeyAction
{
    Insert,         ///< Inserts `text` (or `shiftText` when Shift/Caps is on).
    Backspace,      ///< Deletes one code point (the UI repeats it while held).
    Clear,          ///< Empties the field (keypad).
    Shift,          ///< Off → one-shot → caps lock → off.
    Space,          ///< Inserts U+0020.
    Done,           ///< Closes the keyboard / confirms the field.
    SwitchPage,     ///< Letters ↔ digits and symbols.
    SwitchLanguage, ///< Next keyboard language among those offered.
};

enum class KeyboardPage
{
    Letters,
    Symbols,
};

struct Key
{
    KeyAction action = KeyAction::Insert;
    std::string text;      ///< UTF-8 inserted without Shift (Insert keys).
    std::string shiftText; ///< UTF-8 inserted with Shift/Caps (same as `text` for symbols).
    /// Visible label for keys whose label is not their text ("123", "abc"); empty otherwise.
    std::string label;
    /// Translation key for action keys with a word on them ("keyboard.space"); empty otherwise.
    std::string labelKey;
    float width = 1.0f; ///< Relative width; 1.0 = one letter key.
    std::string id;     ///< Stable id for ImGui ("k-q", "k-shift") and automation "tap-id".
};

using KeyRow = std::vector<Key>;

struct KeyboardLayout
{
    std::string id; ///< "pl-letters", "uk-symbols", "keypad"…
    std::vector<KeyRow> rows;

    /// Sum of the widths of the widest row: the UI divides the available width by it.
    float maxRowWidth() const;
};

/// The layout of one page for one language (the symbols page differs only in its "abc" label).
const KeyboardLayout& keyboardLayout(domain::Language lang, KeyboardPage page);

/// Inventory numbers and codes ("LAP-WI-001", "R-4HX2"): digits, Latin capitals and the dash in four
/// rows, whatever the session's language (a Ukrainian screen's ЙЦУКЕН has neither).
const KeyboardLayout& codeKeyboard();

/// 1 2 3 / 4 5 6 / 7 8 9 / Clear 0 Backspace — for phones, PINs and PESEL.
const KeyboardLayout& numericKeypad();

/// 1 2 3 / 4 5 6 / 7 8 9 / , 0 Backspace — for amounts in złoty ("1500,50").
const KeyboardLayout& amountKeypad();

} // namespace okienko::kiosk

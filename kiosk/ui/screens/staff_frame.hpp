// The frame every staff screen shares (PIN keypad, menu, status, pick-ups, check-out, check-in,
// loans, overdue, units): one top bar with "Menu" always in the same place, Back where a step
// leads back, who is logged in and the language buttons; the screen's title under it (in landscape
// beside Menu in the bar, so the content keeps its height); the content area down to a keyboard or
// keypad, which stands on the residents' bottom bar (large text, high contrast). Also the layout
// rules the staff screens share: columns in landscape, actions sized to their labels there, and a
// typed field kept in view above the keys.
#pragma once

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/ui/screens/screen_env.hpp"
#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/widgets/big_button.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk::ui
{

/// What a staff screen draws under (portrait) or beside (landscape) its content area.
enum class StaffKeys
{
    None,
    Letters, ///< the on-screen letter keyboard
    Keypad,  ///< the numeric keypad
    Code,    ///< digits, Latin capitals and the dash (codeKeyboard()) for an inventory number
};

/// The rows a screen with `keys` draws: the code keyboard for an inventory number, else the state's.
const KeyboardLayout* staffKeyRows(StaffKeys keys);

struct StaffFrameOptions
{
    std::string_view title;           ///< the screen's title, wrapped under the top bar
    bool back = false;                ///< "← Wstecz" (id `back`, GoBack) after Menu: only where a step leads back
    bool menu = true;                 ///< "Menu" (id `staff-to-menu`); off on the menu itself and the PIN keypad
    StaffKeys keys = StaffKeys::None; ///< the keys the screen shows: in landscape they take the right
                                      ///< side from under the bar down, and the title goes over the form
};

/// Opens the root window and draws the top bar and the title. Always pair with endStaffScreen().
void beginStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out, const char* windowId,
                      const StaffFrameOptions& options);
/// Height the content (a touch-scroll area) may take from the cursor: down to the bottom bar as it
/// is drawn (taller when large text wraps its labels), less the keyboard or keypad drawn under it;
/// never less than a finger's height, so the area never falls back to "fill the rest".
float staffContentHeight(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys = StaffKeys::None);
/// Where a screen that types puts its content and its keys. Portrait: the content over the keys, both
/// the full width. Landscape, where the keys fit at a finger's size beside a readable column: the
/// content on the left at the full height and the keys on the right, standing on the bottom bar, so
/// the field being typed is never under them and the content is not squeezed into a strip.
struct StaffKeysArea
{
    bool beside = false;
    ImVec2 content;          ///< the content's touch-scroll area (x 0 = the full width)
    ImVec2 keysPos{0, 0};    ///< window-local top-left of the keys (beside only)
    float keysWidth = 0.0f;  ///< the keys' width (beside only; else the full width)
    float keysHeight = 0.0f; ///< the keys' height (beside only)
};
/// `keys` as given to beginStaffScreen; `pinned`: the label of the action drawn under the content with
/// StaffPinnedAction (room is kept for it), or empty.
StaffKeysArea staffKeysArea(const ScreenEnv& env, const UiContext& ctx, StaffKeys keys, std::string_view pinned = {});
/// Opens the content's touch-scroll area (close it with TouchScrollEnd); with the keys beside it, the
/// screen's title and who is logged in come first in it.
void beginStaffForm(const ScreenEnv& env, UiContext& ctx, const char* id, const StaffKeysArea& area);
/// After the content's TouchScrollEnd: moves the cursor to the keys' place; returns their width.
float placeStaffKeys(const StaffKeysArea& area, StaffKeys keys);
/// After drawing the keys: remembers the height they took (a key whose label wraps is taller than
/// the estimate), so the next frame's content area stops above them.
void endStaffKeys();

/// After the content's TouchScrollEnd: the screen's main action where it stays in sight while typing,
/// under the content, where staffKeysArea kept room for it. True when tapped.
bool StaffPinnedAction(UiContext& ctx, const StaffKeysArea& area, const std::string& label, std::string_view id,
                       bool enabled = true);

/// A card in a list of cards (pick-ups, open loans): a bold title and a second line.
struct StaffTile
{
    std::string title;
    std::string subtitle;
    std::string id;  ///< the stable id scripts tap
    std::string key; ///< ImGui's id, unique in the list (may equal `id`)
};
/// Draws `tiles` in `columns`, each row of cards as high as its tallest; the index tapped, or -1.
int StaffTiles(UiContext& ctx, const std::vector<StaffTile>& tiles, int columns);

/// Draws the bottom bar and closes the root window.
void endStaffScreen(const ScreenEnv& env, UiContext& ctx, Intents& out);

/// Wider than tall: lists go into columns and actions are sized to their labels.
bool staffLandscape();
/// Columns of cards at least `minCardEm` body lines wide that fit the current width: 1 in portrait,
/// up to `maxColumns` in landscape.
int staffColumns(const UiContext& ctx, float minCardEm, int maxColumns);
/// Opens a table of `columns` equal columns (text wraps inside each, so Paragraph and BigButton keep
/// to their cell); pair with endStaffColumns(). One column draws no table at all.
void beginStaffColumns(const UiContext& ctx, const char* id, int columns);
/// Moves to the next cell (the first call: the first cell).
void nextStaffColumn(int columns);
void endStaffColumns(int columns);

/// A screen's action button: the full width in portrait, where a thumb reaches anywhere; in
/// landscape as wide as its label (at least a few ems), not a bar across the screen.
ButtonOptions staffActionOptions(const UiContext& ctx, std::string_view label, ButtonStyle style, std::string_view id,
                                 bool enabled = true);
/// Draws a staff action (staffActionOptions); true when tapped.
bool StaffAction(UiContext& ctx, const std::string& label, std::string_view id, ButtonStyle style, bool enabled = true);

/// Call after drawing the field being typed (a label drawn from `topScreenY` and its button, the last
/// item) in a touch-scroll area: when `focus` differs from the last frame's for `key` (a field got
/// the keys, or the keys changed between keypad and letters), the area scrolls as little as needed
/// to show the whole field above the keys.
void keepTypedFieldInView(std::string_view key, int focus, float topScreenY);

} // namespace okienko::kiosk::ui

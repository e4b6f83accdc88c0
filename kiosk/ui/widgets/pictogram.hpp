// Pictograms: one small picture per thing a resident picks — the home actions, the 14 areas, the
// target groups and every equipment type. A name maps to a Material Icons glyph (Debian's
// fonts-material-design-icons-iconfont) or, where that set has nothing recognisable (crutches, a
// walking frame…), to a shape we draw with ImDrawList paths scaled to the box; both are crisp at
// any size. Decision 0008 says which is which and why. An unknown name draws a neutral shape,
// never the font's missing-glyph box.
#pragma once

#include "kiosk/ui/ui_context.hpp"

#include <string_view>
#include <vector>

namespace okienko::kiosk::ui
{

/// Shapes we draw ourselves: Material Icons has no crutches, walking frame, rollator, quad cane,
/// pressure mattress or commode chair.
enum class DrawnPictogram
{
    None,
    Crutches,
    Walker,
    Rollator,
    QuadCane,
    PressureMattress,
    CommodeChair,
    Neutral, ///< an unknown name: a plain framed dot, so nothing looks broken
};

/// What a pictogram name draws: a glyph of the icon font, or one of our shapes.
struct PictogramSource
{
    ImWchar glyph = 0; ///< Material Icons code point; 0 when drawn
    DrawnPictogram drawn = DrawnPictogram::None;
    bool known = false; ///< false: the name is not in the table (Neutral is drawn)
};

/// Looks `name` up: an equipment type's `pictogram` ("wheelchair", "crutches"…), an area's code
/// ("05-zdrowie"), a target group's code ("seniors"), a counselling kind ("kind-" and its id:
/// "kind-family") or a home action ("catalogue", "callback"…).
PictogramSource pictogramFor(std::string_view name);

/// Every name of the table (for tests and the decision record).
std::vector<std::string_view> pictogramNames();

/// The icon font's code points the table uses, as ImGui glyph ranges (zero-terminated pairs);
/// valid for the whole program, as the font atlas needs.
const ImWchar* pictogramGlyphRanges();

/// Draws `name` into the square at `min` with edge `size`, in `color`. A glyph is drawn from the
/// baked icon face nearest below `size` (so at its own pixel size: never blurred by scaling up);
/// a drawn shape scales to any size.
void drawPictogram(const UiContext& ctx, ImDrawList* list, std::string_view name, ImVec2 min, float size, ImU32 color);

/// The pictogram as a layout item at the cursor (size × size), recorded in the frame record as the
/// text "[pictogram:NAME]" so a script can `expect` it.
void Pictogram(UiContext& ctx, std::string_view name, float size);

/// The record's text for a pictogram: "[pictogram:NAME]".
std::string pictogramRecordText(std::string_view name);

/// The edge of a pictogram on a tile or list row, and beside a line of text, at the current text
/// size (the baked sizes of the icon font).
float pictogramTileSize(const UiContext& ctx);
float pictogramInlineSize(const UiContext& ctx);

} // namespace okienko::kiosk::ui

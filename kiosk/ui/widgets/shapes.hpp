// Filled shapes drawn so that SDL's software renderer can draw them quickly. SDL 2.26 draws two
// triangles that form an axis-aligned rectangle as a rectangle fill, but rasterises any other
// triangle by testing every pixel of its bounding box; ImGui fills a rounded rectangle as one
// triangle fan whose ~30 triangles each span the whole shape, so a full-width list row cost
// millions of pixel tests per frame.
#pragma once

#include <imgui.h>

namespace okienko::kiosk::ui
{

/// Fills [min, max] with corners of radius `rounding`, like ImDrawList::AddRectFilled, but as three
/// plain rectangles plus four small corner fans. Colours with alpha below 1 fall back to ImGui's
/// single fan (overlapping pieces would show as darker seams).
void FillRoundedRect(ImDrawList* list, ImVec2 min, ImVec2 max, ImU32 color, float rounding);
/// A rounded rectangle with an outline `borderWidth` thick inside its edge: the outline colour filled
/// first and the face inset over it, so neither needs the long antialiased strokes of
/// ImDrawList::AddRect.
void FillRoundedRectWithBorder(ImDrawList* list, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding,
                               float borderWidth);

} // namespace okienko::kiosk::ui

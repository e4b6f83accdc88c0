// Software-renderer-friendly shapes (see shapes.hpp).
#include "kiosk/ui/widgets/shapes.hpp"

#include <algorithm>
#include <cmath>

namespace okienko::kiosk::ui
{

void FillRoundedRect(ImDrawList* list, ImVec2 min, ImVec2 max, ImU32 color, float rounding)
{
    if ((color & IM_COL32_A_MASK) == 0)
        return;
    // Whole pixels: SDL truncates rectangle edges, so fractional pieces could leave a 1 px seam.
    min = ImVec2(std::round(min.x), std::round(min.y));
    max = ImVec2(std::round(max.x), std::round(max.y));
    const float r = std::round(std::min({rounding, (max.x - min.x) * 0.5f, (max.y - min.y) * 0.5f}));
    if (r < 1.0f)
    {
        list->AddRectFilled(min, max, color);
        return;
    }
    if ((color & IM_COL32_A_MASK) != IM_COL32_A_MASK)
    {
        list->AddRectFilled(min, max, color, r);
        return;
    }
    list->AddRectFilled(ImVec2(min.x, min.y + r), ImVec2(max.x, max.y - r), color);
    list->AddRectFilled(ImVec2(min.x + r, min.y), ImVec2(max.x - r, min.y + r), color);
    list->AddRectFilled(ImVec2(min.x + r, max.y - r), ImVec2(max.x - r, max.y), color);
    // Quarter discs; ImGui's arc positions: 0 = right, 3 = down, 6 = left, 9 = up.
    // The fan's tip sits 2 px inside the rectangles: ImGui antialiases every edge of a fill, and
    // the two straight edges would otherwise show as faint lines where a corner meets the bands.
    const struct
    {
        ImVec2 centre;
        ImVec2 tip;
        int from;
    } corners[] = {{ImVec2(min.x + r, min.y + r), ImVec2(min.x + r + 2, min.y + r + 2), 6},
                   {ImVec2(max.x - r, min.y + r), ImVec2(max.x - r - 2, min.y + r + 2), 9},
                   {ImVec2(max.x - r, max.y - r), ImVec2(max.x - r - 2, max.y - r - 2), 0},
                   {ImVec2(min.x + r, max.y - r), ImVec2(min.x + r + 2, max.y - r - 2), 3}};
    for (const auto& c : corners)
    {
        list->PathLineTo(c.tip);
        list->PathArcToFast(c.centre, r, c.from, c.from + 3);
        list->PathFillConvex(color);
    }
}

void FillRoundedRectWithBorder(ImDrawList* list, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding,
                               float borderWidth)
{
    const float w = std::round(borderWidth);
    if (w < 1.0f || border == fill || (border & IM_COL32_A_MASK) != IM_COL32_A_MASK)
    {
        FillRoundedRect(list, min, max, fill, rounding);
        if (w >= 1.0f && border != fill)
            list->AddRect(min, max, border, rounding, 0, borderWidth);
        return;
    }
    FillRoundedRect(list, min, max, border, rounding);
    FillRoundedRect(list, ImVec2(min.x + w, min.y + w), ImVec2(max.x - w, max.y - w), fill,
                    std::max(rounding - w, 0.0f));
}

} // namespace okienko::kiosk::ui

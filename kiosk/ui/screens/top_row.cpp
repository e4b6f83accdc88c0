// Room on the top bar's row (see top_row.hpp).
#include "kiosk/ui/screens/top_row.hpp"

#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace okienko::kiosk::ui
{

bool TopRow::fits(ImVec2 size) const
{
    return left + size.x + ImGui::GetStyle().ItemSpacing.x <= right && size.y <= bottom - top;
}

void TopRow::place(float height) const
{
    ImGui::SetCursorScreenPos(ImVec2(left, std::round(top + (bottom - top - height) * 0.5f)));
}

TopRowMark markTopRow(const UiContext& ctx)
{
    return TopRowMark{ctx.record.targets().size(), ImGui::GetCursorScreenPos().y};
}

TopRow topRowAfter(const UiContext& ctx, const TopRowMark& mark)
{
    TopRow row;
    row.top = mark.top;
    row.bottom = mark.top;
    // The widest gap between the bar's items (Back and Home on the left, languages on the right),
    // or before them on a root screen.
    std::vector<std::pair<float, float>> spans;
    const std::vector<TapTarget>& targets = ctx.record.targets();
    for (std::size_t i = mark.firstTarget; i < targets.size(); ++i)
    {
        spans.emplace_back(targets[i].fullMinX, targets[i].fullMaxX);
        row.bottom = std::max(row.bottom, targets[i].fullMaxY);
    }
    std::sort(spans.begin(), spans.end());
    const float contentRight = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    spans.emplace_back(contentRight, contentRight); // the gap after the last item, to the edge
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float from = ImGui::GetCursorScreenPos().x;
    row.left = from;
    row.right = from;
    for (const auto& [min, max] : spans)
    {
        if (min - from > row.right - row.left)
        {
            row.left = from;
            row.right = min;
        }
        from = std::max(from, max + spacing);
    }
    return row;
}

bool TitleInTopRow(UiContext& ctx, const TopRow& row, const std::string& title)
{
    ImFont* face = ctx.faces().title;
    const ImVec2 size = face->CalcTextSizeA(face->FontSize, FLT_MAX, 0.0f, title.c_str());
    if (!row.fits(size))
    {
        Title(ctx, title);
        return false;
    }
    const ImVec2 start = ImGui::GetCursorScreenPos();
    row.place(size.y);
    if (ctx.record.title().empty())
        ctx.record.setTitle(title); // the screen's name for the voice, as Title() records it
    TextIn(ctx, face, ctx.palette.text, title);
    ImGui::SetCursorScreenPos(start);
    return true;
}

} // namespace okienko::kiosk::ui

// Room on the top bar's row (see top_row.hpp).
#include "kiosk/ui/screens/top_row.hpp"

#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

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
    row.left = ImGui::GetCursorScreenPos().x;
    row.right = FLT_MAX;
    row.top = mark.top;
    row.bottom = mark.top;
    const std::vector<TapTarget>& targets = ctx.record.targets();
    for (std::size_t i = mark.firstTarget; i < targets.size(); ++i)
    {
        row.right = std::min(row.right, targets[i].fullMinX);
        row.bottom = std::max(row.bottom, targets[i].fullMaxY);
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
    TextIn(ctx, face, ctx.palette.text, title);
    ImGui::SetCursorScreenPos(start);
    return true;
}

} // namespace okienko::kiosk::ui

// Calendar date picker (see calendar.hpp).
#include "kiosk/ui/widgets/calendar.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <string>

namespace okienko::kiosk::ui
{

CalendarResult CalendarDatePicker(UiContext& ctx, const char* id, Date month, std::optional<Date> selected, Date first,
                                  Date last, const CalendarLabels& labels, float width, const CalendarOptions& options)
{
    CalendarResult result;
    ImGui::PushID(id);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 0.5f;
    const float cell = std::max(ctx.minTargetPx(), (width - gap * 6) / 7.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));

    const Date firstOfMonth{month.year, month.month, 1};
    const bool canGoBack = firstOfMonth > first;
    const Date lastOfMonth{month.year, month.month, daysInMonth(month.year, month.month)};
    const bool canGoForward = lastOfMonth < last;
    ButtonOptions nav;
    nav.size = ImVec2(cell * 1.5f, 0);
    nav.enabled = canGoBack;
    if (BigButton(ctx, "← " + labels.previous + "##prev", nav))
        result.kind = CalendarResult::Kind::PreviousMonth;
    ImGui::SameLine();
    const float titleW = width - nav.size.x * 2 - gap * 2;
    const ImVec2 titlePos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(titleW, cell));
    drawCentredWrapped(ImGui::GetWindowDrawList(), ctx.faces().bold, ctx.faces().bold->FontSize, titlePos,
                       ImVec2(titlePos.x + titleW, titlePos.y + cell), packed(ctx.palette.text), labels.monthTitle);
    ctx.record.addText(labels.monthTitle);
    ImGui::SameLine();
    nav.enabled = canGoForward;
    if (BigButton(ctx, labels.next + " →##next", nav))
        result.kind = CalendarResult::Kind::NextMonth;

    for (int wd = 0; wd < 7; ++wd)
    {
        if (wd > 0)
            ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(cell, ctx.em(1.4f)));
        drawCentredWrapped(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(), p,
                           ImVec2(p.x + cell, p.y + ctx.em(1.4f)), packed(ctx.palette.mutedText),
                           labels.weekdays[static_cast<std::size_t>(wd)]);
    }
    const int lead = firstOfMonth.weekday();
    const int days = daysInMonth(month.year, month.month);
    int column = 0;
    for (int i = 0; i < lead; ++i, ++column)
    {
        if (column > 0)
            ImGui::SameLine();
        ImGui::Dummy(ImVec2(cell, cell));
    }
    for (int d = 1; d <= days; ++d, ++column)
    {
        if (column % 7 != 0)
            ImGui::SameLine();
        const Date day{month.year, month.month, d};
        ButtonOptions opt;
        opt.size = ImVec2(cell, cell);
        opt.enabled = !(day < first) && !(last < day) && !(options.isDisabled && options.isDisabled(day));
        const std::string dayId = "day-" + day.iso();
        opt.id = dayId;
        opt.style = (selected && *selected == day) ? ButtonStyle::Primary : ButtonStyle::Secondary;
        const std::string label = std::to_string(d) + "##d" + std::to_string(d);
        if (BigButton(ctx, label, opt))
        {
            result.kind = CalendarResult::Kind::Picked;
            result.date = day;
        }
        if (options.today && *options.today == day)
        {
            const ImVec2 mn = ImGui::GetItemRectMin();
            const ImVec2 mx = ImGui::GetItemRectMax();
            const float inset = ctx.em(0.15f);
            ImGui::GetWindowDrawList()->AddRect(ImVec2(mn.x + inset, mn.y + inset), ImVec2(mx.x - inset, mx.y - inset),
                                                packed(ctx.palette.text), ctx.em(0.4f), ImDrawFlags_None,
                                                ctx.em(0.15f));
        }
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return result;
}

} // namespace okienko::kiosk::ui

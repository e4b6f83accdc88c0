// Calendar date picker (see calendar.hpp).
#include "kiosk/ui/widgets/calendar.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

void todayRing(UiContext& ctx, ImDrawList* list, ImVec2 mn, ImVec2 mx)
{
    const float inset = ctx.em(0.15f);
    list->AddRect(ImVec2(mn.x + inset, mn.y + inset), ImVec2(mx.x - inset, mx.y - inset), packed(ctx.palette.text),
                  ctx.em(0.4f), ImDrawFlags_None, ctx.em(0.15f));
}

void crossOut(UiContext& ctx, ImDrawList* list, ImVec2 mn, ImVec2 mx)
{
    const float inset = ctx.em(0.35f);
    list->AddLine(ImVec2(mn.x + inset, mx.y - inset), ImVec2(mx.x - inset, mn.y + inset),
                  packed(ctx.palette.warningText), std::max(2.0f, ctx.em(0.12f)));
}

/// One legend entry: a small swatch drawn by `swatch`, then its words; wraps to a new line when
/// the row is full.
template <typename Swatch>
void legendEntry(UiContext& ctx, const std::string& text, float& x, float left, float right, Swatch&& swatch)
{
    if (text.empty())
        return;
    ImFont* font = ImGui::GetFont();
    const float box = ctx.em(1.3f);
    const float textW = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
    const float entryW = box + ctx.em(0.4f) + textW;
    if (x > left && x + entryW > right)
        x = left; // the last entry's Dummy already moved the cursor to a new line
    else if (x > left)
        ImGui::SameLine(0.0f, 0.0f);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    swatch(list, p, ImVec2(p.x + box, p.y + box));
    list->AddText(font, font->FontSize, ImVec2(p.x + box + ctx.em(0.4f), p.y + (box - font->FontSize) * 0.5f),
                  packed(ctx.palette.text), text.c_str());
    ctx.record.addText(text);
    ImGui::Dummy(ImVec2(std::min(entryW, right - x), box));
    x += entryW + ctx.em(1.2f);
}

} // namespace

namespace
{

/// How the header and the grid both lay out a month `width` px wide.
struct GridMetrics
{
    float cellW = 0.0f;
    float cellH = 0.0f;
    float gapX = 0.0f;
    float gapY = 0.0f;     ///< between week rows (and under the weekday row)
    float weekdayH = 0.0f; ///< the weekday row
};

/// The smallest gap left between two week rows where the month's rows would otherwise scroll: the
/// cells' borders still read as separate keys.
constexpr float kMinRowGap = 3.0f;

int weeksIn(Date month)
{
    const Date firstOfMonth{month.year, month.month, 1};
    return (firstOfMonth.weekday() + daysInMonth(month.year, month.month) + 6) / 7;
}

GridMetrics gridMetrics(const UiContext& ctx, float width, Date month, const CalendarOptions& options)
{
    GridMetrics m;
    m.gapX = ImGui::GetStyle().ItemSpacing.x * 0.5f;
    m.gapY = m.gapX;
    m.weekdayH = ctx.em(1.4f);
    const float minSide = ctx.minTargetPx();
    m.cellW = std::max(minSide, (width - m.gapX * 6) / 7.0f);
    // As tall as needed to read and hit, not as tall as wide: on a landscape panel a square cell
    // pushed "Dalej" off the screen.
    m.cellH = std::max(minSide, std::min(m.cellW, ctx.em(2.4f)));
    if (options.maxHeight <= 0.0f)
        return m;
    if (options.monthRow || options.legend)
    {
        // the weekday row and the legend (with the spacing around them), then the rows of cells:
        // the month's title row and up to six weeks, each with its gap
        const float fixed = (options.weekdays ? m.weekdayH : 0.0f) + (options.legend ? ctx.em(1.3f) : 0.0f) +
                            m.gapX * 9 + ImGui::GetStyle().ItemSpacing.y * 2;
        const float fit = (options.maxHeight - fixed) / (options.monthRow ? 7.0f : 6.0f);
        m.cellH = std::max(minSide, std::min(m.cellH, fit));
        return m;
    }
    // The weekday row and this month's weeks alone (a landscape screen's left side): the rows give up
    // their gap (down to kMinRowGap) and the weekday row its air (down to a line and a little) before
    // the weeks scroll, so 1280×720 in large text shows its six weeks whole at 15-mm keys.
    const float weeks = static_cast<float>(weeksIn(month));
    for (const float weekdayEm : {1.4f, 1.15f})
    {
        const float weekdayH = options.weekdays ? ctx.em(weekdayEm) : 0.0f;
        // Each week takes its row and the gap above it (the first: the gap under the weekdays).
        const float perWeek = (options.maxHeight - weekdayH - 1.0f) / weeks; // a pixel for rounding
        if (perWeek < minSide + kMinRowGap)
            continue;
        m.weekdayH = ctx.em(weekdayEm);
        m.gapY = std::clamp(perWeek - minSide, kMinRowGap, m.gapX);
        m.cellH = std::clamp(perWeek - m.gapY, minSide, m.cellH);
        return m;
    }
    m.cellH = minSide; // the weeks scroll under their weekdays
    return m;
}

} // namespace

CalendarResult CalendarHeader(UiContext& ctx, const char* id, Date month, Date first, Date last,
                              const CalendarLabels& labels, float width, const CalendarOptions& options)
{
    CalendarResult result;
    ImGui::PushID(id);
    const float minSide = ctx.minTargetPx();
    const GridMetrics m = gridMetrics(ctx, width, month, options);
    const float gap = m.gapX;
    const float cell = m.cellW;
    const float cellH = m.cellH;
    const float weekdayH = m.weekdayH;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, m.gapY));

    const Date firstOfMonth{month.year, month.month, 1};
    const bool canGoBack = firstOfMonth > first;
    const Date lastOfMonth{month.year, month.month, daysInMonth(month.year, month.month)};
    const bool canGoForward = lastOfMonth < last;
    // Month title between the two buttons when all three fit on one line; on a narrow panel (or
    // in large text) the title gets its own line and the buttons share the next, so no label
    // breaks inside a word ("Nastę|pny").
    const std::string prevLabel = "← " + labels.previous;
    const std::string nextLabel = labels.next + " →";
    ImFont* bold = ctx.faces().bold;
    const float padX = ImGui::GetStyle().FramePadding.x;
    const float navText = std::max(ImGui::CalcTextSize(prevLabel.c_str()).x, ImGui::CalcTextSize(nextLabel.c_str()).x);
    const float titleText = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, labels.monthTitle.c_str()).x;
    const float navW = std::max(minSide, navText + padX * 2);
    const bool oneLine = navW * 2 + titleText + padX * 2 + gap * 2 <= width;
    ButtonOptions nav;
    nav.size = ImVec2(oneLine ? navW : (width - gap) * 0.5f, cellH);
    const float titleW = oneLine ? std::max(1.0f, width - nav.size.x * 2 - gap * 2) : width;
    const auto drawTitle = [&]()
    {
        const ImVec2 titlePos = ImGui::GetCursorScreenPos();
        const float h = oneLine ? cellH : bold->FontSize * 1.6f;
        ImGui::Dummy(ImVec2(titleW, h));
        drawCentredWrapped(ImGui::GetWindowDrawList(), bold, bold->FontSize, titlePos,
                           ImVec2(titlePos.x + titleW, titlePos.y + h), packed(ctx.palette.text), labels.monthTitle);
        ctx.record.addText(labels.monthTitle);
        ctx.record.addTextBox(labels.monthTitle, titlePos, ImVec2(titlePos.x + titleW, titlePos.y + h));
    };
    if (options.monthRow)
    {
        if (!oneLine)
            drawTitle();
        nav.enabled = canGoBack;
        nav.id = "calendar-previous";
        if (BigButton(ctx, prevLabel + "##prev", nav))
            result.kind = CalendarResult::Kind::PreviousMonth;
        ImGui::SameLine();
        if (oneLine)
        {
            drawTitle();
            ImGui::SameLine();
        }
        nav.enabled = canGoForward;
        nav.id = "calendar-next";
        if (BigButton(ctx, nextLabel + "##next", nav))
            result.kind = CalendarResult::Kind::NextMonth;
    }

    for (int wd = 0; wd < (options.weekdays ? 7 : 0); ++wd)
    {
        if (wd > 0)
            ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(cell, weekdayH));
        const std::string& weekday = labels.weekdays[static_cast<std::size_t>(wd)];
        drawCentredWrapped(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(), p,
                           ImVec2(p.x + cell, p.y + weekdayH), packed(ctx.palette.mutedText), weekday);
        ctx.record.addTextBox(weekday, p, ImVec2(p.x + cell, p.y + weekdayH));
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return result;
}

CalendarResult CalendarGrid(UiContext& ctx, const char* id, Date month, std::optional<Date> selected, Date first,
                            Date last, const CalendarLabels& labels, float width, const CalendarOptions& options)
{
    CalendarResult result;
    ImGui::PushID(id);
    const GridMetrics m = gridMetrics(ctx, width, month, options);
    const float cell = m.cellW;
    const float cellH = m.cellH;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.gapX, m.gapY));
    // A day's number needs little padding: the key keeps its height (at least 15 mm) instead of
    // growing by a button's padding, and "31" its full size in a narrow column.
    const float digitsH = wrappedHeight(ImGui::GetFont(), ImGui::GetFontSize(), FLT_MAX, "31");
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ctx.em(0.2f), std::max(2.0f, std::floor((cellH - digitsH) * 0.5f))));
    const Date firstOfMonth{month.year, month.month, 1};
    const int lead = firstOfMonth.weekday();
    const int days = daysInMonth(month.year, month.month);
    int column = 0;
    for (int i = 0; i < lead; ++i, ++column)
    {
        if (column > 0)
            ImGui::SameLine();
        ImGui::Dummy(ImVec2(cell, cellH));
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (int d = 1; d <= days; ++d, ++column)
    {
        if (column % 7 != 0)
            ImGui::SameLine();
        const Date day{month.year, month.month, d};
        ButtonOptions opt;
        opt.size = ImVec2(cell, cellH);
        opt.enabled = !(day < first) && !(last < day) && !(options.isDisabled && options.isDisabled(day));
        const std::string dayId = "day-" + day.iso();
        opt.id = dayId;
        const bool isSelected = selected && *selected == day;
        opt.style = isSelected ? ButtonStyle::Primary : ButtonStyle::Secondary;
        opt.role = SpokenRole::Day;
        const std::string spokenDate = formatDate(day); // the whole date: the month is not under the finger
        opt.speech = spokenDate;
        if (isSelected)
            opt.state = SpokenState::Selected;
        else if (opt.enabled && options.isUnavailable && options.isUnavailable(day))
            opt.state = SpokenState::Unavailable;
        const std::string label = std::to_string(d) + "##d" + std::to_string(d);
        if (BigButton(ctx, label, opt))
        {
            result.kind = CalendarResult::Kind::Picked;
            result.date = day;
        }
        const ImVec2 mn = ImGui::GetItemRectMin();
        const ImVec2 mx = ImGui::GetItemRectMax();
        if (opt.enabled && !isSelected && options.isUnavailable && options.isUnavailable(day))
            crossOut(ctx, list, mn, mx);
        if (options.today && *options.today == day)
            todayRing(ctx, list, mn, mx);
    }
    ImGui::PopStyleVar(2);
    if (options.legend)
        CalendarLegend(ctx, labels, width);
    ImGui::PopID();
    return result;
}

void CalendarLegend(UiContext& ctx, const CalendarLabels& labels, float width)
{
    if (labels.legendToday.empty() && labels.legendSelected.empty() && labels.legendUnavailable.empty())
        return;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ImGui::GetStyle().ItemSpacing.x * 0.5f, ImGui::GetStyle().ItemSpacing.x * 0.5f));
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + width;
    float x = left;
    const float rounding = ImGui::GetStyle().FrameRounding * 0.5f;
    legendEntry(ctx, labels.legendToday, x, left, right,
                [&](ImDrawList* l, ImVec2 a, ImVec2 b)
                {
                    FillRoundedRectWithBorder(l, a, b, packed(ctx.palette.surface), packed(ctx.palette.border),
                                              rounding, 1.0f);
                    todayRing(ctx, l, a, b);
                });
    legendEntry(ctx, labels.legendSelected, x, left, right,
                [&](ImDrawList* l, ImVec2 a, ImVec2 b)
                { FillRoundedRect(l, a, b, packed(ctx.palette.accent), rounding); });
    legendEntry(ctx, labels.legendUnavailable, x, left, right,
                [&](ImDrawList* l, ImVec2 a, ImVec2 b)
                {
                    FillRoundedRectWithBorder(l, a, b, packed(ctx.palette.surface), packed(ctx.palette.border),
                                              rounding, 1.0f);
                    crossOut(ctx, l, ImVec2(a.x - ctx.em(0.2f), a.y - ctx.em(0.2f)),
                             ImVec2(b.x + ctx.em(0.2f), b.y + ctx.em(0.2f)));
                });
    ImGui::PopStyleVar();
}

CalendarResult CalendarDatePicker(UiContext& ctx, const char* id, Date month, std::optional<Date> selected, Date first,
                                  Date last, const CalendarLabels& labels, float width, const CalendarOptions& options)
{
    const CalendarResult moved = CalendarHeader(ctx, id, month, first, last, labels, width, options);
    const CalendarResult picked = CalendarGrid(ctx, id, month, selected, first, last, labels, width, options);
    return moved.kind != CalendarResult::Kind::None ? moved : picked;
}

} // namespace okienko::kiosk::ui

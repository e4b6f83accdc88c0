// The schedule screen (see schedule_screen.hpp).
#include "kiosk/ui/screens/schedule_screen.hpp"

#include "kiosk/ui/screens/schedule_words.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/top_row.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

/// The day keys: as many to a row as fit at their natural width, then evened out so the last row
/// is not a lone key (7 → 4 + 3 rather than 6 + 1).
void dayKeys(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    std::vector<std::string> labels;
    for (int d = 0; d < kScheduleDays; ++d)
        labels.push_back(scheduleDayLabel(env, env.now.date.plusDays(d)));
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float widest = 0.0f;
    for (const std::string& l : labels)
        widest = std::max(widest, naturalButtonWidth(ctx, l));
    const int fit = std::clamp(static_cast<int>((width + gap) / (widest + gap)), 1, kScheduleDays);
    const int rows = (kScheduleDays + fit - 1) / fit;
    const int perRow = (kScheduleDays + rows - 1) / rows;
    const float keyWidth = std::floor((width - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow));
    for (int d = 0; d < kScheduleDays; ++d)
    {
        if (d % perRow != 0)
            ImGui::SameLine();
        const std::string id = "schedule-day-" + std::to_string(d);
        ButtonOptions opt;
        opt.size = ImVec2(keyWidth, 0.0f);
        opt.style = env.state.scheduleDay == d ? ButtonStyle::Selected : ButtonStyle::Secondary;
        opt.role = SpokenRole::Day;
        opt.id = id;
        if (BigButton(ctx, labels[static_cast<std::size_t>(d)] + "##" + id, opt))
            out.emplace_back(SelectScheduleDay{d});
    }
}

void activityEntry(const ScreenEnv& env, UiContext& ctx, const domain::Activity& a, const domain::ActivityOccurrence& o)
{
    Label(ctx, scheduleTimeRange(o.startMinute, o.endMinute) + "  " + env.text(a.title));
    if (o.cancelled)
        Badge(ctx, env.tr.tr("schedule.cancelled"), ctx.palette.emergency, ctx.palette.emergencyText);
    if (!o.reason.empty()) // a date called off on its own: the coordinator's reason, as typed
        Paragraph(ctx, o.reason);
    ParagraphColored(ctx, scheduleKindLabel(env, a.kind) + " · " + a.place, ctx.palette.mutedText);
    if (a.weekly && a.until)
        ParagraphColored(ctx, env.tr.format("schedule.weekly", {{"date", formatDate(*a.until)}}),
                         ctx.palette.mutedText);
    if (!a.signUp.empty())
        Paragraph(ctx, env.text(a.signUp));
    if (a.capacity)
        Paragraph(ctx, env.tr.format("schedule.capacity", {{"places", std::to_string(*a.capacity)}}));
}

} // namespace

void drawScheduleScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##schedule");
    const TopRowMark mark = markTopRow(ctx);
    drawTopBar(env, ctx, out);
    (void)TitleInTopRow(ctx, topRowAfter(ctx, mark), env.tr.tr("schedule.title"));
    dayKeys(env, ctx, out);

    const Date day = env.now.date.plusDays(env.state.scheduleDay);
    auto occurrences = domain::occurrencesBetween(env.schedule(), day, day, true);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float room = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx) - spacing;
    TouchScrollBegin(ctx, "##schedule-list", ImVec2(0, std::max(room, ctx.minTargetPx())));
    if (occurrences.empty())
        Paragraph(ctx, env.tr.tr("schedule.none"));
    bool first = true;
    for (const domain::ActivityOccurrence& o : occurrences)
    {
        if (!first)
            Divider(ctx);
        first = false;
        activityEntry(env, ctx, env.schedule()[o.index], o);
    }
    TouchScrollEnd(ctx);
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

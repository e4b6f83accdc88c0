// The start screen's "coming up" block (see attract_schedule.hpp).
#include "kiosk/ui/screens/attract_schedule.hpp"

#include "kiosk/ui/screens/attract_layout.hpp"
#include "kiosk/ui/screens/schedule_words.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <string>

namespace okienko::kiosk::ui
{

void drawAttractSchedule(const ScreenEnv& env, UiContext& ctx, float bottom)
{
    const auto coming = upcomingOccurrences(env, kScheduleDays, false);
    if (coming.empty())
        return;
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float divider = std::max(1.0f, 2.0f * ctx.uiScale) + spacing;
    const std::string heading = env.tr.tr("attract.schedule");
    const std::size_t lines = std::min<std::size_t>(coming.size(), kAttractScheduleLines);
    bool any = false;
    for (std::size_t i = 0; i < lines; ++i)
    {
        const domain::ActivityOccurrence& o = coming[i];
        // A weekly activity's day called off on its own stays in the list, marked: its regulars read
        // "Odwołane" before they set off.
        const std::string line = scheduleDayLabel(env, o.date) + " " +
                                 formatClock(o.startMinute / 60, o.startMinute % 60) + " · " +
                                 env.text(env.schedule()[o.index].title) +
                                 (o.cancelled ? " — " + env.tr.tr("schedule.cancelled") : std::string());
        float needed = paragraphHeight(ImGui::GetFont(), line, width);
        if (!any)
            needed += divider + paragraphHeight(ctx.faces().bold, heading, width);
        if (ImGui::GetCursorPosY() + needed > bottom)
            break;
        if (!any)
        {
            Divider(ctx);
            Label(ctx, heading);
        }
        any = true;
        Paragraph(ctx, line);
    }
}

} // namespace okienko::kiosk::ui

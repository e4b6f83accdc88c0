// The schedule's words (see schedule_words.hpp).
#include "kiosk/ui/screens/schedule_words.hpp"

#include "shared/util/date_format.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{

std::string scheduleDayLabel(const ScreenEnv& env, Date day)
{
    const std::int64_t offset = day.toDays() - env.now.date.toDays();
    if (offset == 0)
        return env.tr.tr("schedule.today");
    if (offset == 1)
        return env.tr.tr("schedule.tomorrow");
    return env.tr.tr("schedule.weekday." + std::to_string(day.weekday())) + " " + formatDayMonth(day);
}

std::string scheduleTimeRange(int startMinute, int endMinute)
{
    return formatClock(startMinute / 60, startMinute % 60) + "–" + formatClock(endMinute / 60, endMinute % 60);
}

std::string scheduleKindLabel(const ScreenEnv& env, domain::ActivityKind kind)
{
    return env.tr.tr("schedule.kind." + std::string(domain::activityKindCode(kind)));
}

std::vector<domain::ActivityOccurrence> upcomingOccurrences(const ScreenEnv& env, int days, bool withCancelled)
{
    const Date today = env.now.date;
    const int minuteNow = env.now.hour * 60 + env.now.minute;
    auto all = domain::occurrencesBetween(env.schedule(), today, today.plusDays(days - 1), withCancelled);
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&](const domain::ActivityOccurrence& o)
                             { return o.date == today && o.endMinute <= minuteNow; }),
              all.end());
    return all;
}

} // namespace okienko::kiosk::ui

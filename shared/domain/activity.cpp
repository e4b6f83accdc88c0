// Activities and their occurrences (see activity.hpp).
#include "shared/domain/activity.hpp"

#include <algorithm>

namespace okienko::domain
{

std::string_view activityKindCode(ActivityKind kind)
{
    switch (kind)
    {
    case ActivityKind::Workshop:
        return "workshop";
    case ActivityKind::Club:
        return "club";
    case ActivityKind::Duty:
        return "duty";
    case ActivityKind::PartnerEvent:
        return "partner-event";
    }
    return "workshop";
}

std::optional<ActivityKind> parseActivityKind(std::string_view code)
{
    for (ActivityKind k : allActivityKinds())
        if (activityKindCode(k) == code)
            return k;
    return std::nullopt;
}

const std::vector<ActivityKind>& allActivityKinds()
{
    static const std::vector<ActivityKind> kinds{ActivityKind::Workshop, ActivityKind::Club, ActivityKind::Duty,
                                                 ActivityKind::PartnerEvent};
    return kinds;
}

const CancelledDate* Activity::cancelledOn(Date day) const
{
    const auto it = std::find_if(cancelledDates.begin(), cancelledDates.end(),
                                 [&](const CancelledDate& c) { return c.date == day; });
    return it == cancelledDates.end() ? nullptr : &*it;
}

std::vector<Date> occurrenceDates(const Activity& a, Date from, Date to)
{
    std::vector<Date> out;
    if (to < from)
        return out;
    if (!a.weekly)
    {
        if (!(a.date < from) && !(to < a.date))
            out.push_back(a.date);
        return out;
    }
    // A series without an end is refused by the checks; here it is read as one day.
    const Date last = std::min(a.until.value_or(a.date), to);
    std::int64_t day = a.date.toDays();
    if (day < from.toDays())
        day += (from.toDays() - day + 6) / 7 * 7; // the first of the series' weekdays on or after `from`
    for (; day <= last.toDays(); day += 7)
        out.push_back(Date::fromDays(day));
    return out;
}

std::vector<ActivityOccurrence> occurrencesBetween(const std::vector<Activity>& activities, Date from, Date to,
                                                   bool withCancelled)
{
    std::vector<ActivityOccurrence> out;
    for (std::size_t i = 0; i < activities.size(); ++i)
    {
        const Activity& a = activities[i];
        if (a.cancelled && !withCancelled)
            continue;
        for (const Date d : occurrenceDates(a, from, to))
        {
            const CancelledDate* off = a.cancelledOn(d);
            out.push_back(ActivityOccurrence{i, d, a.startMinute, a.endMinute, a.cancelled || off != nullptr,
                                             off != nullptr ? off->reason : std::string()});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ActivityOccurrence& x, const ActivityOccurrence& y)
                     {
                         if (x.date != y.date)
                             return x.date < y.date;
                         if (x.startMinute != y.startMinute)
                             return x.startMinute < y.startMinute;
                         return x.index < y.index;
                     });
    return out;
}

} // namespace okienko::domain

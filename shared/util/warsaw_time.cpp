// Europe/Warsaw offsets (see warsaw_time.hpp).
#include "shared/util/warsaw_time.hpp"

#include <cstdio>

namespace okienko
{

Date lastSundayOf(int year, int month)
{
    const Date last{year, month, daysInMonth(year, month)};
    return last.plusDays(-((last.weekday() + 1) % 7)); // weekday(): 0 = Monday … 6 = Sunday
}

int warsawUtcOffsetMinutes(Date date, int minuteOfDay)
{
    constexpr int kWinter = 60;
    constexpr int kSummer = 120;
    constexpr int kChangeMinute = 3 * 60; // the first wall-clock minute after either change
    const Date spring = lastSundayOf(date.year, 3);
    const Date autumn = lastSundayOf(date.year, 10);
    if (date < spring || autumn < date)
        return kWinter;
    if (spring < date && date < autumn)
        return kSummer;
    if (date == spring)
        return minuteOfDay < kChangeMinute ? kWinter : kSummer;
    return minuteOfDay < kChangeMinute ? kSummer : kWinter;
}

std::string warsawTimestamp(Date date, int minuteOfDay)
{
    const int offset = warsawUtcOffsetMinutes(date, minuteOfDay);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00+%02d:00", date.iso().c_str(), minuteOfDay / 60, minuteOfDay % 60,
                  offset / 60);
    return buf;
}

} // namespace okienko

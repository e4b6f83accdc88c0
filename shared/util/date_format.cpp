// Date and time formats (see date_format.hpp). Buffers are sized for any int, because the
// compiler cannot know the fields' ranges and -Wformat-truncation would object.
#include "shared/util/date_format.hpp"

#include <cstdio>
#include <ctime>

namespace okienko
{

std::optional<LocalDateTime> localDateTimeOf(std::int64_t unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    if (localtime_r(&t, &tm) == nullptr)
        return std::nullopt;
    return LocalDateTime{Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, tm.tm_hour, tm.tm_min,
                         tm.tm_sec > 59 ? 59 : tm.tm_sec};
}

std::string formatClock(int hour, int minute)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    return buf;
}

std::string formatMinuteOfDay(int minuteOfDay)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    return buf;
}

std::string formatDate(const Date& date)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", date.day, date.month, date.year);
    return buf;
}

std::string formatDateUnpaddedDay(const Date& date)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d.%02d.%04d", date.day, date.month, date.year);
    return buf;
}

std::string formatDayMonth(const Date& date)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d.%02d", date.day, date.month);
    return buf;
}

std::string formatDateTime(const LocalDateTime& t)
{
    return formatDate(t.date) + " " + formatClock(t.hour, t.minute);
}

std::string formatIsoDateTime(const LocalDateTime& t)
{
    return t.date.iso() + " " + formatClock(t.hour, t.minute);
}

} // namespace okienko

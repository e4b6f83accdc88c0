// The one set of date and time formats the kiosk, its slips and the panel write.
#include "shared/util/date_format.hpp"

#include <cstdlib>
#include <ctime>
#include <gtest/gtest.h>

namespace
{

using okienko::Date;
using okienko::LocalDateTime;

TEST(DateFormat, ClockTimesArePaddedToTwoDigits)
{
    EXPECT_EQ(okienko::formatClock(9, 5), "09:05");
    EXPECT_EQ(okienko::formatClock(23, 59), "23:59");
    EXPECT_EQ(okienko::formatClock(0, 0), "00:00");
}

TEST(DateFormat, MinutesOfTheDayKeepTheHourUnpadded)
{
    EXPECT_EQ(okienko::formatMinuteOfDay(8 * 60), "8:00");
    EXPECT_EQ(okienko::formatMinuteOfDay(15 * 60 + 30), "15:30");
    EXPECT_EQ(okienko::formatMinuteOfDay(5), "0:05");
}

TEST(DateFormat, DatesReadDayMonthYear)
{
    EXPECT_EQ(okienko::formatDate(Date{2026, 3, 2}), "02.03.2026");
    EXPECT_EQ(okienko::formatDate(Date{2026, 11, 25}), "25.11.2026");
    EXPECT_EQ(okienko::formatDateUnpaddedDay(Date{2026, 3, 2}), "2.03.2026");
    EXPECT_EQ(okienko::formatDateUnpaddedDay(Date{2026, 11, 25}), "25.11.2026");
    EXPECT_EQ(okienko::formatDayMonth(Date{2026, 3, 2}), "02.03");
}

TEST(DateFormat, DateTimesJoinADateAndAClock)
{
    const LocalDateTime t{Date{2026, 11, 23}, 10, 5, 42};
    EXPECT_EQ(okienko::formatDateTime(t), "23.11.2026 10:05");
    EXPECT_EQ(okienko::formatIsoDateTime(t), "2026-11-23 10:05");
}

TEST(DateFormat, UnixSecondsBecomeLocalTime)
{
    const char* previous = std::getenv("TZ");
    const std::string saved = previous != nullptr ? previous : "";
    setenv("TZ", "Europe/Warsaw", 1);
    tzset();
    // 2026-11-23 09:15:30 UTC is 10:15:30 in Warsaw (CET, UTC+1).
    const auto winter = okienko::localDateTimeOf(1795425330);
    ASSERT_TRUE(winter.has_value());
    EXPECT_EQ(*winter, (LocalDateTime{Date{2026, 11, 23}, 10, 15, 30}));
    // 2026-07-01 12:00:00 UTC is 14:00 in Warsaw (CEST, UTC+2).
    const auto summer = okienko::localDateTimeOf(1782907200);
    ASSERT_TRUE(summer.has_value());
    EXPECT_EQ(okienko::formatIsoDateTime(*summer), "2026-07-01 14:00");
    if (previous != nullptr)
        setenv("TZ", saved.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}

} // namespace

// Calendar arithmetic that reservations and PESEL dates rely on.
#include "shared/util/date.hpp"

#include <gtest/gtest.h>

using okienko::Date;
using okienko::DateRange;

TEST(Date, RoundTripsEveryDayOverFourCenturies)
{
    const auto start = Date{1800, 1, 1}.toDays();
    const auto end = Date{2200, 12, 31}.toDays();
    for (auto d = start; d <= end; ++d)
        ASSERT_EQ(Date::fromDays(d).toDays(), d);
    EXPECT_EQ((Date{1970, 1, 1}).toDays(), 0);
    EXPECT_EQ(Date::fromDays(-1), (Date{1969, 12, 31}));
}

TEST(Date, LeapYearsFollowTheGregorianRule)
{
    EXPECT_TRUE(okienko::isLeapYear(2024));
    EXPECT_TRUE(okienko::isLeapYear(2000));
    EXPECT_FALSE(okienko::isLeapYear(1900));
    EXPECT_FALSE(okienko::isLeapYear(2100));
    EXPECT_TRUE(okienko::isValidDate(2024, 2, 29));
    EXPECT_FALSE(okienko::isValidDate(2023, 2, 29));
    EXPECT_FALSE(okienko::isValidDate(2023, 4, 31));
    EXPECT_FALSE(okienko::isValidDate(2023, 13, 1));
    EXPECT_FALSE(okienko::isValidDate(2023, 0, 1));
}

TEST(Date, ParsesOnlyRealIsoDates)
{
    EXPECT_EQ(okienko::parseIsoDate("2026-11-23"), (Date{2026, 11, 23}));
    EXPECT_FALSE(okienko::parseIsoDate("2026-02-30"));
    EXPECT_FALSE(okienko::parseIsoDate("2026-1-23"));
    EXPECT_FALSE(okienko::parseIsoDate("2026/11/23"));
    EXPECT_FALSE(okienko::parseIsoDate(""));
    EXPECT_EQ((Date{2026, 3, 5}).iso(), "2026-03-05");
}

TEST(Date, WeekdayIsMondayBased)
{
    EXPECT_EQ((Date{2026, 11, 23}).weekday(), 0); // a Monday
    EXPECT_EQ((Date{2026, 11, 29}).weekday(), 6);
    EXPECT_EQ((Date{1969, 12, 31}).weekday(), 2);
}

TEST(DateRange, OverlapIsHalfOpen)
{
    const DateRange a{{2026, 1, 1}, 10}; // 1..10
    EXPECT_TRUE(a.overlaps({{2026, 1, 10}, 1}));
    EXPECT_FALSE(a.overlaps({{2026, 1, 11}, 5}));
    EXPECT_TRUE(a.overlaps({{2025, 12, 25}, 8}));
    EXPECT_FALSE(a.overlaps({{2025, 12, 25}, 7}));
    EXPECT_EQ(a.last(), (Date{2026, 1, 10}));
    EXPECT_TRUE(a.contains({2026, 1, 10}));
    EXPECT_FALSE(a.contains({2026, 1, 11}));
}

// Clocks: the manual clock moves monotonic and wall time together; the real one never goes back.
#include "kiosk/core/clock.hpp"

#include <gtest/gtest.h>

namespace okienko::kiosk
{
namespace
{

TEST(ClockTest, ManualClockIgnoresNegativeAndNonFiniteSteps)
{
    ManualClock c;
    c.advance(Millis{-5});
    c.advanceSeconds(-1.0);
    c.advanceSeconds(std::numeric_limits<double>::quiet_NaN());
    EXPECT_EQ(c.now(), Millis{0});
}

TEST(ClockTest, ManualClockAdvancesMonotonicAndWallTimeTogether)
{
    ManualClock c(LocalDateTime{Date{2024, 3, 31}, 23, 59, 30});
    const auto wall0 = c.wallNow();
    c.advanceSeconds(90.5);
    EXPECT_EQ(c.now(), Millis{90'500});
    EXPECT_EQ(c.localNow(), (LocalDateTime{Date{2024, 4, 1}, 0, 1, 0}));
    EXPECT_EQ(std::chrono::duration_cast<Millis>(c.wallNow() - wall0), Millis{90'500});
    c.advance(Millis{24LL * 3600 * 1000});
    EXPECT_EQ(c.localNow().date, (Date{2024, 4, 2}));
}

TEST(ClockTest, ManualClockWallTimeIsTheStartTimeAsUtc)
{
    ManualClock c(LocalDateTime{Date{1970, 1, 2}, 0, 0, 1});
    EXPECT_EQ(std::chrono::duration_cast<Millis>(c.wallNow().time_since_epoch()), Millis{86'401'000});
}

TEST(ClockTest, SystemClockIsMonotonicAndLocalTimeIsValid)
{
    SystemClock c;
    const Millis a = c.now();
    const Millis b = c.now();
    EXPECT_LE(a, b);
    const LocalDateTime now = c.localNow();
    EXPECT_TRUE(isValidDate(now.date.year, now.date.month, now.date.day));
    EXPECT_GE(now.date.year, 2024);
    EXPECT_LT(now.hour, 24);
    EXPECT_LT(now.minute, 60);
}

} // namespace
} // namespace okienko::kiosk

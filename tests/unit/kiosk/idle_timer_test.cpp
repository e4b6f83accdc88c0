// Idle session: Active → Warning (countdown) → Expired, resets, and exact wake-up deadlines.
#include "kiosk/core/idle_timer.hpp"

#include <gtest/gtest.h>

namespace okienko::kiosk
{
namespace
{

using std::chrono::seconds;

constexpr Millis ms(long v)
{
    return Millis{v};
}

TEST(IdleTimerTest, StoppedTimerHasNoDeadlineAndIgnoresTouches)
{
    IdleTimer t(seconds{60}, seconds{20});
    EXPECT_EQ(t.state(), IdleState::Stopped);
    EXPECT_FALSE(t.nextDeadline(ms(0)).has_value());
    EXPECT_FALSE(t.touch(ms(5)));
    EXPECT_EQ(t.update(ms(1'000'000)), IdleEvent::None);
    EXPECT_EQ(t.state(), IdleState::Stopped);
}

TEST(IdleTimerTest, WarningStartsAfterTheTimeoutAndCountsDown)
{
    IdleTimer t(seconds{60}, seconds{20});
    t.start(ms(1000));
    EXPECT_EQ(t.state(), IdleState::Active);
    EXPECT_EQ(t.nextDeadline(ms(1000)), ms(61'000));
    EXPECT_EQ(t.update(ms(60'999)), IdleEvent::None);
    EXPECT_EQ(t.state(), IdleState::Active);
    EXPECT_EQ(t.secondsRemaining(ms(60'999)), 0);

    EXPECT_EQ(t.update(ms(61'000)), IdleEvent::WarningStarted);
    EXPECT_EQ(t.state(), IdleState::Warning);
    EXPECT_EQ(t.secondsRemaining(ms(61'000)), 20);
    EXPECT_EQ(t.nextDeadline(ms(61'000)), ms(62'000));

    EXPECT_EQ(t.update(ms(61'500)), IdleEvent::None);
    EXPECT_EQ(t.secondsRemaining(ms(61'500)), 20);
    EXPECT_EQ(t.nextDeadline(ms(61'500)), ms(62'000));
    EXPECT_EQ(t.update(ms(62'000)), IdleEvent::CountdownTick);
    EXPECT_EQ(t.secondsRemaining(ms(62'000)), 19);
    EXPECT_EQ(t.secondsRemaining(ms(80'999)), 1);

    EXPECT_EQ(t.update(ms(80'999)), IdleEvent::CountdownTick);
    EXPECT_EQ(t.nextDeadline(ms(80'999)), ms(81'000));
    EXPECT_EQ(t.update(ms(81'000)), IdleEvent::Expired);
    EXPECT_EQ(t.state(), IdleState::Expired);
    EXPECT_FALSE(t.nextDeadline(ms(81'000)).has_value());
    EXPECT_EQ(t.update(ms(90'000)), IdleEvent::None);
}

TEST(IdleTimerTest, TouchWhileActivePostponesTheWarning)
{
    IdleTimer t(seconds{30}, seconds{20});
    t.start(ms(0));
    EXPECT_TRUE(t.touch(ms(25'000)));
    EXPECT_EQ(t.update(ms(30'000)), IdleEvent::None);
    EXPECT_EQ(t.nextDeadline(ms(30'000)), ms(55'000));
    EXPECT_EQ(t.update(ms(55'000)), IdleEvent::WarningStarted);
}

TEST(IdleTimerTest, MoreTimeOnlyWorksDuringTheWarning)
{
    IdleTimer t(seconds{30}, seconds{20});
    t.start(ms(0));
    EXPECT_FALSE(t.moreTime(ms(10'000)));
    EXPECT_EQ(t.update(ms(30'000)), IdleEvent::WarningStarted);
    EXPECT_TRUE(t.moreTime(ms(40'000)));
    EXPECT_EQ(t.state(), IdleState::Active);
    EXPECT_EQ(t.secondsRemaining(ms(40'000)), 0);
    EXPECT_EQ(t.nextDeadline(ms(40'000)), ms(70'000));
    EXPECT_EQ(t.update(ms(69'999)), IdleEvent::None);
}

TEST(IdleTimerTest, TouchDuringTheWarningAlsoReturnsToActive)
{
    IdleTimer t(seconds{30}, seconds{20});
    t.start(ms(0));
    t.update(ms(31'000));
    ASSERT_EQ(t.state(), IdleState::Warning);
    EXPECT_TRUE(t.touch(ms(32'000)));
    EXPECT_EQ(t.state(), IdleState::Active);
}

TEST(IdleTimerTest, LateTouchCannotReviveAnExpiredSession)
{
    IdleTimer t(seconds{30}, seconds{20});
    t.start(ms(0));
    t.update(ms(30'000));
    // The loop was late: the touch arrives after the expiry moment, before update() saw it.
    EXPECT_FALSE(t.touch(ms(50'000)));
    EXPECT_FALSE(t.moreTime(ms(50'001)));
    EXPECT_EQ(t.update(ms(50'001)), IdleEvent::Expired);
    EXPECT_FALSE(t.touch(ms(50'002)));
    EXPECT_EQ(t.state(), IdleState::Expired);
    t.start(ms(60'000));
    EXPECT_EQ(t.state(), IdleState::Active);
}

TEST(IdleTimerTest, JumpPastExpiryReportsExpiredDirectly)
{
    IdleTimer t(seconds{30}, seconds{20});
    t.start(ms(0));
    EXPECT_EQ(t.update(ms(3'600'000)), IdleEvent::Expired);
}

TEST(IdleTimerTest, StopEndsCounting)
{
    IdleTimer t(seconds{30}, seconds{20});
    t.start(ms(0));
    t.stop();
    EXPECT_EQ(t.update(ms(100'000)), IdleEvent::None);
    EXPECT_EQ(t.state(), IdleState::Stopped);
}

TEST(IdleTimerTest, LoopSleepingUntilDeadlinesWakesOncePerVisibleSecond)
{
    // A main loop that sleeps until nextDeadline() sees the warning, every countdown number from
    // 30 to 1 exactly once, and the expiry — and wakes for nothing else.
    ManualClock clock;
    IdleTimer t(seconds{90}, seconds{30});
    t.start(clock.now());
    int wakes = 0;
    std::vector<int> shown;
    bool expired = false;
    while (auto deadline = t.nextDeadline(clock.now()))
    {
        ASSERT_LT(wakes, 100);
        clock.advance(*deadline - clock.now());
        ++wakes;
        switch (t.update(clock.now()))
        {
        case IdleEvent::WarningStarted:
        case IdleEvent::CountdownTick:
            shown.push_back(t.secondsRemaining(clock.now()));
            break;
        case IdleEvent::Expired:
            expired = true;
            break;
        case IdleEvent::None:
            ADD_FAILURE() << "woke for nothing at " << clock.now().count();
            break;
        }
    }
    EXPECT_TRUE(expired);
    EXPECT_EQ(wakes, 31);
    ASSERT_EQ(shown.size(), 30u);
    for (std::size_t i = 0; i < shown.size(); ++i)
    {
        EXPECT_EQ(shown[i], 30 - static_cast<int>(i));
    }
    EXPECT_EQ(clock.now(), ms(120'000));
}

} // namespace
} // namespace okienko::kiosk

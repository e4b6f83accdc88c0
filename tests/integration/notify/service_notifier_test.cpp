// ServiceNotifier's reading of the environment: which WATCHDOG_PID it honours and the ping pace.
#include "shared/service/service_notifier.hpp"

#include <cstdlib>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>

using okienko::service::ServiceNotifier;
using namespace std::chrono_literals;

namespace
{

class ServiceNotifierEnvironment : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        // Nothing is listening there: sends fail silently, as sd_notify's do.
        setenv("NOTIFY_SOCKET", "/nonexistent/okienko-notify", 1);
        setenv("WATCHDOG_USEC", "30000000", 1);
        unsetenv("WATCHDOG_PID");
    }
    void TearDown() override
    {
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
    }
};

TEST_F(ServiceNotifierEnvironment, WithoutNotifySocketNothingIsEnabled)
{
    unsetenv("NOTIFY_SOCKET");
    const ServiceNotifier n = ServiceNotifier::fromEnvironment();
    EXPECT_FALSE(n.enabled());
    EXPECT_FALSE(n.pingPeriod());
    EXPECT_FALSE(n.untilNextPing());
}

TEST_F(ServiceNotifierEnvironment, PingsAtHalfTheWatchdogInterval)
{
    const ServiceNotifier n = ServiceNotifier::fromEnvironment();
    EXPECT_TRUE(n.enabled());
    ASSERT_TRUE(n.pingPeriod());
    EXPECT_EQ(*n.pingPeriod(), 15000ms);
}

TEST_F(ServiceNotifierEnvironment, HonoursAWatchdogMeantForItselfOrItsParentOnly)
{
    setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    EXPECT_TRUE(ServiceNotifier::fromEnvironment().pingPeriod());
    setenv("WATCHDOG_PID", std::to_string(getppid()).c_str(), 1); // the kiosk under cage
    EXPECT_TRUE(ServiceNotifier::fromEnvironment().pingPeriod());
    setenv("WATCHDOG_PID", "999999999", 1);
    EXPECT_FALSE(ServiceNotifier::fromEnvironment().pingPeriod());
}

TEST_F(ServiceNotifierEnvironment, TheNextPingIsDueHalfAnIntervalAfterTheLast)
{
    ServiceNotifier n = ServiceNotifier::fromEnvironment();
    const auto start = ServiceNotifier::Clock::now();
    n.ping(start);
    EXPECT_EQ(*n.untilNextPing(start), 15000ms);
    EXPECT_EQ(*n.untilNextPing(start + 5s), 10000ms);
    EXPECT_EQ(*n.untilNextPing(start + 20s), 0ms);
    n.pingIfDue(start + 20s);
    EXPECT_EQ(*n.untilNextPing(start + 20s), 15000ms);
}

TEST_F(ServiceNotifierEnvironment, AWaitUnderAMillisecondIsRoundedUpSoTheIdleLoopDoesNotSpin)
{
    ServiceNotifier n = ServiceNotifier::fromEnvironment();
    const auto start = ServiceNotifier::Clock::now();
    n.ping(start);
    const auto almostDue = start + 15s - std::chrono::microseconds(300);
    EXPECT_EQ(*n.untilNextPing(almostDue), 1ms);
    n.pingIfDue(almostDue);
    EXPECT_EQ(*n.untilNextPing(almostDue), 1ms) << "not due yet: no ping";
}

} // namespace

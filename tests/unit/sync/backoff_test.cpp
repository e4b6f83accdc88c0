// Backoff: the jitter window doubles from base to cap, the delay is drawn uniformly inside it,
// Retry-After is a floor only for 429/503, and a success starts over.
#include "kiosk/sync/backoff.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace std::chrono_literals;
using okienko::sync::Backoff;
using okienko::sync::BackoffPolicy;

namespace
{
const auto kT0 = std::chrono::steady_clock::time_point{} + 1000h;

Backoff fixed(double r, BackoffPolicy policy = {})
{
    return Backoff(policy, [r] { return r; });
}
} // namespace

TEST(Backoff, AMisconfiguredPolicyIsRepairedNotTrusted)
{
    Backoff b(BackoffPolicy{0ms, -5ms, 1h}, [] { return 0.999; });
    EXPECT_GT(b.policy().base.count(), 0);
    EXPECT_GE(b.policy().cap, b.policy().base);
    EXPECT_LE(b.onFailure(kT0), b.policy().cap);
}

TEST(Backoff, RandomValuesOutsideTheUnitIntervalStayInsideTheWindow)
{
    auto high = fixed(7.0);
    EXPECT_EQ(high.onFailure(kT0), 1000ms);
    auto low = fixed(-3.0);
    EXPECT_EQ(low.onFailure(kT0), 0ms);
}

TEST(Backoff, WindowDoublesFromBaseUpToTheCap)
{
    Backoff b;
    EXPECT_EQ(b.ceiling(0), 1s);
    EXPECT_EQ(b.ceiling(1), 2s);
    EXPECT_EQ(b.ceiling(5), 32s);
    EXPECT_EQ(b.ceiling(8), 256s);
    EXPECT_EQ(b.ceiling(9), 300s);    // 512 s capped at 5 min
    EXPECT_EQ(b.ceiling(1000), 300s); // no overflow after a very long outage
}

TEST(Backoff, FullJitterDrawsFromZeroToTheWindow)
{
    // r is the injected uniform draw: the delay is r · window for each attempt.
    auto top = fixed(0.999);
    std::vector<std::chrono::milliseconds> delays;
    for (int i = 0; i < 12; ++i)
        delays.push_back(top.onFailure(kT0));
    EXPECT_EQ(delays[0], 999ms);
    EXPECT_EQ(delays[1], 1998ms);
    EXPECT_EQ(delays[2], 3996ms);
    EXPECT_EQ(delays[11], std::chrono::milliseconds(299700)); // capped window 300 s
    EXPECT_EQ(top.attempt(), 12);

    auto bottom = fixed(0.0);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(bottom.onFailure(kT0), 0ms); // full jitter may retry at once

    auto half = fixed(0.5);
    EXPECT_EQ(half.onFailure(kT0), 500ms);
    EXPECT_EQ(half.onFailure(kT0), 1000ms);
}

TEST(Backoff, RealRandomnessSpreadsKiosksApart)
{
    // Two devices with their own seeds, same failure history: their delays must not coincide.
    Backoff a, b;
    std::set<long long> seen;
    for (int i = 0; i < 8; ++i)
    {
        auto da = a.onFailure(kT0);
        auto db = b.onFailure(kT0);
        EXPECT_LE(da, a.ceiling(i));
        EXPECT_GE(da.count(), 0);
        seen.insert(da.count());
        seen.insert(db.count());
    }
    EXPECT_GT(seen.size(), 8u);
}

TEST(Backoff, RetryAfterIsAFloorOnlyFor429And503)
{
    auto b429 = fixed(0.1);
    EXPECT_EQ(b429.onFailure(kT0, 429, 7s), 7000ms);
    auto b503 = fixed(0.1);
    EXPECT_EQ(b503.onFailure(kT0, 503, 30s), 30000ms);
    auto b500 = fixed(0.1);
    EXPECT_EQ(b500.onFailure(kT0, 500, 30s), 100ms); // 500 carries no promise; jitter decides
    // A Retry-After shorter than the jittered delay does not shorten it.
    auto longer = fixed(0.9);
    for (int i = 0; i < 4; ++i)
        (void)longer.onFailure(kT0);
    EXPECT_EQ(longer.onFailure(kT0, 503, 1s), 14400ms);
}

TEST(Backoff, AnAbsurdRetryAfterIsClamped)
{
    auto b = fixed(0.0, BackoffPolicy{1s, 300s, 3600s});
    EXPECT_EQ(b.onFailure(kT0, 503, std::chrono::seconds(86400 * 7)), 3600s);
}

TEST(Backoff, SuccessResetsTheWindowAndTheDeadline)
{
    auto b = fixed(0.999);
    for (int i = 0; i < 6; ++i)
        (void)b.onFailure(kT0);
    EXPECT_FALSE(b.ready(kT0 + 10s));
    b.onSuccess();
    EXPECT_EQ(b.attempt(), 0);
    EXPECT_TRUE(b.ready(kT0));
    EXPECT_EQ(b.onFailure(kT0), 999ms);
}

TEST(Backoff, NotBeforeIsTheFailureTimePlusTheDelay)
{
    auto b = fixed(0.5);
    const auto delay = b.onFailure(kT0, 503, 20s);
    EXPECT_EQ(delay, 20s);
    EXPECT_EQ(b.notBefore(), kT0 + 20s);
    EXPECT_FALSE(b.ready(kT0 + 19s));
    EXPECT_TRUE(b.ready(kT0 + 20s));
}

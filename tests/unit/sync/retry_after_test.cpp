// Retry-After comes as delta-seconds or as an HTTP-date (RFC 9110 §10.2.3); the date is taken
// relative to the server's own Date header so a kiosk with a wrong clock still waits correctly.
#include "kiosk/sync/https_client.hpp"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using okienko::sync::parseRetryAfter;

namespace
{
// Sun, 06 Nov 1994 08:49:37 GMT
constexpr std::int64_t kRfcExample = 784111777;
} // namespace

TEST(RetryAfter, GarbageIsIgnored)
{
    EXPECT_FALSE(parseRetryAfter("", kRfcExample).has_value());
    EXPECT_FALSE(parseRetryAfter("soon", kRfcExample).has_value());
    EXPECT_FALSE(parseRetryAfter("-5", kRfcExample).has_value());
    EXPECT_FALSE(parseRetryAfter("99999999999999999999999", kRfcExample).has_value());
}

TEST(RetryAfter, DeltaSeconds)
{
    EXPECT_EQ(parseRetryAfter("120", kRfcExample), 120s);
    EXPECT_EQ(parseRetryAfter(" 0 ", kRfcExample), 0s);
}

TEST(RetryAfter, HttpDateIsRelativeToTheGivenNow)
{
    EXPECT_EQ(parseRetryAfter("Sun, 06 Nov 1994 08:50:07 GMT", kRfcExample), 30s);
    EXPECT_EQ(parseRetryAfter("Sun, 06 Nov 1994 09:49:37 GMT", kRfcExample), 3600s);
    // A date already past means "now", never a negative wait.
    EXPECT_EQ(parseRetryAfter("Sun, 06 Nov 1994 08:00:00 GMT", kRfcExample), 0s);
}

// The two clocks the sync layer reads, injectable so tests run on a manual clock. The wall clock
// stamps rows and heartbeats (the server assigns the authoritative received_at); the monotonic clock
// measures timeouts and backoff, which must not jump when NTP or a technician sets the time.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace okienko::sync
{

struct SyncClock
{
    /// Seconds since the Unix epoch (UTC).
    std::function<std::int64_t()> wallSeconds;
    /// Monotonic time; only differences mean anything.
    std::function<std::chrono::steady_clock::time_point()> monotonic;

    /// The real clocks.
    static SyncClock system()
    {
        return SyncClock{[]
                         {
                             return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                                  std::chrono::system_clock::now().time_since_epoch())
                                                                  .count());
                         },
                         []
                         {
                             return std::chrono::steady_clock::now();
                         }};
    }
};

} // namespace okienko::sync

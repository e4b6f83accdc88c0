// Token bucket per key — a kiosk's token for the API, a client address for the public pages: a kiosk
// in a retry loop (or a stolen token) or one busy visitor cannot take the server's capacity from the
// others. Thread-safe; full buckets are forgotten once there are many keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace okienko::server
{

class RateLimiter
{
  public:
    RateLimiter(double perSecond, double burst) : m_perSecond(perSecond), m_burst(burst) {}

    /// Takes one token for `key` at `nowSeconds` (monotonic). nullopt: allowed; otherwise the whole
    /// seconds (≥ 1) until a token is available, for Retry-After.
    std::optional<int> take(std::int64_t key, double nowSeconds);

    /// At this many keys, buckets that have refilled are dropped (they equal a new one); the next
    /// pass comes when the map has doubled again.
    static constexpr std::size_t kPruneAbove = 10000;

  private:
    struct Bucket
    {
        double tokens = 0;
        double last = 0;
    };
    double m_perSecond;
    double m_burst;
    std::mutex m_mutex;
    std::map<std::int64_t, Bucket> m_buckets;
    std::size_t m_pruneAt = kPruneAbove;
};

} // namespace okienko::server

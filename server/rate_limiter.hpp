// Per-kiosk token bucket: a kiosk in a retry loop (or a stolen token) cannot take the server's
// capacity from the others. Thread-safe.
#pragma once

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
};

} // namespace okienko::server

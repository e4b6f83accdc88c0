// Token bucket arithmetic.
#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace okienko::server
{

std::optional<int> RateLimiter::take(std::int64_t key, double nowSeconds)
{
    std::lock_guard lock(m_mutex);
    // Keyed by client address on the public pages, the map could grow without end. A bucket that has
    // refilled is the same as no bucket, so once there are many, those are dropped.
    // The next pass waits until the map has doubled, so a pass costs O(1) per request on average.
    if (m_buckets.size() >= m_pruneAt)
    {
        std::erase_if(m_buckets, [&](const auto& entry)
                      { return entry.second.tokens + (nowSeconds - entry.second.last) * m_perSecond >= m_burst; });
        m_pruneAt = std::max(kPruneAbove, 2 * m_buckets.size());
    }
    auto [it, inserted] = m_buckets.try_emplace(key, Bucket{m_burst, nowSeconds});
    Bucket& b = it->second;
    if (!inserted)
    {
        b.tokens = std::min(m_burst, b.tokens + (nowSeconds - b.last) * m_perSecond);
        b.last = nowSeconds;
    }
    if (b.tokens >= 1.0)
    {
        b.tokens -= 1.0;
        return std::nullopt;
    }
    const double wait = (1.0 - b.tokens) / m_perSecond;
    return std::max(1, static_cast<int>(std::ceil(wait)));
}

} // namespace okienko::server

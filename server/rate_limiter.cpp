// Token bucket arithmetic.
#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace okienko::server
{

std::optional<int> RateLimiter::take(std::int64_t key, double nowSeconds)
{
    std::lock_guard lock(m_mutex);
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

// Backoff arithmetic. The exponent is capped before shifting so a long outage cannot overflow.
#include "kiosk/sync/backoff.hpp"

#include "shared/util/uuid.hpp"

#include <algorithm>
#include <memory>
#include <random>

namespace okienko::sync
{

Backoff::Backoff(BackoffPolicy policy, Random random) : m_policy(policy), m_random(std::move(random))
{
    if (m_policy.base.count() <= 0)
        m_policy.base = std::chrono::milliseconds(1);
    if (m_policy.cap < m_policy.base)
        m_policy.cap = m_policy.base;
    if (!m_random)
    {
        // Seeded per device: kiosks rebooted together after a power cut must not share a sequence.
        std::uint64_t seed = 0;
        secureRandomBytes(&seed, sizeof seed);
        auto engine = std::make_shared<std::mt19937_64>(seed);
        m_random = [engine]
        {
            return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
        };
    }
}

std::chrono::milliseconds Backoff::ceiling(int attempt) const
{
    const std::int64_t base = m_policy.base.count();
    const std::int64_t cap = m_policy.cap.count();
    std::int64_t value = base;
    for (int i = 0; i < attempt && value < cap; ++i)
        value *= 2;
    return std::chrono::milliseconds(std::min(value, cap));
}

std::chrono::milliseconds Backoff::onFailure(std::chrono::steady_clock::time_point now, int httpStatus,
                                             std::optional<std::chrono::seconds> retryAfter)
{
    const auto window = ceiling(m_attempt);
    if (m_attempt < 62)
        ++m_attempt;
    double r = m_random();
    r = std::clamp(r, 0.0, 1.0);
    auto delay = std::chrono::milliseconds(static_cast<std::int64_t>(r * static_cast<double>(window.count())));
    if (delay > window)
        delay = window;
    if (retryAfter && (httpStatus == 429 || httpStatus == 503))
    {
        auto floor = std::min<std::chrono::milliseconds>(*retryAfter, m_policy.maxRetryAfter);
        delay = std::max(delay, floor);
    }
    m_notBefore = now + delay;
    return delay;
}

} // namespace okienko::sync

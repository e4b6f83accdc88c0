// Retry pacing for the sync worker: capped exponential backoff with FULL jitter
// (sleep = uniform(0, min(cap, base·2^attempt)), AWS Architecture Blog), so that many kiosks coming
// back after an outage do not retry in lockstep. A server's Retry-After on 429/503 is a floor the
// kiosk never undercuts. Success resets the attempt count. The random source is injected so tests
// are deterministic; in production it is seeded per device from the kernel's CSPRNG.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

namespace okienko::sync
{

struct BackoffPolicy
{
    std::chrono::milliseconds base{1000};
    std::chrono::milliseconds cap{5 * 60 * 1000};
    /// A Retry-After above this is clamped (a misconfigured proxy must not park kiosks for a day).
    std::chrono::milliseconds maxRetryAfter{60 * 60 * 1000};
};

class Backoff
{
  public:
    /// Returns a uniformly distributed value in [0, 1).
    using Random = std::function<double()>;

    /// `random` empty: a generator seeded from the kernel's CSPRNG.
    explicit Backoff(BackoffPolicy policy = {}, Random random = {});

    /// Records a failure and returns how long to wait before the next try. `retryAfter` is the
    /// server's Retry-After (only honoured for 429 and 503: pass the status), which the delay never
    /// goes below.
    /// `now` is the monotonic time of the failure; notBefore() becomes now + the delay.
    std::chrono::milliseconds onFailure(std::chrono::steady_clock::time_point now, int httpStatus = 0,
                                        std::optional<std::chrono::seconds> retryAfter = {});

    /// A success: the next failure starts again from `base`, and the next try may happen at once.
    void onSuccess()
    {
        m_attempt = 0;
        m_notBefore = {};
    }

    /// Monotonic time before which the worker must not contact the server again.
    std::chrono::steady_clock::time_point notBefore() const { return m_notBefore; }
    /// True when `now` is at or past notBefore().
    bool ready(std::chrono::steady_clock::time_point now) const { return now >= m_notBefore; }

    /// Failures since the last success.
    int attempt() const { return m_attempt; }

    /// The upper bound of the jitter window for a given attempt: min(cap, base·2^attempt).
    std::chrono::milliseconds ceiling(int attempt) const;

    const BackoffPolicy& policy() const { return m_policy; }

  private:
    BackoffPolicy m_policy;
    Random m_random;
    int m_attempt = 0;
    std::chrono::steady_clock::time_point m_notBefore{};
};

} // namespace okienko::sync

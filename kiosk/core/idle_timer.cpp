// Idle session state machine.
#include "kiosk/core/idle_timer.hpp"

namespace okienko::kiosk
{

IdleTimer::IdleTimer(std::chrono::seconds timeout, std::chrono::seconds warning)
    : m_timeout(timeout.count() > 0 ? timeout : std::chrono::seconds{1}),
      m_warning(warning.count() > 0 ? warning : std::chrono::seconds{1})
{
}

void IdleTimer::start(Millis now)
{
    m_state = IdleState::Active;
    m_lastActivity = now;
    m_lastShownSeconds = 0;
}

void IdleTimer::stop()
{
    m_state = IdleState::Stopped;
    m_lastShownSeconds = 0;
}

bool IdleTimer::touch(Millis now)
{
    if (m_state != IdleState::Active && m_state != IdleState::Warning)
    {
        return false;
    }
    // A touch that arrives after the expiry moment (the loop has not updated yet) must not revive
    // the session: the data is due to be wiped.
    if (now >= expiresAt())
    {
        return false;
    }
    start(now);
    return true;
}

bool IdleTimer::moreTime(Millis now)
{
    if (m_state != IdleState::Warning || now >= expiresAt())
    {
        return false;
    }
    start(now);
    return true;
}

IdleEvent IdleTimer::update(Millis now)
{
    if (m_state == IdleState::Stopped || m_state == IdleState::Expired)
    {
        return IdleEvent::None;
    }
    if (now >= expiresAt())
    {
        m_state = IdleState::Expired;
        m_lastShownSeconds = 0;
        return IdleEvent::Expired;
    }
    if (m_state == IdleState::Active)
    {
        if (now < warningAt())
        {
            return IdleEvent::None;
        }
        m_state = IdleState::Warning;
        m_lastShownSeconds = secondsRemaining(now);
        return IdleEvent::WarningStarted;
    }
    const int shown = secondsRemaining(now);
    if (shown != m_lastShownSeconds)
    {
        m_lastShownSeconds = shown;
        return IdleEvent::CountdownTick;
    }
    return IdleEvent::None;
}

int IdleTimer::secondsRemaining(Millis now) const
{
    if (m_state != IdleState::Warning)
    {
        return 0;
    }
    const auto left = (expiresAt() - now).count();
    if (left <= 0)
    {
        return 0;
    }
    return static_cast<int>((left + 999) / 1000);
}

std::optional<Millis> IdleTimer::nextDeadline(Millis now) const
{
    switch (m_state)
    {
    case IdleState::Stopped:
    case IdleState::Expired:
        return std::nullopt;
    case IdleState::Active:
        return warningAt();
    case IdleState::Warning:
        break;
    }
    // The visible number changes whenever the remaining time crosses a whole second; the last
    // crossing is the expiry itself.
    const Millis expiry = expiresAt();
    if (now >= expiry)
    {
        return now;
    }
    const auto left = (expiry - now).count();
    const auto toNextSecond = (left - 1) % 1000 + 1; // in (0, 1000]
    return now + Millis{toNextSecond};
}

} // namespace okienko::kiosk

// The idle session model of a public terminal: after `timeout` without a touch a warning with a
// countdown of `warning` seconds appears ("Potrzebuję więcej czasu"), then the session expires and
// the app wipes everything entered. Pure logic over times passed in, so it is exact in tests and
// lets the main loop sleep until nextDeadline().
#pragma once

#include "kiosk/core/clock.hpp"

#include <chrono>
#include <optional>

namespace okienko::kiosk
{

enum class IdleState
{
    Stopped, ///< Not counting (attract screen, or the app suspended it).
    Active,  ///< Someone is using the kiosk; the warning comes at activity + timeout.
    Warning, ///< The "more time?" countdown is shown.
    Expired, ///< The countdown ran out; the app must reset the session, then start() or stop().
};

/// What changed during an update(), so the app reacts once per transition.
enum class IdleEvent
{
    None,
    WarningStarted, ///< Show the warning.
    CountdownTick,  ///< The visible number of seconds changed; redraw.
    Expired,        ///< Wipe the session and go to the attract screen.
};

class IdleTimer
{
  public:
    /// `timeout`: inactivity before the warning; `warning`: length of the countdown. Both must be
    /// positive (KioskConfig guarantees ≥ 30 s and ≥ 20 s). The timer starts Stopped.
    IdleTimer(std::chrono::seconds timeout, std::chrono::seconds warning);

    /// Begins (or restarts) a session at `now`: Active.
    void start(Millis now);
    /// Stops counting: Stopped, no deadlines.
    void stop();

    /// A touch or key press. Active or Warning → Active with a fresh timeout (a touch proves someone
    /// is there). Ignored when Stopped or Expired. Returns true when it moved the timer.
    bool touch(Millis now);
    /// The "I need more time" button: Warning → Active with a fresh timeout. Returns false (and
    /// does nothing) in any other state.
    bool moreTime(Millis now);

    /// Advances the state machine to `now` and reports the most important transition that
    /// happened (Expired > WarningStarted > CountdownTick). Call it once per loop iteration.
    IdleEvent update(Millis now);

    IdleState state() const { return m_state; }
    /// Whole seconds left on the countdown, rounded up (shows "20" right when the warning starts,
    /// never "0" before expiry). 0 unless Warning.
    int secondsRemaining(Millis now) const;
    /// When the loop must wake next: warning start (Active), next change of the visible countdown
    /// or the expiry (Warning). nullopt when Stopped or Expired: sleep until input.
    std::optional<Millis> nextDeadline(Millis now) const;

    /// Monotonic time at which the warning starts (Active) or the session expires (Warning).
    Millis warningAt() const { return m_lastActivity + m_timeout; }
    Millis expiresAt() const { return m_lastActivity + m_timeout + m_warning; }

    std::chrono::seconds timeout() const { return m_timeout; }
    std::chrono::seconds warning() const { return m_warning; }

  private:
    std::chrono::seconds m_timeout;
    std::chrono::seconds m_warning;
    IdleState m_state = IdleState::Stopped;
    Millis m_lastActivity{0};
    int m_lastShownSeconds = 0;
};

} // namespace okienko::kiosk

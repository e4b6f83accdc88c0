// Time for the kiosk's models: a monotonic clock for timeouts and a wall clock for what the screen
// shows. Models never read the system time themselves; they are handed a Clock, so tests and
// automation scripts run deterministically on a ManualClock and can "advance-clock" by minutes.
#pragma once

#include "shared/util/date.hpp"
#include "shared/util/date_format.hpp"

#include <chrono>
#include <cstdint>

namespace okienko::kiosk
{

/// Monotonic milliseconds since an arbitrary origin; only differences mean anything.
using Millis = std::chrono::milliseconds;

/// Local civil time as the attract screen shows it (shared/util, beside its formats).
using okienko::LocalDateTime;

/// Source of time for every kiosk model.
class Clock
{
  public:
    virtual ~Clock() = default;
    /// Monotonic time; never goes backwards, unaffected by NTP or DST.
    virtual Millis now() const = 0;
    /// Wall-clock time (UTC based) for timestamps stored or sent to the server.
    virtual std::chrono::system_clock::time_point wallNow() const = 0;
    /// Wall-clock time in the kiosk's local time zone (the CUS's calendar).
    virtual LocalDateTime localNow() const = 0;
};

/// The real clocks: steady_clock, system_clock and the process's local time zone.
class SystemClock final : public Clock
{
  public:
    Millis now() const override;
    std::chrono::system_clock::time_point wallNow() const override;
    LocalDateTime localNow() const override;
};

/// A clock that moves only when told to. Monotonic and wall time advance together, so a script's
/// "advance-clock 120" both expires the idle timer and moves the attract screen's clock.
class ManualClock final : public Clock
{
  public:
    /// Starts at monotonic 0 and at the given local wall time (interpreted as UTC for wallNow()).
    explicit ManualClock(LocalDateTime start = LocalDateTime{Date{2024, 1, 15}, 9, 0, 0});

    Millis now() const override { return m_mono; }
    std::chrono::system_clock::time_point wallNow() const override;
    LocalDateTime localNow() const override;

    /// Moves both clocks forward; negative values are ignored (time never goes backwards).
    void advance(Millis delta);
    /// Moves both clocks forward by (possibly fractional) seconds, rounded to milliseconds.
    void advanceSeconds(double seconds);

  private:
    Millis m_mono{0};
    std::int64_t m_wallMsSinceEpoch = 0; ///< Local wall time as milliseconds since 1970-01-01 00:00.
};

} // namespace okienko::kiosk

// Talking to the service manager (systemd's sd_notify protocol): READY=1 once a service really
// serves, STATUS= lines, and WATCHDOG=1 pings paced at half the unit's WatchdogSec. Without
// NOTIFY_SOCKET in the environment (a terminal, a test, a build tree) every call does nothing.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace okienko::service
{

class ServiceNotifier
{
  public:
    using Clock = std::chrono::steady_clock;

    /// Reads NOTIFY_SOCKET and WATCHDOG_USEC once. The watchdog is honoured when WATCHDOG_PID is
    /// unset, names this process, or names its parent: the kiosk runs as cage's child, and systemd
    /// sets WATCHDOG_PID to the unit's main process (cage), which never pings itself.
    static ServiceNotifier fromEnvironment();

    /// A notifier that never sends anything.
    ServiceNotifier() = default;

    bool enabled() const { return m_enabled; }
    /// How often the service must ping: half of WATCHDOG_USEC; empty when no watchdog is set.
    std::optional<std::chrono::milliseconds> pingPeriod() const { return m_pingPeriod; }

    /// READY=1 with an optional STATUS= line (no personal data: it is shown by systemctl status).
    void ready(const std::string& status = {});
    void status(const std::string& status);
    void stopping();
    /// WATCHDOG=1 now (`now` is when the next ping's half interval starts).
    void ping(Clock::time_point now = Clock::now());
    /// WATCHDOG=1 when half the interval has passed since the last one; for a loop that comes
    /// round more often than that (see untilNextPing).
    void pingIfDue(Clock::time_point now = Clock::now());
    /// Time left until the next ping is due (zero when overdue); empty when no watchdog is set.
    std::optional<std::chrono::milliseconds> untilNextPing(Clock::time_point now = Clock::now()) const;

  private:
    void send(const std::string& message);

    bool m_enabled = false;
    std::optional<std::chrono::milliseconds> m_pingPeriod;
    Clock::time_point m_lastPing{};
};

} // namespace okienko::service

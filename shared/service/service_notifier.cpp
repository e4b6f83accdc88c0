// sd_notify through Debian's libsystemd (see service_notifier.hpp). The library rather than our
// own datagram code: it already handles abstract socket names, credentials and every socket
// family systemd may hand us, and libsystemd0 is on every Debian system that has systemd.
#include "shared/service/service_notifier.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <systemd/sd-daemon.h>
#include <unistd.h>

namespace okienko::service
{

namespace
{
std::optional<std::uint64_t> positiveNumber(const char* text)
{
    if (text == nullptr || *text == '\0')
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || value == 0)
        return std::nullopt;
    return static_cast<std::uint64_t>(value);
}

bool watchdogMeantForUs()
{
    const char* pidText = std::getenv("WATCHDOG_PID");
    if (pidText == nullptr)
        return true;
    const std::optional<std::uint64_t> pid = positiveNumber(pidText);
    return pid && (*pid == static_cast<std::uint64_t>(getpid()) || *pid == static_cast<std::uint64_t>(getppid()));
}
} // namespace

ServiceNotifier ServiceNotifier::fromEnvironment()
{
    ServiceNotifier n;
    const char* socket = std::getenv("NOTIFY_SOCKET");
    n.m_enabled = socket != nullptr && *socket != '\0';
    if (!n.m_enabled)
        return n;
    // Not sd_watchdog_enabled(): it rejects a WATCHDOG_PID of our parent (cage), see the header.
    if (const std::optional<std::uint64_t> usec = positiveNumber(std::getenv("WATCHDOG_USEC"));
        usec && watchdogMeantForUs())
        n.m_pingPeriod = std::chrono::milliseconds(std::max<std::uint64_t>(*usec / 2000, 1));
    n.m_lastPing = Clock::now();
    return n;
}

void ServiceNotifier::send(const std::string& message)
{
    if (m_enabled)
        (void)sd_notify(0, message.c_str());
}

void ServiceNotifier::ready(const std::string& status)
{
    send(status.empty() ? "READY=1" : "READY=1\nSTATUS=" + status);
}

void ServiceNotifier::status(const std::string& status)
{
    send("STATUS=" + status);
}

void ServiceNotifier::stopping()
{
    send("STOPPING=1");
}

void ServiceNotifier::ping(Clock::time_point now)
{
    m_lastPing = now;
    send("WATCHDOG=1");
}

void ServiceNotifier::pingIfDue(Clock::time_point now)
{
    if (m_pingPeriod && now - m_lastPing >= *m_pingPeriod)
        ping(now);
}

std::optional<std::chrono::milliseconds> ServiceNotifier::untilNextPing(Clock::time_point now) const
{
    if (!m_pingPeriod)
        return std::nullopt;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(m_lastPing + *m_pingPeriod - now);
    // Rounded up: a wait rounded down to 0 ms would spin the idle loop until the ping is due.
    return std::max(left, std::chrono::milliseconds(0));
}

} // namespace okienko::service

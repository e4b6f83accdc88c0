// The real and the manual clock.
#include "kiosk/core/clock.hpp"

#include <cmath>
#include <ctime>

namespace okienko::kiosk
{

namespace
{

constexpr std::int64_t kMsPerDay = 86'400'000;

LocalDateTime fromLocalMs(std::int64_t ms)
{
    // Floor division keeps times before 1970 on the right day.
    std::int64_t days = ms / kMsPerDay;
    std::int64_t rest = ms % kMsPerDay;
    if (rest < 0)
    {
        rest += kMsPerDay;
        --days;
    }
    const auto secondOfDay = static_cast<int>(rest / 1000);
    return LocalDateTime{Date::fromDays(days), secondOfDay / 3600, (secondOfDay / 60) % 60, secondOfDay % 60};
}

} // namespace

Millis SystemClock::now() const
{
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

std::chrono::system_clock::time_point SystemClock::wallNow() const
{
    return std::chrono::system_clock::now();
}

LocalDateTime SystemClock::localNow() const
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return localDateTimeOf(static_cast<std::int64_t>(t)).value_or(LocalDateTime{});
}

ManualClock::ManualClock(LocalDateTime start)
    : m_wallMsSinceEpoch(start.date.toDays() * kMsPerDay +
                         (static_cast<std::int64_t>(start.hour) * 3600 + start.minute * 60 + start.second) * 1000)
{
}

std::chrono::system_clock::time_point ManualClock::wallNow() const
{
    return std::chrono::system_clock::time_point{
        std::chrono::duration_cast<std::chrono::system_clock::duration>(Millis{m_wallMsSinceEpoch})};
}

LocalDateTime ManualClock::localNow() const
{
    return fromLocalMs(m_wallMsSinceEpoch);
}

void ManualClock::advance(Millis delta)
{
    if (delta.count() <= 0)
    {
        return;
    }
    m_mono += delta;
    m_wallMsSinceEpoch += delta.count();
}

void ManualClock::advanceSeconds(double seconds)
{
    if (!(seconds > 0.0) || !std::isfinite(seconds))
    {
        return;
    }
    advance(Millis{static_cast<std::int64_t>(std::llround(seconds * 1000.0))});
}

} // namespace okienko::kiosk

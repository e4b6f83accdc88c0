// Event-driven frame policy (see frame_scheduler.hpp).
#include "kiosk/platform/frame_scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace okienko::kiosk::platform
{

FrameScheduler::FrameScheduler()
{
    if (const char* path = std::getenv("OKIENKO_FRAME_LOG"); path != nullptr && *path != '\0')
        m_frameLog = std::fopen(path, "w");
}

FrameScheduler::~FrameScheduler()
{
    if (m_frameLog != nullptr)
        std::fclose(m_frameLog);
}

void FrameScheduler::requestFrames(int n)
{
    m_frames = std::max(m_frames, n);
}

void FrameScheduler::wakeAt(std::int64_t atMs)
{
    if (!m_deadline || atMs < *m_deadline)
        m_deadline = atMs;
}

bool FrameScheduler::beginFrameIfNeeded(std::int64_t nowMs)
{
    if (m_deadline && nowMs >= *m_deadline)
    {
        m_deadline.reset();
        m_frames = std::max(m_frames, 1);
    }
    const bool draw = m_frames > 0 || m_animating;
    if (m_frames > 0)
        --m_frames;
    if (draw && m_frameLog != nullptr)
    {
        const auto t = std::chrono::steady_clock::now().time_since_epoch();
        std::fprintf(m_frameLog, "%lld %d\n",
                     static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(t).count()),
                     m_animating ? 1 : 0);
        std::fflush(m_frameLog);
    }
    return draw;
}

int FrameScheduler::waitTimeoutMs(std::int64_t nowMs) const
{
    if (m_frames > 0 || m_animating)
        return 0;
    if (!m_deadline)
        return -1;
    const std::int64_t left = *m_deadline - nowMs;
    if (left <= 0)
        return 0;
    return static_cast<int>(std::min<std::int64_t>(left, 24 * 3600 * 1000));
}

} // namespace okienko::kiosk::platform

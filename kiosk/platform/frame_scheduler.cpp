// Event-driven frame policy (see frame_scheduler.hpp).
#include "kiosk/platform/frame_scheduler.hpp"

#include <algorithm>

namespace okienko::kiosk::platform
{

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
    if (m_frames > 0)
    {
        --m_frames;
        return true;
    }
    return m_animating;
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

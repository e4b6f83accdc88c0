// Decides when the kiosk draws. Dear ImGui has no "needs redraw" API, so the loop draws a few
// frames after every event (popups and auto-sizing settle on the second frame), keeps drawing
// while something animates, and otherwise sleeps until the next deadline (clock minute, idle
// countdown second, toast expiry). Pure logic on milliseconds: testable without SDL.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>

namespace okienko::kiosk::platform
{

class FrameScheduler
{
  public:
    /// Reads OKIENKO_FRAME_LOG: when set to a path, every drawn frame appends a line
    /// "<steady clock µs> <1 if animating else 0>" there (bench/kiosk_bench computes frame times).
    FrameScheduler();
    ~FrameScheduler();
    FrameScheduler(const FrameScheduler&) = delete;
    FrameScheduler& operator=(const FrameScheduler&) = delete;

    /// Frames drawn after any input or wake-up.
    static constexpr int kFramesAfterEvent = 3;

    /// Something happened: draw at least `n` more frames.
    void requestFrames(int n = kFramesAfterEvent);
    /// Draw once when the monotonic time reaches `atMs` (earliest deadline wins).
    void wakeAt(std::int64_t atMs);
    /// Set every frame: a widget animates, keep drawing.
    void setAnimating(bool animating) { m_animating = animating; }

    /// True when a frame should be drawn now; consumes one requested frame and due deadlines.
    bool beginFrameIfNeeded(std::int64_t nowMs);
    /// How long the loop may block: -1 = until an event, 0 = do not block.
    int waitTimeoutMs(std::int64_t nowMs) const;

  private:
    int m_frames = kFramesAfterEvent; // draw the first frames at start-up
    bool m_animating = false;
    std::optional<std::int64_t> m_deadline;
    std::FILE* m_frameLog = nullptr;
};

} // namespace okienko::kiosk::platform

// Event-driven main loop (see main_loop.hpp).
#include "kiosk/platform/main_loop.hpp"

#include "kiosk/core/startup_trace.hpp"
#include "kiosk/platform/display_watch.hpp"
#include "kiosk/platform/frame_scheduler.hpp"
#include "shared/service/service_notifier.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace okienko::kiosk::platform
{

namespace
{
/// OKIENKO_TEST_HANG_UI="AFTER_MS:FOR_MS": the UI thread sleeps FOR_MS once, AFTER_MS after the
/// first frame, so a test can watch the watchdog pings stop (tests/integration/notify). Always
/// compiled in, so the test runs the binary that ships: whoever can set the kiosk's environment
/// can already run anything as its user, and a hang is the least of it.
class TestHang
{
  public:
    TestHang()
    {
        const char* spec = std::getenv("OKIENKO_TEST_HANG_UI");
        unsigned long after = 0;
        unsigned long duration = 0;
        if (spec != nullptr && std::sscanf(spec, "%lu:%lu", &after, &duration) == 2)
        {
            m_after = std::chrono::milliseconds(after);
            m_duration = std::chrono::milliseconds(duration);
            m_armed = true;
        }
    }

    void firstFramePresented()
    {
        m_firstFrame = std::chrono::steady_clock::now();
        m_presented = true;
    }

    /// Checked once per loop round; with a watchdog the loop comes round at least every ping period.
    void hangIfDue()
    {
        if (!m_armed || !m_presented || std::chrono::steady_clock::now() - m_firstFrame < m_after)
            return;
        m_armed = false;
        std::fprintf(stderr, "[kiosk] test hook: UI thread hangs for %lld ms\n",
                     static_cast<long long>(m_duration.count()));
        std::this_thread::sleep_for(m_duration);
    }

  private:
    bool m_armed = false;
    std::chrono::milliseconds m_after{0};
    std::chrono::milliseconds m_duration{0};
    bool m_presented = false; // a plain flag: GCC 12 misreads an optional<time_point> as uninitialised
    std::chrono::steady_clock::time_point m_firstFrame{};
};

/// The scheduler's wait, shortened so an idle loop still wakes to ping the watchdog in time
/// (a ping only: no frame is drawn for it). -1 waits forever, 0 polls.
/// A wait at least this long lets the window keep only the frame on screen (SdlWindow::releaseIdleFrames).
constexpr int kIdleReleaseMs = 1000;

int waitTimeoutWithPing(int schedulerTimeout, const service::ServiceNotifier& notifier)
{
    const std::optional<std::chrono::milliseconds> ping = notifier.untilNextPing();
    if (!ping)
        return schedulerTimeout;
    const int pingMs = static_cast<int>(std::min<long long>(ping->count(), 1000 * 60 * 60));
    return schedulerTimeout < 0 ? pingMs : std::min(schedulerTimeout, pingMs);
}
} // namespace

Uint32 wakeEventType()
{
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

int runMainLoop(Frontend& frontend, KioskApp& app)
{
    (void)wakeEventType();
    FrameScheduler scheduler;
    // WATCHDOG=1 comes from this loop, never a helper thread: a UI thread stuck anywhere (a
    // frame, an event handler, app.tick()) stops the pings and systemd restarts the kiosk.
    service::ServiceNotifier notifier = service::ServiceNotifier::fromEnvironment();
    TestHang testHang;
    // Before the first frame: a compositor gone then must not leave the UI thread in SDL's present.
    DisplayWatch display(frontend.window().window());
    const Uint64 start = SDL_GetTicks64();
    bool firstFrame = true;
    bool running = true;
    while (running)
    {
        const std::int64_t now = app.clock().now().count();
        if (const std::optional<Millis> deadline = app.nextDeadline())
            scheduler.wakeAt(deadline->count());
        scheduler.setAnimating(frontend.wantsFrames());

        SDL_Event event;
        const int schedulerTimeout = scheduler.waitTimeoutMs(now);
        // Idle for a second or more (the attract screen between its clock's minutes, a resident
        // reading): the frame on screen is all that needs keeping.
        if (schedulerTimeout < 0 || schedulerTimeout >= kIdleReleaseMs)
            frontend.window().releaseIdleFrames();
        const int timeout = waitTimeoutWithPing(schedulerTimeout, notifier);
        bool got = false;
        if (timeout == 0)
            got = SDL_PollEvent(&event) != 0;
        else if (timeout < 0)
            got = SDL_WaitEvent(&event) != 0;
        else
            got = SDL_WaitEventTimeout(&event, timeout) != 0;
        while (got)
        {
            running = frontend.handleEvent(event) && running;
            scheduler.requestFrames();
            got = SDL_PollEvent(&event) != 0;
        }
        // Drawing to a dead Wayland connection never returns (display_watch.hpp): stop first.
        if (display.lost())
            break;
        notifier.pingIfDue();
        testHang.hangIfDue();
        if (app.tick())
            scheduler.requestFrames();
        if (scheduler.beginFrameIfNeeded(app.clock().now().count()))
        {
            if (firstFrame)
                startupMark("first-frame-begins");
            frontend.renderFrame();
            if (firstFrame)
            {
                firstFrame = false;
                // The CLOCK_MONOTONIC stamp lets bench/kiosk_bench measure from exec, not from SDL_Init.
                const auto mono = std::chrono::steady_clock::now().time_since_epoch();
                std::fprintf(
                    stderr, "[kiosk] first frame presented %llu ms after start (monotonic_us=%lld)\n",
                    static_cast<unsigned long long>(SDL_GetTicks64() - start),
                    static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(mono).count()));
                // renderFrame() has presented it: the lobby sees the kiosk, so it is ready.
                notifier.ready("first frame on screen");
                testHang.firstFramePresented();
            }
        }
    }
    notifier.stopping();
    // Non-zero, so systemd's Restart= brings the session back with a new compositor.
    return display.lost() ? 1 : 0;
}

} // namespace okienko::kiosk::platform

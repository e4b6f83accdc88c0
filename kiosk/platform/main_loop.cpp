// Event-driven main loop (see main_loop.hpp).
#include "kiosk/platform/main_loop.hpp"

#include "kiosk/platform/frame_scheduler.hpp"

#include <chrono>
#include <cstdio>

namespace okienko::kiosk::platform
{

Uint32 wakeEventType()
{
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

int runMainLoop(Frontend& frontend, KioskApp& app)
{
    (void)wakeEventType();
    FrameScheduler scheduler;
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
        const int timeout = scheduler.waitTimeoutMs(now);
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
        if (app.tick())
            scheduler.requestFrames();
        if (scheduler.beginFrameIfNeeded(app.clock().now().count()))
        {
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
            }
        }
    }
    return 0;
}

} // namespace okienko::kiosk::platform

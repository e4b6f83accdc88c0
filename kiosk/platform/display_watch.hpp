// Ends the kiosk when its display goes away, and makes SIGTERM/SIGINT end it even when the UI
// thread cannot come back to its event loop. Seen under cage with SDL 2.26: once the compositor
// dies, SDL_RenderPresent never returns (it spins, 100% CPU, in wl_display_dispatch_queue_pending
// waiting for a frame callback that cannot come), so the loop neither notices the loss nor sees the
// SDL_QUIT that SDL's own SIGTERM handler queues. The watch runs on its own thread: it polls the
// display's socket for a hang-up, turns signals into SDL_QUIT, and ends the process itself when the
// UI thread does not leave its loop in time.
#pragma once

#include <SDL.h>
#include <atomic>
#include <csignal>
#include <thread>

namespace okienko::kiosk::platform
{

class DisplayWatch
{
  public:
    /// Watches `window`'s display connection (Wayland; under X11 Xlib already exits on a lost
    /// connection) and takes over SIGTERM and SIGINT. One at a time per process.
    explicit DisplayWatch(SDL_Window* window);
    ~DisplayWatch();
    DisplayWatch(const DisplayWatch&) = delete;
    DisplayWatch& operator=(const DisplayWatch&) = delete;

    /// True once the display connection has hung up (checked now, not only by the thread).
    bool lost() const;

  private:
    void run();
    /// Gives the UI thread `graceMs` to leave its loop, then ends the process with `code`.
    void endSoon(int graceMs, int code);

    int m_displayFd = -1;
    int m_wakeRead = -1; // the self-pipe: signal handler and destructor write, the thread reads
    int m_wakeWrite = -1;
    struct sigaction m_previousTerm = {}, m_previousInt = {}; // restored when the loop is over
    std::atomic<bool> m_lost{false};
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace okienko::kiosk::platform

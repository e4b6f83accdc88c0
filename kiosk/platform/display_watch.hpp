// Ends the kiosk when its display goes away, and makes SIGTERM/SIGINT end it even when the UI
// thread cannot come back to its event loop. Under Wayland, SDL 2.26's vsync'd present loops
// forever on a dead connection (it waits for a frame callback that never comes, and the hung-up
// socket always polls readable), so the UI thread can neither notice the loss nor see SDL_QUIT:
// the watch runs on its own thread, polls the display's socket for a hang-up, and only needs the
// UI thread to cooperate for a clean exit.
#pragma once

#include <SDL.h>
#include <atomic>
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
    std::atomic<bool> m_lost{false};
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace okienko::kiosk::platform

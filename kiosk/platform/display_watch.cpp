// The display-connection and termination watch (see display_watch.hpp).
#include "kiosk/platform/display_watch.hpp"

#include <SDL_syswm.h>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <wayland-client-core.h>

namespace okienko::kiosk::platform
{

namespace
{
constexpr char kStopByte = 'q';
constexpr char kSignalByte = 's';
/// How long the UI thread gets to leave its loop before the process is ended under it. Within
/// systemd's stop timeout, long enough for a frame and the database's last commit.
constexpr int kGraceMs = 2000;

std::atomic<int> g_signalPipe{-1};

extern "C" void onTerminationSignal(int)
{
    const int saved = errno;
    const int fd = g_signalPipe.load();
    if (fd >= 0)
        (void)!write(fd, &kSignalByte, 1);
    errno = saved;
}

int displayFd(SDL_Window* window)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (window == nullptr || !SDL_GetWindowWMInfo(window, &info))
        return -1;
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
    if (info.subsystem == SDL_SYSWM_WAYLAND && info.info.wl.display != nullptr)
        return wl_display_get_fd(info.info.wl.display);
#endif
    return -1;
}

bool hungUp(int fd)
{
    if (fd < 0)
        return false;
    // No events asked for: POLLHUP/POLLERR are always reported, and the socket's data is left to
    // SDL on the UI thread.
    pollfd p{fd, 0, 0};
    return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}
} // namespace

DisplayWatch::DisplayWatch(SDL_Window* window) : m_displayFd(displayFd(window))
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
    {
        std::fprintf(stderr, "[kiosk] display watch: pipe failed; SIGTERM handled by SDL only\n");
        return;
    }
    m_wakeRead = fds[0];
    m_wakeWrite = fds[1];
    g_signalPipe.store(m_wakeWrite);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, &m_previousTerm);
    sigaction(SIGINT, &action, &m_previousInt);
    m_thread = std::thread([this] { run(); });
}

DisplayWatch::~DisplayWatch()
{
    m_stopping = true;
    if (m_thread.joinable())
    {
        (void)!write(m_wakeWrite, &kStopByte, 1);
        m_thread.join();
    }
    g_signalPipe.store(-1);
    if (m_wakeRead >= 0)
    {
        // SDL's handlers again, for the shutdown that follows the loop.
        sigaction(SIGTERM, &m_previousTerm, nullptr);
        sigaction(SIGINT, &m_previousInt, nullptr);
        close(m_wakeRead);
        close(m_wakeWrite);
    }
}

bool DisplayWatch::lost() const
{
    return m_lost.load() || hungUp(m_displayFd);
}

void DisplayWatch::run()
{
    pollfd fds[2] = {{m_wakeRead, POLLIN, 0}, {m_displayFd, 0, 0}};
    const nfds_t count = m_displayFd >= 0 ? 2 : 1;
    for (;;)
    {
        if (poll(fds, count, -1) < 0)
        {
            if (errno == EINTR)
                continue;
            return;
        }
        if (count == 2 && (fds[1].revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
        {
            m_lost = true;
            std::fprintf(stderr, "[kiosk] display connection lost (the compositor is gone): exiting\n");
            endSoon(kGraceMs, 1);
            return;
        }
        char byte = 0;
        while (read(m_wakeRead, &byte, 1) == 1)
        {
            if (byte == kStopByte)
                return;
            std::fprintf(stderr, "[kiosk] termination signal: exiting\n");
            endSoon(kGraceMs, 0);
            return;
        }
    }
}

void DisplayWatch::endSoon(int graceMs, int code)
{
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    // The destructor's stop byte ends the wait: the UI thread left its loop in time.
    pollfd wake{m_wakeRead, POLLIN, 0};
    const Uint64 deadline = SDL_GetTicks64() + static_cast<Uint64>(graceMs);
    for (;;)
    {
        const Sint64 left = static_cast<Sint64>(deadline) - static_cast<Sint64>(SDL_GetTicks64());
        if (left <= 0)
            break;
        if (poll(&wake, 1, static_cast<int>(left)) > 0)
        {
            char byte = 0;
            while (read(m_wakeRead, &byte, 1) == 1)
                if (byte == kStopByte)
                    return;
        }
    }
    std::fprintf(stderr, "[kiosk] UI thread did not stop within %d ms: ending the process\n", graceMs);
    std::fflush(stderr);
    // The UI thread is stuck inside SDL: no clean way back. Committed data is already on disk
    // (SQLite), exactly as after a crash.
    _exit(code);
}

} // namespace okienko::kiosk::platform

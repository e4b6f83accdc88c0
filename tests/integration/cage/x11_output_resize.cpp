// Test helper: waits for the window wlroots' X11 backend opens as cage's output (under Xvfb) and
// resizes it, which gives the output that size. wlroots 0.15's headless backend only makes
// 1280×720 outputs and cage 0.1.4 has no output management (no wlr-randr), so a portrait
// 1080×1920 output under cage is made this way.
//   okienko-test-x11-output-resize WIDTH HEIGHT [TIMEOUT_MS]   (DISPLAY names the Xvfb)
#include <X11/Xlib.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace
{

/// Resizes every mapped top-level window (cage's output is the only one); true if there was one.
bool resizeTopLevels(Display* display, unsigned width, unsigned height)
{
    Window root = 0;
    Window parent = 0;
    Window* children = nullptr;
    unsigned count = 0;
    if (XQueryTree(display, DefaultRootWindow(display), &root, &parent, &children, &count) == 0)
        return false;
    bool resized = false;
    for (unsigned i = 0; i < count; ++i)
    {
        XWindowAttributes attributes;
        if (XGetWindowAttributes(display, children[i], &attributes) == 0 || attributes.map_state != IsViewable)
            continue;
        XResizeWindow(display, children[i], width, height);
        resized = true;
    }
    if (children != nullptr)
        XFree(children);
    XSync(display, False);
    return resized;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3)
    {
        std::fprintf(stderr, "usage: %s WIDTH HEIGHT [TIMEOUT_MS]\n", argv[0]);
        return 2;
    }
    const auto width = static_cast<unsigned>(std::strtoul(argv[1], nullptr, 10));
    const auto height = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
    const long timeoutMs = argc > 3 ? std::strtol(argv[3], nullptr, 10) : 10000;
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr)
    {
        std::fprintf(stderr, "x11-output-resize: cannot open the X display\n");
        return 1;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    bool done = false;
    while (!done && std::chrono::steady_clock::now() < deadline)
    {
        done = resizeTopLevels(display, width, height);
        if (!done)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    XCloseDisplay(display);
    if (!done)
        std::fprintf(stderr, "x11-output-resize: no output window appeared\n");
    return done ? 0 : 1;
}

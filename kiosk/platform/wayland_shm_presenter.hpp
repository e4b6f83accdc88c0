// Shows the software renderer's frames on a Wayland surface through shared-memory buffers
// (wl_shm). SDL 2.26's Wayland driver has no window framebuffer: without this, a software-drawn
// frame reaches the compositor only as an OpenGL texture, which on a kiosk PC without a GPU loads
// Mesa's llvmpipe (libLLVM, ~110 MiB more PSS, ~200 ms before the first frame) only to copy
// pixels. Under cage, where the kiosk is deployed, that was every frame of a GPU-less kiosk.
#pragma once

#include <SDL.h>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct wl_buffer;
struct wl_display;
struct wl_event_queue;
struct wl_registry;
struct wl_shm;
struct wl_surface;

namespace okienko::kiosk::platform
{

class WaylandShmPresenter
{
  public:
    /// For `window` when SDL drives it through Wayland; nullptr (and `error` says why) otherwise.
    static std::unique_ptr<WaylandShmPresenter> attach(SDL_Window* window, std::string& error);
    ~WaylandShmPresenter();
    WaylandShmPresenter(const WaylandShmPresenter&) = delete;
    WaylandShmPresenter& operator=(const WaylandShmPresenter&) = delete;

    /// Where the next frame of `width`×`height` is drawn (XRGB8888, stride `width` × 4): a buffer
    /// the compositor is not reading, the same one until present(). So the frame needs no copy
    /// of its own: the renderer draws straight into the memory the compositor shows. nullptr when
    /// the compositor holds every buffer (`error` empty: the output is off; draw elsewhere) or
    /// the connection failed (`error` says so).
    void* target(int width, int height, std::string& error);

    /// Commits the buffer target() gave to the surface. With `drawnElsewhere` (the frame was drawn
    /// into other memory because no buffer was free) its pixels are copied into a free buffer
    /// first, if one is free now. Nothing to do when nothing was drawn since the last present.
    /// False (and `error`) when the connection has failed.
    bool present(const SDL_Surface* drawnElsewhere, std::string& error);

    /// While idle (nothing to draw for a while): lets go of every buffer but the one last shown,
    /// which the compositor may read again at any time. The next frame makes a second one again.
    /// Returns how many went.
    std::size_t releaseIdleBuffers();

    /// Buffers made so far (two normally: one shown, one being filled; a third only while the
    /// compositor holds both).
    std::size_t bufferCount() const { return m_buffers.size(); }

  private:
    struct Buffer
    {
        wl_buffer* buffer = nullptr;
        void* pixels = nullptr;
        std::size_t bytes = 0;
        int width = 0;
        int height = 0;
        int stride = 0;
        bool busy = false; // attached and not yet released by the compositor
    };

    WaylandShmPresenter(wl_display* display, wl_surface* surface);
    bool bindShm(std::string& error);
    /// A buffer of `width`×`height` the compositor has released, made when there is none.
    Buffer* freeBuffer(int width, int height, std::string& error);
    bool addBuffer(int width, int height, std::string& error);
    static void destroyBuffer(Buffer& b);

    static void onRelease(void* buffer, wl_buffer* wlBuffer);

    wl_display* m_display = nullptr;
    wl_surface* m_surface = nullptr;
    // Our objects' events (the registry's, wl_buffer.release) are dispatched on a queue of our
    // own, so neither we nor SDL's event pump handles the other's.
    wl_event_queue* m_queue = nullptr;
    wl_registry* m_registry = nullptr;
    wl_shm* m_shm = nullptr;
    std::vector<std::unique_ptr<Buffer>> m_buffers;
    Buffer* m_drawing = nullptr; ///< the buffer target() gave, until present() commits it
    Buffer* m_shown = nullptr;   ///< the buffer last committed: on screen, and what a screenshot reads
};

} // namespace okienko::kiosk::platform

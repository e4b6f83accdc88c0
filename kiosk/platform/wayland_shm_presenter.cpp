// wl_shm presentation of software-drawn frames (see wayland_shm_presenter.hpp).
#include "kiosk/platform/wayland_shm_presenter.hpp"

#include <SDL_syswm.h>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wayland-client.h>

namespace okienko::kiosk::platform
{
namespace
{

/// One shown, one being filled: each is a whole frame of PSS (3.5 MiB at 1280×720).
constexpr std::size_t kBuffers = 2;
/// A buffer stops being made past this many: the compositor returns them as it shows newer ones.
constexpr std::size_t kMaxBuffers = 3;

const wl_registry_listener kRegistryListener = {
    [](void* self, wl_registry* registry, std::uint32_t name, const char* interface, std::uint32_t version)
    {
        if (std::strcmp(interface, wl_shm_interface.name) == 0)
        {
            auto** shm = static_cast<wl_shm**>(self);
            if (*shm == nullptr)
                *shm = static_cast<wl_shm*>(wl_registry_bind(registry, name, &wl_shm_interface, 1));
        }
        (void)version;
    },
    [](void*, wl_registry*, std::uint32_t) {},
};

} // namespace

void WaylandShmPresenter::onRelease(void* buffer, wl_buffer*)
{
    static_cast<Buffer*>(buffer)->busy = false;
}

std::unique_ptr<WaylandShmPresenter> WaylandShmPresenter::attach(SDL_Window* window, std::string& error)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(window, &info) != SDL_TRUE)
    {
        error = std::string("SDL_GetWindowWMInfo: ") + SDL_GetError();
        return nullptr;
    }
    if (info.subsystem != SDL_SYSWM_WAYLAND || info.info.wl.display == nullptr || info.info.wl.surface == nullptr)
    {
        error = "the window is not a Wayland surface";
        return nullptr;
    }
    std::unique_ptr<WaylandShmPresenter> presenter(new WaylandShmPresenter(info.info.wl.display, info.info.wl.surface));
    if (!presenter->bindShm(error))
        return nullptr;
    return presenter;
}

WaylandShmPresenter::WaylandShmPresenter(wl_display* display, wl_surface* surface)
    : m_display(display), m_surface(surface)
{
}

WaylandShmPresenter::~WaylandShmPresenter()
{
    for (auto& b : m_buffers)
        destroyBuffer(*b);
    if (m_shm != nullptr)
        wl_shm_destroy(m_shm);
    if (m_registry != nullptr)
        wl_registry_destroy(m_registry);
    if (m_queue != nullptr)
    {
        // Events already queued for the destroyed proxies are dropped with the queue.
        wl_display_flush(m_display);
        wl_event_queue_destroy(m_queue);
    }
}

bool WaylandShmPresenter::bindShm(std::string& error)
{
    m_queue = wl_display_create_queue(m_display);
    if (m_queue == nullptr)
    {
        error = "wl_display_create_queue failed";
        return false;
    }
    // A wrapper carries our queue to the registry, and the registry to what it binds.
    auto* wrapped = static_cast<wl_display*>(wl_proxy_create_wrapper(m_display));
    if (wrapped == nullptr)
    {
        error = "wl_proxy_create_wrapper failed";
        return false;
    }
    wl_proxy_set_queue(reinterpret_cast<wl_proxy*>(wrapped), m_queue);
    m_registry = wl_display_get_registry(wrapped);
    wl_proxy_wrapper_destroy(wrapped);
    if (m_registry == nullptr || wl_registry_add_listener(m_registry, &kRegistryListener, &m_shm) != 0)
    {
        error = "wl_display_get_registry failed";
        return false;
    }
    if (wl_display_roundtrip_queue(m_display, m_queue) < 0)
    {
        error = "the compositor did not answer (wl_display_roundtrip_queue)";
        return false;
    }
    if (m_shm == nullptr)
    {
        error = "the compositor offers no wl_shm";
        return false;
    }
    return true;
}

void WaylandShmPresenter::destroyBuffer(Buffer& b)
{
    if (b.buffer != nullptr)
        wl_buffer_destroy(b.buffer);
    if (b.pixels != nullptr)
        munmap(b.pixels, b.bytes);
    b = Buffer{};
}

bool WaylandShmPresenter::addBuffer(int width, int height, std::string& error)
{
    auto b = std::make_unique<Buffer>();
    b->width = width;
    b->height = height;
    b->stride = width * 4;
    b->bytes = static_cast<std::size_t>(b->stride) * static_cast<std::size_t>(height);
    const int fd = memfd_create("okienko-frame", MFD_CLOEXEC);
    if (fd < 0)
    {
        error = std::string("memfd_create: ") + std::strerror(errno);
        return false;
    }
    if (ftruncate(fd, static_cast<off_t>(b->bytes)) != 0)
    {
        error = std::string("ftruncate: ") + std::strerror(errno);
        close(fd);
        return false;
    }
    void* pixels = mmap(nullptr, b->bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (pixels == MAP_FAILED)
    {
        error = std::string("mmap: ") + std::strerror(errno);
        close(fd);
        return false;
    }
    b->pixels = pixels;
    wl_shm_pool* pool = wl_shm_create_pool(m_shm, fd, static_cast<std::int32_t>(b->bytes));
    b->buffer = wl_shm_pool_create_buffer(pool, 0, width, height, b->stride, WL_SHM_FORMAT_XRGB8888);
    wl_shm_pool_destroy(pool); // the buffer keeps the memory; the pool is not needed again
    close(fd);
    static const wl_buffer_listener kBufferListener = {&WaylandShmPresenter::onRelease};
    if (b->buffer == nullptr || wl_buffer_add_listener(b->buffer, &kBufferListener, b.get()) != 0)
    {
        destroyBuffer(*b);
        error = "wl_shm_pool_create_buffer failed";
        return false;
    }
    m_buffers.push_back(std::move(b));
    return true;
}

WaylandShmPresenter::Buffer* WaylandShmPresenter::freeBuffer(int width, int height, std::string& error)
{
    // Releases already read from the socket (by SDL's event pump or by us) are handled here.
    if (wl_display_dispatch_queue_pending(m_display, m_queue) < 0)
    {
        error = "the Wayland connection failed";
        return nullptr;
    }
    // Buffers of an old size go as soon as the compositor has let go of them.
    for (auto it = m_buffers.begin(); it != m_buffers.end();)
    {
        if (!(*it)->busy && it->get() != m_drawing && ((*it)->width != width || (*it)->height != height))
        {
            if (it->get() == m_shown)
                m_shown = nullptr;
            destroyBuffer(**it);
            it = m_buffers.erase(it);
        }
        else
            ++it;
    }
    for (int attempt = 0; attempt < 2; ++attempt)
    {
        for (auto& b : m_buffers)
            if (!b->busy && b.get() != m_drawing && b->width == width && b->height == height)
                return b.get();
        if (m_buffers.size() < (attempt == 0 ? kBuffers : kMaxBuffers))
            return addBuffer(width, height, error) ? m_buffers.back().get() : nullptr;
        if (attempt == 1)
            break;
        // Every buffer is still with the compositor, whose release of the older one is usually
        // on its way (frames drawn back to back, before SDL's event pump read the socket): ask
        // it, which reads its releases. Only a compositor that still holds both gets a third.
        if (wl_display_roundtrip_queue(m_display, m_queue) < 0)
        {
            error = "the Wayland connection failed";
            return nullptr;
        }
    }
    // A compositor that holds three frames has stopped showing them (the output is off): this
    // frame is dropped and the next one tries again.
    error.clear();
    return nullptr;
}

std::size_t WaylandShmPresenter::releaseIdleBuffers()
{
    if (m_buffers.size() < 2)
        return 0;
    // The compositor lets go of the older frame once it has applied the newer one: asking reads
    // that release (once per idle spell: afterwards one buffer is left).
    if (wl_display_roundtrip_queue(m_display, m_queue) < 0)
        return 0;
    std::size_t released = 0;
    for (auto it = m_buffers.begin(); it != m_buffers.end();)
    {
        if (!(*it)->busy && it->get() != m_drawing && it->get() != m_shown)
        {
            destroyBuffer(**it);
            it = m_buffers.erase(it);
            ++released;
        }
        else
            ++it;
    }
    return released;
}

void* WaylandShmPresenter::target(int width, int height, std::string& error)
{
    error.clear();
    if (m_drawing != nullptr && m_drawing->width == width && m_drawing->height == height)
        return m_drawing->pixels;
    m_drawing = freeBuffer(width, height, error);
    return m_drawing != nullptr ? m_drawing->pixels : nullptr;
}

bool WaylandShmPresenter::present(const SDL_Surface* drawnElsewhere, std::string& error)
{
    if (drawnElsewhere != nullptr)
    {
        if (drawnElsewhere->format == nullptr || drawnElsewhere->format->format != SDL_PIXELFORMAT_XRGB8888)
        {
            error = "the frame is not XRGB8888";
            return false;
        }
        m_drawing = freeBuffer(drawnElsewhere->w, drawnElsewhere->h, error);
        if (m_drawing == nullptr)
            return error.empty(); // still all held: this frame is dropped, the next one tries again
        const auto* from = static_cast<const unsigned char*>(drawnElsewhere->pixels);
        auto* to = static_cast<unsigned char*>(m_drawing->pixels);
        const std::size_t row = static_cast<std::size_t>(drawnElsewhere->w) * 4;
        for (int y = 0; y < drawnElsewhere->h; ++y)
            std::memcpy(to + static_cast<std::size_t>(y) * static_cast<std::size_t>(m_drawing->stride),
                        from + static_cast<std::size_t>(y) * static_cast<std::size_t>(drawnElsewhere->pitch), row);
    }
    if (m_drawing == nullptr)
        return true;
    wl_surface_attach(m_surface, m_drawing->buffer, 0, 0);
    wl_surface_damage(m_surface, 0, 0, INT32_MAX, INT32_MAX);
    wl_surface_commit(m_surface);
    m_drawing->busy = true;
    m_shown = m_drawing;
    m_drawing = nullptr;
    if (wl_display_flush(m_display) < 0 && errno != EAGAIN)
    {
        error = std::string("wl_display_flush: ") + std::strerror(errno);
        return false;
    }
    return true;
}

} // namespace okienko::kiosk::platform

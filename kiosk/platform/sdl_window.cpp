// SDL2 window and renderer set-up for the kiosk (see sdl_window.hpp).
#include "kiosk/platform/sdl_window.hpp"

#include "kiosk/core/gpu_probe.hpp"
#include "kiosk/platform/vulkan_stub_loader.hpp"
#include "kiosk/platform/wayland_shm_presenter.hpp"

#include <SDL_vulkan.h>
#include <cstdio>
#include <string_view>

namespace okienko::kiosk::platform
{
namespace
{

/// Drivers that present a window surface without OpenGL. SDL 2.26's Wayland and KMSDRM drivers
/// have no window framebuffer: there a software-rendered frame reaches the screen only as a GL
/// texture (Mesa's llvmpipe when there is no GPU).
bool hasNativeFramebuffer(const char* videoDriver)
{
    const std::string name = videoDriver != nullptr ? videoDriver : "";
    return name == "x11" || name == "offscreen" || name == "dummy";
}

/// What draws behind the current GL context ("llvmpipe (LLVM 15.0.6, 256 bits)", "Mesa Intel(R) UHD
/// Graphics 620…"); empty when the renderer is not GL.
std::string glRendererName(SDL_Renderer* renderer)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer, &info) != 0 || std::string_view(info.name).rfind("opengl", 0) != 0)
        return {};
    using GetString = const unsigned char* (*)(unsigned);
    constexpr unsigned kGlRenderer = 0x1F01;
    auto* getString = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    const unsigned char* name = getString != nullptr ? getString(kGlRenderer) : nullptr;
    return name != nullptr ? reinterpret_cast<const char*>(name) : "";
}

} // namespace

SdlWindow::SdlWindow() = default;

SdlWindow::~SdlWindow()
{
    destroy();
    if (m_sdlStarted)
        SDL_Quit();
}

void SdlWindow::destroy()
{
    if (m_renderer != nullptr)
        SDL_DestroyRenderer(m_renderer);
    if (m_frame != nullptr)
        SDL_FreeSurface(m_frame);
    // After the frame, whose pixels may be one of its buffers.
    m_presenter.reset();
    m_spare = {};
    if (m_window != nullptr)
        SDL_DestroyWindow(m_window);
    m_renderer = nullptr;
    m_frame = nullptr;
    m_window = nullptr;
}

bool SdlWindow::makeFrame(std::string& error)
{
    int w = 0;
    int h = 0;
    SDL_GetWindowSizeInPixels(m_window, &w, &h);
    if (w <= 0 || h <= 0)
    {
        error = "the window has no size";
        return false;
    }
    if (m_frame != nullptr && m_frame->w == w && m_frame->h == h)
        return true;
    if (m_renderer != nullptr)
        SDL_DestroyRenderer(m_renderer);
    if (m_frame != nullptr)
        SDL_FreeSurface(m_frame);
    m_renderer = nullptr;
    // The renderer draws into the pixels of a shared-memory buffer (beginFrame() points the frame
    // at the one to draw next), never into a copy of its own: one frame less of memory, one copy
    // less per frame.
    void* pixels = framePixels(w, h);
    m_frame = SDL_CreateRGBSurfaceWithFormatFrom(pixels, w, h, 32, w * 4, SDL_PIXELFORMAT_XRGB8888);
    if (m_frame == nullptr)
    {
        error = std::string("SDL_CreateRGBSurfaceWithFormat: ") + SDL_GetError();
        return false;
    }
    m_renderer = SDL_CreateSoftwareRenderer(m_frame);
    if (m_renderer == nullptr)
    {
        error = std::string("SDL_CreateSoftwareRenderer: ") + SDL_GetError();
        return false;
    }
    return true;
}

void* SdlWindow::framePixels(int w, int h)
{
    std::string error;
    if (void* pixels = m_presenter->target(w, h, error))
    {
        m_spare.clear();
        m_spare.shrink_to_fit();
        return pixels;
    }
    if (!error.empty())
        std::fprintf(stderr, "[kiosk] no shared-memory buffer to draw into: %s\n", error.c_str());
    m_spare.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    return m_spare.data();
}

void SdlWindow::beginFrame()
{
    if (m_presenter == nullptr || m_frame == nullptr)
        return;
    // Every frame is drawn whole (cleared first), so whichever buffer is free can take it.
    m_frame->pixels = framePixels(m_frame->w, m_frame->h);
}

void SdlWindow::present()
{
    // For a renderer drawing into a surface this only runs the queued drawing.
    SDL_RenderPresent(m_renderer);
    if (m_presenter == nullptr)
        return;
    std::string error;
    const bool spare = !m_spare.empty() && m_frame->pixels == m_spare.data();
    if (!m_presenter->present(spare ? m_frame : nullptr, error))
        std::fprintf(stderr, "[kiosk] the frame could not be shown: %s\n", error.c_str());
}

void SdlWindow::releaseIdleFrames()
{
    if (m_presenter == nullptr)
        return;
    m_presenter->releaseIdleBuffers();
    if (m_frame == nullptr || m_frame->pixels != m_spare.data())
        m_spare = {};
}

bool SdlWindow::needsRefit() const
{
    if (m_presenter == nullptr)
        return false;
    int w = 0;
    int h = 0;
    SDL_GetWindowSizeInPixels(m_window, &w, &h);
    return m_frame == nullptr || m_frame->w != w || m_frame->h != h;
}

bool SdlWindow::refit(std::string& error)
{
    return m_presenter == nullptr || makeFrame(error);
}

bool SdlWindow::open(const WindowOptions& options, std::string& error)
{
    // Touch is handled from finger events by the touch adapter; synthesized mouse events would
    // arrive twice. A real mouse still works for maintenance.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
    {
        error = std::string("SDL_Init: ") + SDL_GetError();
        return false;
    }
    m_sdlStarted = true;
    const bool nativeFramebuffer = hasNativeFramebuffer(SDL_GetCurrentVideoDriver());
    if (!create(options, nativeFramebuffer, error))
        return false;
    if (options.avoidSoftwareGl && !options.softwareRenderer)
    {
        const std::string gl = glRendererName(m_renderer);
        if (isSoftwareRasteriser(gl))
        {
            std::fprintf(stderr, "[kiosk] GL is drawn by %s (no GPU): the software renderer draws instead\n",
                         gl.c_str());
            // A new window too where the driver has a framebuffer of its own: a GL window would
            // keep the GL library, and with it llvmpipe, loaded.
            destroy();
            WindowOptions software = options;
            software.softwareRenderer = true;
            if (!create(software, nativeFramebuffer, error))
                return false;
        }
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(m_renderer, &info) == 0)
        std::fprintf(stderr, "[kiosk] video driver %s, renderer %s\n", SDL_GetCurrentVideoDriver(), info.name);
    SDL_ShowCursor(SDL_DISABLE);
    return true;
}

bool SdlWindow::create(const WindowOptions& options, bool nativeFramebuffer, std::string& error)
{
    if (options.softwareRenderer)
    {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        // Where the driver has a framebuffer of its own (X11's shared memory), SDL 2.26 would still
        // back the software renderer's window surface with an OpenGL texture: on a GPU-less kiosk
        // that loads Mesa's llvmpipe (libLLVM, ~40 MiB PSS) only to copy pixels. Wayland has no
        // such framebuffer in SDL: there the frame goes to the compositor as shared memory
        // (WaylandShmPresenter) and SDL's window surface is never asked for.
        if (nativeFramebuffer)
            SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    }

    int display = options.displayIndex;
    if (display < 0 || display >= SDL_GetNumVideoDisplays())
        display = 0;
    // Under Wayland the software renderer draws into a frame of ours that is handed to the
    // compositor as shared memory: no GL context, no llvmpipe drawing.
    const bool sharedMemory = options.softwareRenderer && std::string_view(SDL_GetCurrentVideoDriver()) == "wayland";
    // SDL_WINDOW_OPENGL: Dear ImGui 1.86's SDL backend takes the framebuffer scale from the GL
    // drawable size even when drawing through SDL_Renderer; without it clipping breaks. Without a
    // native framebuffer the software renderer's surface is shown through GL too: a window made
    // for GL up front saves SDL from destroying and re-creating it (a compositor would see the
    // kiosk's surface vanish and come back). Shared-memory frames give the backend our frame's
    // size through SDL_GetRendererOutputSize instead.
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (!options.softwareRenderer || (!nativeFramebuffer && !sharedMemory))
        flags |= SDL_WINDOW_OPENGL;
    // SDL 2.26 makes every Wayland window that is not a Vulkan one an EGL window, which on a PC
    // without a GPU maps Mesa and libLLVM (~50 MiB PSS, never unloaded) for nothing: a "Vulkan"
    // window on our driverless stub loader is a plain toplevel (vulkan_stub_loader.hpp).
    bool vulkanStub = false;
    if (sharedMemory)
    {
        std::string why;
        vulkanStub = loadVulkanStub(why);
        if (vulkanStub)
            flags |= SDL_WINDOW_VULKAN;
        else
            std::fprintf(stderr, "[kiosk] the Wayland window loads EGL (unused): %s\n", why.c_str());
    }
    int x = static_cast<int>(SDL_WINDOWPOS_CENTERED_MASK | static_cast<unsigned>(display));
    int y = x;
    int w = options.width;
    int h = options.height;
    if (options.fullscreen)
    {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_Rect bounds;
        if (SDL_GetDisplayBounds(display, &bounds) == 0)
        {
            x = bounds.x;
            y = bounds.y;
            w = bounds.w;
            h = bounds.h;
        }
    }
    m_window = SDL_CreateWindow(options.title.c_str(), x, y, w, h, flags);
    if (vulkanStub)
    {
        // The window keeps a reference of its own while it lives.
        SDL_Vulkan_UnloadLibrary();
        if (m_window == nullptr)
        {
            std::fprintf(stderr, "[kiosk] no window without EGL (%s): made with EGL\n", SDL_GetError());
            flags &= ~static_cast<Uint32>(SDL_WINDOW_VULKAN);
            m_window = SDL_CreateWindow(options.title.c_str(), x, y, w, h, flags);
        }
        else
        {
            std::fprintf(stderr, "[kiosk] the Wayland window is made without EGL\n");
        }
    }
    if (m_window == nullptr && (flags & SDL_WINDOW_OPENGL) != 0)
    {
        // Offscreen/dummy drivers may lack GL: the software renderer does not need it.
        flags &= ~static_cast<Uint32>(SDL_WINDOW_OPENGL);
        m_window = SDL_CreateWindow(options.title.c_str(), x, y, w, h, flags);
    }
    if (m_window == nullptr)
    {
        error = std::string("SDL_CreateWindow: ") + SDL_GetError();
        return false;
    }

    if (sharedMemory)
    {
        std::string why;
        m_presenter = WaylandShmPresenter::attach(m_window, why);
        if (m_presenter != nullptr && makeFrame(why))
        {
            std::fprintf(stderr, "[kiosk] frames reach the compositor as shared memory (wl_shm), not through GL\n");
            return true;
        }
        // A compositor without wl_shm cannot exist (the protocol requires it), but a kiosk that
        // shows something through GL beats a black screen.
        std::fprintf(stderr, "[kiosk] shared-memory frames unavailable (%s): shown through GL\n", why.c_str());
        destroy();
        flags &= ~static_cast<Uint32>(SDL_WINDOW_VULKAN);
        m_window = SDL_CreateWindow(options.title.c_str(), x, y, w, h, flags | SDL_WINDOW_OPENGL);
        if (m_window == nullptr)
        {
            error = std::string("SDL_CreateWindow: ") + SDL_GetError();
            return false;
        }
    }

    Uint32 rflags = options.softwareRenderer ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
    if (options.vsync)
        rflags |= SDL_RENDERER_PRESENTVSYNC;
    m_renderer = SDL_CreateRenderer(m_window, -1, rflags);
    if (m_renderer == nullptr && !options.softwareRenderer)
    {
        // No GPU driver: a kiosk that shows something beats a black screen.
        SDL_Log("okienko: accelerated renderer unavailable (%s); using software", SDL_GetError());
        m_renderer = SDL_CreateRenderer(m_window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (m_renderer == nullptr)
    {
        error = std::string("SDL_CreateRenderer: ") + SDL_GetError();
        return false;
    }
    return true;
}

void SdlWindow::size(int& w, int& h) const
{
    SDL_GetWindowSize(m_window, &w, &h);
}

void SdlWindow::outputSize(int& w, int& h) const
{
    if (SDL_GetRendererOutputSize(m_renderer, &w, &h) != 0)
        size(w, h);
}

} // namespace okienko::kiosk::platform

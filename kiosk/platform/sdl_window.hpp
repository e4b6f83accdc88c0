// The SDL2 window and renderer of the kiosk: fullscreen on the configured display (windowed for
// development), accelerated or software renderer (or the software one chosen by itself when GL
// is only Mesa's llvmpipe), hidden cursor. Under Wayland the software renderer draws into a frame
// of our own that reaches the compositor as shared memory (wayland_shm_presenter.hpp), never
// through GL, in a window made without EGL (vulkan_stub_loader.hpp). Owns SDL's video subsystem;
// joystick and game-controller subsystems are never started (they make SDL poll while idle).
#pragma once

#include <SDL.h>
#include <memory>
#include <string>
#include <vector>

namespace okienko::kiosk::platform
{

class WaylandShmPresenter;

struct WindowOptions
{
    bool fullscreen = true;
    int displayIndex = 0;
    int width = 1920; ///< windowed size; fullscreen uses the display's size
    int height = 1080;
    bool softwareRenderer = false;
    /// With a GL renderer: when GL turns out to be a software rasteriser (no GPU), draw with SDL's
    /// software renderer instead. llvmpipe costs ~100 MiB more and draws no faster.
    bool avoidSoftwareGl = false;
    bool vsync = true;
    std::string title = "Okienko";
};

/// RAII owner of SDL_Init(VIDEO|EVENTS), the window and the renderer.
class SdlWindow
{
  public:
    SdlWindow();
    ~SdlWindow();
    SdlWindow(const SdlWindow&) = delete;
    SdlWindow& operator=(const SdlWindow&) = delete;

    /// Creates everything; on failure returns false and `error` says what SDL reported.
    bool open(const WindowOptions& options, std::string& error);

    SDL_Window* window() const { return m_window; }
    SDL_Renderer* renderer() const { return m_renderer; }
    /// Size in logical pixels (what ImGui lays out in).
    void size(int& w, int& h) const;
    /// Renderer output size in physical pixels (differs from size() on HiDPI outputs).
    void outputSize(int& w, int& h) const;
    /// Before the renderer draws a frame: with shared-memory frames, points the frame at the
    /// buffer it will be shown from (drawn there, not copied there).
    void beginFrame();
    /// Shows what the renderer drew.
    void present();
    /// Nothing will be drawn for a while: with shared-memory frames, keeps only the frame on screen
    /// (one buffer, 3.5 MiB at 1280×720, instead of two); the next frame makes the other again.
    void releaseIdleFrames();
    /// True when the renderer draws into a frame of our own whose size is no longer the window's:
    /// refit() must replace the renderer (whose textures go with it).
    bool needsRefit() const;
    /// A frame and a renderer of the window's size; false (and `error`) when they cannot be made.
    bool refit(std::string& error);
    /// True while frames reach a Wayland compositor as shared memory (no GL at all).
    bool presentsSharedMemory() const { return m_presenter != nullptr; }

  private:
    /// The window and renderer for `options` (SDL already started).
    bool create(const WindowOptions& options, bool nativeFramebuffer, std::string& error);
    void destroy();
    /// The frame and the software renderer drawing into it, at the window's size in pixels.
    bool makeFrame(std::string& error);
    /// The pixels the next frame of w×h is drawn into: a free shared-memory buffer, else m_spare.
    void* framePixels(int w, int h);

    SDL_Window* m_window = nullptr;
    SDL_Renderer* m_renderer = nullptr;
    SDL_Surface* m_frame = nullptr;                   // Wayland + software renderer only
    std::unique_ptr<WaylandShmPresenter> m_presenter; // idem
    /// Where a frame is drawn while the compositor holds every buffer (its output is off): made
    /// only then, let go when a buffer is free again.
    std::vector<unsigned char> m_spare;
    bool m_sdlStarted = false;
};

} // namespace okienko::kiosk::platform

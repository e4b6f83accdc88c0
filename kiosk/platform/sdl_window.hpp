// The SDL2 window and renderer of the kiosk: fullscreen on the configured display (windowed for
// development), accelerated or software renderer (or the software one chosen by itself when GL
// is only Mesa's llvmpipe), hidden cursor. Owns SDL's video subsystem;
// joystick and game-controller subsystems are never started (they make SDL poll while idle).
#pragma once

#include <SDL.h>
#include <string>

namespace okienko::kiosk::platform
{

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
    SdlWindow() = default;
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

  private:
    /// The window and renderer for `options` (SDL already started).
    bool create(const WindowOptions& options, bool nativeFramebuffer, std::string& error);
    void destroy();

    SDL_Window* m_window = nullptr;
    SDL_Renderer* m_renderer = nullptr;
    bool m_sdlStarted = false;
};

} // namespace okienko::kiosk::platform

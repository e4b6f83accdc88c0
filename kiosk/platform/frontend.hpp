// The ImGui side of the window: context, SDL/SDL_Renderer backends, the touch adapter, and one
// frame from input to present. Shared by the interactive loop and the automation runner, so a
// script exercises exactly what a finger does.
#pragma once

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/platform/keyboard_adapter.hpp"
#include "kiosk/platform/sdl_window.hpp"
#include "kiosk/platform/speech_key.hpp"
#include "kiosk/platform/touch_adapter.hpp"
#include "kiosk/ui/fonts.hpp"

#include <string>

namespace okienko::kiosk::platform
{

class Frontend
{
  public:
    /// `fixedStep`: use a constant 1/60 s frame time (deterministic automation runs).
    Frontend(SdlWindow& window, KioskApp& app, bool fixedStep);
    ~Frontend();
    Frontend(const Frontend&) = delete;
    Frontend& operator=(const Frontend&) = delete;

    /// Creates the ImGui context on `fonts` (built beforehand, ui::buildFontBundle) and the
    /// backends; false with `error` on failure.
    bool init(ui::FontBundle fonts, std::string& error);
    /// Feeds one SDL event to the touch adapter / ImGui. Returns false when the app must quit.
    bool handleEvent(const SDL_Event& event);
    /// Builds and renders one frame. With `present` false the frame stays in the back buffer
    /// (for a screenshot); call present() afterwards.
    void renderFrame(bool present = true);
    void present();
    /// With `on` false, frames are built (layout, frame record, intents) but not rasterised: an
    /// automation run that only checks layout skips the renderer's cost; screenshots turn it on.
    void setPixels(bool on) { m_pixels = on; }

    TouchAdapter& touch() { return m_touch; }
    KeyboardAdapter& keyboard() { return m_keyboard; }
    /// The key of a USB or tactile keypad that turns the voice on and off ([speech] toggle_key).
    SpeechKey speechKey() const { return m_speechKey; }
    SdlWindow& window() { return m_window; }
    /// True after input while the adapter still has events to deliver or a widget animates.
    bool wantsFrames() const;

  private:
    /// The atlas for the text size the session now wants (large text faces are baked only while wanted).
    void swapFonts();
    /// A new window size from the compositor: touch mapping and millimetre sizes follow it.
    void resized(int w, int h);
    /// Under Wayland's shared-memory frames: a renderer of the window's new size, and ImGui's
    /// renderer backend and glyph texture on it.
    void refitRenderer();
    /// Hands the heap's free pages back to the system (malloc_trim) at the moments a session has
    /// left the most behind: the start screen after a session, a new glyph atlas. malloc keeps what
    /// a session freed in its arenas, which grew the kiosk's memory ~15 MiB over a simulated month
    /// while the bytes in use grew ~1 MiB (bench/kiosk_soak).
    void returnFreeMemory();

    SdlWindow& m_window;
    KioskApp& m_app;
    TouchAdapter m_touch;
    KeyboardAdapter m_keyboard; // USB keyboard and barcode scanner
    SpeechKey m_speechKey;
    bool m_fixedStep = false;
    bool m_imguiStarted = false;
    bool m_sdlBackend = false;
    bool m_rendererBackend = false;
    bool m_softwareDraw = false; // SDL's software renderer: see software_draw.hpp
    int m_laidOutWidth = 0;      // the width pxPerMm was computed for
    bool m_pixels = true;
    bool m_onStartScreen = false; // last frame showed the start screen (the session is over)
};

} // namespace okienko::kiosk::platform

// A physical USB keyboard and a keyboard-wedge barcode scanner on the kiosk. Both arrive as SDL
// key and text events; the scanner detector (kiosk/core/scanner_detector) tells them apart by
// timing. Typed text and Backspace become intents that edit the focused app-owned TextBuffer (the
// same path as the on-screen keyboard), a detected scan becomes a Scanned intent, and Escape is
// "Back". ImGui never sees these events: the kiosk has no ImGui InputText to feed.
#pragma once

#include "kiosk/core/clock.hpp"
#include "kiosk/core/intents.hpp"
#include "kiosk/core/scanner_detector.hpp"

#include <SDL.h>
#include <optional>

namespace okienko::kiosk::platform
{

class KeyboardAdapter
{
  public:
    explicit KeyboardAdapter(ScannerSettings settings = {}) : m_scanner(settings) {}

    /// Takes SDL_TEXTINPUT and the SDL_KEYDOWN keys it handles (Backspace, Enter, keypad Enter,
    /// Escape), appending the resulting intents. Returns false for events it leaves alone.
    bool handleEvent(const SDL_Event& event, Millis now, Intents& out);
    /// Releases characters held back while it was unclear whether a scanner is typing.
    void poll(Millis now, Intents& out);
    /// True while characters are held back (the loop must keep polling until nextDeadline()).
    bool holding() const { return m_scanner.nextDeadline().has_value(); }
    std::optional<Millis> nextDeadline() const { return m_scanner.nextDeadline(); }

  private:
    static void emit(std::vector<ScannerEvent> events, Intents& out);

    ScannerDetector m_scanner;
};

} // namespace okienko::kiosk::platform

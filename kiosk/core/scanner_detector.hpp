// Tells a barcode/QR scanner in keyboard-wedge mode apart from a person typing on a keyboard. A
// scanner "types" a whole code in a few milliseconds and ends it with Enter; a person is slower.
// Fast characters are held back until it is clear which one it is: a run of at least
// `minLength` printable characters with gaps ≤ `maxGap`, ended by Enter within `maxGap`, is a
// scan; anything else is released as ordinary typing (at most `maxGap` late).
#pragma once

#include "kiosk/core/clock.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

struct ScannerSettings
{
    std::size_t minLength = 4;    ///< Code points in the shortest code that counts as a scan.
    Millis maxGap{30};            ///< Largest gap between keystrokes of a scan (and before Enter).
    std::size_t maxLength = 2048; ///< Longer runs are released as typing (bounds memory).
};

struct ScannerEvent
{
    enum class Kind
    {
        Text,  ///< Ordinary typing: insert `text` into the focused field.
        Enter, ///< An ordinary Enter key.
        Scan,  ///< A complete scanned code in `text` (without the Enter).
    };
    Kind kind = Kind::Text;
    std::string text;

    friend bool operator==(const ScannerEvent&, const ScannerEvent&) = default;
};

class ScannerDetector
{
  public:
    explicit ScannerDetector(ScannerSettings settings = {});

    /// Printable text from one keystroke (SDL_TEXTINPUT), at monotonic time `at`.
    std::vector<ScannerEvent> onText(std::string_view utf8, Millis at);
    /// The Enter key at `at`.
    std::vector<ScannerEvent> onEnter(Millis at);
    /// Releases held characters once `maxGap` passed without another keystroke. Call it when
    /// woken at nextDeadline() (and any time; it is cheap).
    std::vector<ScannerEvent> poll(Millis now);
    /// When poll() must run next; nullopt when nothing is held.
    std::optional<Millis> nextDeadline() const;

    const ScannerSettings& settings() const { return m_settings; }

  private:
    std::vector<ScannerEvent> releaseHeld();

    ScannerSettings m_settings;
    std::string m_held;          ///< Characters of the current fast run.
    std::size_t m_heldCount = 0; ///< Code points in m_held.
    Millis m_lastAt{0};
};

} // namespace okienko::kiosk

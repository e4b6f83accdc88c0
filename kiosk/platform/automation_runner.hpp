// Runs an automation script (parsed by kiosk/core/automation_script) against the real app: taps
// go through the touch adapter as synthetic finger events, typing taps on-screen keyboard keys,
// expectations look at what the last frame drew, and the clock is a ManualClock moved by
// `advance-clock`. The first failing line stops the run, is printed, and leaves a screenshot.
// `check-clips on` checks every frame drawn from then on for clipped text and targets (the frame
// record's clips) and fails on the first, with a screenshot of that frame. `monkey SEED STEPS` hands
// the app to the Monkey (monkey.hpp) for a simulated month of seeded random use.
#pragma once

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/automation_script.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/platform/frontend.hpp"
#include "kiosk/speech/recording_speech.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace okienko::kiosk::platform
{

class AutomationRunner
{
  public:
    /// Screenshots read the frontend's renderer when they are taken (a resize under Wayland
    /// replaces it).
    AutomationRunner(Frontend& frontend, KioskApp& app, ManualClock& clock, std::string scriptName);

    /// Runs every command; 0 when all pass, 1 at the first failure.
    int run(const std::vector<Command>& commands);

    /// Where a failing run leaves its screenshot.
    void setFailureShotPath(std::filesystem::path path) { m_failShot = std::move(path); }
    /// What the app says goes here: `expect-spoken` reads it (nullptr: those commands fail).
    void setSpeech(speech::RecordingSpeech* voice) { m_voice = voice; }

  private:
    friend class Monkey; // `monkey SEED STEPS` acts through the same hands as the other commands

    bool execute(const Command& c, std::string& why);
    void frames(int n);
    /// Frames until the touch adapter delivered everything, then two more to settle.
    void settle();
    bool tapAt(const ui::TapTarget& target, std::string& why);
    /// A finger drag from `from` to `to` over several frames (scrolls a list).
    void swipe(ImVec2 from, ImVec2 to);
    /// A visible target by label or id, scrolling its list into view when needed.
    bool find(const std::string& key, bool byId, ui::TapTarget& out, std::string& why);
    bool tapLabel(const std::string& label, std::string& why);
    bool tapId(const std::string& id, std::string& why);
    /// A finger on the widget `id` for `seconds` (a long-press): the manual clock and ImGui's fixed
    /// frame step advance together, one frame at a time, while it is held.
    bool holdId(const std::string& id, double seconds, std::string& why);
    bool typeText(const std::string& text, std::string& why);
    bool typeOne(const std::string& ch, std::string& why);
    /// One key of a USB keyboard, down and up, through the same path as a real one.
    void sendKey(SDL_Keycode key, SDL_Scancode scancode, bool down);
    bool pressPhysicalKey(SDL_Keycode key, SDL_Scancode scancode, std::string& why);
    /// Fails unless the widget `id` is drawn whole: inside the display, not clipped, not covered.
    bool expectWhole(const std::string& id, std::string& why);
    /// expect-min-height: the enabled widget `id` is drawn at least `pixels` tall (its whole rectangle).
    bool expectMinHeight(const std::string& id, float pixels, std::string& why);
    /// The enabled widget `id` is drawn at most `pixels` tall (a checkbox row that is not a column of words).
    bool expectMaxHeight(const std::string& id, float pixels, std::string& why);
    bool expectHeight(const std::string& id, float pixels, bool atLeast, std::string& why);
    /// expect-whole-text: the last label or paragraph with exactly `text` has every line in sight.
    bool expectWholeText(const std::string& text, std::string& why);
    /// Feeds `code` as a keyboard-wedge barcode scanner types it: fast characters, then Enter.
    bool scan(const std::string& code, std::string& why);
    /// Fails naming the first clip of the current frame (and how many there are).
    bool expectNoClip(std::string& why);
    /// After each frame while `check-clips` is on or report: the first clip fails the line being run
    /// (on) or every new clip is printed once (report).
    void checkClipsOfFrame(ScreenId drawn);
    /// A finger touching the widget as explore-by-touch expects it (the voice must be on): down,
    /// up, after the clock moved on past a double tap.
    bool explore(const std::string& key, bool byId, std::string& why);
    /// Two quick taps where no widget is (or on the focus when every spot has one).
    bool doubleTap(std::string& why);
    /// The voice on or off through the speech key of a USB keypad.
    bool setSpeechOn(bool on, std::string& why);
    /// `expect-spoken`/`expect-not-spoken`: is `text` part of an utterance since m_heardFrom?
    bool spokenSince(const std::string& text) const;
    std::string heardSince() const;
    /// After a frame: a new screen restarts what `expect-spoken` looks at.
    void noteScreen();
    /// Saves the failure screenshot of the frame now on screen (once per run).
    void failureShot();
    /// Renders the current frame with pixels (also in a layout-only run), not presented yet.
    void renderForShot();

    enum class ClipCheck
    {
        Off,
        On,     ///< the first clip fails the script
        Report, ///< every clip is printed once (screen, kind, widget); the script goes on
    };

    Frontend& m_frontend;
    KioskApp& m_app;
    ManualClock& m_clock;
    std::string m_scriptName;
    std::filesystem::path m_failShot;
    bool m_shotTaken = false;
    bool m_layoutOnly = false; ///< OKIENKO_SCRIPT_LAYOUT_ONLY=1: frames are not rasterised
    ClipCheck m_clipCheck = ClipCheck::Off;
    std::string m_clipFailure;        ///< the first clip found while checking, until reported
    std::set<std::string> m_reported; ///< clips already printed in report mode
    speech::RecordingSpeech* m_voice = nullptr;
    std::size_t m_heardFrom = 0;    ///< utterances before this index are not looked at
    std::uint64_t m_heardVisit = 0; ///< the screen visit m_heardFrom was set for
    bool m_blind = false;           ///< `blind on`: only explore and double-tap touch the screen
};

} // namespace okienko::kiosk::platform

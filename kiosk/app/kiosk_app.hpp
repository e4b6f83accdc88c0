// The composition root of the kiosk, without SDL: loads the configuration and translations, opens
// the kiosk database through AppServices and shows the catalogue stored there (seeded from the
// configured file on first start, replaced by what the server sends), owns the state, the
// controller and the UI context, and draws one ImGui frame at a time. Workers' completions are
// drained on every tick. A problem at start-up (bad kiosk.toml, unreadable catalogue, missing font)
// never stops the app: it becomes the configuration error screen and a log line. Neither does an
// exception nobody expected in a frame, a tick or applied input: it is logged and the session is
// wiped back to the start screen, as the idle timer would (see guarded()).
#pragma once

#include "kiosk/app/app_services.hpp"
#include "kiosk/app/kiosk_voice.hpp"
#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/controller.hpp"
#include "kiosk/core/translator.hpp"
#include "kiosk/speech/silent_speech.hpp"
#include "kiosk/speech/speech_output.hpp"
#include "kiosk/ui/explore_by_touch.hpp"
#include "kiosk/ui/ui_context.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/search/catalog_index.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

class KioskApp
{
  public:
    /// Loads everything; problems are collected in state().configErrors (and logged).
    KioskApp(const std::filesystem::path& configPath, const Clock& clock);

    const KioskConfig& config() const { return m_config; }
    /// Loads fonts into the current ImGui context's atlas and applies the theme for a display
    /// `displayWidthPx` logical pixels wide. Call once after ImGui::CreateContext().
    void setupImGui(int displayWidthPx);
    /// The same with fonts built beforehand (ui::buildFontBundle, on a start-up thread): call once
    /// after ImGui::CreateContext(fonts.atlas.get()). The app keeps the atlas from now on.
    void setupImGui(int displayWidthPx, ui::FontBundle fonts);
    /// True when the atlas lacks the large text faces a session now wants, or has them and no
    /// session wants them (the frontend then swaps in buildFonts()'s atlas between frames).
    /// Only for fonts given by setupImGui(w, fonts).
    bool fontsNeedRebuild() const;
    /// An atlas for the current text size (ui::buildFontBundle with the app's fonts and scale).
    ui::FontBundle buildFonts() const;
    /// Takes `fonts` as the faces from the next frame on; the previous atlas is freed. The ImGui
    /// context must already point at the new atlas.
    void adoptFonts(ui::FontBundle fonts);
    /// The assets directory `config` names, or the installed one when it has no fonts (as the
    /// app itself falls back): where the start-up thread finds the fonts.
    static std::filesystem::path assetsDirectory(const KioskConfig& config);

    /// Draws the current screen (between ImGui::NewFrame and ImGui::Render) and applies the intents
    /// it emitted. Returns true when the state changed.
    bool drawFrame();
    /// A touch: restarts the idle countdown.
    void userActivity();
    /// Applies and clears intents that came from input outside a frame (typing, scans).
    void applyInput(Intents& intents);
    /// Drains the workers' completions and advances timers; true when the screen must be redrawn.
    bool tick();

    /// THE hook of the kiosk's voice: everything the kiosk says goes to `output` from now on (the
    /// espeak-ng engine on a kiosk, a RecordingSpeech in scripts and tests). Until it is called the
    /// kiosk speaks into a SilentSpeech. `output` must outlive the app. `cues`: play the activation
    /// and error sounds.
    void attachSpeech(speech::SpeechOutput& output, bool cues = false);
    /// Back to the SilentSpeech (before the attached output goes away).
    void detachSpeech() { attachSpeech(m_silentSpeech); }
    /// While the voice is on, a pointer event goes through explore-by-touch (ui/explore_by_touch.hpp)
    /// instead of straight to ImGui: returns true and fills `deliver` with what ImGui gets. False
    /// when the voice is off (the event is the caller's to deliver).
    bool explorePointer(const ui::PointerEvent& e, std::vector<ui::PointerEvent>& deliver);
    /// The widget the voice last described (the one a double tap activates), if any.
    const std::optional<ui::TapTarget>& spokenFocus() const { return m_explorer.focus(); }

    /// Tests only: runs at the start of every tick() and drawFrame(), so a test can throw from
    /// inside them and watch the app recover.
    void setFaultHookForTests(std::function<void()> hook) { m_faultHook = std::move(hook); }

    /// Starts the print, sync and fast-path workers. `wake` runs on a worker thread after it queued
    /// a completion and must only wake the UI thread (an SDL user event). No-op without a usable
    /// configuration.
    void startServices(std::function<void()> wake);
    /// Stops the workers (before the event loop's window goes away).
    void stopServices();
    /// Starts the voice: espeak-ng into the platform's sink (the sound card, or a WAV file for a
    /// script run). Before it, and when espeak-ng cannot start, the voice is silent.
    void startSpeech(AudioHardware hardware)
    {
        m_voice->start(std::move(hardware));
        m_controller->followSessionSpeech(); // the jack can be read now
    }
    /// Ends espeak-ng and closes its sink (before SDL goes); the voice is silent after it.
    void stopSpeech() { m_voice->stop(); }
    /// The kiosk's voice ([speech] of kiosk.toml, docs/speech.md); the same object for the app's life.
    speech::SpeechOutput& speech() { return m_voice->output(); }
    /// Whether sessions start speaking and cues sound, as kiosk.toml and the headphones say.
    KioskVoice& voice() { return *m_voice; }
    /// The services the flows use; nullptr when the configuration was unusable.
    KioskServices* services() { return m_services.get(); }
    /// Monotonic time of the next timer that changes the screen, if any.
    std::optional<Millis> nextDeadline() const;

    AppState& state() { return m_state; }
    const AppState& state() const { return m_state; }
    Controller& controller() { return *m_controller; }
    ui::UiContext& ui() { return m_ui; }
    const Translator& translator() const { return m_translator; }
    const domain::Catalog& catalog() const { return m_catalog; }
    /// The schedule's activities as the kiosk database last had them.
    const std::vector<domain::Activity>& activities() const { return m_activities; }
    const Clock& clock() const { return m_clock; }

  private:
    void addError(const std::string& line);
    /// After a frame: what the voice says about it (screen entered, alerts, typed characters, the
    /// idle warning, the code), composed by ui::SpeechAnnouncer and said as one utterance.
    void speakAfterFrame(const std::vector<std::string>& typed, std::uint64_t drawnVisit, bool drawnIdle);
    /// Says `text` in the session's language.
    void say(const std::string& text);
    void syncTheme();
    /// ImGui's input settings and the touch sizes for a display `displayWidthPx` wide.
    void setupInput(int displayWidthPx);
    /// After either setupImGui: a font error goes to the error screen; the theme applies.
    void fontsLoaded(const std::string& error);
    void loadCatalogue();
    /// Replaces the catalogue and index with what the kiosk database holds now.
    void reloadCatalogue(const char* topic, const char* done);
    /// Replaces the schedule with what the kiosk database holds now (at start and after each sync
    /// round: a small table, read on the UI thread's own connection).
    void reloadActivities();
    /// Hands queued completions to the controller; true when there were any.
    bool drainCompletions();
    void logConnectivityChange(const sync::SyncStatus& status);
    /// The top-level catch: runs `body` (one step of the loop, named by `step` for the log) and,
    /// when it throws, runs `unwind`, logs and wipes the session. Returns body's result, or true
    /// (redraw) after a recovery.
    bool guarded(const char* step, const std::function<bool()>& body, const std::function<void()>& unwind = {});

    const Clock& m_clock;
    KioskConfig m_config;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<KioskVoice> m_voice;
    std::optional<sync::Connectivity> m_loggedConnectivity;
    Translator m_translator;
    domain::Catalog m_catalog;
    std::vector<domain::Activity> m_activities;
    search::CatalogIndex m_index;
    AppState m_state;
    std::unique_ptr<Controller> m_controller;
    ui::UiContext m_ui;
    ImVector<ImWchar> m_glyphRanges; // must outlive the font atlas build
    ui::FontBundle m_fontBundle;     // the atlas the ImGui context shares, when built beforehand
    bool m_appliedContrast = false;
    bool m_themeApplied = false;
    std::function<void()> m_faultHook;
    speech::SilentSpeech m_silentSpeech;
    speech::SpeechOutput* m_speech = &m_silentSpeech;
    bool m_cues = false;
    ui::ExploreByTouch m_explorer;
    bool m_speechWasOn = false;
    SpeechSettings m_spokenLevels;
    std::uint64_t m_announcedVisit = 0;
    int m_idleSpokenAt = -1;                    ///< the countdown value last spoken; -1: the warning is not up
    std::vector<std::string> m_spokenAlerts;    ///< alerts of this screen visit already said
    std::optional<ui::TapTarget> m_activated;   ///< activated by a touch: its new state is spoken
    static constexpr int kActivationFrames = 8; ///< how long a new state counts as the touch's
    int m_activatedFrames = 0;
};

} // namespace okienko::kiosk

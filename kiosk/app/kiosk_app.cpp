// Composition root (see kiosk_app.hpp).
#include "kiosk/app/kiosk_app.hpp"

#include "kiosk/core/startup_trace.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/speech_announcer.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/util/log_escape.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <imgui.h>
#include <imgui_internal.h> // ErrorCheckEndFrameRecover: closes what a throwing frame left open
#include <memory>
#include <typeinfo>

namespace okienko::kiosk
{
namespace
{

#ifndef OKIENKO_DEFAULT_ASSETS_DIR
#define OKIENKO_DEFAULT_ASSETS_DIR "/usr/share/okienko/assets"
#endif

void logLine(const char* subsystem, const std::string& message)
{
    // Messages can quote the server's answers: escaped so no line can be forged or split.
    std::fprintf(stderr, "[%s] %s\n", subsystem, util::escapeForLog(message).c_str());
}

/// The type of the exception being handled, demangled ("std::out_of_range"); only inside a catch.
std::string currentExceptionType()
{
    const std::type_info* type = abi::__cxa_current_exception_type();
    if (type == nullptr)
        return "unknown exception";
    int status = 0;
    const std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(type->name(), nullptr, nullptr, &status),
                                                      std::free);
    return status == 0 && name ? std::string(name.get()) : std::string(type->name());
}

/// A key press inside any intent (the flows each have their own PressKey), or nullptr.
template <class T> const Key* pressedKey(const T& intent)
{
    if constexpr (requires { intent.valueless_by_exception(); })
        return std::visit([](const auto& inner) { return pressedKey(inner); }, intent);
    else if constexpr (requires { intent.key.action; })
        return &intent.key;
    else if constexpr (requires { intent.action.index(); })
        return pressedKey(intent.action); // a flow's intent wraps its own variant
    else
        return nullptr;
}

/// What the keys pressed in `intents` type, for the voice's echo ("\b" for Backspace).
std::vector<std::string> typedBy(const Intents& intents, const KeyboardState& keyboard)
{
    std::vector<std::string> typed;
    for (const Intent& intent : intents)
    {
        const Key* k = pressedKey(intent);
        if (k == nullptr)
            continue;
        if (k->action == KeyAction::Insert)
            typed.push_back(keyboard.textFor(*k).empty() ? k->text : keyboard.textFor(*k));
        else if (k->action == KeyAction::Space)
            typed.emplace_back(" ");
        else if (k->action == KeyAction::Backspace)
            typed.emplace_back("\b");
    }
    return typed;
}

} // namespace

KioskApp::KioskApp(const std::filesystem::path& configPath, const Clock& clock) : m_clock(clock)
{
    auto loaded = loadConfig(configPath);
    if (loaded.ok())
    {
        m_config = std::move(loaded.value());
    }
    else
    {
        for (const ConfigError& e : loaded.error())
            addError(e.toString());
        // Keep going with defaults, so the error screen itself has fonts and words.
        m_config.data.assets = OKIENKO_DEFAULT_ASSETS_DIR;
    }
    m_config.data.assets = assetsDirectory(m_config);
    m_voice = std::make_unique<KioskVoice>(m_config.speech, [](const std::string& line) { logLine("speech", line); });

    if (auto st = m_translator.loadDirectory(m_config.data.i18nDirectory()); !st.ok())
        addError(st.error().toString());

    startupMark("config-and-words");
    if (m_state.configErrors.empty())
    {
        loadCatalogue();
        reloadActivities();
    }
    startupMark("catalogue-loaded");
    m_index = search::CatalogIndex(m_catalog);
    startupMark("search-index");

    SessionDefaults defaults;
    defaults.language = m_config.ui.defaultLanguage;
    defaults.languages = m_config.ui.languages;
    defaults.largeText = m_config.ui.largeText;
    defaults.highContrast = m_config.ui.highContrast;
    defaults.speechOn = m_voice->onAtSessionStart();
    defaults.speechOnNow = [voice = m_voice.get()]
    {
        return voice->onAtSessionStart();
    };
    defaults.speechRatePercent = m_config.speech.ratePercent;
    defaults.speechVolumePercent = m_config.speech.volumePercent;
    std::vector<std::string> errors = std::move(m_state.configErrors);
    m_state = freshState(defaults);
    m_state.configErrors = std::move(errors);
    m_controller = std::make_unique<Controller>(m_state, m_catalog, m_index, defaults,
                                                std::chrono::seconds(m_config.idle.timeoutSeconds),
                                                std::chrono::seconds(m_config.idle.warningSeconds));
    m_controller->wipeSession(); // routes to the error screen when there are errors
    m_controller->attach(FlowDeps{m_services.get(), &m_translator, &m_clock, m_config.kiosk.name});
    if (m_services && m_config.server.enabled())
        m_state.connectivity.link = LinkState::Connecting;
}

void KioskApp::loadCatalogue()
{
    m_services = std::make_unique<AppServices>(m_config);
    for (const std::string& problem : m_services->problems())
        logLine("services", problem);
    auto stored = m_services->loadCatalogue();
    if (stored)
    {
        m_catalog = std::move(stored).value();
        return;
    }
    logLine("services", stored.error());
    // Without a usable database the resident can still read the seed catalogue.
    std::filesystem::path catalogPath = m_config.data.catalog;
    if (catalogPath.empty())
        catalogPath = m_config.data.assets / "catalog" / "lapy.json";
    auto cat = catalog::loadCatalogFile(catalogPath);
    if (cat.ok())
        m_catalog = std::move(cat.value());
    else
        for (const catalog::CatalogError& e : cat.error())
            addError(catalogPath.string() + ": " + catalog::formatCatalogError(e));
}

void KioskApp::startServices(std::function<void()> wake)
{
    if (!m_services || !m_state.configErrors.empty())
        return;
    const std::size_t known = m_services->problems().size();
    m_services->start(std::move(wake));
    const std::vector<std::string>& problems = m_services->problems();
    for (std::size_t i = known; i < problems.size(); ++i)
        logLine("services", problems[i]);
}

void KioskApp::stopServices()
{
    if (m_services)
        m_services->stop();
}

void KioskApp::reloadCatalogue(const char* topic, const char* done)
{
    auto fresh = m_services->loadCatalogue();
    if (fresh)
    {
        m_catalog = std::move(fresh).value();
        m_index = search::CatalogIndex(m_catalog);
        logLine(topic, done);
    }
    else
    {
        logLine(topic, "catalogue not reloaded: " + fresh.error());
    }
}

void KioskApp::reloadActivities()
{
    if (!m_services)
        return;
    // A week back: the schedule screen starts today, and a day may pass between two rounds.
    auto fresh = m_services->loadActivities(m_clock.localNow().date.plusDays(-7));
    if (fresh)
        m_activities = std::move(fresh).value();
    else
        logLine("schedule", "activities not reloaded: " + fresh.error());
}

bool KioskApp::drainCompletions()
{
    if (!m_services)
        return false;
    std::vector<Completion> completions = m_services->takeCompletions();
    for (const Completion& c : completions)
    {
        if (const auto* s = std::get_if<SyncCompletion>(&c))
        {
            logConnectivityChange(s->status);
            if (s->catalogueChanged)
                reloadCatalogue("sync", "catalogue updated from the server");
            reloadActivities();
        }
        m_controller->onCompletion(c);
    }
    return !completions.empty();
}

void KioskApp::logConnectivityChange(const sync::SyncStatus& status)
{
    if (m_loggedConnectivity == status.connectivity)
        return;
    m_loggedConnectivity = status.connectivity;
    switch (status.connectivity)
    {
    case sync::Connectivity::Online:
        logLine("sync", "online");
        break;
    case sync::Connectivity::Offline:
        logLine("sync", "offline (" + status.lastError + (status.lastErrorDetail.empty() ? "" : ": ") +
                            status.lastErrorDetail + ")");
        break;
    case sync::Connectivity::Unknown:
        break;
    }
}

void KioskApp::addError(const std::string& line)
{
    logLine("config", line);
    m_state.configErrors.push_back(line);
}

std::filesystem::path KioskApp::assetsDirectory(const KioskConfig& config)
{
    if (config.data.assets.empty() || !std::filesystem::exists(config.data.assets / "fonts"))
        return OKIENKO_DEFAULT_ASSETS_DIR;
    return config.data.assets;
}

void KioskApp::setupImGui(int displayWidthPx, ui::FontBundle fonts)
{
    startupMark("imgui-context");
    m_fontBundle = std::move(fonts);
    setupInput(displayWidthPx);
    m_ui.fonts = m_fontBundle.faces;
    fontsLoaded(m_fontBundle.error);
}

bool KioskApp::fontsNeedRebuild() const
{
    return m_fontBundle.atlas != nullptr && m_ui.fonts.largeBaked != m_state.largeText;
}

ui::FontBundle KioskApp::buildFonts() const
{
    return ui::buildFontBundle((m_config.data.assets / "fonts").string(), m_ui.uiScale, m_state.largeText);
}

void KioskApp::adoptFonts(ui::FontBundle fonts)
{
    m_fontBundle = std::move(fonts);
    m_ui.fonts = m_fontBundle.faces;
}

void KioskApp::fontsLoaded(const std::string& error)
{
    if (!error.empty())
    {
        addError(error);
        m_controller->wipeSession();
    }
    syncTheme();
}

void KioskApp::setupInput(int displayWidthPx)
{
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    m_ui.uiScale = static_cast<float>(m_config.display.uiScale);
    m_ui.pxPerMm = static_cast<float>(m_config.display.pixelsPerMm(displayWidthPx));
    io.MouseDragThreshold = 3.0f * m_ui.pxPerMm;
}

void KioskApp::setupImGui(int displayWidthPx)
{
    setupInput(displayWidthPx);
    ui::buildGlyphRanges(m_glyphRanges);
    std::string error;
    m_ui.fonts = ui::loadFontsOrDefault(*ImGui::GetIO().Fonts, (m_config.data.assets / "fonts").string(), m_ui.uiScale,
                                        m_glyphRanges, error);
    fontsLoaded(error);
}

void KioskApp::syncTheme()
{
    if (m_themeApplied && m_appliedContrast == m_state.highContrast)
        return;
    m_ui.palette = m_state.highContrast ? ui::highContrastPalette() : ui::calmPalette();
    ui::applyTheme(ImGui::GetStyle(), m_ui.palette, m_ui.uiScale);
    m_appliedContrast = m_state.highContrast;
    m_themeApplied = true;
}

bool KioskApp::drawFrame()
{
    return guarded(
        "frame",
        [this]
        {
            if (m_faultHook)
                m_faultHook();
            syncTheme();
            m_ui.largeText = m_state.largeText;
            m_ui.speechOn = m_state.speech.on;
            m_translator.setLanguage(m_state.language);
            Intents intents;
            const ui::ScreenEnv env{m_state, m_catalog, m_translator, m_clock.localNow(), &m_activities};
            ui::drawFrame(env, m_ui, intents);
            const bool changed = !intents.empty();
            const std::vector<std::string> typed = typedBy(intents, m_state.keyboard.state);
            const std::uint64_t drawnVisit = m_state.router.visit();
            const bool drawnIdle = m_state.idle.visible;
            m_controller->applyAll(intents, m_clock.now());
            speakAfterFrame(typed, drawnVisit, drawnIdle);
            if (m_controller->takeCatalogueReload() && m_services)
                reloadCatalogue("staff", "units reloaded after a staff action"); // residents' availability counts them
            return changed;
        },
        // The frame ends normally after a throw: close the windows and stacks it left open.
        [] { ImGui::ErrorCheckEndFrameRecover(nullptr); });
}

void KioskApp::userActivity()
{
    m_controller->userActivity(m_clock.now());
}

void KioskApp::applyInput(Intents& intents)
{
    (void)guarded("input",
                  [&]
                  {
                      m_controller->applyAll(intents, m_clock.now());
                      return true;
                  });
    intents.clear();
}

bool KioskApp::tick()
{
    return guarded("tick",
                   [this]
                   {
                       if (m_faultHook)
                           m_faultHook();
                       const bool completed = drainCompletions();
                       return m_controller->tick(m_clock.now()) || completed;
                   });
}

bool KioskApp::guarded(const char* step, const std::function<bool()>& body, const std::function<void()>& unwind)
{
    try
    {
        return body();
    }
    catch (...)
    {
        if (unwind)
            unwind();
        // Only the exception's type, the step and the screen: what() of a library exception can
        // quote the data it failed on (a parser's input, a path, a resident's text), and personal
        // data is never logged. The type and the screen are enough to find the bug.
        logLine("kiosk", "unexpected " + currentExceptionType() + " during the " + step + " on screen " +
                             std::string(screenName(m_state.router.current())) + "; session wiped, start screen shown");
    }
    // The idle timer's wipe: nothing the resident (or staff member) entered survives the fault.
    try
    {
        m_controller->wipeSession();
        (void)m_controller->tick(m_clock.now()); // switches back to the residents' idle timer after staff mode
    }
    catch (...)
    {
        // The wipe itself failed (the fault's cause is still there): stop here, logging only the
        // type, rather than let std::terminate print what() to the journal. The service restarts
        // the kiosk with an empty session; no core file is written (LimitCORE=0).
        logLine("kiosk", "unexpected " + currentExceptionType() + " while wiping the session after a fault; stopping");
        std::abort();
    }
    return true;
}

void KioskApp::attachSpeech(speech::SpeechOutput& output, bool cues)
{
    m_speech->stop();
    m_speech = &output;
    m_cues = cues;
    m_speech->setLevels(speech::SpeechLevels{m_state.speech.ratePercent, m_state.speech.volumePercent});
}

void KioskApp::say(const std::string& text)
{
    if (!text.empty())
        m_speech->say(text, domain::languageCode(m_state.language));
}

bool KioskApp::explorePointer(const ui::PointerEvent& e, std::vector<ui::PointerEvent>& deliver)
{
    if (!m_state.speech.on)
        return false;
    ui::ExploreByTouch::Result result;
    m_explorer.feed(e, m_ui.record, m_clock.now(), ImGui::GetIO().MouseDragThreshold, result);
    deliver = std::move(result.deliver);
    m_translator.setLanguage(m_state.language);
    const ui::SpeechAnnouncer announcer(m_translator);
    if (result.speak)
        say(announcer.describe(*result.speak));
    if (result.activated)
    {
        if (m_cues)
            m_speech->cue(speech::Cue::Activate);
        // A field touched again is the resident asking what is in it (personal data included).
        if (result.activated->role == ui::SpokenRole::TextField)
            say(announcer.fieldContent(*result.activated));
        m_activated = result.activated;
        m_activatedFrames = kActivationFrames;
    }
    return true;
}

void KioskApp::speakAfterFrame(const std::vector<std::string>& typed, std::uint64_t drawnVisit, bool drawnIdle)
{
    m_translator.setLanguage(m_state.language);
    const ui::SpeechAnnouncer announcer(m_translator);
    const SpeechSettings& s = m_state.speech;
    if (s.ratePercent != m_spokenLevels.ratePercent || s.volumePercent != m_spokenLevels.volumePercent)
    {
        m_speech->setLevels(speech::SpeechLevels{s.ratePercent, s.volumePercent});
        const bool changedBySession = s.on && m_speechWasOn;
        m_spokenLevels = s;
        if (changedBySession)
        {
            say(announcer.levels(s));
            return;
        }
    }
    if (s.on != m_speechWasOn)
    {
        m_speechWasOn = s.on;
        m_explorer.forgetFocus();
        m_activated.reset();
        if (!s.on)
        {
            m_speech->stop();
            return;
        }
        m_announcedVisit = drawnVisit; // how to use it is what a resident needs first
        say(announcer.howToUse());
        return;
    }
    if (!s.on)
        return;
    const ui::FrameRecord& record = m_ui.record;
    std::vector<std::string> parts;
    if (drawnIdle)
    {
        // The question and the countdown when it appears, then at 10 and 5 seconds left.
        const int left = m_state.idle.secondsLeft;
        if (m_idleSpokenAt < 0 || (left != m_idleSpokenAt && (left == 10 || left == 5)))
        {
            parts.push_back(announcer.idleWarning(left));
            m_idleSpokenAt = left;
        }
    }
    else
    {
        m_idleSpokenAt = -1;
        if (drawnVisit != m_announcedVisit)
        {
            m_announcedVisit = drawnVisit;
            m_explorer.forgetFocus();
            m_activated.reset();
            m_spokenAlerts.clear();
            parts.push_back(announcer.screenEntered(record));
            if (!record.code().empty())
                parts.push_back(announcer.spellCode(record.code()));
        }
    }
    if (m_activated)
    {
        // A checkbox or an option touched twice: its new state is what the resident waits for. The
        // press reaches ImGui a few frames after the touch: watch for a while.
        for (const ui::TapTarget& t : record.targets())
        {
            if (ui::sameWidget(t, *m_activated) && t.state != m_activated->state && t.role != ui::SpokenRole::Key)
            {
                parts.push_back(announcer.describe(t));
                m_activatedFrames = 0;
            }
        }
        if (--m_activatedFrames <= 0)
            m_activated.reset();
    }
    for (const std::string& alert : record.alerts())
    {
        if (std::find(m_spokenAlerts.begin(), m_spokenAlerts.end(), alert) != m_spokenAlerts.end())
            continue;
        m_spokenAlerts.push_back(alert);
        parts.push_back(alert);
        if (m_cues)
            m_speech->cue(speech::Cue::Error);
    }
    if (record.codeRepeatRequested() && !record.code().empty())
        parts.push_back(announcer.spellCode(record.code()));
    for (const std::string& ch : typed)
        parts.push_back(ch == "\b" ? announcer.erased() : announcer.echo(ch));
    std::string text;
    for (const std::string& p : parts)
        text += (text.empty() ? "" : " ") + p;
    say(text);
}

std::optional<Millis> KioskApp::nextDeadline() const
{
    const Millis now = m_clock.now();
    std::optional<Millis> next = m_controller->nextDeadline(now);
    if (m_state.router.current() == ScreenId::Attract)
    {
        // The attract clock shows minutes: wake at the next full minute.
        const LocalDateTime t = m_clock.localNow();
        const Millis minute = now + Millis((60 - t.second) * 1000);
        if (!next || minute < *next)
            next = minute;
    }
    return next;
}

} // namespace okienko::kiosk

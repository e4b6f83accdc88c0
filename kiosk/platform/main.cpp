// okienko-kiosk entry point: parses the command line and starts the interactive kiosk, the
// configuration check, or an automation script run.
//   okienko-kiosk --config FILE [--windowed] [--software]
//   okienko-kiosk --check-config FILE
//   okienko-kiosk --enrol FILE [--config FILE]
//   okienko-kiosk --version
//   okienko-kiosk --config FILE --script FILE [--headless] [--failure-shot FILE.png] [--script-day YYYY-MM-DD]
//   okienko-kiosk --config FILE --print-test QUEUE
//   okienko-kiosk --say TEXT [--lang pl|uk|en] [--wav FILE] [--rate N] [--volume N] [--voice-data DIR]
// A script run with --speech-wav FILE speaks into that WAV file instead of the sound card.
#include "kiosk/app/enrolment.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/print_bringup.hpp"
#include "kiosk/core/automation_script.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/config_check.hpp"
#include "kiosk/core/gpu_probe.hpp"
#include "kiosk/core/startup_trace.hpp"
#include "kiosk/platform/automation_runner.hpp"
#include "kiosk/platform/frontend.hpp"
#include "kiosk/platform/headphone_jack.hpp"
#include "kiosk/platform/main_loop.hpp"
#include "kiosk/platform/sdl_audio_sink.hpp"
#include "kiosk/platform/sdl_window.hpp"
#include "kiosk/platform/speech_bringup.hpp"
#include "kiosk/speech/recording_speech.hpp"
#include "kiosk/speech/tee_speech.hpp"
#include "kiosk/speech/wav_file_sink.hpp"
#include "shared/util/version.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <sys/stat.h>
#include <thread>

namespace
{

using namespace okienko::kiosk;

struct Args
{
    std::string config = "/etc/okienko/kiosk.toml";
    std::string checkConfig;
    std::string enrol;
    std::string script;
    std::string failureShot;
    std::string speechTranscript;
    std::string printTest;
    std::string speechWav;
    okienko::Date scriptDay{2026, 3, 2}; ///< the day a script's manual clock starts on, at 9:00
    platform::SayRequest say;
    bool sayGiven = false;
    bool headless = false;
    bool windowed = false;
    bool software = false;
    bool help = false;
    bool version = false;
};

void usage()
{
    std::puts("usage: okienko-kiosk --config FILE [--windowed] [--software]\n"
              "       okienko-kiosk --check-config FILE\n"
              "       okienko-kiosk --enrol FILE [--config FILE]\n"
              "       okienko-kiosk --version\n"
              "       okienko-kiosk --config FILE --script FILE [--headless] [--failure-shot FILE.png]\n"
              "                     [--speech-wav FILE.wav] [--speech-transcript FILE] [--script-day YYYY-MM-DD]\n"
              "       okienko-kiosk --config FILE --print-test QUEUE\n"
              "       okienko-kiosk --say TEXT [--lang pl|uk|en] [--wav FILE] [--rate 50-200] [--volume 10-200]\n"
              "                     [--voice-data DIR]");
}

bool parseArgs(int argc, char** argv, Args& a)
{
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        auto value = [&](std::string& out)
        {
            if (i + 1 >= argc)
                return false;
            out = argv[++i];
            return true;
        };
        if (arg == "--config")
        {
            if (!value(a.config))
                return false;
        }
        else if (arg == "--check-config")
        {
            if (!value(a.checkConfig))
                return false;
        }
        else if (arg == "--enrol")
        {
            if (!value(a.enrol))
                return false;
        }
        else if (arg == "--script")
        {
            if (!value(a.script))
                return false;
        }
        else if (arg == "--failure-shot")
        {
            if (!value(a.failureShot))
                return false;
        }
        else if (arg == "--speech-transcript")
        {
            if (!value(a.speechTranscript))
                return false;
        }
        else if (arg == "--print-test")
        {
            if (!value(a.printTest) || a.printTest.empty())
                return false;
        }
        else if (arg == "--speech-wav")
        {
            if (!value(a.speechWav))
                return false;
        }
        else if (arg == "--script-day")
        {
            std::string day;
            if (!value(day))
                return false;
            auto parsed = okienko::parseIsoDate(day);
            if (!parsed)
                return false;
            a.scriptDay = *parsed;
        }
        else if (arg == "--say")
        {
            if (!value(a.say.text))
                return false;
            a.sayGiven = true;
        }
        else if (arg == "--lang")
        {
            if (!value(a.say.language))
                return false;
        }
        else if (arg == "--wav")
        {
            std::string path;
            if (!value(path) || path.empty())
                return false;
            a.say.wav = path;
        }
        else if (arg == "--voice-data")
        {
            std::string path;
            if (!value(path))
                return false;
            a.say.voiceData = path;
        }
        else if (arg == "--rate" || arg == "--volume")
        {
            std::string text;
            if (!value(text))
                return false;
            char* end = nullptr;
            const long n = std::strtol(text.c_str(), &end, 10);
            const bool rate = arg == "--rate";
            if (end == text.c_str() || *end != '\0' || n < (rate ? 50 : 10) || n > 200)
            {
                std::fprintf(stderr, "okienko-kiosk: %s takes %s\n", arg.c_str(), rate ? "50 to 200" : "10 to 200");
                return false;
            }
            (rate ? a.say.ratePercent : a.say.volumePercent) = static_cast<int>(n);
        }
        else if (arg == "--headless")
            a.headless = true;
        else if (arg == "--windowed")
            a.windowed = true;
        else if (arg == "--software")
            a.software = true;
        else if (arg == "--help" || arg == "-h")
            a.help = true;
        else if (arg == "--version")
            a.version = true;
        else
        {
            std::fprintf(stderr, "okienko-kiosk: unknown argument %s\n", arg.c_str());
            return false;
        }
    }
    return true;
}

/// The file, then the installation it names (data directory writable, assets present).
int checkConfig(const std::string& path)
{
    const ConfigErrors problems = checkConfigFile(path);
    if (problems.empty())
    {
        std::printf("%s: OK\n", path.c_str());
        return 0;
    }
    for (const ConfigError& e : problems)
        std::printf("%s\n", e.toString().c_str());
    return 1;
}

/// The installer's bring-up: every slip type to QUEUE, no window. Exit code from runPrintTest.
int printTest(const Args& a)
{
    auto loaded = loadConfig(a.config);
    if (!loaded.ok())
    {
        for (const ConfigError& e : loaded.error())
            std::printf("%s\n", e.toString().c_str());
        return 2;
    }
    const KioskConfig& cfg = loaded.value();
    const int code = runPrintTest({cfg.data, cfg.printer, cfg.ui.defaultLanguage}, a.printTest, std::cout);
    std::cout.flush();
    return code;
}

/// Worker threads wake the event loop with this; SDL_PushEvent is thread-safe.
void pushWakeEvent()
{
    SDL_Event e;
    SDL_zero(e);
    e.type = platform::wakeEventType();
    (void)SDL_PushEvent(&e);
}

/// The configuration as the app will read it, for what is needed before the app exists (the
/// window, the fonts); defaults when it cannot be read (the app then shows why).
KioskConfig configOrDefaults(const std::string& path)
{
    auto loaded = loadConfig(path);
    return loaded.ok() ? std::move(loaded.value()) : KioskConfig{};
}

platform::WindowOptions windowOptions(const KioskConfig& cfg, const Args& a)
{
    platform::WindowOptions w;
    w.fullscreen = cfg.display.fullscreen && !a.windowed && !a.headless;
    w.displayIndex = cfg.display.displayIndex;
    w.width = cfg.display.width;
    w.height = cfg.display.height;
    // "auto" on a PC without a GPU: the software renderer straight away, before GL (and llvmpipe)
    // is loaded; with a GPU, GL, unless it turns out to be drawn by the CPU after all.
    const bool autoWithoutGpu = cfg.display.renderer == RendererKind::Auto && !hasRenderGpu();
    w.softwareRenderer = a.software || a.headless || cfg.display.renderer == RendererKind::Software || autoWithoutGpu;
    w.avoidSoftwareGl = cfg.display.renderer == RendererKind::Auto;
    if (autoWithoutGpu && !a.software && !a.headless)
        std::fprintf(stderr, "[kiosk] no GPU (no DRM render node): the software renderer draws\n");
    w.vsync = !a.headless;
    return w;
}

/// The app in a window: opens it, starts ImGui on it and the workers that wake the loop, runs
/// `body`, and stops the workers before the window goes. The interactive kiosk and a script run
/// differ only in the clock, fixed frame steps and the body.
int runInWindow(const Args& a, const Clock& clock, bool fixedStep,
                const std::function<int(platform::SdlWindow&, platform::Frontend&, KioskApp&)>& body)
{
    startupMark("main");
    // What the first frame needs comes up side by side: the window on this thread (SDL's video
    // belongs to the main thread), the app (words, catalogue, search index) and the glyph atlas
    // on two others. Nothing here touches ImGui until both are joined.
    const KioskConfig early = configOrDefaults(a.config);
    std::unique_ptr<KioskApp> made;
    std::thread appThread([&] { made = std::make_unique<KioskApp>(a.config, clock); });
    ui::FontBundle fonts;
    std::thread fontThread(
        [&]
        {
            fonts = ui::buildFontBundle((KioskApp::assetsDirectory(early) / "fonts").string(),
                                        static_cast<float>(early.display.uiScale), early.ui.largeText);
            startupMark("atlas-built");
        });
    platform::SdlWindow window;
    std::string error;
    const bool opened = window.open(windowOptions(early, a), error);
    startupMark("window-open");
    appThread.join();
    fontThread.join();
    KioskApp& app = *made;
    if (!opened)
    {
        std::fprintf(stderr, "okienko-kiosk: %s\n", error.c_str());
        return 2;
    }
    platform::Frontend frontend(window, app, fixedStep);
    if (!frontend.init(std::move(fonts), error))
    {
        std::fprintf(stderr, "okienko-kiosk: %s\n", error.c_str());
        return 2;
    }
    startupMark("imgui-ready");
    (void)platform::wakeEventType();
    app.startServices(pushWakeEvent);
    AudioHardware audio;
    if (a.speechWav.empty())
        audio.openSink = []
        {
            return std::make_unique<platform::SdlAudioSink>();
        };
    else
        audio.openSink = [&a]
        {
            return std::make_unique<speech::WavFileSink>(a.speechWav);
        };
    audio.headphonesPluggedIn = platform::headphonesPluggedIn;
    app.startSpeech(std::move(audio));
    app.attachSpeech(app.speech(), app.voice().cuesOn());
    startupMark("services-started");
    const int code = body(window, frontend, app);
    app.stopServices();
    app.stopSpeech(); // its worker writes to the audio device, which closes with SDL
    return code;
}

int runScript(const Args& a)
{
    auto script = loadScript(a.script);
    if (!script.ok())
    {
        for (const ScriptError& e : script.error())
            std::fprintf(stderr, "%s\n", e.toString(a.script).c_str());
        return 2;
    }
    // A fixed start (Monday 2 March 2026, 9:00, unless --script-day names another day, as a test
    // against a real server's dates does) makes clocks and "visible today" deterministic.
    ManualClock clock(LocalDateTime{a.scriptDay, 9, 0, 0});
    return runInWindow(a, clock, true,
                       [&](platform::SdlWindow&, platform::Frontend& frontend, KioskApp& app)
                       {
                           // A script's voice is text: what `expect-spoken` reads, and with
                           // --speech-transcript a file of every utterance; with --speech-wav the
                           // engine also sounds it into that file instead of the sound card.
                           speech::RecordingSpeech voice = a.speechTranscript.empty()
                                                               ? speech::RecordingSpeech()
                                                               : speech::RecordingSpeech(a.speechTranscript);
                           speech::TeeSpeech voiceAndWav(voice, app.speech());
                           if (a.speechWav.empty())
                               app.attachSpeech(voice);
                           else
                               app.attachSpeech(voiceAndWav, app.voice().cuesOn());
                           platform::AutomationRunner runner(frontend, app, clock, a.script);
                           runner.setSpeech(&voice);
                           if (!a.failureShot.empty())
                               runner.setFailureShotPath(a.failureShot);
                           else
                               runner.setFailureShotPath(app.config().data.directory / "automation-failure.png");
                           const int code = runner.run(script.value());
                           app.detachSpeech();
                           return code;
                       });
}

int runInteractive(const Args& a)
{
    SystemClock clock;
    return runInWindow(a, clock, false,
                       [](platform::SdlWindow&, platform::Frontend& frontend, KioskApp& app)
                       { return platform::runMainLoop(frontend, app); });
}

} // namespace

int main(int argc, char** argv)
{
    // The kiosk's database holds names, phones and PESEL numbers until the server has them:
    // owner-only whoever starts the kiosk, not only under the unit's UMask=.
    umask(077);
    Args args;
    if (!parseArgs(argc, argv, args))
    {
        usage();
        return 2;
    }
    if (args.help)
    {
        usage();
        return 0;
    }
    if (args.version)
    {
        const std::string_view v = okienko::version();
        std::printf("okienko-kiosk %.*s\n", static_cast<int>(v.size()), v.data());
        return 0;
    }
    if (!args.checkConfig.empty())
        return checkConfig(args.checkConfig);
    if (!args.enrol.empty())
        return runEnrolment(args.enrol, args.config, std::cout);
    if (!args.printTest.empty())
        return printTest(args);
    if (args.sayGiven)
        return platform::runSay(args.say, std::cout);
    if (args.headless)
    {
        // Without a display: SDL's offscreen driver (keeps an environment's explicit choice).
        setenv("SDL_VIDEODRIVER", "offscreen", 0);
        setenv("SDL_RENDER_DRIVER", "software", 0);
    }
    if (!args.script.empty())
        return runScript(args);
    return runInteractive(args);
}

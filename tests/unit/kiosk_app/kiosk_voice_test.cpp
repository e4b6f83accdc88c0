// KioskVoice: kiosk.toml [speech] decides whether sessions start speaking; the engine behind the one
// SpeechOutput& is espeak-ng after start() (into a WAV file here), silent before it and when
// espeak-ng cannot start; the resident's levels carry over.
#include "kiosk/app/kiosk_voice.hpp"
#include "kiosk/core/controller.hpp"
#include "kiosk/speech/wav_file_sink.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

namespace
{

using namespace okienko::kiosk;
using okienko::test::TempDir;

AudioHardware wavHardware(const std::string& path, std::optional<bool> headphones = std::nullopt)
{
    AudioHardware h;
    h.openSink = [path]
    {
        return std::make_unique<speech::WavFileSink>(path);
    };
    h.headphonesPluggedIn = [headphones]
    {
        return headphones;
    };
    return h;
}

TEST(KioskVoice, SpeaksThroughTheSameObjectBeforeAndAfterStart)
{
    TempDir dir("okienko-voice");
    const std::string wav = dir.file("voice.wav");
    SpeechSection settings;
    settings.ratePercent = 80;
    KioskVoice voice(settings, {});
    speech::SpeechOutput& heldByScreens = voice.output();
    EXPECT_FALSE(voice.engineRunning());
    heldByScreens.setLevels({90, 60});
    heldByScreens.say("Przed startem nic", "pl");
    voice.start(wavHardware(wav));
    EXPECT_FALSE(voice.engineRunning()) << "mode off: espeak-ng starts at the first sound";
    EXPECT_EQ(&voice.output(), &heldByScreens);
    EXPECT_EQ(heldByScreens.levels().ratePercent, 90) << "the resident's levels carry over";
    EXPECT_EQ(heldByScreens.levels().volumePercent, 60);
    heldByScreens.say("Wypożyczalnia sprzętu", "pl");
    EXPECT_TRUE(voice.engineRunning());
    // The sink opens at the first sound and writes as espeak-ng synthesises.
    std::error_code ec;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::filesystem::file_size(wav, ec) <= 44 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_GT(std::filesystem::file_size(wav, ec), 44u);
    voice.stop();
    EXPECT_FALSE(voice.engineRunning());
    EXPECT_EQ(heldByScreens.levels().ratePercent, 90);
}

TEST(KioskVoice, ModeOnStartsTheEngineAtOnce)
{
    TempDir dir("okienko-voice");
    SpeechSection settings;
    settings.mode = SpeechMode::On;
    KioskVoice voice(settings, {});
    voice.start(wavHardware(dir.file("on.wav")));
    EXPECT_TRUE(voice.engineRunning());
    voice.output().cue(speech::Cue::Activate);
    voice.stop();
    EXPECT_FALSE(voice.engineRunning());
}

TEST(KioskVoice, ModeDecidesWhetherSessionsStartSpeaking)
{
    SpeechSection settings;
    KioskVoice off(settings, {});
    EXPECT_FALSE(off.onAtSessionStart());
    settings.mode = SpeechMode::On;
    KioskVoice on(settings, {});
    EXPECT_TRUE(on.onAtSessionStart());
}

TEST(KioskVoice, HeadphonesModeFollowsTheJackAndIsOffWhenNobodyCanTell)
{
    SpeechSection settings;
    settings.mode = SpeechMode::Headphones;
    std::optional<bool> jack = true;
    std::vector<std::string> log;
    KioskVoice voice(settings, [&](const std::string& line) { log.push_back(line); });
    AudioHardware h;
    h.headphonesPluggedIn = [&jack]
    {
        return jack;
    };
    voice.start(std::move(h)); // no sink: stays silent, but the jack is still asked
    EXPECT_TRUE(voice.onAtSessionStart());
    jack = false;
    EXPECT_FALSE(voice.onAtSessionStart());
    EXPECT_TRUE(log.empty());
    jack = std::nullopt;
    EXPECT_FALSE(voice.onAtSessionStart());
    EXPECT_FALSE(voice.onAtSessionStart());
    ASSERT_EQ(log.size(), 1u) << "logged once, not at every session";
    EXPECT_NE(log[0].find("does not report headphones"), std::string::npos);
}

TEST(KioskVoice, HeadphonesPluggedInLaterTurnSpeechOnForTheNextResident)
{
    // The controller asks the voice at every session's start, and the voice reads the jack then:
    // a kiosk configured "headphones" follows what is plugged in session by session.
    SpeechSection settings;
    settings.mode = SpeechMode::Headphones;
    KioskVoice voice(settings, {});
    std::optional<bool> jack = false;
    int reads = 0;
    AudioHardware h;
    h.headphonesPluggedIn = [&]
    {
        ++reads;
        return jack;
    };
    SessionDefaults defaults;
    defaults.speechOn = voice.onAtSessionStart();
    EXPECT_FALSE(defaults.speechOn) << "before start() the jack is not known";
    EXPECT_EQ(reads, 0);
    defaults.speechOnNow = [&voice]
    {
        return voice.onAtSessionStart();
    };
    const okienko::domain::Catalog catalog;
    const okienko::search::CatalogIndex index(catalog);
    AppState state = freshState(defaults);
    Controller controller(state, catalog, index, defaults, std::chrono::seconds(90), std::chrono::seconds(30));
    voice.start(std::move(h));
    controller.followSessionSpeech();
    EXPECT_FALSE(state.speech.on);

    // The first resident, without headphones, leaves; the next one plugs them in at the attract screen.
    controller.apply(StartSession{}, Millis{1000});
    EXPECT_FALSE(state.speech.on);
    controller.wipeSession();
    EXPECT_FALSE(state.speech.on);
    jack = true;
    const int before = reads;
    controller.apply(StartSession{}, Millis{2000});
    EXPECT_GT(reads, before) << "the jack is read when the session starts";
    EXPECT_TRUE(state.speech.on) << "headphones plugged in later turn speech on";

    // They unplug and go; the wipe reads the jack again: the next session starts silent.
    jack = false;
    controller.wipeSession();
    EXPECT_FALSE(state.speech.on);
    controller.apply(StartSession{}, Millis{3000});
    EXPECT_FALSE(state.speech.on);

    // Headphones still in after a wipe, pulled out before the next touch: that session is silent.
    jack = true;
    controller.wipeSession();
    EXPECT_TRUE(state.speech.on);
    jack = false;
    controller.apply(StartSession{}, Millis{4000});
    EXPECT_FALSE(state.speech.on);

    // A resident's own choice on the attract screen (speech key, long-press) is kept.
    controller.wipeSession();
    controller.apply(ToggleSpeech{}, Millis{5000});
    controller.apply(StartSession{}, Millis{5000});
    EXPECT_TRUE(state.speech.on) << "turned on by the resident without headphones";
    jack = true;
    controller.wipeSession();
    controller.apply(ToggleSpeech{}, Millis{6000});
    controller.apply(StartSession{}, Millis{6000});
    EXPECT_FALSE(state.speech.on) << "turned off by the resident with headphones in";
}

TEST(KioskVoice, WithoutEspeakDataTheKioskStaysSilentAndSaysWhy)
{
    TempDir dir("okienko-voice");
    SpeechSection settings;
    settings.mode = SpeechMode::On;
    settings.voiceData = dir.path(); // no phontab in it
    std::vector<std::string> log;
    KioskVoice voice(settings, [&](const std::string& line) { log.push_back(line); });
    voice.start(wavHardware(dir.file("never.wav")));
    EXPECT_FALSE(voice.engineRunning());
    voice.output().say("Dzień dobry", "pl"); // harmless
    ASSERT_EQ(log.size(), 1u);
    EXPECT_NE(log[0].find("speech engine unavailable"), std::string::npos) << log[0];
    EXPECT_FALSE(std::filesystem::exists(dir.file("never.wav")));
}

} // namespace

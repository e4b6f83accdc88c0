// okienko-kiosk --say as the installer and the tests run it: Polish and Ukrainian catalogue texts
// into WAV files, levels from the command line, and honest failures without a sound card, a voice
// or the espeak-ng program; and a whole kiosk run by a voice script, with and without the program.
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/speech/sound_stats.hpp"

#include <fstream>
#include <gtest/gtest.h>

namespace
{

using namespace okienko::test;
using namespace std::chrono_literals;

ProcessResult say(const std::vector<std::string>& args,
                  const std::vector<std::pair<std::string, std::string>>& env = {})
{
    std::vector<std::string> argv{OKIENKO_KIOSK_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, env, 20s);
}

/// `wav` holds speech: at least `seconds` long and not silence (sox's RMS above `rms`).
void expectSpeech(const std::string& wav, double seconds, double rms)
{
    const SoundStats s = soxStat(wav);
    ASSERT_TRUE(s.ok) << s.report;
    EXPECT_GT(s.seconds, seconds) << s.report;
    EXPECT_GT(s.rms, rms) << s.report;
}

TEST(SpeechBringup, SpeaksPolishAndUkrainianIntoWavFiles)
{
    TempDir dir("okienko-say");
    for (const std::string lang : {"pl", "uk"})
    {
        const std::string wav = dir.file(lang + ".wav");
        const ProcessResult r = say({"--say", catalogueText(2, "summary", lang), "--lang", lang, "--wav", wav});
        ASSERT_EQ(r.exitCode, 0) << r.output;
        EXPECT_NE(r.output.find("spoke in " + lang + " at 145 words a minute"), std::string::npos) << r.output;
        expectSpeech(wav, 3.0, 0.03);
    }
}

TEST(SpeechBringup, RateAndVolumeFromTheCommandLine)
{
    TempDir dir("okienko-say");
    const std::string text = catalogueText(2, "summary", "pl");
    ASSERT_EQ(say({"--say", text, "--wav", dir.file("calm.wav")}).exitCode, 0);
    const ProcessResult r = say({"--say", text, "--wav", dir.file("brisk.wav"), "--rate", "200", "--volume", "50"});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("290 words a minute, volume 50 %"), std::string::npos) << r.output;
    const SoundStats calm = soxStat(dir.file("calm.wav"));
    const SoundStats brisk = soxStat(dir.file("brisk.wav"));
    EXPECT_LT(brisk.seconds, 0.7 * calm.seconds);
    EXPECT_LT(brisk.rms, 0.7 * calm.rms);
}

TEST(SpeechBringup, WithoutASoundCardItSaysSoAndFails)
{
    // An audio driver that does not exist stands for a kiosk whose sound card is missing.
    const ProcessResult r = say({"--say", "Dzień dobry", "--lang", "pl"}, {{"SDL_AUDIODRIVER", "no-such-driver"}});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("no audio device"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Dzień dobry"), std::string::npos) << "what is said is never printed";
}

TEST(SpeechBringup, AMissingVoiceOrBadLevelsAreRefused)
{
    TempDir dir("okienko-say");
    const ProcessResult voice = say({"--say", "x", "--lang", "xx", "--wav", dir.file("x.wav")});
    EXPECT_EQ(voice.exitCode, 1);
    EXPECT_NE(voice.output.find("voice missing: xx"), std::string::npos) << voice.output;
    const ProcessResult rate = say({"--say", "x", "--rate", "20", "--wav", dir.file("y.wav")});
    EXPECT_EQ(rate.exitCode, 2);
    EXPECT_NE(rate.output.find("--rate takes 50 to 200"), std::string::npos) << rate.output;
}

TEST(SpeechBringup, WithoutTheEspeakNgProgramItSaysSoAndFails)
{
    TempDir dir("okienko-say");
    const ProcessResult r =
        say({"--say", "Dzień dobry", "--lang", "pl", "--wav", dir.file("none.wav")}, {{"PATH", "/nonexistent"}});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("okienko-kiosk --say: speech engine unavailable: the program espeak-ng was not found "
                            "(Debian's package espeak-ng installs it)"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("Dzień dobry"), std::string::npos) << "what is said is never printed";
}

/// The voice script of the idle warning, run by the whole kiosk headless with its voice sounded
/// into `wav` (a data folder of its own in `dir`).
ProcessResult runVoiceScript(const TempDir& dir, const std::string& wav,
                             const std::vector<std::pair<std::string, std::string>>& env)
{
    const std::string config = dir.file("kiosk.toml");
    std::ofstream(config) << "[kiosk]\nid = \"speech-test\"\nname = \"Speech test kiosk\"\n"
                          << "[display]\nfullscreen = false\nwidth = 1080\nheight = 1920\nrenderer = \"software\"\n"
                          << "[speech]\nmode = \"off\"\n"
                          << "[data]\ndirectory = \"" << dir.file("data") << "\"\nassets = \"" OKIENKO_SOURCE_DIR
                          << "/assets\"\ncatalog = \"" OKIENKO_SOURCE_DIR << "/assets/catalog/lapy.json\"\n";
    return runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", config, "--script",
                       OKIENKO_SOURCE_DIR "/tests/ui/voice_idle_pl.kiosk", "--speech-wav", wav},
                      env, 60s);
}

TEST(SpeechBringup, AKioskRunByEarSoundsIntoTheWavFile)
{
    TempDir dir("okienko-voice-run");
    const std::string wav = dir.file("voice.wav");
    const ProcessResult r = runVoiceScript(dir, wav, {});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    expectSpeech(wav, 5.0, 0.02);
}

TEST(SpeechBringup, AKioskWithoutTheProgramWorksOnSilentAndLogsItOnce)
{
    TempDir dir("okienko-voice-run");
    const std::string wav = dir.file("voice.wav");
    const ProcessResult r = runVoiceScript(dir, wav, {{"PATH", "/nonexistent"}});
    ASSERT_EQ(r.exitCode, 0) << "the script (heard through the transcript) must still pass:\n" << r.output;
    const std::string line = "[speech] speech engine unavailable: the program espeak-ng was not found";
    const std::size_t first = r.output.find(line);
    ASSERT_NE(first, std::string::npos) << r.output;
    EXPECT_NE(r.output.find("the kiosk stays silent", first), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find(line, first + 1), std::string::npos) << "logged more than once:\n" << r.output;
    EXPECT_FALSE(std::ifstream(wav).good()) << "nothing was sounded";
}

} // namespace

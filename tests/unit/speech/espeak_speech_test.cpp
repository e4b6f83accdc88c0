// EspeakSpeech with real espeak-ng and Debian's voices, into WAV files (no sound card needed) that
// sox measures, and into a sink that timestamps what it receives for the interruption tests. The
// texts are the shipped Łapy catalogue's, in Polish (diacritics), Ukrainian (Cyrillic) and English.
#include "kiosk/speech/espeak_speech.hpp"
#include "kiosk/speech/wav_file_sink.hpp"
#include "sound_stats.hpp"
#include "tests/support/temp_dir.hpp"

#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

namespace
{

using namespace okienko::kiosk::speech;
using okienko::test::catalogueText;
using okienko::test::SoundStats;
using okienko::test::soxStat;
using okienko::test::TempDir;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

/// A sink that keeps, with the time it happened, every write and flush.
class EventSink final : public AudioSink
{
  public:
    struct Event
    {
        Clock::time_point at;
        bool flush = false;
        std::size_t samples = 0;
    };

    okienko::Status<SpeechError> open(int) override { return {}; }
    void write(const std::int16_t*, std::size_t count) override
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(Event{Clock::now(), false, count});
        m_wrote.notify_all();
    }
    void flush() override
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(Event{Clock::now(), true, 0});
    }
    bool drain(std::chrono::milliseconds) override { return true; }

    bool waitForSamples(std::chrono::milliseconds limit)
    {
        std::unique_lock lock(m_mutex);
        return m_wrote.wait_for(lock, limit, [this] { return !m_events.empty(); });
    }
    std::vector<Event> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }

  private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wrote;
    std::vector<Event> m_events;
};

std::size_t samplesIn(const std::vector<EventSink::Event>& events, std::size_t from, std::size_t to)
{
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i)
        n += events[i].samples;
    return n;
}

std::unique_ptr<EspeakSpeech> startSpeech(std::unique_ptr<AudioSink> sink, SpeechLevels levels = {})
{
    EspeakOptions options;
    options.levels = levels;
    auto speech = EspeakSpeech::create(std::move(sink), options);
    if (!speech.ok())
        ADD_FAILURE() << speech.error().toString();
    return speech.ok() ? std::move(speech).value() : nullptr;
}

/// An engine into an EventSink, already speaking a catalogue description of over 1000 characters
/// (a minute of speech) in `lang`: its first samples have arrived.
struct Speaking
{
    std::unique_ptr<EspeakSpeech> speech;
    EventSink* sink = nullptr;
};

Speaking speakingADescription(const std::string& lang)
{
    auto owned = std::make_unique<EventSink>();
    Speaking s{nullptr, owned.get()};
    s.speech = startSpeech(std::move(owned));
    if (!s.speech)
        return s;
    s.speech->say(catalogueText(0, "description", lang), lang);
    EXPECT_TRUE(s.sink->waitForSamples(2s));
    return s;
}

/// Speaks `text` into a WAV file in `dir` and returns what sox measures.
SoundStats renderWav(const TempDir& dir, const std::string& name, const std::string& text, const std::string& lang,
                     SpeechLevels levels = {})
{
    const std::string path = dir.file(name);
    {
        auto speech = startSpeech(std::make_unique<WavFileSink>(path), levels);
        if (!speech)
            return {};
        speech->say(text, lang);
        EXPECT_TRUE(speech->waitUntilDone(10s));
        EXPECT_FALSE(speech->problem().has_value()) << speech->problem()->toString();
    }
    const SoundStats stats = soxStat(path);
    EXPECT_TRUE(stats.ok) << stats.report;
    return stats;
}

TEST(EspeakSpeech, EachLanguageSpeaksTheCatalogue)
{
    TempDir dir("okienko-speech");
    for (const std::string lang : {"pl", "uk", "en"})
    {
        const std::string text = catalogueText(0, "summary", lang);
        const SoundStats s = renderWav(dir, lang + ".wav", text, lang);
        // About 140 characters: several seconds of speech, clearly not silence.
        EXPECT_GT(s.seconds, 4.0) << lang << "\n" << s.report;
        EXPECT_LT(s.seconds, 30.0) << lang;
        EXPECT_GT(s.rms, 0.03) << lang << "\n" << s.report;
    }
}

TEST(EspeakSpeech, PolishDiacriticsAndUkrainianCyrillicAreSpokenNotSkipped)
{
    TempDir dir("okienko-speech");
    // Words made of the letters a voice could skip: skipped, they would leave (almost) nothing;
    // spoken, four or five short words last a second or more.
    const SoundStats pl = renderWav(dir, "pl.wav", "żółć źdźbło łąka ęą ńś", "pl");
    const SoundStats uk = renderWav(dir, "uk.wav", "Їжак ґанок єнот щука", "uk");
    EXPECT_GT(pl.seconds, 1.0) << pl.report;
    EXPECT_GT(uk.seconds, 1.0) << uk.report;
    EXPECT_GT(pl.rms, 0.03);
    EXPECT_GT(uk.rms, 0.03);
}

TEST(EspeakSpeech, ThreeTimesTheTextIsAboutThreeTimesAsLong)
{
    TempDir dir("okienko-speech");
    const std::string text = catalogueText(0, "summary", "pl");
    const SoundStats once = renderWav(dir, "once.wav", text, "pl");
    const SoundStats thrice = renderWav(dir, "thrice.wav", text + " " + text + " " + text, "pl");
    EXPECT_GT(thrice.seconds, 2.5 * once.seconds);
    EXPECT_LT(thrice.seconds, 3.5 * once.seconds);
}

TEST(EspeakSpeech, VolumeScalesTheLoudness)
{
    TempDir dir("okienko-speech");
    const std::string text = catalogueText(1, "name", "pl");
    const SoundStats quiet = renderWav(dir, "quiet.wav", text, "pl", SpeechLevels{100, 50});
    const SoundStats normal = renderWav(dir, "normal.wav", text, "pl", SpeechLevels{100, 100});
    EXPECT_NEAR(normal.rms / quiet.rms, 2.0, 0.2) << quiet.report << normal.report;
    EXPECT_NEAR(normal.seconds, quiet.seconds, 0.01);
}

TEST(EspeakSpeech, RateChangesTheLength)
{
    TempDir dir("okienko-speech");
    const std::string text = catalogueText(0, "summary", "uk");
    const SoundStats slow = renderWav(dir, "slow.wav", text, "uk", SpeechLevels{60, 100});
    const SoundStats calm = renderWav(dir, "calm.wav", text, "uk", SpeechLevels{100, 100});
    const SoundStats fast = renderWav(dir, "fast.wav", text, "uk", SpeechLevels{200, 100});
    EXPECT_GT(slow.seconds, 1.3 * calm.seconds);
    EXPECT_LT(fast.seconds, 0.7 * calm.seconds);
}

TEST(EspeakSpeech, RateMapsToCalmWordsPerMinute)
{
    EXPECT_EQ(wordsPerMinute({}), 145);
    EXPECT_EQ(wordsPerMinute({200, 100}), 290);
    EXPECT_EQ(wordsPerMinute({50, 100}), 80); // espeak-ng's slowest
    EXPECT_EQ(clampLevels({10, 500}).ratePercent, 50);
    EXPECT_EQ(clampLevels({10, 500}).volumePercent, 200);
}

TEST(EspeakSpeech, LevelsSetLaterApplyToTheNextUtterance)
{
    TempDir dir("okienko-speech");
    const std::string path = dir.file("levels.wav");
    const std::string text = catalogueText(1, "name", "en");
    {
        auto speech = startSpeech(std::make_unique<WavFileSink>(path));
        ASSERT_TRUE(speech);
        speech->setLevels(SpeechLevels{150, 40});
        EXPECT_EQ(speech->levels().ratePercent, 150);
        EXPECT_EQ(speech->levels().volumePercent, 40);
        speech->say(text, "en");
        ASSERT_TRUE(speech->waitUntilDone(10s));
    }
    const SoundStats changed = soxStat(path);
    const SoundStats plain = renderWav(dir, "plain.wav", text, "en");
    EXPECT_NEAR(plain.rms / changed.rms, 2.5, 0.3);
    EXPECT_LT(changed.seconds, 0.8 * plain.seconds);
}

TEST(EspeakSpeech, ANewUtteranceCutsTheOldOneWithin100Milliseconds)
{
    const std::string shortText = catalogueText(1, "name", "pl");
    Speaking speaking = speakingADescription("pl");
    ASSERT_TRUE(speaking.speech);
    std::unique_ptr<EspeakSpeech>& speech = speaking.speech;
    EventSink& sink = *speaking.sink;
    const Clock::time_point cut = Clock::now();
    speech->say(shortText, "pl");
    ASSERT_TRUE(speech->waitUntilDone(10s));

    const std::vector<EventSink::Event> events = sink.events();
    std::size_t flushAt = events.size();
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].flush && events[i].at >= cut)
        {
            flushAt = i;
            break;
        }
    ASSERT_LT(flushAt, events.size()) << "the old utterance's queued audio was never dropped";
    const auto lag = std::chrono::duration_cast<std::chrono::milliseconds>(events[flushAt].at - cut);
    EXPECT_LE(lag.count(), 100) << "the old utterance went on for " << lag.count() << " ms";
    for (std::size_t i = flushAt + 1; i < events.size(); ++i)
        EXPECT_FALSE(events[i].flush);

    // What came after the cut is the new utterance, whole; the old one had not been finished.
    auto aloneOwned = std::make_unique<EventSink>();
    EventSink& alone = *aloneOwned;
    speech.reset();
    speech = startSpeech(std::move(aloneOwned));
    ASSERT_TRUE(speech);
    speech->say(shortText, "pl");
    ASSERT_TRUE(speech->waitUntilDone(10s));
    const std::vector<EventSink::Event> aloneEvents = alone.events();
    const std::size_t shortSamples = samplesIn(aloneEvents, 0, aloneEvents.size());
    // Whole within 10 ms: espeak-ng's state after an interrupted utterance may move its end by a sample.
    const double afterCut = static_cast<double>(samplesIn(events, flushAt + 1, events.size()));
    EXPECT_NEAR(afterCut, static_cast<double>(shortSamples), speech->sampleRate() / 100.0);
    const double beforeCutSeconds = static_cast<double>(samplesIn(events, 0, flushAt)) / speech->sampleRate();
    EXPECT_LT(beforeCutSeconds, 20.0) << "a description of over 1000 characters takes a minute to say";
}

TEST(EspeakSpeech, StopDropsWhatIsQueued)
{
    Speaking speaking = speakingADescription("uk");
    ASSERT_TRUE(speaking.speech);
    EspeakSpeech* speech = speaking.speech.get();
    EventSink& sink = *speaking.sink;
    const Clock::time_point stopped = Clock::now();
    speech->stop();
    ASSERT_TRUE(speech->waitUntilDone(5s));
    const std::vector<EventSink::Event> events = sink.events();
    ASSERT_FALSE(events.empty());
    EXPECT_TRUE(events.back().flush) << "samples arrived after stop()";
    EXPECT_LE(std::chrono::duration_cast<std::chrono::milliseconds>(events.back().at - stopped).count(), 100);
}

TEST(EspeakSpeech, ACueCutsSpeechAndTheNextUtteranceFollowsTheCue)
{
    Speaking speaking = speakingADescription("pl");
    ASSERT_TRUE(speaking.speech);
    EspeakSpeech* speech = speaking.speech.get();
    EventSink& sink = *speaking.sink;
    const std::size_t before = sink.events().size();
    speech->cue(Cue::Activate);
    speech->say(catalogueText(1, "name", "pl"), "pl");
    ASSERT_TRUE(speech->waitUntilDone(10s));
    const std::vector<EventSink::Event> events = sink.events();
    std::size_t flushes = 0;
    for (std::size_t i = before; i < events.size(); ++i)
        flushes += events[i].flush ? 1u : 0u;
    EXPECT_EQ(flushes, 1u) << "the cue cuts the speech; the label after it must not cut the cue";
    EXPECT_GT(samplesIn(events, before, events.size()), static_cast<std::size_t>(speech->sampleRate() / 2));
}

TEST(EspeakSpeech, CuesReachTheWavFile)
{
    TempDir dir("okienko-speech");
    const std::string path = dir.file("cues.wav");
    {
        auto speech = startSpeech(std::make_unique<WavFileSink>(path));
        ASSERT_TRUE(speech);
        speech->cue(Cue::Error);
        ASSERT_TRUE(speech->waitUntilDone(5s));
    }
    const SoundStats s = soxStat(path);
    EXPECT_NEAR(s.seconds, 0.41, 0.01) << s.report;
    EXPECT_GT(s.rms, 0.1);
}

TEST(EspeakSpeech, AMissingVoiceIsAnErrorValueAndSpeechGoesOn)
{
    TempDir dir("okienko-speech");
    const std::string path = dir.file("missing.wav");
    auto owned = std::make_unique<WavFileSink>(path);
    WavFileSink& sink = *owned;
    auto speech = startSpeech(std::move(owned));
    ASSERT_TRUE(speech);
    speech->say("tekst", "xx-nonexistent");
    ASSERT_TRUE(speech->waitUntilDone(5s));
    ASSERT_TRUE(speech->problem().has_value());
    EXPECT_EQ(speech->problem()->problem, SpeechProblem::VoiceMissing);
    EXPECT_EQ(speech->problem()->toString(), "voice missing: xx-nonexistent");
    EXPECT_EQ(sink.samplesWritten(), 0u);
    speech->say("Dzień dobry", "pl");
    ASSERT_TRUE(speech->waitUntilDone(5s));
    EXPECT_FALSE(speech->problem().has_value());
    EXPECT_GT(sink.samplesWritten(), 0u);
}

TEST(EspeakSpeech, NoDeviceIsReportedAndTheKioskGoesOn)
{
    std::vector<std::string> logged;
    EspeakOptions options;
    options.log = [&](const std::string& line)
    {
        logged.push_back(line);
    };
    auto speech = EspeakSpeech::create(std::make_unique<WavFileSink>("/nonexistent-dir/out.wav"), options);
    ASSERT_TRUE(speech.ok());
    speech.value()->say("Dzień dobry, tu wrażliwe dane", "pl");
    ASSERT_TRUE(speech.value()->waitUntilDone(5s));
    ASSERT_TRUE(speech.value()->problem().has_value());
    EXPECT_EQ(speech.value()->problem()->problem, SpeechProblem::NoAudioDevice);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].find("wrażliwe"), std::string::npos) << "what is said is never logged";
    speech.value()->say("Jeszcze raz", "pl"); // within the reopen pause: no second log line
    ASSERT_TRUE(speech.value()->waitUntilDone(5s));
    EXPECT_EQ(logged.size(), 1u);
}

TEST(EspeakSpeech, WithoutItsDataTheEngineDoesNotStart)
{
    EspeakOptions options;
    options.dataPath = "/nonexistent-espeak-data";
    auto speech = EspeakSpeech::create(std::make_unique<EventSink>(), options);
    ASSERT_FALSE(speech.ok());
    EXPECT_EQ(speech.error().problem, SpeechProblem::EngineUnavailable);
}

TEST(EspeakSpeech, WithoutTheProgramTheEngineDoesNotStart)
{
    EspeakOptions options;
    options.program = "okienko-no-such-espeak-ng";
    auto speech = EspeakSpeech::create(std::make_unique<EventSink>(), options);
    ASSERT_FALSE(speech.ok());
    EXPECT_EQ(speech.error().problem, SpeechProblem::EngineUnavailable);
    EXPECT_NE(speech.error().detail.find("okienko-no-such-espeak-ng was not found"), std::string::npos)
        << speech.error().detail;
    options.program = "/nonexistent/espeak-ng";
    EXPECT_FALSE(EspeakSpeech::create(std::make_unique<EventSink>(), options).ok());
}

TEST(EspeakSpeech, TwoEnginesSpeakAtOnce)
{
    // Each utterance is a process of its own: nothing is shared between engines (the library
    // allowed one per process).
    auto first = startSpeech(std::make_unique<EventSink>());
    auto second = startSpeech(std::make_unique<EventSink>());
    ASSERT_TRUE(first && second);
    first->say(catalogueText(1, "name", "pl"), "pl");
    second->say(catalogueText(1, "name", "uk"), "uk");
    EXPECT_TRUE(first->waitUntilDone(10s));
    EXPECT_TRUE(second->waitUntilDone(10s));
    EXPECT_FALSE(first->problem().has_value());
    EXPECT_FALSE(second->problem().has_value());
}

TEST(EspeakSpeech, InterruptedChildrenAreReapedAndTheirDescriptorsClosed)
{
    const std::size_t fdsBefore = okienko::test::openDescriptors();
    {
        auto speech = startSpeech(std::make_unique<EventSink>());
        ASSERT_TRUE(speech);
        const std::uint64_t startedBefore = speech->childrenStarted();
        const std::string description = catalogueText(0, "description", "pl");
        for (int i = 0; i < 20; ++i)
        {
            speech->say(description, i % 2 == 0 ? "pl" : "uk"); // each cuts the one before
            std::this_thread::sleep_for(5ms);
            if (i % 5 == 4)
                speech->stop();
            if (i % 7 == 6)
                speech->cue(Cue::Activate);
        }
        speech->say(catalogueText(1, "name", "pl"), "pl");
        ASSERT_TRUE(speech->waitUntilDone(10s));
        EXPECT_GT(speech->childrenStarted() - startedBefore, 1u) << "no utterance was cut while its child ran";
        EXPECT_EQ(okienko::test::zombieChildren(), 0u) << "a killed espeak-ng was not reaped";
        EXPECT_LE(okienko::test::childProcesses(), 1u) << "only the espeak-ng started ahead may wait";
        EXPECT_LE(okienko::test::openDescriptors(), fdsBefore + 1 + 3 * okienko::test::childProcesses())
            << "the worker's eventfd and the waiting espeak-ng's three pipes, no more";
        // Cut while it is speaking: the child is killed, not waited for.
        speech->say(description, "pl");
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_EQ(okienko::test::childProcesses(), 0u);
    EXPECT_EQ(okienko::test::openDescriptors(), fdsBefore);
}

TEST(EspeakSpeech, SayReturnsLongBeforeTheSynthesisEnds)
{
    auto speech = startSpeech(std::make_unique<EventSink>());
    ASSERT_TRUE(speech);
    const std::string description = catalogueText(0, "description", "pl");
    const std::string longText = description + " " + description + " " + description;
    // The shortest of three: on two cores shared with a build, the calling thread can lose its core
    // for tens of milliseconds anywhere, say() or not.
    Clock::duration sayTook = Clock::duration::max();
    Clock::duration synthesisTook = Clock::duration::max();
    for (int round = 0; round < 3; ++round)
    {
        const Clock::time_point start = Clock::now();
        speech->say(longText, "pl");
        sayTook = std::min(sayTook, Clock::now() - start);
        ASSERT_TRUE(speech->waitUntilDone(10s));
        synthesisTook = std::min(synthesisTook, Clock::now() - start);
    }
    EXPECT_LT(sayTook * 10, synthesisTook)
        << "say() took " << std::chrono::duration_cast<std::chrono::microseconds>(sayTook).count()
        << " us of a synthesis of " << std::chrono::duration_cast<std::chrono::microseconds>(synthesisTook).count()
        << " us";
}

} // namespace

// The kiosk's voice: Debian's libespeak-ng (decision 0009) on a worker thread of its own, into an
// AudioSink. say() only queues and returns; a new say(), a cue or stop() interrupts what is being
// synthesised (the synthesis callback sees the request's generation change and aborts) and drops
// what the sink has queued but not played. espeak-ng keeps global state and is not thread-safe:
// only one EspeakSpeech may exist at a time and every espeak call is made on its worker. The engine
// is started by the first one and kept for the life of the process (see startEngine).
#pragma once

#include "kiosk/speech/audio_sink.hpp"
#include "kiosk/speech/speech_error.hpp"
#include "kiosk/speech/speech_output.hpp"
#include "shared/util/result.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace okienko::kiosk::speech
{

/// Words per minute at ratePercent 100: slower than espeak-ng's 175, a calm pace for seniors.
inline constexpr int kCalmWordsPerMinute = 145;

/// espeak-ng's rate for `levels` (clamped to its 80 … 450 words per minute).
int wordsPerMinute(SpeechLevels levels);
/// `levels` with both values brought into their ranges (rate 50 … 200, volume 10 … 200).
SpeechLevels clampLevels(SpeechLevels levels);

struct EspeakOptions
{
    /// espeak-ng-data's directory; empty = the library's default (Debian's). The first engine's
    /// choice holds for the process: another directory later is an EngineUnavailable error.
    std::filesystem::path dataPath;
    SpeechLevels levels;
    /// Called (on the worker) with a problem as it appears — a voice missing, the audio device
    /// not opening — and once more when it clears. Never given anything that was said.
    std::function<void(const std::string&)> log;
};

class EspeakSpeech final : public SpeechOutput
{
  public:
    /// Starts the worker and espeak-ng on it; an error when the engine cannot start (no data).
    /// The sink is opened lazily, at the first sound.
    static Result<std::unique_ptr<EspeakSpeech>, SpeechError> create(std::unique_ptr<AudioSink> sink,
                                                                     EspeakOptions options);
    ~EspeakSpeech() override;
    EspeakSpeech(const EspeakSpeech&) = delete;
    EspeakSpeech& operator=(const EspeakSpeech&) = delete;

    void say(std::string_view text, std::string_view language) override;
    void stop() override;
    void cue(Cue which) override;
    void setLevels(SpeechLevels levels) override;
    SpeechLevels levels() const override;

    /// The latest problem (voice missing for the last language asked, no audio device), if any.
    std::optional<SpeechError> problem() const;
    /// Blocks until everything asked so far was synthesised and the sink has played it, at most
    /// `limit`. For the bring-up command, tests and the benchmark; never on the UI thread.
    bool waitUntilDone(std::chrono::milliseconds limit);
    /// The engine's output rate (22050 Hz with Debian's espeak-ng).
    int sampleRate() const { return m_sampleRate; }

    /// Called by the synthesis callback (worker thread): hands samples to the sink, or returns
    /// false to abort when the utterance was interrupted.
    bool deliver(const short* samples, int count);

  private:
    enum class JobKind
    {
        Speak,
        Cue,
        Stop,
    };
    struct Job
    {
        JobKind kind = JobKind::Speak;
        std::string text;
        std::string language;
        Cue cue = Cue::Activate;
        SpeechLevels levels;
        std::uint64_t generation = 0;
    };

    EspeakSpeech(std::unique_ptr<AudioSink> sink, EspeakOptions options);
    /// Queues `job` as the newest request: it interrupts the current one and drops queued speech
    /// (a queued cue stays: a click followed by what the touched element says).
    void post(Job job);
    void run(std::promise<Result<int, SpeechError>>& started);
    void perform(const Job& job);
    void speak(const Job& job);
    bool ensureSinkOpen();
    bool selectVoice(const std::string& language);
    void writeScaled(const std::int16_t* samples, std::size_t count);
    void report(std::optional<SpeechError> problem);

    std::unique_ptr<AudioSink> m_sink;
    EspeakOptions m_options;
    int m_sampleRate = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_queue;
    SpeechLevels m_levels;
    std::optional<SpeechError> m_problem;
    bool m_busy = false;
    bool m_quit = false;
    std::atomic<std::uint64_t> m_generation{0};

    // Worker thread only.
    std::uint64_t m_currentGeneration = 0;
    int m_currentVolume = 100;
    std::string m_voice;
    bool m_sinkOpen = false;
    std::chrono::steady_clock::time_point m_nextOpenAttempt{};
    bool m_lastWasCue = false;
    std::vector<std::int16_t> m_scaled;

    std::thread m_worker;
};

} // namespace okienko::kiosk::speech

// The kiosk's voice: Debian's `espeak-ng` program (decision 0009: a separate GPL-3 program, run
// once per utterance, never linked) driven from a worker thread of its own, its WAV output streamed
// into an AudioSink in 20 ms chunks. say() only queues and returns; a new say(), a cue or stop()
// wakes the worker, which kills the running espeak-ng (SIGKILL, reaped) and drops what the sink has
// queued but not played. After each utterance the next espeak-ng is started ahead with the same
// voice and rate, so it has loaded them when the next text comes (its start-up is off the touch's
// path). Nothing is shared between instances: each owns its worker and children.
#pragma once

#include "kiosk/speech/audio_sink.hpp"
#include "kiosk/speech/espeak_process.hpp"
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
#include <string_view>
#include <thread>
#include <vector>

namespace okienko::kiosk::speech
{

/// Words per minute at ratePercent 100: slower than espeak-ng's 175, a calm pace for seniors.
inline constexpr int kCalmWordsPerMinute = 145;

/// espeak-ng's slowest and fastest rates, in words per minute.
inline constexpr int kEspeakSlowestWpm = 80;
inline constexpr int kEspeakFastestWpm = 450;

/// espeak-ng's rate for `levels` (clamped to its 80 … 450 words per minute).
int wordsPerMinute(SpeechLevels levels);
/// `levels` with both values brought into their ranges (rate 50 … 200, volume 10 … 200).
SpeechLevels clampLevels(SpeechLevels levels);

struct EspeakOptions
{
    /// espeak-ng-data's directory (passed as --path); empty = the program's default (Debian's).
    std::filesystem::path dataPath;
    /// The program: a name looked up in $PATH, or a path.
    std::string program = "espeak-ng";
    SpeechLevels levels;
    /// Called (on the worker) with a problem as it appears — a voice missing, the audio device
    /// not opening — and once more when it clears. Never given anything that was said.
    std::function<void(const std::string&)> log;
};

class EspeakSpeech final : public SpeechOutput
{
  public:
    /// Finds the program, starts the worker and has espeak-ng say nothing once (its sample rate);
    /// an error when the program is missing or cannot run, or the data directory has no data.
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
    /// How many espeak-ng children have been started (for tests and the benchmark).
    std::uint64_t childrenStarted() const { return m_childrenStarted.load(); }

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
    /// espeak-ng saying nothing: whether it runs, and its sample rate.
    Result<int, SpeechError> probe();
    void perform(const Job& job);
    void speak(const Job& job);
    /// Whether the job the worker performs is still the newest request (resets the wake-up).
    bool stillCurrent();
    /// The espeak-ng for `voice` at `wpm`: the one started ahead when it matches, else a new one.
    Result<EspeakProcess, SpeechError> childFor(const std::string& voice, int wpm);
    /// Starts the next espeak-ng for `voice` at `wpm` ahead, unless one is waiting already.
    void startAhead(const std::string& voice, int wpm);
    bool ensureSinkOpen();
    void writeScaled(const std::int16_t* samples, std::size_t count);
    void report(std::optional<SpeechError> problem);

    std::unique_ptr<AudioSink> m_sink;
    EspeakOptions m_options;
    std::filesystem::path m_program;
    int m_sampleRate = 0;
    /// An eventfd: post() makes it readable, so the worker's poll() on espeak-ng's output wakes.
    int m_wakeFd = -1;
    std::atomic<std::uint64_t> m_childrenStarted{0};

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
    bool m_sinkOpen = false;
    std::chrono::steady_clock::time_point m_nextOpenAttempt{};
    bool m_lastWasCue = false;
    std::vector<std::int16_t> m_scaled;
    std::optional<EspeakProcess> m_ahead; ///< started ahead, waiting for its text
    std::string m_aheadVoice;
    int m_aheadWpm = 0;

    std::thread m_worker;
};

} // namespace okienko::kiosk::speech

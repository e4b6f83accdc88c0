// EspeakSpeech: one worker thread owns espeak-ng (initialised, used and terminated there). A request
// bumps the generation counter; the synthesis callback, called every 20 ms of audio, compares it
// with the generation of the job it is synthesising and aborts at once when a newer request came,
// so an interruption costs at most one 20 ms chunk of synthesis before the sink is flushed.
#include "kiosk/speech/espeak_speech.hpp"

#include "kiosk/speech/cue_tones.hpp"

#include <algorithm>
#include <espeak-ng/espeak_ng.h>

namespace okienko::kiosk::speech
{
namespace
{

/// Audio per synthesis callback: the granularity of an interruption.
constexpr int kCallbackMillis = 20;
/// After a sink failed to open, the next attempt waits this long (a headset plugged in later).
constexpr auto kReopenPause = std::chrono::seconds(10);

/// espeak-ng is one global engine per process.
std::atomic<bool> g_engineInUse{false};
/// The instance whose job the worker is synthesising (synchronous mode calls back on that thread).
thread_local EspeakSpeech* t_speaking = nullptr;

int synthCallback(short* samples, int count, espeak_EVENT*)
{
    if (t_speaking == nullptr)
        return 1;
    return t_speaking->deliver(samples, count) ? 0 : 1;
}

std::string statusText(espeak_ng_STATUS status)
{
    char buffer[256] = {};
    espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
    return buffer;
}

/// The data directory espeak-ng was started with, once it started (guarded by g_engineInUse).
std::optional<std::filesystem::path> g_startedWith;
int g_sampleRate = 0;

/// Starts espeak-ng once per process and keeps it: Debian's 1.51 hangs in espeak_ng_Terminate()
/// once it has been initialised a second time, and the kiosk needs one engine for its whole life.
/// Engines never overlap (g_engineInUse), so its calls never run on two threads at once.
Result<int, SpeechError> startEngine(const std::filesystem::path& dataPath)
{
    if (g_startedWith)
    {
        if (*g_startedWith != dataPath)
            return makeErr(SpeechError{SpeechProblem::EngineUnavailable,
                                       "espeak-ng already runs with the data in \"" + g_startedWith->string() + "\""});
        espeak_SetSynthCallback(synthCallback);
        return g_sampleRate;
    }
    // espeak-ng falls back to its default directory when the one given has no data: refuse instead.
    std::error_code ec;
    if (!dataPath.empty() && !std::filesystem::is_regular_file(dataPath / "phontab", ec))
        return makeErr(SpeechError{SpeechProblem::EngineUnavailable, dataPath.string() + " holds no espeak-ng data"});
    espeak_ng_InitializePath(dataPath.empty() ? nullptr : dataPath.c_str());
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (status == ENS_OK)
        status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, kCallbackMillis, nullptr);
    if (status != ENS_OK)
        return makeErr(SpeechError{SpeechProblem::EngineUnavailable, statusText(status)});
    espeak_SetSynthCallback(synthCallback);
    g_startedWith = dataPath;
    g_sampleRate = espeak_ng_GetSampleRate();
    return g_sampleRate;
}

} // namespace

int wordsPerMinute(SpeechLevels levels)
{
    const int wpm = kCalmWordsPerMinute * clampLevels(levels).ratePercent / 100;
    return std::clamp(wpm, espeakRATE_MINIMUM, espeakRATE_MAXIMUM);
}

SpeechLevels clampLevels(SpeechLevels levels)
{
    return SpeechLevels{std::clamp(levels.ratePercent, 50, 200), std::clamp(levels.volumePercent, 10, 200)};
}

Result<std::unique_ptr<EspeakSpeech>, SpeechError> EspeakSpeech::create(std::unique_ptr<AudioSink> sink,
                                                                        EspeakOptions options)
{
    if (g_engineInUse.exchange(true))
        return makeErr(SpeechError{SpeechProblem::EngineUnavailable, "espeak-ng is already in use in this process"});
    std::unique_ptr<EspeakSpeech> speech(new EspeakSpeech(std::move(sink), std::move(options)));
    std::promise<Result<int, SpeechError>> started;
    std::future<Result<int, SpeechError>> result = started.get_future();
    speech->m_worker = std::thread([&s = *speech, &started] { s.run(started); });
    Result<int, SpeechError> rate = result.get();
    if (!rate.ok())
        return makeErr(rate.error()); // the destructor joins the worker, which has ended
    speech->m_sampleRate = rate.value();
    return speech;
}

EspeakSpeech::EspeakSpeech(std::unique_ptr<AudioSink> sink, EspeakOptions options)
    : m_sink(std::move(sink)), m_options(std::move(options)), m_levels(clampLevels(m_options.levels))
{
}

EspeakSpeech::~EspeakSpeech()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_queue.clear();
        m_generation.fetch_add(1);
    }
    m_wake.notify_all();
    if (m_worker.joinable())
        m_worker.join();
    g_engineInUse.store(false);
}

void EspeakSpeech::say(std::string_view text, std::string_view language)
{
    Job job;
    job.kind = JobKind::Speak;
    job.text = std::string(text);
    job.language = std::string(language);
    post(std::move(job));
}

void EspeakSpeech::stop()
{
    Job job;
    job.kind = JobKind::Stop;
    post(std::move(job));
}

void EspeakSpeech::cue(Cue which)
{
    Job job;
    job.kind = JobKind::Cue;
    job.cue = which;
    post(std::move(job));
}

void EspeakSpeech::setLevels(SpeechLevels levels)
{
    std::lock_guard lock(m_mutex);
    m_levels = clampLevels(levels);
}

SpeechLevels EspeakSpeech::levels() const
{
    std::lock_guard lock(m_mutex);
    return m_levels;
}

std::optional<SpeechError> EspeakSpeech::problem() const
{
    std::lock_guard lock(m_mutex);
    return m_problem;
}

bool EspeakSpeech::waitUntilDone(std::chrono::milliseconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    {
        std::unique_lock lock(m_mutex);
        if (!m_idle.wait_until(lock, deadline, [this] { return m_quit || (m_queue.empty() && !m_busy); }))
            return false;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return m_sink->drain(std::max(left, std::chrono::milliseconds(0)));
}

void EspeakSpeech::post(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_quit)
            return;
        job.levels = m_levels;
        job.generation = m_generation.fetch_add(1) + 1;
        if (job.kind == JobKind::Stop)
            m_queue.clear();
        else
            std::erase_if(m_queue, [](const Job& queued) { return queued.kind != JobKind::Cue; });
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void EspeakSpeech::run(std::promise<Result<int, SpeechError>>& started)
{
    Result<int, SpeechError> engine = startEngine(m_options.dataPath);
    if (!engine.ok())
    {
        started.set_value(makeErr(engine.error()));
        return;
    }
    m_sampleRate = engine.value();
    started.set_value(m_sampleRate); // `started` is gone after this line

    for (;;)
    {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_busy = false;
            m_idle.notify_all();
            m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
            if (m_quit)
                break;
            job = std::move(m_queue.front());
            m_queue.pop_front();
            m_busy = true;
        }
        perform(job);
    }
    std::lock_guard lock(m_mutex);
    m_busy = false;
    m_idle.notify_all();
}

void EspeakSpeech::perform(const Job& job)
{
    m_currentGeneration = job.generation;
    m_currentVolume = job.levels.volumePercent;
    switch (job.kind)
    {
    case JobKind::Stop:
        if (m_sinkOpen)
            m_sink->flush();
        m_lastWasCue = false;
        break;
    case JobKind::Cue:
        if (!ensureSinkOpen())
            return;
        m_sink->flush(); // a cue cuts off the speech it answers
        {
            const std::vector<std::int16_t> tone = cueSamples(job.cue, m_sampleRate);
            writeScaled(tone.data(), tone.size());
        }
        m_lastWasCue = true;
        break;
    case JobKind::Speak:
        speak(job);
        break;
    }
}

void EspeakSpeech::speak(const Job& job)
{
    if (!selectVoice(job.language) || !ensureSinkOpen())
        return;
    // After a cue the sink holds only that cue (it flushed the speech before it): let it play.
    if (!m_lastWasCue)
        m_sink->flush();
    m_lastWasCue = false;
    espeak_ng_SetParameter(espeakRATE, wordsPerMinute(job.levels), 0);
    t_speaking = this;
    // espeak-ng reads the size as a buffer size for UTF-8 and stops at the terminating NUL.
    espeak_ng_Synthesize(job.text.c_str(), job.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                         nullptr);
    t_speaking = nullptr;
}

bool EspeakSpeech::deliver(const short* samples, int count)
{
    if (m_generation.load() != m_currentGeneration)
        return false;
    if (samples != nullptr && count > 0)
        writeScaled(samples, static_cast<std::size_t>(count));
    return true;
}

void EspeakSpeech::writeScaled(const std::int16_t* samples, std::size_t count)
{
    m_scaled.resize(count);
    for (std::size_t i = 0; i < count; ++i)
    {
        const int v = samples[i] * m_currentVolume / 100;
        m_scaled[i] = static_cast<std::int16_t>(std::clamp(v, -32768, 32767));
    }
    m_sink->write(m_scaled.data(), count);
}

bool EspeakSpeech::selectVoice(const std::string& language)
{
    if (language == m_voice)
        return true;
    const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(language.c_str());
    if (status != ENS_OK)
    {
        m_voice.clear();
        report(SpeechError{SpeechProblem::VoiceMissing, language});
        return false;
    }
    m_voice = language;
    report(std::nullopt);
    return true;
}

bool EspeakSpeech::ensureSinkOpen()
{
    if (m_sinkOpen)
        return true;
    const auto now = std::chrono::steady_clock::now();
    if (now < m_nextOpenAttempt)
        return false;
    const Status<SpeechError> opened = m_sink->open(m_sampleRate);
    if (!opened.ok())
    {
        m_nextOpenAttempt = now + kReopenPause;
        report(opened.error());
        return false;
    }
    m_sinkOpen = true;
    report(std::nullopt);
    return true;
}

void EspeakSpeech::report(std::optional<SpeechError> problem)
{
    std::string line;
    {
        std::lock_guard lock(m_mutex);
        const bool same =
            problem.has_value() == m_problem.has_value() &&
            (!problem || (problem->problem == m_problem->problem && problem->detail == m_problem->detail));
        if (same)
            return;
        line = problem ? problem->toString() : "speaking again after: " + m_problem->toString();
        m_problem = std::move(problem);
    }
    if (m_options.log)
        m_options.log(line);
}

} // namespace okienko::kiosk::speech

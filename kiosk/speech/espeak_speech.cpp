// EspeakSpeech: the worker runs one espeak-ng child per utterance and polls its output together
// with an eventfd that every request makes readable. The WAV it streams is cut into 20 ms chunks;
// before each chunk, and whenever the eventfd wakes it, the worker compares the request generation
// with its job's and, when a newer request came, kills the child and returns: an interruption
// costs at most one chunk before the sink is flushed.
#include "kiosk/speech/espeak_speech.hpp"

#include "kiosk/speech/cue_tones.hpp"
#include "kiosk/speech/wav_stream.hpp"

#include <algorithm>
#include <csignal>
#include <sys/eventfd.h>
#include <unistd.h>

namespace okienko::kiosk::speech
{
namespace
{

/// Audio per chunk handed to the sink: the granularity of an interruption.
constexpr int kChunkMillis = 20;
/// After a sink failed to open, the next attempt waits this long (a headset plugged in later).
constexpr auto kReopenPause = std::chrono::seconds(10);

/// The first line of what espeak-ng wrote on standard error (never the text: it prints none).
std::string firstLine(const std::string& text)
{
    const std::string line = text.substr(0, text.find('\n'));
    return line.empty() ? "espeak-ng ended without speaking" : line;
}

} // namespace

int wordsPerMinute(SpeechLevels levels)
{
    const int wpm = kCalmWordsPerMinute * clampLevels(levels).ratePercent / 100;
    return std::clamp(wpm, kEspeakSlowestWpm, kEspeakFastestWpm);
}

SpeechLevels clampLevels(SpeechLevels levels)
{
    return SpeechLevels{std::clamp(levels.ratePercent, 50, 200), std::clamp(levels.volumePercent, 10, 200)};
}

Result<std::unique_ptr<EspeakSpeech>, SpeechError> EspeakSpeech::create(std::unique_ptr<AudioSink> sink,
                                                                        EspeakOptions options)
{
    Result<std::filesystem::path, SpeechError> program = findSpeechProgram(options.program);
    if (!program.ok())
        return makeErr(program.error());
    // espeak-ng falls back to its default directory when the one given has no data: refuse instead.
    std::error_code ec;
    if (!options.dataPath.empty() && !std::filesystem::is_regular_file(options.dataPath / "phontab", ec))
        return makeErr(
            SpeechError{SpeechProblem::EngineUnavailable, options.dataPath.string() + " holds no espeak-ng data"});
    const int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake < 0)
        return makeErr(SpeechError{SpeechProblem::EngineUnavailable, "no eventfd for the speech worker"});
    std::unique_ptr<EspeakSpeech> speech(new EspeakSpeech(std::move(sink), std::move(options)));
    speech->m_program = std::move(program).value();
    speech->m_wakeFd = wake;
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
    if (m_wakeFd >= 0)
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    }
    if (m_worker.joinable())
        m_worker.join();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
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
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one); // wakes a running synthesis
}

void EspeakSpeech::run(std::promise<Result<int, SpeechError>>& started)
{
    // A write to a child that has just died must not raise SIGPIPE in the kiosk.
    sigset_t pipeOnly;
    sigemptyset(&pipeOnly);
    sigaddset(&pipeOnly, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeOnly, nullptr);
    Result<int, SpeechError> engine = probe();
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
    m_ahead.reset();
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

Result<int, SpeechError> EspeakSpeech::probe()
{
    auto child = EspeakProcess::start(m_program, espeakArguments(m_options.dataPath, "", wordsPerMinute(m_levels)));
    if (!child.ok())
        return makeErr(child.error());
    m_childrenStarted.fetch_add(1);
    child.value().provideInput(" ");
    WavStream wav;
    std::vector<std::uint8_t> bytes;
    std::vector<std::int16_t> ignored;
    while (!wav.sampleRate())
    {
        const EspeakProcess::Step step = child.value().next(m_wakeFd, bytes);
        if (step == EspeakProcess::Step::EndOfOutput)
            break;
        if (step == EspeakProcess::Step::Woken)
            continue; // a request already: it waits for the worker's loop (the eventfd stays readable)
        if (!wav.feed(bytes.data(), bytes.size(), ignored))
            return makeErr(SpeechError{SpeechProblem::EngineUnavailable, "espeak-ng: " + wav.error()});
    }
    if (!wav.sampleRate())
    {
        child.value().wait();
        return makeErr(SpeechError{SpeechProblem::EngineUnavailable, firstLine(child.value().errorOutput())});
    }
    child.value().kill();
    return *wav.sampleRate();
}

bool EspeakSpeech::stillCurrent()
{
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_wakeFd, &count, sizeof count);
    return m_generation.load() == m_currentGeneration;
}

Result<EspeakProcess, SpeechError> EspeakSpeech::childFor(const std::string& voice, int wpm)
{
    if (m_ahead && m_aheadVoice == voice && m_aheadWpm == wpm)
    {
        EspeakProcess ahead = std::move(*m_ahead);
        m_ahead.reset();
        return ahead;
    }
    m_ahead.reset(); // another voice or rate: killed and reaped
    auto started = EspeakProcess::start(m_program, espeakArguments(m_options.dataPath, voice, wpm));
    if (started.ok())
        m_childrenStarted.fetch_add(1);
    return started;
}

void EspeakSpeech::startAhead(const std::string& voice, int wpm)
{
    if (m_ahead)
        return;
    auto started = EspeakProcess::start(m_program, espeakArguments(m_options.dataPath, voice, wpm));
    if (!started.ok())
        return; // the next utterance starts its own and reports why
    m_childrenStarted.fetch_add(1);
    m_ahead.emplace(std::move(started).value());
    m_aheadVoice = voice;
    m_aheadWpm = wpm;
}

void EspeakSpeech::speak(const Job& job)
{
    if (!ensureSinkOpen())
        return;
    // After a cue the sink holds only that cue (it flushed the speech before it): let it play.
    if (!m_lastWasCue)
        m_sink->flush();
    m_lastWasCue = false;
    if (job.text.find_first_not_of(" \t\r\n") == std::string::npos)
        return; // nothing to say: it only cut what was being said
    const int wpm = wordsPerMinute(job.levels);
    auto started = childFor(job.language, wpm);
    if (!started.ok())
    {
        report(started.error());
        return;
    }
    EspeakProcess& child = started.value();
    child.provideInput(plainText(job.text));
    const std::size_t chunk = static_cast<std::size_t>(m_sampleRate * kChunkMillis / 1000);
    WavStream wav;
    std::vector<std::uint8_t> bytes;
    std::vector<std::int16_t> pcm;
    std::size_t spoken = 0;
    std::size_t taken = 0; // of pcm
    for (;;)
    {
        const EspeakProcess::Step step = child.next(m_wakeFd, bytes);
        if (step == EspeakProcess::Step::Woken && !stillCurrent())
            return; // the child dies with `started`
        if (step == EspeakProcess::Step::EndOfOutput)
            break;
        if (!wav.feed(bytes.data(), bytes.size(), pcm) || (wav.sampleRate() && *wav.sampleRate() != m_sampleRate))
        {
            report(SpeechError{SpeechProblem::EngineUnavailable,
                               "espeak-ng: " + (wav.error().empty() ? "its sample rate changed" : wav.error())});
            return;
        }
        for (; pcm.size() - taken >= chunk; taken += chunk)
        {
            if (m_generation.load() != m_currentGeneration)
                return;
            writeScaled(pcm.data() + taken, chunk);
            // Its first sound is out: the next utterance's espeak-ng starts now, while this one
            // speaks, and has loaded its voice when the next touch comes.
            if (spoken == 0)
                startAhead(job.language, wpm);
            spoken += chunk;
        }
        pcm.erase(pcm.begin(), pcm.begin() + static_cast<std::ptrdiff_t>(taken));
        taken = 0;
    }
    if (m_generation.load() != m_currentGeneration)
        return;
    if (!pcm.empty())
        writeScaled(pcm.data(), pcm.size());
    spoken += pcm.size();
    const int status = child.wait();
    if (spoken > 0 || status == 0)
    {
        report(std::nullopt);
        return;
    }
    m_ahead.reset(); // it would fail the same way
    // espeak-ng 1.51 ends with 1 ("The specified espeak-ng voice does not exist") for an unknown voice.
    const std::string& said = child.errorOutput();
    if (said.find("voice") != std::string::npos)
        report(SpeechError{SpeechProblem::VoiceMissing, job.language});
    else
        report(SpeechError{SpeechProblem::EngineUnavailable, firstLine(said)});
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

// The voice's figures: the time from say() to the first audible sample reaching the sink (median and p95
// for a short label and a long sentence, in Polish and Ukrainian; the shipped Łapy catalogue's
// texts) — each one an espeak-ng process started, its WAV streamed back —, the same while
// interrupting a long utterance (the running child killed), the engine's start-up (finding the
// program and one silent run), the extra resident memory of this process with the voice on, and
// the peak memory of an espeak-ng child (a process of its own, not the kiosk's). The sound
// card adds its own buffer (512 samples, 23 ms at 22050 Hz, kiosk/platform/sdl_audio_sink.cpp)
// and the kiosk a frame (≤ 16 ms) between a touch and say(). A benchmark: it reports and never
// fails. Usage: speech_bench [ROUNDS]
#include "kiosk/speech/espeak_speech.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace okienko::kiosk::speech;
using Clock = std::chrono::steady_clock;

namespace
{

/// Records when the first audible sample after arm() arrives: espeak-ng starts an utterance with a
/// few milliseconds of silence, which a resident does not hear as an answer.
class FirstSampleSink final : public AudioSink
{
  public:
    okienko::Status<SpeechError> open(int) override { return {}; }
    void write(const std::int16_t* samples, std::size_t count) override
    {
        std::lock_guard lock(m_mutex);
        const bool audible = std::any_of(samples, samples + count, [](std::int16_t v) { return v > 300 || v < -300; });
        if (m_armed && audible)
        {
            m_first = Clock::now();
            m_armed = false;
            m_arrived.notify_all();
        }
    }
    void flush() override {}
    bool drain(std::chrono::milliseconds) override { return true; }

    void arm()
    {
        std::lock_guard lock(m_mutex);
        m_armed = true;
    }
    /// Milliseconds from `from` to the first audible sample after arm(); -1 when none came within 2 s.
    double waitMs(Clock::time_point from)
    {
        std::unique_lock lock(m_mutex);
        if (!m_arrived.wait_for(lock, std::chrono::seconds(2), [this] { return !m_armed; }))
            return -1;
        return std::chrono::duration<double, std::milli>(m_first - from).count();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    bool m_armed = false;
    Clock::time_point m_first;
};

long rssKiB()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

std::string catalogue(int service, const char* field, const char* lang)
{
    std::ifstream in(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
    const nlohmann::json c = nlohmann::json::parse(in);
    return c.at("services").at(static_cast<std::size_t>(service)).at(field).at(lang).get<std::string>();
}

void report(const char* what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.empty() || ms.front() < 0)
    {
        std::printf("%-44s no sample arrived\n", what);
        return;
    }
    const double median = ms[ms.size() / 2];
    const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    std::printf("%-44s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (target <= 150)\n", what, median, p95, ms.back());
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
    struct Text
    {
        const char* name;
        std::string text;
        const char* lang;
    };
    // Read before measuring memory: the JSON parser's allocations are not the voice's.
    const std::vector<Text> texts{
        {"pl short label (service name)", catalogue(1, "name", "pl"), "pl"},
        {"uk short label (service name)", catalogue(1, "name", "uk"), "uk"},
        {"pl long sentence (service summary)", catalogue(0, "summary", "pl"), "pl"},
        {"uk long sentence (service summary)", catalogue(0, "summary", "uk"), "uk"},
    };
    const std::string interrupted = catalogue(0, "description", "pl");

    const long rssBefore = rssKiB();
    auto owned = std::make_unique<FirstSampleSink>();
    FirstSampleSink& sink = *owned;
    const Clock::time_point startAt = Clock::now();
    auto created = EspeakSpeech::create(std::move(owned), EspeakOptions{});
    const double startMs = std::chrono::duration<double, std::milli>(Clock::now() - startAt).count();
    if (!created.ok())
    {
        std::printf("espeak-ng did not start: %s\n", created.error().toString().c_str());
        return 0;
    }
    EspeakSpeech& speech = *created.value();
    const long rssStarted = rssKiB();
    std::printf("voice start-up (program found, one silent run): %.1f ms, %d Hz; %d rounds each\n\n", startMs,
                speech.sampleRate(), rounds);

    // `before` runs ahead of each round: what the engine was doing when the label was asked for.
    const auto measure =
        [&](const char* name, const std::string& text, const char* lang, const std::function<void()>& before)
    {
        std::vector<double> ms;
        for (int i = 0; i < rounds; ++i)
        {
            before();
            sink.arm();
            const Clock::time_point asked = Clock::now();
            speech.say(text, lang);
            ms.push_back(sink.waitMs(asked));
            (void)speech.waitUntilDone(std::chrono::seconds(30));
        }
        report(name, ms);
    };
    const auto idleIn = [&](const char* lang)
    {
        return [&speech, lang]
        {
            // The resident's previous label in that language, heard to its end: the engine is idle
            // and its next espeak-ng, started ahead, has loaded the voice.
            speech.say(std::string(lang) == "uk" ? "Так" : "Tak", lang);
            (void)speech.waitUntilDone(std::chrono::seconds(5));
        };
    };
    for (const Text& t : texts)
        measure(t.name, t.text, t.lang, idleIn(t.lang));
    measure("pl short label after a uk one (voice change)", texts[0].text, "pl",
            [&]
            {
                speech.say("Їжак", "uk");
                (void)speech.waitUntilDone(std::chrono::seconds(5));
            });
    measure("pl short label interrupting a description", texts[0].text, "pl",
            [&]
            {
                sink.arm();
                speech.say(interrupted, "pl");
                (void)sink.waitMs(Clock::now());
            });
    speech.say(texts[2].text, "en");
    (void)speech.waitUntilDone(std::chrono::seconds(30));
    const long rssSpoken = rssKiB();
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    std::printf("\nresident memory of this process: %ld KiB before, +%ld KiB with the voice started, +%ld KiB after "
                "speaking pl, uk and en\n",
                rssBefore, rssStarted - rssBefore, rssSpoken - rssBefore);
    std::printf("espeak-ng children: %llu started, the largest peaked at %ld KiB resident (a process of its own, "
                "alive only while it speaks)\n",
                static_cast<unsigned long long>(speech.childrenStarted()), children.ru_maxrss);
    return 0;
}

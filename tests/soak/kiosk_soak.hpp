// The monkey soak of the real kiosk: okienko-kiosk runs headless on the script `monkey SEED STEPS`
// (a simulated month of seeded random use, kiosk/platform/monkey.hpp) against a real okienko-central
// behind its nginx front (with a test CA) and a private cupsd, while this harness injects faults on
// the way — the server killed (SIGKILL or SIGTERM) and restarted on the same address, the receipt
// queue switched to a backend that fails as a printer out of paper, jammed or with its cover open,
// and back. It reads the kiosk's `[monkey]` figure lines and its log and says what a person watching
// the kiosk for a month would want to know: did it crash, get stuck, throw, leak memory,
// descriptors or threads, and how large did its database get. The short run is a ctest test
// (tests/soak, label soak), the long one bench/kiosk_soak.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace okienko::test
{

struct SoakOptions
{
    std::uint32_t seed = 1;
    long steps = 600;
    /// Real time between two injected faults; 0: none.
    std::chrono::milliseconds faultEvery{std::chrono::seconds(15)};
    /// A run still going then is killed (and counts as stuck).
    std::chrono::seconds timeLimit{600};
    /// false: frames are laid out but not rasterised (OKIENKO_SCRIPT_LAYOUT_ONLY=1), faster.
    bool pixels = true;
    /// Figures every this many steps (0: the monkey's default, STEPS/100).
    long reportEvery = 0;
    /// The kiosk binary to run (the release build's by default; a sanitizer build's for the ASan run).
    std::string kioskBinary;
    /// Added to the kiosk's environment (ASAN_OPTIONS, …).
    std::vector<std::pair<std::string, std::string>> env;
    /// Print progress (faults, figure lines) to stderr as the run goes.
    bool verbose = false;
};

/// One `[monkey]` figure line.
struct SoakSample
{
    long step = 0;
    int day = 0;
    std::string screen;
    std::int64_t rssKib = 0;
    std::int64_t pssKib = 0;
    std::int64_t anonKib = 0;     ///< anonymous memory (heap, stacks): what a leak grows
    std::int64_t heapUsedKib = 0; ///< malloc's bytes in use: a leak, not allocator retention
    std::int64_t heapFreeKib = 0; ///< malloc's freed bytes kept in its arenas
    int fds = 0;
    int threads = 0;
    std::int64_t dbBytes = 0;
    std::int64_t walBytes = 0;
    /// The large text faces were baked (a session wanted large text): ~4.5 MiB more of the
    /// glyph atlas, so memory is compared between samples without them.
    bool largeText = false;
    /// (screen, language, text size) combinations the monkey had drawn by then.
    int seen = 0;
};

struct SoakResult
{
    std::string setupError; ///< the cupsd, server or seed could not be prepared; nothing ran
    int exitCode = -1;      ///< the kiosk's; -1 when it did not exit normally
    bool crashed = false;   ///< it ended without an exit code (a signal), not at the time limit
    bool timedOut = false;
    bool finished = false;               ///< the monkey printed its `done` line
    std::string failure;                 ///< the runner's FAILED line and what follows (the stuck report)
    std::vector<std::string> unexpected; ///< the app's "unexpected … exception" log lines
    std::vector<std::string> sanitizer;  ///< sanitizer report lines (AddressSanitizer, runtime error, leaks)
    std::vector<SoakSample> samples;
    int outages = 0;       ///< server kills injected
    int printerFaults = 0; ///< printer fault switches injected
    int printJobs = 0;     ///< slips the capture backend received
    std::chrono::milliseconds wall{0};
    std::string logTail; ///< the last lines of it, for a failure message

    /// The first sample at or after a fifth of the run (caches, fonts and the catalogue settled)
    /// without the large text faces baked.
    const SoakSample* warmUp() const;
    /// The first pass: the first sample without the large text faces baked by which the monkey
    /// has drawn at least 98 % of the (screen, language, text size) combinations it draws in the
    /// whole run. Memory a screen keeps once it has been drawn (its ImGui window, its glyphs, its
    /// queries' statements) is all there by then: growth after it is what use adds. Null when the
    /// kiosk did not report what it had drawn.
    const SoakSample* firstPass() const;
    /// Growth of `field` after the first pass, robust to where a single sample happens to be (a
    /// screen's state moves malloc's bytes in use by ±0.7 MiB): the median over the last third of
    /// the samples after firstPass() minus the median over the first third, both without the large
    /// text faces. 0 without a first pass or with fewer than three such samples.
    template <typename Field> std::int64_t medianGrowthAfterFirstPass(Field field) const
    {
        const SoakSample* p = firstPass();
        std::vector<std::int64_t> after;
        for (const SoakSample& s : samples)
            if (p != nullptr && s.step >= p->step && !s.largeText)
                after.push_back(field(s));
        if (after.size() < 3)
            return 0;
        const std::size_t third = after.size() / 3;
        const auto median = [](std::vector<std::int64_t> v)
        {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        return median({after.end() - static_cast<std::ptrdiff_t>(third), after.end()}) -
               median({after.begin(), after.begin() + static_cast<std::ptrdiff_t>(third)});
    }
    /// The last sample without the large text faces baked: memory growth is measured to it.
    const SoakSample* lastWithoutLargeText() const;
    const SoakSample* last() const { return samples.empty() ? nullptr : &samples.back(); }
    /// Highest minus lowest value of `field` over the samples from warm-up on.
    template <typename Field> std::int64_t spreadAfterWarmUp(Field field) const
    {
        const SoakSample* w = warmUp();
        if (w == nullptr)
            return 0;
        std::int64_t lo = field(*w);
        std::int64_t hi = lo;
        for (const SoakSample& s : samples)
        {
            if (s.step < w->step)
                continue;
            lo = std::min<std::int64_t>(lo, field(s));
            hi = std::max<std::int64_t>(hi, field(s));
        }
        return hi - lo;
    }
    /// One paragraph of figures (steps, days, memory at warm-up and end, fds, threads, db sizes).
    std::string summary() const;
};

/// Prepares the server, the cupsd and the kiosk's data, runs the soak and cleans up.
/// OKIENKO_SOAK_KEEP_LOG=FILE keeps the kiosk's whole output in FILE.
SoakResult runKioskSoak(const SoakOptions& options);

} // namespace okienko::test

// The short monkey soak: the real kiosk, a real okienko-central behind nginx and a private cupsd,
// a simulated month of seeded random use in about a minute, with the server killed and restarted
// and the printer failing on the way. What a month unattended must not show: a crash, a screen with
// no way out, an exception the app had to catch, a sanitizer report (under the ASan build),
// descriptors or threads that keep rising, memory that keeps growing, a database that grows without
// bound. A failure names the seed and the step; `kiosk_soak --seed N --steps M` replays it.
#include "tests/soak/kiosk_soak.hpp"

#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

/// Sanitizer builds are several times slower and hold more memory in their quarantine.
bool underSanitizer()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#else
    return std::getenv("OKIENKO_SOAK_SANITIZER") != nullptr;
#endif
}

TEST(KioskSoakTest, AMonthOfRandomUseWithOutagesLeavesNoCrashNoStuckScreenAndFlatResources)
{
    test::SoakOptions o;
    o.seed = 190019;
    // Frames laid out but not rasterised (the long run in bench/kiosk_soak draws pixels): a month
    // of 80 steps a day in 5–30 s (5 s on a quiet 2-core machine), a fault every 400 ms: the first six
    // faults (two outages, two printer faults) need 2.4 s of the run whatever the machine's speed.
    o.pixels = false;
    o.steps = underSanitizer() ? 1000 : 2400;
    o.faultEvery = 400ms;
    o.timeLimit = underSanitizer() ? 700s : 240s;
    o.reportEvery = o.steps / 60;
    if (underSanitizer())
        o.env = {{"ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1"},
                 {"LSAN_OPTIONS", std::string("suppressions=") + OKIENKO_SOURCE_DIR + "/tests/sanitizers/lsan.supp"},
                 {"UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"}};
    const test::SoakResult r = test::runKioskSoak(o);
    ASSERT_TRUE(r.setupError.empty()) << r.setupError;
    std::printf("%s", r.summary().c_str()); // the figures, also when every check passes
    const std::string replay = "seed " + std::to_string(o.seed) + ", " + std::to_string(o.steps) + " steps\n" +
                               r.summary() + "log tail:\n" + r.logTail;

    ASSERT_FALSE(r.timedOut) << "the run did not end in time (stuck, or a slow machine); " << replay;
    EXPECT_FALSE(r.crashed) << "the kiosk crashed; " << replay;
    EXPECT_TRUE(r.failure.empty()) << r.failure << replay;
    EXPECT_EQ(r.exitCode, 0) << replay;
    EXPECT_TRUE(r.finished) << replay;
    EXPECT_TRUE(r.unexpected.empty()) << r.unexpected.front() << "\n" << replay;
    EXPECT_TRUE(r.sanitizer.empty()) << r.sanitizer.front() << "\n" << replay;
    // The faults really happened while it ran.
    EXPECT_GE(r.outages, 2) << replay;
    EXPECT_GE(r.printerFaults, 2) << replay;

    ASSERT_GE(r.samples.size(), 20u) << replay;
    const test::SoakSample& end = *r.last();
    EXPECT_EQ(end.step, o.steps) << replay;
    EXPECT_EQ(end.day, 30) << "a simulated month: " << replay;
    // Flat: a descriptor or thread per fault, print or PIN check would be dozens by the end. The
    // sync worker's connection to the server and the cupsd connection come and go, hence a little room.
    EXPECT_LE(r.spreadAfterWarmUp([](const test::SoakSample& s) { return s.fds; }), 3) << replay;
    EXPECT_LE(r.spreadAfterWarmUp([](const test::SoakSample& s) { return s.threads; }), 2) << replay;
    // The goal is 1 MiB over a month (bench/kiosk_soak measures it with pixels). In this short run the
    // heap still settles after warm-up (screens and staff pages first reached late, the sync and
    // print workers' first faults): 1.5–1.8 MiB measured, so the bound is 3 MiB; a leak of a
    // kilobyte per step would be 2.4 MiB on top. Under ASan the allocator's quarantine and shadow
    // memory make memory figures say nothing about the kiosk: there LeakSanitizer at exit is the check.
    if (!underSanitizer())
    {
        // Anonymous memory: RSS also counts library and font pages touched late for the first time.
        // Both without the large text faces, which a session bakes for itself (the atlas).
        const std::int64_t heapGrowth = r.lastWithoutLargeText()->anonKib - r.warmUp()->anonKib;
        EXPECT_LE(heapGrowth, 3 * 1024) << replay;
    }
    // What the kiosk database keeps is bounded by retention: requests leave once the server has
    // them, receipts are capped, and the WAL is checkpointed.
    EXPECT_LE(end.dbBytes + end.walBytes, 16 * 1024 * 1024) << replay;
}

} // namespace

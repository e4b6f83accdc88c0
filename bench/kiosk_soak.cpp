// bench/kiosk_soak: the long monkey soak of the real kiosk (tests/soak/kiosk_soak.hpp) — a simulated
// month of seeded random use with server outages and printer faults — and its figures beside the
// goals of issue 19: no crash, not stuck, memory growth after warm-up ≤ 1 MiB, descriptors and
// threads flat, the database bounded. Never fails: it prints.
//
//   kiosk_soak [--seed N] [--steps N] [--fault-every SECONDS] [--minutes LIMIT] [--layout-only] [--kiosk PATH]
#include "tests/soak/kiosk_soak.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv)
{
    okienko::test::SoakOptions o;
    o.seed = 20261207;
    // Twice the steps of a month of lobby use (6,000): the first pass over every screen, language and
    // text size ends near step 3,800, and the rest (longer than a whole month) shows whether memory
    // still grows after it.
    o.steps = 12000;
    o.faultEvery = std::chrono::seconds(20);
    o.timeLimit = std::chrono::minutes(60);
    o.verbose = true;
    for (int i = 1; i < argc; ++i)
    {
        const std::string a = argv[i];
        const char* next = i + 1 < argc ? argv[i + 1] : "0";
        if (a == "--seed")
            o.seed = static_cast<std::uint32_t>(std::strtoul(next, nullptr, 10)), ++i;
        else if (a == "--steps")
            o.steps = std::strtol(next, nullptr, 10), ++i;
        else if (a == "--fault-every")
            o.faultEvery = std::chrono::seconds(std::strtol(next, nullptr, 10)), ++i;
        else if (a == "--minutes")
            o.timeLimit = std::chrono::minutes(std::strtol(next, nullptr, 10)), ++i;
        else if (a == "--layout-only")
            o.pixels = false;
        else if (a == "--kiosk") // another binary, or a wrapper that runs it under a heap profiler
            o.kioskBinary = next, ++i;
        else
        {
            std::fprintf(stderr,
                         "usage: %s [--seed N] [--steps N] [--fault-every SECONDS] [--minutes LIMIT] "
                         "[--layout-only] [--kiosk PATH]\n",
                         argv[0]);
            return 0;
        }
    }
    std::printf("kiosk soak: seed %u, %ld steps over %d simulated days, a fault every %lld s\n", o.seed, o.steps, 30,
                static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(o.faultEvery).count()));
    std::fflush(stdout);
    const okienko::test::SoakResult r = okienko::test::runKioskSoak(o);
    if (!r.setupError.empty())
    {
        std::printf("could not run: %s\n", r.setupError.c_str());
        return 0;
    }
    std::printf("%s", r.summary().c_str());
    const okienko::test::SoakSample* w = r.warmUp();
    const okienko::test::SoakSample* e = r.last();
    const okienko::test::SoakSample* m = r.lastWithoutLargeText(); // memory: without the large text faces
    if (w != nullptr && e != nullptr)
    {
        std::printf("figure                               now        goal\n");
        std::printf("crashes                              %-10d 0\n", r.crashed ? 1 : 0);
        std::printf("stuck                                %-10s no\n", r.failure.empty() && !r.timedOut ? "no" : "YES");
        std::printf("unexpected exceptions                %-10zu 0\n", r.unexpected.size());
        std::printf("RSS growth after warm-up             %-6lld KiB ≤ 1024 KiB\n",
                    static_cast<long long>(m->rssKib - w->rssKib));
        std::printf("anonymous (heap) growth after warm-up %-6lld KiB ≤ 1024 KiB\n",
                    static_cast<long long>(m->anonKib - w->anonKib));
        std::printf("PSS growth after warm-up             %-6lld KiB ≤ 1024 KiB\n",
                    static_cast<long long>(m->pssKib - w->pssKib));
        if (const okienko::test::SoakSample* p = r.firstPass())
        {
            // The goal's figure: what use adds once every screen has been drawn in every language and
            // text size (malloc's bytes in use; anonymous memory also counts what the allocator keeps).
            // Medians of the first and last thirds after it: one sample moves by ±0.7 MiB with the
            // state of the screen it was taken on.
            std::printf("malloc in use growth after the first pass %-6lld KiB ≤ 1024 KiB (first pass: step %ld; "
                        "medians of the first and last thirds after it)\n",
                        static_cast<long long>(r.medianGrowthAfterFirstPass([](const okienko::test::SoakSample& s)
                                                                            { return s.heapUsedKib; })),
                        p->step);
            std::printf("anonymous growth after the first pass %-6lld KiB (idem; also what malloc keeps free)\n",
                        static_cast<long long>(r.medianGrowthAfterFirstPass([](const okienko::test::SoakSample& s)
                                                                            { return s.anonKib; })));
        }
        std::printf("fds warm-up → end                    %d → %d    flat\n", w->fds, e->fds);
        std::printf("threads warm-up → end                %d → %d    flat\n", w->threads, e->threads);
    }
    std::printf("samples (step day seen rss_kib pss_kib anon_kib heap_used_kib fds threads db+wal_kib):\n");
    const std::size_t every = r.samples.size() > 24 ? r.samples.size() / 24 : 1;
    for (std::size_t i = 0; i < r.samples.size(); ++i)
    {
        if (i % every != 0 && i + 1 != r.samples.size())
            continue;
        const okienko::test::SoakSample& s = r.samples[i];
        std::printf("  %6ld %3d %3d %7lld %7lld %7lld %7lld %3d %3d %7lld\n", s.step, s.day, s.seen,
                    static_cast<long long>(s.rssKib), static_cast<long long>(s.pssKib),
                    static_cast<long long>(s.anonKib), static_cast<long long>(s.heapUsedKib), s.fds, s.threads,
                    static_cast<long long>((s.dbBytes + s.walBytes) / 1024));
    }
    if (!r.failure.empty())
        std::printf("failure:\n%s", r.failure.c_str());
    for (const std::string& u : r.unexpected)
        std::printf("exception: %s\n", u.c_str());
    if (r.crashed || r.timedOut)
        std::printf("log tail:\n%s", r.logTail.c_str());
    return 0;
}

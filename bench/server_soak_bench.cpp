// The server soak's long run: 64 simulated kiosks (the real sync client, a database each) against
// the real okienko-central over HTTPS on loopback for many simulated hours, every kiosk offline for
// a stretch and then sending its backlog at once. Prints the server's memory, open files, threads
// and database size after every hour, then the checks the test makes (tests/integration/server/
// server_soak_test) with their goals. Never fails a build.
// Usage: server_soak_bench [hours=48] [kiosks=64] [outage_from=20] [outage_hours=8]
#include "bench/bench_figures.hpp"
#include "tests/integration/server/server_soak.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace okienko::test;

int main(int argc, char** argv)
{
    SoakOptions o;
    o.hours = argc > 1 ? std::atoi(argv[1]) : 48;
    o.kiosks = argc > 2 ? std::atoi(argv[2]) : 64;
    o.outageFrom = argc > 3 ? std::atoi(argv[3]) : 20;
    o.outageHours = argc > 4 ? std::atoi(argv[4]) : 8;
    o.callbacksPerHour = 3;
    o.usagePerHour = 12;
    o.printHours = true;
    std::printf("server soak: %d kiosks, %d simulated hours, all offline hours %d-%d, %d events per kiosk-hour; "
                "load average %s\n\n",
                o.kiosks, o.hours, o.outageFrom, o.outageFrom + o.outageHours - 1, o.callbacksPerHour + o.usagePerHour,
                okienko::bench::loadAverage().c_str());
    const SoakReport r = runServerSoak(o);
    if (!r.error.empty())
    {
        std::printf("error: %s\n", r.error.c_str());
        return 0;
    }
    const auto& warm = r.hours.size() > 1 ? r.hours[1].server : ProcessSample{};
    const auto& last = r.hours.back();
    int overbooked = 0;
    for (const auto& [day, granted] : r.holdsGranted)
        overbooked += granted > o.units ? 1 : 0;
    std::printf("\n| figure | value | goal |\n|---|---|---|\n");
    std::printf("| events queued / acknowledged / on the server | %lld / %lld / %lld | all equal |\n",
                static_cast<long long>(r.eventsQueued), static_cast<long long>(r.eventsAcknowledged),
                static_cast<long long>(r.serverEvents));
    std::printf("| missing / unknown on the server, left in outboxes, dead letters | %lld / %lld / %lld / %lld | 0 |\n",
                static_cast<long long>(r.missingOnServer), static_cast<long long>(r.unknownOnServer),
                static_cast<long long>(r.kioskPending), static_cast<long long>(r.kioskDeadLetters));
    std::printf("| sync failures while online, hold errors | %d, %d | 0 |\n", r.syncFailures, r.holdErrors);
    std::printf("| days with more holds than %d units | %d of %zu | 0 |\n", o.units, overbooked, r.holdsGranted.size());
    std::printf("| backlog after the outage | %lld events in %.2f s (%.0f/s) | — |\n",
                static_cast<long long>(r.backlogEvents), r.backlogSeconds,
                r.backlogSeconds > 0 ? static_cast<double>(r.backlogEvents) / r.backlogSeconds : 0.0);
    std::printf("| server RSS after warm-up → end | %.1f → %.1f MiB | flat |\n",
                static_cast<double>(warm.rssKiB) / 1024.0, static_cast<double>(last.server.rssKiB) / 1024.0);
    std::printf("| open files, threads after warm-up → end | %d → %d, %d → %d | flat |\n", warm.openFds,
                last.server.openFds, warm.threads, last.server.threads);
    std::printf("| database at the end | %.1f MiB (%.0f bytes per event), WAL %.1f MiB | bounded |\n",
                static_cast<double>(last.dbBytes) / 1048576.0,
                static_cast<double>(last.dbBytes) / static_cast<double>(std::max<std::int64_t>(1, r.eventsQueued)),
                static_cast<double>(last.walBytes) / 1048576.0);
    std::printf("load average at the end: %s\n", okienko::bench::loadAverage().c_str());
    return 0;
}

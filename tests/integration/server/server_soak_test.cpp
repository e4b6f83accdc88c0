// The server soak's short run (label soak): 64 simulated kiosks for 8 simulated hours, every kiosk
// offline for two of them, then everyone's backlog at once. Asserts what the kiosks and the
// coordinators depend on: every queued event on the server exactly once, no unit held twice, and a
// server whose memory, open files and threads stop growing once warmed up.
#include "tests/integration/server/server_soak.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace okienko::test
{
namespace
{

TEST(ServerSoak, SixtyFourKiosksThroughAnOutageLoseNothingDuplicateNothingAndDoubleBookNothing)
{
    SoakOptions o;
    o.kiosks = 64;
    o.hours = 8;
    o.outageFrom = 3;
    o.outageHours = 2;
    const SoakReport r = runServerSoak(o);
    ASSERT_EQ(r.error, "");
    const int perHour = o.callbacksPerHour + o.usagePerHour;

    // Nothing lost, nothing duplicated: each queued event is one row on the server, each acknowledged once.
    EXPECT_EQ(r.syncFailures, 0);
    EXPECT_EQ(r.eventsQueued, static_cast<std::int64_t>(o.kiosks) * o.hours * perHour);
    EXPECT_EQ(r.kioskPending, 0);
    EXPECT_EQ(r.kioskDeadLetters, 0);
    EXPECT_EQ(r.eventsAcknowledged, r.eventsQueued);
    EXPECT_EQ(r.serverEvents, r.eventsQueued);
    EXPECT_EQ(r.missingOnServer, 0);
    EXPECT_EQ(r.unknownOnServer, 0);
    EXPECT_EQ(r.serverCallbacks, r.callbacksQueued);
    EXPECT_EQ(r.serverUsage, r.usageQueued);

    // The hour after the outage carried everyone's backlog: the two offline hours and its own.
    EXPECT_EQ(r.backlogEvents, static_cast<std::int64_t>(o.kiosks) * (o.outageHours + 1) * perHour);

    // No double booking: 64 kiosks race for 3 units each online hour; exactly 3 holds win, and the
    // server's reservations say the same.
    EXPECT_EQ(r.holdErrors, 0);
    EXPECT_EQ(r.holdRequests, o.kiosks * (o.hours - o.outageHours));
    EXPECT_EQ(r.holdsGranted.size(), static_cast<std::size_t>(o.hours - o.outageHours));
    for (const auto& [day, granted] : r.holdsGranted)
    {
        EXPECT_EQ(granted, o.units) << day;
        const auto held = r.serverHeldPerDay.find(day);
        EXPECT_EQ(held == r.serverHeldPerDay.end() ? 0 : held->second, granted) << day;
    }

    // Flat after warm-up (the first two hours): threads the same, open files and memory within an
    // allowance (SQLite's page caches, 2 MB per connection, and malloc's per-thread arenas fill as
    // the database grows and the backlog arrives; the long run levels off after its backlog).
    ASSERT_EQ(r.hours.size(), static_cast<std::size_t>(o.hours));
    const ProcessSample warm = r.hours[1].server;
    ASSERT_TRUE(warm.ok);
    for (const SoakHour& h : r.hours)
    {
        ASSERT_TRUE(h.server.ok) << "hour " << h.hour;
        if (h.hour < 2)
            continue;
        EXPECT_EQ(h.server.threads, warm.threads) << "hour " << h.hour;
        // Files: bounded by the database connections that were ever open at once, not by requests.
        // Readers past the pool of 4 are opened while requests overlap (one per busy worker at most)
        // and closed after; SQLite keeps a closed connection's database descriptor open while the
        // process holds a lock on that file (closing it would drop the process's POSIX locks) and
        // reuses it for the next connection. How many overlap depends on the machine's timing (CI
        // has seen 29 at once), so the bound is 2 files for each worker, the writer, the WAL
        // checkpointer and slack, plus the fixed ones (log, pipes, lock); a per-request leak would
        // add thousands.
        EXPECT_LE(h.server.openFds - h.server.sockets, 2 * (r.serverThreads + 4) + 24)
            << "hour " << h.hour << ": " << describeKinds(h.server);
        // Sockets: never more than one per kiosk.
        EXPECT_LE(h.server.sockets, o.kiosks + 2) << "hour " << h.hour;
        EXPECT_LE(h.server.rssKiB, warm.rssKiB + 16 * 1024) << "hour " << h.hour;
        // The WAL is checkpointed as it goes: it never holds more than a few MiB.
        EXPECT_LE(h.walBytes, 16 * 1024 * 1024) << "hour " << h.hour;
    }
    // The database grows with what it keeps, a bounded size per event.
    const std::int64_t grown = r.hours.back().dbBytes - r.hours.front().dbBytes;
    EXPECT_LE(grown, r.eventsQueued * 4096) << "bytes per event: " << grown / std::max<std::int64_t>(1, r.eventsQueued);
}

} // namespace
} // namespace okienko::test

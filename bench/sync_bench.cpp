// sync_bench: how long a kiosk takes to send a backlog of queued events (default 10,000 — a long
// offline weekend on a busy kiosk) over HTTPS and record every acknowledgement. The bar is ≤ 10 s.
// Against the real okienko-central when it is built (or OKIENKO_CENTRAL_BIN names it), else against
// the in-process stand-in server of the integration tests. Prints one table; never fails a build.
// Usage: sync_bench [events]
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/https_client.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "tests/integration/sync/kiosk_fixture.hpp"
#include "tests/integration/sync/sync_server.hpp"
#include "tests/support/sync_test_pki.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

using namespace okienko;
using Clock = std::chrono::steady_clock;

namespace
{
double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}
} // namespace

int main(int argc, char** argv)
{
    const int events = argc > 1 ? std::atoi(argv[1]) : 10000;
    test::SyncTestPki pki;
    if (!pki.ok())
    {
        std::fprintf(stderr, "pki: %s\n", pki.error().c_str());
        return 1;
    }
    const char* binary = std::getenv("OKIENKO_CENTRAL_BIN");
#ifdef OKIENKO_CENTRAL_BIN_DEFAULT
    if (binary == nullptr)
        binary = OKIENKO_CENTRAL_BIN_DEFAULT;
#endif
    auto target =
        binary != nullptr && *binary != '\0' ? test::startRealCentral(pki, binary) : test::startFakeCentral(pki);
    if (!target)
    {
        std::fprintf(stderr, "server: %s\n", target.error().c_str());
        return 1;
    }

    test::TempDir dir("sync-bench");
    auto db = kiosk::openKioskDatabase(dir.file("kiosk.db"));
    if (!db)
        return 1;
    sync::Outbox outbox(*db);
    const auto t0 = Clock::now();
    for (int i = 0; i < events; ++i)
        if (test::queueCallbackRequest(*db, outbox, i).empty())
        {
            std::fprintf(stderr, "enqueue failed at %d\n", i);
            return 1;
        }
    const auto enqueued = Clock::now() - t0;

    sync::HttpsConfig https;
    https.baseUrl = (*target)->url();
    https.caFile = pki.caFile();
    https.bearerToken = (*target)->token();
    sync::HttpsClient client(https);
    sync::SyncSession session(*db, client, sync::SyncClock::system());
    const auto t1 = Clock::now();
    int sent = 0, rejected = 0;
    sync::StepResult result;
    for (int round = 0; round < 100; ++round)
    {
        result = session.pushOutbox();
        sent += result.eventsSent;
        rejected += result.eventsRejected;
        // A server that rate-limits (429) or is busy (503) is part of the real world: wait as told.
        if (result.ok || (result.httpStatus != 429 && result.httpStatus != 503))
            break;
        std::this_thread::sleep_for(result.retryAfter.value_or(std::chrono::seconds(1)));
    }
    const auto synced = Clock::now() - t1;
    const auto left = outbox.depth();

    std::printf("| sync benchmark (%s) | value |\n|---|---|\n", (*target)->name().c_str());
    std::printf("| events queued (one Full commit each) | %d in %.2f s (%.0f/s) |\n", events, seconds(enqueued),
                events / seconds(enqueued));
    std::printf("| events sent and acknowledged | %d (rejected %d, left %lld) |\n", sent, rejected,
                left ? static_cast<long long>(*left) : -1LL);
    std::printf("| time to sync the backlog | %.2f s (%.0f events/s) — bar ≤ 10 s |\n", seconds(synced),
                sent / seconds(synced));
    if (!result.ok)
        std::printf("| error | %s %s |\n", result.error.c_str(), result.detail.c_str());
    return 0;
}

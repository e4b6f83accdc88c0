// sync_bench: how long a kiosk takes to send a backlog of queued events (default 10,000 — a long
// offline weekend on a busy kiosk) over HTTPS and record every acknowledgement. Goal: ≤ 1 s.
// Against the real okienko-central when it is built (or OKIENKO_CENTRAL_BIN names it), else against
// the in-process stand-in server of the integration tests. The batch size and pipelining can be
// set to compare with the earlier shape (100 per batch, one batch at a time). Prints one table
// with the load average; never fails a build.
// Usage: sync_bench [events=10000] [batch=500] [pipeline=1]
#include "bench/bench_figures.hpp"
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
#include <filesystem>
#include <fstream>
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

/// CPU seconds of the process whose command line names `needle` (the real server's config file in its
/// data directory), or -1 when there is none.
double cpuSecondsOfProcessNaming(const std::string& needle)
{
    if (needle.empty())
        return -1;
    for (const auto& entry : std::filesystem::directory_iterator("/proc"))
    {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream cmdline(entry.path() / "cmdline");
        std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
        if (args.find(needle) == std::string::npos || args.find("serve") == std::string::npos)
            continue;
        return bench::processCpuSeconds(static_cast<pid_t>(std::stol(pid)));
    }
    return -1;
}
} // namespace

int main(int argc, char** argv)
{
    const int events = argc > 1 ? std::atoi(argv[1]) : 10000;
    sync::SessionOptions options;
    if (argc > 2)
        options.batchSize = std::atoi(argv[2]);
    if (argc > 3)
        options.pipeline = std::atoi(argv[3]) != 0;
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
    sync::SyncSession session(*db, client, sync::SyncClock::system(), options);
    const std::string load = bench::loadAverage();
    const std::string serverNeedle = (*target)->dataDir().empty() ? "" : (*target)->dataDir() + "/central.toml";
    const double serverCpu0 = cpuSecondsOfProcessNaming(serverNeedle);
    const double kioskCpu0 = bench::selfCpuSeconds();
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
    const double kioskCpu = bench::selfCpuSeconds() - kioskCpu0;
    const double serverCpu = serverCpu0 < 0 ? -1 : cpuSecondsOfProcessNaming(serverNeedle) - serverCpu0;
    const auto left = outbox.depth();

    std::printf("| sync benchmark (%s) | value |\n|---|---|\n", (*target)->name().c_str());
    std::printf("| events queued (one Full commit each) | %d in %.2f s (%.0f/s) |\n", events, seconds(enqueued),
                events / seconds(enqueued));
    std::printf("| events sent and acknowledged | %d (rejected %d, left %lld) |\n", sent, rejected,
                left ? static_cast<long long>(*left) : -1LL);
    std::printf("| batch size, pipelined | %d, %s |\n", options.batchSize, options.pipeline ? "yes" : "no");
    std::printf("| time to sync the backlog | %.2f s (%.0f events/s) — goal ≤ 1 s |\n", seconds(synced),
                sent / seconds(synced));
    std::printf("| CPU during the sync: kiosk, server | %.2f s, %.2f s (%.0f + %.0f µs per event) |\n", kioskCpu,
                serverCpu, 1e6 * kioskCpu / events, 1e6 * serverCpu / events);
    std::printf("| load average when the sync started | %s |\n", load.c_str());
    if (!result.ok)
        std::printf("| error | %s %s |\n", result.error.c_str(), result.detail.c_str());
    return 0;
}

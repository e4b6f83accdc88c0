// okienko-central throughput over real HTTPS on loopback: the real binary is started with a test
// CA, then batches of 100 events are posted over 1, 4, 16 and 64 concurrent keep-alive connections
// (TCP_NODELAY on both sides), and the resulting change log is paged 1000 at a time; then the same
// with a second `serve` process on the same database, the connections alternating between the two.
// Beside each rate, the batches' p50 and p99 and the CPU time the server processes and this client
// process spent per event (from /proc/<pid>/stat and getrusage), so the figure can be read on a
// machine shared with other work; the load average is printed too. Prints tables; never fails a
// build. Goal: ≥ 20,000 events/s with 16 connections on a 2-core machine, every batch acknowledged
// after its synchronous commit.
#include "bench/bench_figures.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <httplib.h>
#include <mutex>
#include <sstream>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace okienko;
using namespace okienko::protocol;

namespace
{
std::unique_ptr<httplib::SSLClient> client(int port, const std::string& ca, const std::string& token)
{
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    c->set_ca_cert_path(ca.c_str());
    c->enable_server_certificate_verification(true);
    c->set_tcp_nodelay(true);
    c->set_keep_alive(true);
    c->set_read_timeout(60, 0);
    c->set_default_headers({{"Authorization", "Bearer " + token}});
    return c;
}

/// Half callbacks (de-duplication lookup, request row, change-log row), half anonymous usage rows.
std::vector<Event> makeEvents(int count, int salt)
{
    std::vector<Event> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
    {
        if (i % 2 == 0)
        {
            domain::CallbackRequest c;
            c.id = newUuid();
            c.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "bench").value();
            c.phone = std::to_string(500000000 + salt * 100000 + i);
            c.day = Date{2030, 1, 2};
            out.push_back(makeCallbackRequested(c));
        }
        else
        {
            domain::UsageEvent u;
            u.id = newUuid();
            u.kind = domain::UsageKind::ServiceViewed;
            u.flow = "catalog";
            u.serviceId = "lapy-wypozyczalnia";
            out.push_back(makeUsageEvent(u));
        }
    }
    return out;
}
} // namespace

int main()
{
    std::signal(SIGPIPE, SIG_IGN);
    test::TestCa ca;
    if (!ca.make())
    {
        std::fprintf(stderr, "%s\n", ca.error().c_str());
        return 1;
    }
    // Direct: the figures are the server's own, without the front's per-address connection limit.
    // 64 keep-alive connections each hold a worker of a direct server: threads for all of them.
    test::CentralProcess server(ca, "[rate_limit]\nrequests_per_second = 100000\nburst = 100000\n",
                                test::Deployment::Direct, 80);
    const std::string token = server.prepare(test::testCatalogJson(3));
    if (token.empty() || !server.start())
    {
        std::fprintf(stderr, "cannot start okienko-central\n");
        return 1;
    }
    constexpr int kEventsPerRun = 12000;
    constexpr int kBatch = 100;
    std::printf("okienko-central, HTTPS loopback, batches of %d events, %d events per run\n", kBatch, kEventsPerRun);
    std::printf("load average at start: %s\n", bench::loadAverage().c_str());
    int salt = 0;
    // One table per number of server processes: the connections alternate between them.
    auto table = [&](const std::vector<int>& ports, const std::vector<pid_t>& pids)
    {
        std::printf("\n%zu server process%s on one database\n", ports.size(), ports.size() == 1 ? "" : "es");
        std::printf("| connections | events/s | batches/s | batch p50 ms | batch p99 ms | server CPU µs/event | client "
                    "CPU µs/event | goal |\n|---|---|---|---|---|---|---|---|\n");
        for (int connections : {1, 4, 16, 64})
        {
            const int batchesPerConnection = std::max(1, kEventsPerRun / kBatch / connections);
            std::vector<std::vector<std::string>> bodies(static_cast<std::size_t>(connections));
            for (auto& perConnection : bodies)
                for (int b = 0; b < batchesPerConnection; ++b)
                    perConnection.push_back(encodeEventBatch(makeEvents(kBatch, ++salt)));
            std::vector<std::unique_ptr<httplib::SSLClient>> clients;
            for (int i = 0; i < connections; ++i)
            {
                clients.push_back(client(ports[static_cast<std::size_t>(i) % ports.size()], ca.caCert(), token));
                (void)clients.back()->Get("/api/v1/changes?limit=1"); // TLS handshake outside the timing
            }
            std::atomic<int> failures{0};
            std::mutex timesMutex;
            std::vector<double> batchMs;
            double serverCpu0 = 0;
            for (pid_t pid : pids)
                serverCpu0 += bench::processCpuSeconds(pid);
            const double clientCpu0 = bench::selfCpuSeconds();
            const auto start = std::chrono::steady_clock::now();
            std::vector<std::thread> threads;
            for (int i = 0; i < connections; ++i)
                threads.emplace_back(
                    [&, i]
                    {
                        std::vector<double> mine;
                        for (const auto& body : bodies[static_cast<std::size_t>(i)])
                        {
                            const auto t0 = std::chrono::steady_clock::now();
                            auto r =
                                clients[static_cast<std::size_t>(i)]->Post("/api/v1/events", body, "application/json");
                            mine.push_back(
                                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                                    .count());
                            if (!r || r->status != 200)
                                ++failures;
                        }
                        std::lock_guard lock(timesMutex);
                        batchMs.insert(batchMs.end(), mine.begin(), mine.end());
                    });
            for (auto& t : threads)
                t.join();
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const int batches = batchesPerConnection * connections;
            const double events = batches * kBatch;
            double serverCpu = -serverCpu0;
            for (pid_t pid : pids)
                serverCpu += bench::processCpuSeconds(pid);
            const double clientCpu = bench::selfCpuSeconds() - clientCpu0;
            std::sort(batchMs.begin(), batchMs.end());
            auto quantile = [&](double q)
            {
                return batchMs.empty() ? 0.0
                                       : batchMs[static_cast<std::size_t>(q * static_cast<double>(batchMs.size() - 1))];
            };
            std::printf("| %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%s\n", connections, events / seconds,
                        batches / seconds, quantile(0.5), quantile(0.99), 1e6 * serverCpu / events,
                        1e6 * clientCpu / events, connections == 16 && ports.size() == 1 ? "≥ 20,000/s" : "—",
                        failures ? " (failures!)" : "");
        }
    };
    table({server.port()}, {server.pid()});
    if (server.startAnotherProcess() != 1)
    {
        std::fprintf(stderr, "cannot start a second okienko-central\n");
        return 1;
    }
    table({server.backendPortOf(0), server.backendPortOf(1)}, {server.pidOf(0), server.pidOf(1)});

    auto c = client(server.port(), ca.caCert(), token);
    std::string cursor;
    std::size_t changes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (;;)
    {
        auto r = c->Get(("/api/v1/changes?limit=1000&since=" + cursor).c_str());
        if (!r || r->status != 200)
        {
            std::fprintf(stderr, "changes failed\n");
            break;
        }
        auto page = decodeChangesPage(r->body);
        if (!page)
            break;
        changes += page->changes.size();
        cursor = page->cursor;
        if (!page->more)
            break;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("\nchanges paging (limit 1000, decoded by the client): %zu changes in %.3f s = %.0f changes/s\n",
                changes, seconds, static_cast<double>(changes) / seconds);
    std::printf("load average at end: %s\n", bench::loadAverage().c_str());
    server.killProcess(1, SIGTERM);
    server.kill(SIGTERM);
    return 0;
}

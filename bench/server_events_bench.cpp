// okienko-central throughput over real HTTPS on loopback: the real binary is started with a test
// CA, then batches of 100 events are posted over 1, 4 and 16 concurrent keep-alive connections
// (TCP_NODELAY on both sides), and the resulting change log is paged 1000 at a time. Beside each
// rate, the CPU time the server process and this client process spent per event (from
// /proc/<pid>/stat and getrusage), so the figure can be read on a machine shared with other work;
// the load average is printed too. Prints a table; never fails a build. Goal: ≥ 20,000 events/s with
// 16 connections on a 2-core machine, every batch acknowledged after its synchronous commit.
#include "bench/bench_figures.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <httplib.h>
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
    test::CentralProcess server(ca, "[rate_limit]\nrequests_per_second = 100000\nburst = 100000\n",
                                test::Deployment::Direct);
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
    std::printf("| connections | events/s | batches/s | mean batch ms (per connection) | server CPU µs/event | client "
                "CPU µs/event | goal |\n|---|---|---|---|---|---|---|\n");
    int salt = 0;
    for (int connections : {1, 4, 16})
    {
        const int batchesPerConnection = kEventsPerRun / kBatch / connections;
        std::vector<std::vector<std::string>> bodies(static_cast<std::size_t>(connections));
        for (auto& perConnection : bodies)
            for (int b = 0; b < batchesPerConnection; ++b)
                perConnection.push_back(encodeEventBatch(makeEvents(kBatch, ++salt)));
        std::vector<std::unique_ptr<httplib::SSLClient>> clients;
        for (int i = 0; i < connections; ++i)
        {
            clients.push_back(client(server.port(), ca.caCert(), token));
            (void)clients.back()->Get("/api/v1/changes?limit=1"); // TLS handshake outside the timing
        }
        std::atomic<int> failures{0};
        const double serverCpu0 = bench::processCpuSeconds(server.pid());
        const double clientCpu0 = bench::selfCpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> threads;
        for (int i = 0; i < connections; ++i)
            threads.emplace_back(
                [&, i]
                {
                    for (const auto& body : bodies[static_cast<std::size_t>(i)])
                    {
                        auto r = clients[static_cast<std::size_t>(i)]->Post("/api/v1/events", body, "application/json");
                        if (!r || r->status != 200)
                            ++failures;
                    }
                });
        for (auto& t : threads)
            t.join();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const int batches = batchesPerConnection * connections;
        const double events = batches * kBatch;
        const double serverCpu = bench::processCpuSeconds(server.pid()) - serverCpu0;
        const double clientCpu = bench::selfCpuSeconds() - clientCpu0;
        std::printf("| %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%s\n", connections, events / seconds,
                    batches / seconds, 1000.0 * seconds / batchesPerConnection, 1e6 * serverCpu / events,
                    1e6 * clientCpu / events, connections == 16 ? "≥ 20,000/s" : "—", failures ? " (failures!)" : "");
    }

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
    server.kill(SIGTERM);
    return 0;
}

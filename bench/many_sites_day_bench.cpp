// A provider's day on one okienko-central: 100 sites (CUS), 1,000 kiosks, each kiosk's day replayed
// at speed through the nginx front (the deployed shape) — its first pull (a snapshot), then pulls,
// heartbeats and batches of events (catalogue views and searches, callbacks) in the order a lobby
// kiosk sends them. Sites, their catalogues (each site its own, decision 0015: the same 20-service
// file, so every site holds the same ids) and kiosks are made with the admin commands, as an operator
// would. Prints
// the day's requests and events per second, each kind's p50/p99, the server's memory and the
// database's size at the end, for one or two `serve` processes. Never fails a build.
// Usage: many_sites_day_bench [--sites N] [--kiosks N] [--connections N] [--processes 1|2]
#include "bench/bench_figures.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <httplib.h>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace okienko;
using namespace okienko::protocol;

namespace
{
struct Options
{
    int sites = 100;
    int kiosks = 1000;
    int connections = 16;
    int processes = 1;
};

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2)
    {
        const std::string key = argv[i];
        const int value = std::max(1, std::atoi(argv[i + 1]));
        if (key == "--sites")
            o.sites = value;
        else if (key == "--kiosks")
            o.kiosks = value;
        else if (key == "--connections")
            o.connections = value;
        else if (key == "--processes")
            o.processes = std::min(value, 2);
    }
    return o;
}

/// A batch of a kiosk's events: catalogue views and searches, and now and then a callback.
std::string eventBatch(int kiosk, int batch, bool withCallback)
{
    std::vector<Event> events;
    for (int i = 0; i < 5; ++i)
    {
        domain::UsageEvent u;
        u.id = newUuid();
        u.kind = i % 2 == 0 ? domain::UsageKind::ServiceViewed : domain::UsageKind::SearchMade;
        u.flow = "catalog";
        u.serviceId = "lapy-wypozyczalnia";
        u.text = i % 2 == 0 ? "" : "wózek";
        events.push_back(makeUsageEvent(u));
    }
    if (withCallback)
    {
        domain::CallbackRequest c;
        c.id = newUuid();
        c.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "kiosk").value();
        c.phone = std::to_string(500000000 + kiosk * 100 + batch);
        c.day = Date{2030, 1, 2};
        events.push_back(makeCallbackRequested(c));
    }
    return encodeEventBatch(events);
}

struct Timings
{
    std::mutex mutex;
    std::map<std::string, std::vector<double>> ms; ///< by request kind
    std::atomic<long> failures{0};
    std::atomic<long> events{0};
};

/// One kiosk's day, in order: 24 pulls (the first from no cursor), 12 heartbeats, 6 batches.
void kioskDay(httplib::SSLClient& c, int kiosk, Timings& timings)
{
    std::map<std::string, std::vector<double>> mine;
    auto timed = [&](const std::string& kind, auto request)
    {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = request();
        mine[kind].push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (!r || r->status >= 300)
            ++timings.failures;
        return r;
    };
    std::string cursor;
    for (int step = 0; step < 24; ++step)
    {
        for (;;)
        {
            auto r = timed(cursor.empty() ? "first pull (snapshot)" : "pull",
                           [&] { return c.Get(("/api/v1/changes?limit=500&since=" + cursor).c_str()); });
            if (!r || r->status != 200)
                break;
            auto page = decodeChangesPage(r->body);
            if (!page)
                break;
            cursor = page->cursor;
            if (!page->more)
                break;
        }
        if (step % 2 == 0)
            timed("heartbeat",
                  [&]
                  {
                      Heartbeat h{"0.1.0", step * 600, 0, 0, "ok", 1700000000 + step * 600};
                      return c.Post("/api/v1/heartbeat", encodeHeartbeat(h), "application/json");
                  });
        if (step % 4 == 1)
        {
            const bool callback = step % 8 == 1;
            const std::string body = eventBatch(kiosk, step, callback);
            if (timed("events", [&] { return c.Post("/api/v1/events", body, "application/json"); }))
                timings.events += callback ? 6 : 5;
        }
    }
    std::lock_guard lock(timings.mutex);
    for (auto& [kind, values] : mine)
        timings.ms[kind].insert(timings.ms[kind].end(), values.begin(), values.end());
}

double quantile(std::vector<double>& v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}
} // namespace

int main(int argc, char** argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    const Options o = parse(argc, argv);
    test::TestCa ca;
    if (!ca.make())
    {
        std::fprintf(stderr, "%s\n", ca.error().c_str());
        return 1;
    }
    test::CentralProcess server(ca, "[rate_limit]\nrequests_per_second = 100000\nburst = 100000\n");
    const std::string first = server.prepare(test::testCatalogJson(20));
    if (first.empty())
    {
        std::fprintf(stderr, "cannot prepare the database\n");
        return 1;
    }
    const auto made0 = std::chrono::steady_clock::now();
    std::vector<std::string> sites{"default"};
    for (int s = 1; s < o.sites; ++s)
    {
        char id[32];
        std::snprintf(id, sizeof id, "gmina-%03d", s);
        if (server.admin({"site", "add", id, "--name", std::string("CUS ") + id}) != 0)
        {
            std::fprintf(stderr, "site add %s failed: %s\n", id, test::readFile(server.dir() + "/admin.log").c_str());
            return 1;
        }
        sites.emplace_back(id);
    }
    const std::string catalogue = server.dir() + "/site-catalog.json";
    if (!test::writeFile(catalogue, test::testCatalogJson(20)))
        return 1;
    const auto imported0 = std::chrono::steady_clock::now();
    for (std::size_t s = 1; s < sites.size(); ++s)
        if (server.admin({"import-catalog", catalogue, "--site", sites[s], "--apply"}) != 0)
        {
            std::fprintf(stderr, "import-catalog --site %s failed: %s\n", sites[s].c_str(),
                         test::readFile(server.dir() + "/admin.log").c_str());
            return 1;
        }
    const double importSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - imported0).count();
    std::vector<std::string> tokens{first};
    for (int k = 1; k < o.kiosks; ++k)
    {
        std::string token;
        if (server.admin(
                {"add-kiosk", "hol-" + std::to_string(k), "--site", sites[static_cast<std::size_t>(k) % sites.size()]},
                &token) != 0)
        {
            std::fprintf(stderr, "add-kiosk failed: %s\n", test::readFile(server.dir() + "/admin.log").c_str());
            return 1;
        }
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
            token.pop_back();
        tokens.push_back(token);
    }
    const double madeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - made0).count();
    if (!server.start() || (o.processes == 2 && server.startAnotherProcess() != 1))
    {
        std::fprintf(stderr, "cannot start okienko-central: %s\n", server.startError().c_str());
        return 1;
    }
    std::printf("%d sites, each with its own catalogue (%d imports in %.1f s), %d kiosks (made with the admin "
                "commands in %.1f s in all), %d connections through the front, %d server process%s\nload average at "
                "start: %s\n",
                o.sites, o.sites - 1, importSeconds, o.kiosks, madeSeconds, o.connections, o.processes,
                o.processes == 1 ? "" : "es", bench::loadAverage().c_str());

    Timings timings;
    std::atomic<int> next{0};
    double serverCpu0 = 0;
    for (int p = 0; p < o.processes; ++p)
        serverCpu0 += bench::processCpuSeconds(server.pidOf(p));
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < o.connections; ++t)
        threads.emplace_back(
            [&]
            {
                for (int k = next++; k < o.kiosks; k = next++)
                {
                    httplib::SSLClient c("127.0.0.1", server.port());
                    c.set_ca_cert_path(ca.caCert().c_str());
                    c.enable_server_certificate_verification(true);
                    c.set_keep_alive(true);
                    c.set_tcp_nodelay(true); // as the kiosk's libcurl does
                    c.set_read_timeout(60, 0);
                    c.set_default_headers({{"Authorization", "Bearer " + tokens[static_cast<std::size_t>(k)]}});
                    kioskDay(c, k, timings);
                }
            });
    for (auto& t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double serverCpu = -serverCpu0;
    long rssKib = 0;
    for (int p = 0; p < o.processes; ++p)
    {
        serverCpu += bench::processCpuSeconds(server.pidOf(p));
        rssKib += test::residentKib(server.pidOf(p));
    }
    std::size_t requests = 0;
    std::printf("\n| request | count | p50 ms | p99 ms |\n|---|---|---|---|\n");
    for (auto& [kind, values] : timings.ms)
    {
        requests += values.size();
        const std::size_t n = values.size();
        const double p50 = quantile(values, 0.5);
        const double p99 = quantile(values, 0.99);
        std::printf("| %s | %zu | %.1f | %.1f |\n", kind.c_str(), n, p50, p99);
    }
    std::error_code ec;
    const auto dbBytes = std::filesystem::file_size(server.databasePath(), ec);
    std::printf("\nthe day replayed in %.1f s: %.0f requests/s, %.0f events/s (%ld events), %ld failed requests; "
                "server CPU %.1f s; server memory %.1f MiB; database %.1f MiB\nload average at end: %s\n",
                seconds, static_cast<double>(requests) / seconds, static_cast<double>(timings.events.load()) / seconds,
                timings.events.load(), timings.failures.load(), serverCpu, static_cast<double>(rssKib) / 1024.0,
                static_cast<double>(ec ? 0 : dbBytes) / 1048576.0, bench::loadAverage().c_str());
    if (o.processes == 2)
        server.killProcess(1, SIGTERM);
    server.kill(SIGTERM);
    return 0;
}

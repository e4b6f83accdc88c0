// The fleet: one thread per kiosk, every hour started and ended together (a barrier), so the hour
// after an outage really is every kiosk's backlog at once.
#include "tests/integration/server/server_soak.hpp"

#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/https_client.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/integration/sync/kiosk_fixture.hpp"
#include "tests/support/nginx_front.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <atomic>
#include <barrier>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <thread>

namespace okienko::test
{

namespace
{

using Clock = std::chrono::steady_clock;
constexpr const char* kEquipmentType = "wozek-testowy";

std::int64_t fileBytes(const std::string& path)
{
    struct stat st
    {
    };
    return stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_size) : 0;
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

/// The pick-up date every kiosk asks for in `hour`: a week apart, so one hour's holds never
/// compete with another's for a unit.
Date holdDay(int hour)
{
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Date::fromDays(static_cast<std::int64_t>(today.time_since_epoch().count()) + 2 + 7 * (hour % 24));
}

/// One simulated kiosk: its database, and a session online and one cut off.
struct Kiosk
{
    Kiosk(int index, const std::string& dbPath, sync::HttpsConfig online, sync::HttpsConfig offline)
        : number(index), database(kiosk::openKioskDatabase(dbPath)), onlineClient(std::move(online)),
          offlineClient(std::move(offline))
    {
        if (database)
        {
            outbox = std::make_unique<sync::Outbox>(*database);
            onlineSession = std::make_unique<sync::SyncSession>(*database, onlineClient, sync::SyncClock::system());
            offlineSession = std::make_unique<sync::SyncSession>(*database, offlineClient, sync::SyncClock::system());
        }
    }

    int number;
    Result<db::Database, db::Error> database;
    sync::HttpsClient onlineClient, offlineClient;
    std::unique_ptr<sync::Outbox> outbox;
    std::unique_ptr<sync::SyncSession> onlineSession, offlineSession;
    std::vector<std::string> queued;
    int callbacks = 0, usage = 0, failures = 0, holds = 0, holdErrors = 0;
    std::int64_t acknowledged = 0;
    std::map<std::string, int> granted;
};

/// Sends the outbox, waiting as told through 429 and 503; false on any other failure.
bool push(sync::SyncSession& session, std::atomic<int>& acknowledged)
{
    for (int attempt = 0; attempt < 50; ++attempt)
    {
        const sync::StepResult r = session.pushOutbox();
        acknowledged += r.eventsSent;
        if (r.ok)
            return true;
        if (r.httpStatus != 429 && r.httpStatus != 503)
        {
            std::fprintf(stderr, "soak: push failed: %s %s\n", r.error.c_str(), r.detail.c_str());
            return false;
        }
        std::this_thread::sleep_for(r.retryAfter.value_or(std::chrono::seconds(1)));
    }
    return false;
}

void runHour(Kiosk& k, int hour, bool offline, const SoakOptions& o, std::atomic<int>& acknowledged)
{
    for (int i = 0; i < o.callbacksPerHour; ++i)
    {
        // Phone numbers unique across the fleet: requests never merge on the server.
        std::string id = queueCallbackRequest(*k.database, *k.outbox, k.number * 1000000 + k.callbacks,
                                              "kiosk-" + std::to_string(k.number));
        if (id.empty())
            ++k.failures;
        else
        {
            ++k.callbacks;
            k.queued.push_back(std::move(id));
        }
    }
    for (int i = 0; i < o.usagePerHour; ++i)
    {
        std::string id = queueUsageEvent(*k.database, *k.outbox, k.usage);
        if (id.empty())
            ++k.failures;
        else
        {
            ++k.usage;
            k.queued.push_back(std::move(id));
        }
    }
    if (offline)
    {
        // The network is down: the session fails as unreachable and the events stay queued.
        const sync::StepResult r = k.offlineSession->pushOutbox();
        if (r.ok || !r.unreachable)
            ++k.failures;
        return;
    }
    protocol::HoldRequest hold{newUuid(), kEquipmentType, holdDay(hour), 1};
    auto answer = k.onlineClient.postJson("/api/v1/reservations/hold", protocol::encodeHoldRequest(hold));
    ++k.holds;
    if (answer && answer->status == 201)
        ++k.granted[hold.pickUpDate.iso()];
    else if (!answer || answer->status != 409)
        ++k.holdErrors;
    if (!push(*k.onlineSession, acknowledged))
        ++k.failures;
    const sync::StepResult pulled = k.onlineSession->pullChanges();
    if (!pulled.ok)
    {
        std::fprintf(stderr, "soak: pull failed: %s %s\n", pulled.error.c_str(), pulled.detail.c_str());
        ++k.failures;
    }
}

/// Compares the server's database (the server stopped) with what the kiosks queued.
void checkServerDatabase(const std::string& path, const std::set<std::string>& queued, SoakReport& report)
{
    auto server = db::Database::open(path);
    if (!server)
    {
        report.error = "cannot open the server's database: " + server.error().describe();
        return;
    }
    std::set<std::string> onServer;
    auto read = db::forEachRow(*server, "SELECT id FROM events", [&](db::Row& row) { onServer.insert(row.text()); });
    if (!read)
    {
        report.error = read.error().describe();
        return;
    }
    report.serverEvents = static_cast<std::int64_t>(onServer.size());
    for (const auto& id : queued)
        report.missingOnServer += onServer.count(id) == 0 ? 1 : 0;
    for (const auto& id : onServer)
        report.unknownOnServer += queued.count(id) == 0 ? 1 : 0;
    const auto count = [&](const char* sql) -> std::int64_t
    {
        auto n = db::queryInt64(*server, sql);
        return n && *n ? **n : -1;
    };
    report.serverCallbacks = count("SELECT count(*) FROM callback_requests");
    report.serverUsage = count("SELECT count(*) FROM usage_events");
    (void)db::forEachRow(
        *server,
        "SELECT pick_up_date, count(*) FROM reservations WHERE type_id = ?1 AND status = 'held'"
        " GROUP BY pick_up_date",
        [&](db::Row& row)
        {
            std::string day = row.text();
            report.serverHeldPerDay[day] = row.integer();
        },
        std::string(kEquipmentType));
}

} // namespace

SoakReport runServerSoak(const SoakOptions& o)
{
    SoakReport report;
    std::signal(SIGPIPE, SIG_IGN);
    TestCa ca;
    if (!ca.make())
    {
        report.error = "test CA: " + ca.error();
        return report;
    }
    // Its own TLS: the front's per-address connection limit would refuse a fleet on one address.
    report.serverThreads = o.kiosks + 16;
    CentralProcess server(ca, "[rate_limit]\nrequests_per_second = 100000\nburst = 100000\n", Deployment::Direct,
                          report.serverThreads);
    std::vector<std::string> tokens{server.prepare(testCatalogJson(o.units), "kiosk-0")};
    for (int i = 1; i < o.kiosks && !tokens.front().empty(); ++i)
    {
        std::string out;
        if (server.admin({"add-kiosk", "kiosk-" + std::to_string(i)}, &out) != 0)
            break;
        tokens.push_back(trimmed(out));
    }
    if (tokens.size() != static_cast<std::size_t>(o.kiosks) || tokens.front().empty() || !server.start())
    {
        report.error = "cannot prepare or start okienko-central: " + readFile(server.logPath());
        return report;
    }

    TempDir dir("server-soak");
    // A loopback port nobody listens on: an offline kiosk's connection is refused there.
    const std::string offlineUrl = "https://127.0.0.1:" + std::to_string(freeLoopbackPort());
    std::vector<std::unique_ptr<Kiosk>> fleet;
    for (int i = 0; i < o.kiosks; ++i)
    {
        sync::HttpsConfig online;
        online.baseUrl = "https://127.0.0.1:" + std::to_string(server.port());
        online.caFile = ca.caCert();
        online.bearerToken = tokens[static_cast<std::size_t>(i)];
        online.totalTimeout = std::chrono::seconds(60);
        sync::HttpsConfig offline = online;
        offline.baseUrl = offlineUrl;
        fleet.push_back(std::make_unique<Kiosk>(i, dir.file("kiosk-" + std::to_string(i) + ".db"), online, offline));
        if (!fleet.back()->database)
        {
            report.error = "kiosk database: " + fleet.back()->database.error().describe();
            return report;
        }
    }

    std::barrier hourEdge(o.kiosks + 1);
    std::atomic<int> acknowledged{0};
    const auto offlineIn = [&](int hour)
    {
        return hour >= o.outageFrom && hour < o.outageFrom + o.outageHours;
    };
    std::vector<std::thread> threads;
    for (auto& k : fleet)
        threads.emplace_back(
            [&, kiosk = k.get()]
            {
                for (int hour = 0; hour < o.hours; ++hour)
                {
                    hourEdge.arrive_and_wait();
                    runHour(*kiosk, hour, offlineIn(hour), o, acknowledged);
                    hourEdge.arrive_and_wait();
                }
            });
    if (o.printHours)
        std::printf("| hour | offline | seconds | events acked | server RSS MiB | open files (sockets) | threads | db "
                    "MiB | wal MiB |\n"
                    "|---|---|---|---|---|---|---|---|---|\n");
    for (int hour = 0; hour < o.hours; ++hour)
    {
        const int before = acknowledged.load();
        hourEdge.arrive_and_wait();
        const auto start = Clock::now();
        hourEdge.arrive_and_wait();
        SoakHour h;
        h.hour = hour;
        h.outage = offlineIn(hour);
        h.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        h.eventsAcknowledged = acknowledged.load() - before;
        h.server = sampleProcess(server.pid());
        h.dbBytes = fileBytes(server.databasePath());
        h.walBytes = fileBytes(server.databasePath() + "-wal");
        if (hour == o.outageFrom + o.outageHours)
        {
            report.backlogSeconds = h.seconds;
            report.backlogEvents = h.eventsAcknowledged;
        }
        if (o.printHours)
        {
            std::printf("| %d | %s | %.2f | %d | %.1f | %d (%d) | %d | %.1f | %.1f |\n", hour, h.outage ? "yes" : "",
                        h.seconds, h.eventsAcknowledged, static_cast<double>(h.server.rssKiB) / 1024.0,
                        h.server.openFds, h.server.sockets, h.server.threads,
                        static_cast<double>(h.dbBytes) / 1048576.0, static_cast<double>(h.walBytes) / 1048576.0);
            std::fflush(stdout);
        }
        report.hours.push_back(h);
    }
    for (auto& t : threads)
        t.join();

    std::set<std::string> queued;
    for (auto& k : fleet)
    {
        report.eventsQueued += static_cast<std::int64_t>(k->queued.size());
        queued.insert(k->queued.begin(), k->queued.end());
        report.callbacksQueued += k->callbacks;
        report.usageQueued += k->usage;
        report.syncFailures += k->failures;
        report.holdRequests += k->holds;
        report.holdErrors += k->holdErrors;
        for (const auto& [day, n] : k->granted)
            report.holdsGranted[day] += n;
        const auto pending = k->outbox->depth();
        const auto dead = k->outbox->deadCount();
        report.kioskPending += pending ? *pending : 1; // an outbox that cannot be read counts as not empty
        report.kioskDeadLetters += dead ? *dead : 1;
    }
    report.eventsAcknowledged = acknowledged.load();
    fleet.clear();
    const bool alive = server.running() && sampleProcess(server.pid()).ok;
    server.kill(SIGTERM);
    if (!alive)
        report.error = "okienko-central was not running at the end: " + readFile(server.logPath()).substr(0, 2000);
    checkServerDatabase(server.databasePath(), queued, report);
    return report;
}

} // namespace okienko::test

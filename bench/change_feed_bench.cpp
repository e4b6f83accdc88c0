// A new kiosk's first sync after a year of a CUS's history, before and after change-log compaction
// (decision 0013): the real okienko-central with the Łapy catalogue, a weekly catalogue edition and
// N loans a week lent and returned through the API; kiosks with real SQLite databases pulling with
// the kiosk's own applier. "Before" is what a new kiosk downloaded when the log was never compacted:
// the first catalogue and then every change of the year (measured as a kiosk there from the start
// pulled them); "snapshot" is a new kiosk today on the uncompacted log; "after" one once
// `compact-changes` has run. Reports figures; never fails on them.
//
//   change_feed_bench [--weeks 52] [--loans-per-week 40] [--central PATH]
#include "kiosk/store/kiosk_schema.hpp"
#include "shared/db/query.hpp"
#include "tests/integration/sync/feed_history.hpp"
#include "tests/integration/sync/sync_server.hpp"
#include "tests/support/sync_test_pki.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

using namespace okienko;
using namespace std::chrono_literals;

namespace
{

std::int64_t serverCount(const std::string& dir, const std::string& sql)
{
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dir + "/central.db", o);
    if (!d)
        return -1;
    auto n = db::queryInt64(*d, sql);
    return n ? n->value_or(-1) : -1;
}

void print(const char* what, const test::PullFigures& f)
{
    std::printf("  %-34s %9.1f KiB  %5d pages  %6d changes  %7.3f s\n", what, static_cast<double>(f.bytes) / 1024.0,
                f.pages, f.changes, f.seconds);
}

} // namespace

int main(int argc, char** argv)
{
    int weeks = 52, loansPerWeek = 40;
    std::string central = OKIENKO_CENTRAL_BIN_DEFAULT;
    for (int i = 1; i + 1 < argc; i += 2)
    {
        const std::string key = argv[i];
        if (key == "--weeks")
            weeks = std::stoi(argv[i + 1]);
        else if (key == "--loans-per-week")
            loansPerWeek = std::stoi(argv[i + 1]);
        else if (key == "--central")
            central = argv[i + 1];
    }
    test::SyncTestPki pki;
    if (!pki.ok())
        return std::fprintf(stderr, "pki: %s\n", pki.error().c_str()), 1;
    // Many batches a second from one token: the history is posted as fast as it goes.
    auto started = test::startRealCentral(pki, central, "[rate_limit]\nrequests_per_second = 10000\nburst = 10000\n");
    if (!started)
        return std::fprintf(stderr, "server: %s\n", started.error().c_str()), 1;
    auto server = std::move(started).value();
    test::TempDir dir{"change-feed-bench"};
    auto https = [&](const std::string& token)
    {
        sync::HttpsConfig h;
        h.baseUrl = server->url();
        h.caFile = pki.caFile();
        h.bearerToken = token;
        return h;
    };
    test::FeedHistory history(central, server->dataDir() + "/central.toml", https(server->token()),
                              std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json", dir.path());
    auto newKiosk = [&](const std::string& name)
    {
        auto token = history.admin("add-kiosk " + name + " --staff-work");
        std::string t = token ? *token : "";
        while (!t.empty() && (t.back() == '\n' || t.back() == '\r'))
            t.pop_back();
        std::this_thread::sleep_for(1100ms); // the server reloads kiosks at most once a second
        return t;
    };
    auto pull = [&](db::Database& kiosk, const std::string& token)
    {
        sync::HttpsClient client(https(token));
        auto f = test::pullAll(kiosk, client);
        if (!f)
            std::fprintf(stderr, "pull: %s\n", f.error().c_str());
        (void)test::pullAll(kiosk, client); // the next round: the server learns where the kiosk got to
        return f ? *f : test::PullFigures{};
    };
    auto kioskDb = [&](const std::string& name)
    {
        return std::move(kiosk::openKioskDatabase(dir.file(name + ".db"))).value();
    };

    if (auto st = history.importEdition(0); !st)
        return std::fprintf(stderr, "%s\n", st.error().c_str()), 1;
    auto oldTimer = kioskDb("old-timer");
    const auto start = pull(oldTimer, server->token());
    const auto simulated = std::chrono::steady_clock::now();
    if (auto st = history.simulate(1, weeks, loansPerWeek); !st)
        return std::fprintf(stderr, "%s\n", st.error().c_str()), 1;
    const double simulateSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - simulated).count();
    const auto year = pull(oldTimer, server->token());
    const std::int64_t rowsBefore = serverCount(server->dataDir(), "SELECT count(*) FROM change_log");

    auto snapshotOnly = kioskDb("snapshot");
    const auto snapshot = pull(snapshotOnly, newKiosk("snapshot"));

    const auto compacting = std::chrono::steady_clock::now();
    auto compacted = history.admin("compact-changes");
    const double compactSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - compacting).count();
    const std::int64_t rowsAfter = serverCount(server->dataDir(), "SELECT count(*) FROM change_log");
    auto fresh = kioskDb("fresh");
    const auto after = pull(fresh, newKiosk("fresh"));
    const bool same = test::kioskState(fresh) == test::kioskState(oldTimer) &&
                      test::kioskState(snapshotOnly) == test::kioskState(oldTimer);

    test::PullFigures before = year;
    before.bytes += start.bytes;
    before.pages += start.pages;
    before.changes += start.changes;
    before.seconds += start.seconds;
    std::printf("change feed, %d weeks of the Łapy catalogue (a weekly edition) and %d loans a week, simulated in "
                "%.1f s\n",
                weeks, loansPerWeek, simulateSeconds);
    std::printf("  change_log rows: %lld after the year, %lld after compact-changes (%.2f s: %s)\n",
                static_cast<long long>(rowsBefore), static_cast<long long>(rowsAfter), compactSeconds,
                compacted ? compacted->substr(0, compacted->find('\n')).c_str() : compacted.error().c_str());
    std::printf("  a new kiosk's first sync (pages of 200, HTTPS on 127.0.0.1, applied to its SQLite database):\n");
    print("before (first catalogue + the log)", before);
    print("snapshot, log not compacted", snapshot);
    print("snapshot, log compacted", after);
    std::printf("  the new kiosks hold exactly what the kiosk that followed the log holds: %s\n", same ? "yes" : "NO");
    return 0;
}

// Snapshots and compaction of the change feed (decision 0013), end to end: the real okienko-central
// with weeks of a CUS's history (catalogue editions, loans), kiosks with real SQLite databases
// pulling with the kiosk's own applier. A new kiosk's snapshot leaves it holding exactly what a
// kiosk that followed the whole log holds; a kiosk behind the compaction horizon is reset and ends
// the same, the entities deleted meanwhile gone; a kiosk ahead of it is untouched; another site's
// and another kiosk's rows never reach a snapshot; paging stays exactly-once across a compaction;
// and a new kiosk's first sync after a simulated year costs what the state is, not the history.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/change_applier.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/text/percent_encode.hpp"
#include "tests/integration/sync/feed_history.hpp"
#include "tests/integration/sync/sync_server.hpp"
#include "tests/support/sync_test_pki.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdio>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <thread>

using namespace std::chrono_literals;
using namespace okienko;

namespace
{

class ChangeSnapshot : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(pki.ok()) << pki.error();
        // Weeks of history are posted as fast as they go, from one token.
        auto started = test::startRealCentral(pki, OKIENKO_CENTRAL_BIN,
                                              "[rate_limit]\nrequests_per_second = 10000\nburst = 10000\n");
        ASSERT_TRUE(started.ok()) << started.error();
        central = std::move(started).value();
        history = std::make_unique<test::FeedHistory>(
            OKIENKO_CENTRAL_BIN, central->dataDir() + "/central.toml", https(central->token()),
            std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json", dir.path());
        auto edition = history->importEdition(0);
        ASSERT_TRUE(edition.ok()) << edition.error();
    }

    sync::HttpsConfig https(const std::string& token) const
    {
        sync::HttpsConfig h;
        h.baseUrl = central->url();
        h.caFile = pki.caFile();
        h.bearerToken = token;
        h.connectTimeout = 2s;
        return h;
    }

    /// A kiosk registered with the admin command; its token.
    std::string addKiosk(const std::string& args)
    {
        auto out = history->admin("add-kiosk " + args);
        EXPECT_TRUE(out.ok()) << (out ? "" : out.error());
        std::string token = out ? *out : "";
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
            token.pop_back();
        // The server learns a new token with its next reload of the kiosks, at most once a second.
        std::this_thread::sleep_for(1100ms);
        return token;
    }

    db::Database kioskDb(const std::string& name)
    {
        auto opened = kiosk::openKioskDatabase(dir.file(name + ".db"));
        EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().describe());
        return std::move(opened).value();
    }

    /// A sync round's pull. The server records where a kiosk got to from the cursor it sends, so
    /// with `nextRound` an idle round follows (as the kiosk's next round would) and the server knows
    /// the kiosk is at the end; the figures are the first round's.
    test::PullFigures pull(db::Database& kiosk, const std::string& token, bool nextRound = true)
    {
        sync::HttpsClient client(https(token));
        auto pulled = test::pullAll(kiosk, client);
        EXPECT_TRUE(pulled.ok()) << (pulled ? "" : pulled.error());
        if (nextRound)
        {
            auto idle = test::pullAll(kiosk, client);
            EXPECT_TRUE(idle.ok() && idle->changes == 0 && idle->resets == 0);
        }
        return pulled ? *pulled : test::PullFigures{};
    }

    /// The server's database, written as only time would: the kiosk's last pull `days` days ago.
    void kioskSilentFor(const std::string& name, int days)
    {
        auto d = db::Database::open(central->dataDir() + "/central.db");
        ASSERT_TRUE(d.ok());
        ASSERT_TRUE(db::exec(*d,
                             "UPDATE kiosk_cursors SET pulled_at = pulled_at - ?1 WHERE kiosk_id = "
                             "(SELECT id FROM kiosks WHERE name = ?2)",
                             std::int64_t{86400} * days, name)
                        .ok());
    }

    std::int64_t serverCount(const std::string& sql)
    {
        db::OpenOptions o;
        o.readOnly = true;
        auto d = db::Database::open(central->dataDir() + "/central.db", o);
        EXPECT_TRUE(d.ok());
        auto n = db::queryInt64(*d, sql);
        EXPECT_TRUE(n.ok());
        return n ? n->value_or(-1) : -1;
    }

    std::int64_t compact()
    {
        auto out = history->admin("compact-changes");
        EXPECT_TRUE(out.ok()) << (out ? "" : out.error());
        long long removed = -1, rows = -1, horizon = -1;
        if (out)
        {
            EXPECT_EQ(std::sscanf(out->c_str(), "removed: %lld of %lld change-log rows, horizon %lld", &removed, &rows,
                                  &horizon),
                      3)
                << *out;
        }
        return removed;
    }

    test::SyncTestPki pki;
    std::unique_ptr<test::SyncServer> central;
    test::TempDir dir{"change-snapshot"};
    std::unique_ptr<test::FeedHistory> history;
};

/// The raw pages of one pull without a cursor, until `more` is false.
std::vector<protocol::ChangesPage> rawPull(sync::HttpsClient& client, int limit)
{
    std::vector<protocol::ChangesPage> pages;
    std::string cursor;
    for (int i = 0; i < 10000; ++i)
    {
        auto r = client.get("/api/v1/changes?since=" + text::percentEncode(cursor) + "&limit=" + std::to_string(limit));
        EXPECT_TRUE(r.ok());
        if (!r)
            break;
        EXPECT_EQ(r->status, 200) << r->body;
        auto page = protocol::decodeChangesPage(r->body);
        EXPECT_TRUE(page.ok()) << r->body;
        if (!page)
            break;
        cursor = page->cursor;
        pages.push_back(std::move(page).value());
        if (!pages.back().more)
            break;
    }
    return pages;
}

/// The two kiosks hold the same; on a difference, the first differing line (states are long).
void expectSameState(db::Database& a, db::Database& b)
{
    const std::string x = test::kioskState(a), y = test::kioskState(b);
    if (x == y)
        return;
    std::size_t at = 0;
    while (at < x.size() && at < y.size() && x[at] == y[at])
        ++at;
    const std::size_t from = at < 120 ? 0 : at - 120;
    ADD_FAILURE() << "the kiosks differ at byte " << at << ":\n  " << x.substr(from, 240) << "\n  "
                  << y.substr(from, 240);
}

std::size_t rankOf(const std::string& entity)
{
    std::size_t rank = 0;
    for (const auto& e : protocol::kSnapshotOrder)
    {
        if (e.name == entity)
            return rank;
        ++rank;
    }
    return rank;
}

} // namespace

TEST_F(ChangeSnapshot, ANewKioskHoldsExactlyWhatAKioskThatFollowedTheWholeLogHolds)
{
    auto followed = kioskDb("followed");
    pull(followed, central->token());
    ASSERT_TRUE(history->simulate(1, 8, 10).ok());
    const auto replay = pull(followed, central->token());
    EXPECT_EQ(replay.resets, 0);
    EXPECT_GT(replay.changes, 100);

    // Before any compaction: the snapshot already leaves out every superseded row and tombstone.
    auto fresh = kioskDb("fresh");
    const auto first = pull(fresh, addKiosk("fresh --staff-work"));
    expectSameState(fresh, followed);
    EXPECT_EQ(first.resets, 0);
    // The last week's loans are out: staff at the new kiosk see them.
    EXPECT_EQ(test::kioskState(fresh).find("\"loan\"") != std::string::npos, true);

    // Dependency order, upserts only, each entity once, the live ids on the last snapshot page.
    sync::HttpsClient client(https(addKiosk("order --staff-work")));
    const auto pages = rawPull(client, 37);
    std::set<std::pair<std::string, std::string>> seen;
    std::size_t lastRank = 0;
    bool live = false;
    for (const auto& page : pages)
    {
        for (const auto& c : page.changes)
        {
            if (live)
                continue; // the log after the snapshot
            EXPECT_EQ(c.op, protocol::ChangeOp::Upsert) << c.entity << " " << c.id;
            EXPECT_TRUE(seen.insert({c.entity, c.id}).second) << c.entity << " " << c.id;
            EXPECT_GE(rankOf(c.entity), lastRank) << c.entity;
            lastRank = rankOf(c.entity);
        }
        live = live || page.live.has_value();
    }
    EXPECT_TRUE(live);
    EXPECT_TRUE(seen.count({"fee_table", "lapy-mieszkanie-chronione"}));
    EXPECT_FALSE(seen.count({"announcement", "tydzien-1"})); // withdrawn in week 3

    // Compacted: the log shrinks to the state, and a kiosk joining now still ends the same.
    const std::int64_t rowsBefore = serverCount("SELECT count(*) FROM change_log");
    EXPECT_GT(compact(), 0);
    EXPECT_LT(serverCount("SELECT count(*) FROM change_log"), rowsBefore);
    auto late = kioskDb("late");
    const auto lateFirst = pull(late, addKiosk("late --staff-work"));
    expectSameState(late, followed);
    EXPECT_LE(lateFirst.bytes, first.bytes);
}

TEST_F(ChangeSnapshot, AKioskBehindTheHorizonIsResetAndEndsWithTheServersStateAndOneAheadIsUntouched)
{
    const std::string behindToken = central->token();
    const std::string aheadToken = addKiosk("ahead --staff-work");
    auto behind = kioskDb("behind");
    auto ahead = kioskDb("ahead");
    pull(behind, behindToken);
    pull(ahead, aheadToken);
    ASSERT_TRUE(test::kioskState(behind).find("tydzien-0") != std::string::npos);

    // Weeks pass: announcements come and go, loans go out and come back. Only `ahead` follows.
    ASSERT_TRUE(history->simulate(1, 6, 5).ok());
    pull(ahead, aheadToken);
    kioskSilentFor("kiosk-e2e", 40);
    EXPECT_GT(compact(), 0);
    // The tombstones of the withdrawn announcements are gone from the log.
    EXPECT_EQ(serverCount("SELECT count(*) FROM change_log WHERE op = 'delete' AND entity = 'announcement'"), 0);

    // Ahead of the horizon: more history, and its next pull is the log's tail, no reset.
    ASSERT_TRUE(history->simulate(7, 1, 3).ok());
    const auto aheadPull = pull(ahead, aheadToken);
    EXPECT_EQ(aheadPull.resets, 0);
    EXPECT_EQ(aheadPull.swept, 0);

    // Behind it: 410, then a snapshot whose last page sweeps what the server no longer has — the
    // kiosk's own sync session, as it runs in the product.
    {
        sync::HttpsClient client(https(behindToken));
        sync::SyncSession session(behind, client, sync::SyncClock::system());
        const auto step = session.pullChanges();
        EXPECT_TRUE(step.ok) << step.error;
    }
    auto cursor = sync::loadCursor(behind);
    ASSERT_TRUE(cursor.ok());
    EXPECT_FALSE(cursor->empty());
    expectSameState(behind, ahead);
    const std::string state = test::kioskState(behind);
    EXPECT_EQ(state.find("tydzien-0"), std::string::npos); // withdrawn while it was away
    EXPECT_NE(state.find("tydzien-7"), std::string::npos);
}

TEST_F(ChangeSnapshot, ASnapshotHoldsOnlyTheKiosksSiteAndItsOwnRowsAndTheStaffFeedOnlyForStaffWork)
{
    ASSERT_TRUE(history->simulate(1, 2, 4).ok()); // open loans: the staff feed has names and phones
    ASSERT_TRUE(history->admin("site add powiat-2 --name 'Drugi CUS'").ok());
    ASSERT_TRUE(history
                    ->admin("add-slot --id slot-drugi --date 2030-01-07 --start 09:00 --minutes 60 --kinds "
                            "psychological --counsellor 'Ewa' --room '1' --site powiat-2")
                    .ok());
    // The first kiosk's own request (a hold's status row is for it alone).
    sync::HttpsClient own(https(central->token()));
    auto held = own.postJson("/api/v1/reservations/hold",
                             R"({"reservation_id":"5c1d2a0e-0000-4000-8000-000000000001","type_id":"rolator",)"
                             R"("pick_up_date":")" +
                                 test::localDay(10).iso() + R"(","loan_days":7})");
    ASSERT_TRUE(held.ok());
    ASSERT_EQ(held->status, 201) << held->body;

    auto entitiesOf = [&](const std::string& token)
    {
        sync::HttpsClient client(https(token));
        std::multimap<std::string, std::string> rows;
        for (const auto& page : rawPull(client, 200))
            for (const auto& c : page.changes)
                rows.insert({c.entity, c.id});
        return rows;
    };
    const auto otherSite = entitiesOf(addKiosk("drugi --site powiat-2 --staff-work"));
    const auto lobby = entitiesOf(addKiosk("lobby"));
    const auto staffKiosk = entitiesOf(addKiosk("desk --staff-work"));

    // The other site's kiosk: its own slot only; no catalogue, loans or staff of the first site.
    EXPECT_EQ(otherSite.count("counselling_slot"), 1u);
    for (const char* e : {"service", "unit", "open_loan", "pickup", "staff", "reservation"})
        EXPECT_EQ(otherSite.count(e), 0u) << e;
    // A kiosk without staff work: the catalogue, never a name, phone or PIN hash.
    EXPECT_GT(lobby.count("service"), 0u);
    for (const char* e : {"open_loan", "pickup", "staff", "reservation", "counselling_slot"})
        EXPECT_EQ(lobby.count(e), 0u) << e;
    // A staff-work kiosk of the site: the staff feed, but never another kiosk's request.
    EXPECT_GT(staffKiosk.count("open_loan"), 0u);
    EXPECT_EQ(staffKiosk.count("reservation"), 0u);
    EXPECT_EQ(staffKiosk.count("counselling_slot"), 0u);
    // And the kiosk that made the hold gets its status in its snapshot.
    EXPECT_EQ(entitiesOf(central->token()).count("reservation"), 1u);
}

TEST_F(ChangeSnapshot, PagingIsExactlyOnceWhenTheLogIsCompactedAndGrowsBetweenPages)
{
    ASSERT_TRUE(history->simulate(1, 4, 6).ok());
    auto reference = kioskDb("reference");
    const std::string referenceToken = addKiosk("reference --staff-work");

    // A new kiosk takes its snapshot in small pages; between pages the history goes on and the
    // log is compacted (its snapshot's position holds the horizon: no reset, nothing twice).
    const std::string token = addKiosk("paging --staff-work");
    sync::HttpsClient client(https(token));
    auto paged = kioskDb("paged");
    std::set<std::pair<std::string, std::string>> snapshotRows;
    std::set<std::int64_t> logSeqs;
    bool inLog = false;
    int resets = 0;
    for (int i = 0; i < 2000; ++i)
    {
        auto cursor = sync::loadCursor(paged);
        ASSERT_TRUE(cursor.ok());
        auto r = client.get("/api/v1/changes?since=" + text::percentEncode(*cursor) + "&limit=9");
        ASSERT_TRUE(r.ok());
        if (r->status == 410)
            ++resets;
        ASSERT_EQ(r->status, 200) << r->body;
        auto page = protocol::decodeChangesPage(r->body);
        ASSERT_TRUE(page.ok());
        for (const auto& c : page->changes)
        {
            if (inLog)
                EXPECT_TRUE(logSeqs.insert(c.seq).second) << "twice: " << c.seq;
            else
                EXPECT_TRUE(snapshotRows.insert({c.entity, c.id}).second) << "twice: " << c.entity << " " << c.id;
        }
        inLog = inLog || page->live.has_value();
        auto tx = db::Transaction::begin(paged);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(sync::applyChanges(paged, *page).ok());
        ASSERT_TRUE(sync::storeCursor(paged, page->cursor, 0).ok());
        ASSERT_TRUE(tx->commit().ok());
        if (i == 3 || i == 8)
        {
            ASSERT_TRUE(history->simulate(10 + i, 1, 4).ok());
            const std::int64_t removed = compact();
            if (i == 3)
            {
                EXPECT_GT(removed, 0); // the history before the snapshot's end goes
            }
        }
        if (!page->more && i > 8)
            break;
    }
    EXPECT_EQ(resets, 0);
    EXPECT_TRUE(inLog);
    pull(reference, referenceToken);
    expectSameState(paged, reference);
}

TEST_F(ChangeSnapshot, ANewKiosksFirstSyncAfterAYearCostsTheStateNotTheHistory)
{
    // Before: a kiosk there from the start took the first catalogue and then the whole year's log,
    // which is what a new kiosk replayed before snapshots (the log was never compacted).
    auto oldTimer = kioskDb("old-timer");
    const auto start = pull(oldTimer, central->token());
    ASSERT_TRUE(history->simulate(1, 52, 6).ok());
    const auto year = pull(oldTimer, central->token());
    const std::int64_t before = start.bytes + year.bytes;

    // After: compacted, a new kiosk gets the state only.
    kioskSilentFor("kiosk-e2e", 40);
    compact();
    auto fresh = kioskDb("new");
    const auto after = pull(fresh, addKiosk("new --staff-work"));
    expectSameState(fresh, oldTimer);
    std::printf("first sync of a new kiosk after 52 weeks: before %lld bytes in %d pages (%.2f s), after %lld bytes "
                "in %d pages (%.2f s); first catalogue alone %lld bytes\n",
                static_cast<long long>(before), start.pages + year.pages, start.seconds + year.seconds,
                static_cast<long long>(after.bytes), after.pages, after.seconds, static_cast<long long>(start.bytes));
    // The state is the catalogue and a week's loans: within a quarter more than the first catalogue,
    // and a fraction of the year's history.
    EXPECT_LT(after.bytes, start.bytes * 5 / 4);
    EXPECT_LT(after.bytes * 4, before);
}

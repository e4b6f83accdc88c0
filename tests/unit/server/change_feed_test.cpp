// The change feed's cursors around compaction, through the real store and API without sockets: a
// cursor behind the horizon — of the log or of a snapshot — is reset (410), a kiosk at the end stays
// valid when the log's last rows (tombstones) are compacted away, the horizon never moves back,
// compaction keeps what each kiosk sees of the staff feed, and cursors this server did not make are
// refused (400) or, made with another entity order, reset.
#include "server/api.hpp"
#include "server/change_log_compaction.hpp"
#include "server/lifecycle_store.hpp"
#include "server/server_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/server/wheelchair_catalogue.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace okienko;
using namespace okienko::protocol;
using namespace okienko::server;

namespace
{

std::string catalogue(int edition, bool withAnnouncement)
{
    Json doc = test::wheelchairCatalogue(2);
    doc["municipality"]["name"]["pl"] = "Gmina " + std::to_string(edition);
    doc["announcements"] = Json::array();
    if (withAnnouncement)
        doc["announcements"].push_back({{"id", "piknik"}, {"title", {{"pl", "Piknik"}}}, {"body", {{"pl", "Tak."}}}});
    return doc.dump();
}

class ChangeFeedTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        importEdition(0, true);
        auto token = m_store->addKiosk("kiosk-a", now(), false);
        ASSERT_TRUE(token.ok());
        m_token = *token;
        m_config.databasePath = m_dir.file("central.db");
        m_config.rateLimitBurst = 100000;
        m_api = std::make_unique<Api>(
            *m_store, m_config, [this] { return now(); }, [] { return 1.0; });
    }

    Now now() const { return Now{1898856000 + m_offset, Date{2030, 3, 4}}; }

    void importEdition(int edition, bool withAnnouncement)
    {
        auto parsed = catalog::parseCatalog(catalogue(edition, withAnnouncement));
        ASSERT_TRUE(parsed.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *parsed, now()).ok());
    }

    ApiResponse get(const std::string& since, int limit = 200) { return getAs(m_token, since, limit); }

    ApiResponse getAs(const std::string& token, const std::string& since, int limit = 200)
    {
        return m_api->handle(ApiRequest{
            "GET", "/api/v1/changes", {{"since", since}, {"limit", std::to_string(limit)}}, "Bearer " + token, "", ""});
    }

    /// The entity ids a kiosk without a cursor holds after its snapshot: "entity/id" per row.
    std::set<std::string> snapshotOf(const std::string& token)
    {
        std::set<std::string> rows;
        std::string cursor;
        for (int i = 0; i < 100; ++i)
        {
            auto r = getAs(token, cursor, 3);
            EXPECT_EQ(r.status, 200) << r.body;
            auto page = decodeChangesPage(r.body);
            if (!page)
                break;
            for (const auto& c : page->changes)
            {
                if (c.op == ChangeOp::Upsert)
                    rows.insert(c.entity + "/" + c.id);
                else
                    rows.erase(c.entity + "/" + c.id);
            }
            cursor = page->cursor;
            if (!page->more)
                break;
        }
        return rows;
    }

    /// Lends `unit` at kiosk A; the loan id.
    std::string lend(const std::string& unit)
    {
        domain::Loan l;
        l.id = newUuid();
        l.inventoryNumber = unit;
        l.typeId = "wozek";
        l.borrower = {"Anna Nowak", "600555444", {}};
        l.start = now().today;
        l.due = now().today.plusDays(2);
        l.staffId = "st-1";
        send({makeLoanCheckedOut(l)});
        return l.id;
    }

    void giveBack(const std::string& loanId)
    {
        send({makeLoanCheckedIn(newUuid(), 1,
                                LoanCheckIn{loanId, now().today, domain::ReturnCondition::Fine, "", "st-1"})});
    }

    void send(const std::vector<Event>& events)
    {
        auto r = m_api->handle(ApiRequest{
            "POST", "/api/v1/events", {}, "Bearer " + m_token, "application/json", encodeEventBatch(events)});
        ASSERT_EQ(r.status, 200) << r.body;
        ASSERT_EQ(r.body.find("rejected"), std::string::npos) << r.body;
    }

    /// Pulls from `cursor` until `more` is false; the last cursor.
    std::string pullFrom(std::string cursor)
    {
        for (int i = 0; i < 100; ++i)
        {
            auto r = get(cursor);
            EXPECT_EQ(r.status, 200) << r.body;
            auto page = decodeChangesPage(r.body);
            EXPECT_TRUE(page.ok()) << r.body;
            if (!page)
                break;
            cursor = page->cursor;
            if (!page->more)
                break;
        }
        return cursor;
    }

    std::int64_t horizon()
    {
        std::int64_t h = -1;
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto v = db::queryInt64(d, "SELECT compacted_through FROM server_meta");
                                if (!v)
                                    return makeErr(v.error());
                                h = v->value_or(-1);
                                return {};
                            })
                        .ok());
        return h;
    }

    test::TempDir m_dir{"change-feed"};
    std::unique_ptr<ServerStore> m_store;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;
    std::string m_token;
    std::int64_t m_offset = 0;
};

} // namespace

TEST_F(ChangeFeedTest, ACursorBehindTheHorizonIsResetAndOneAtTheEndStaysValidWhenItsTombstoneGoes)
{
    const std::string first = pullFrom("");
    // The catalogue moves on: the municipality is superseded twice, the announcement withdrawn last,
    // so the log ends with a tombstone.
    importEdition(1, true);
    importEdition(2, false);
    const std::string atEnd = pullFrom(first);
    (void)pullFrom(atEnd); // the next round tells the server where the kiosk is

    auto compacted = compactChangeLog(*m_store, 30, now());
    ASSERT_TRUE(compacted.ok()) << compacted.error().describe();
    EXPECT_GT(compacted->removed, 0);
    // The last row was the tombstone, and it is gone; the kiosk's cursor still is the log's end.
    auto r = get(atEnd);
    EXPECT_EQ(r.status, 200) << r.body;
    auto page = decodeChangesPage(r.body);
    ASSERT_TRUE(page.ok());
    EXPECT_TRUE(page->changes.empty());
    EXPECT_EQ(page->cursor, atEnd);
    // The first cursor is behind the horizon: the kiosk must start again.
    r = get(first);
    EXPECT_EQ(r.status, 410) << r.body;
    EXPECT_NE(r.body.find("cursor_reset"), std::string::npos);
}

TEST_F(ChangeFeedTest, ASnapshotIsServedAcrossACompactionItsPositionHoldsAndResetOnceTheHorizonPassesIt)
{
    importEdition(1, true);
    auto r = get("", 1);
    ASSERT_EQ(r.status, 200);
    auto page = decodeChangesPage(r.body);
    ASSERT_TRUE(page.ok());
    ASSERT_TRUE(page->more);
    const std::string midSnapshot = page->cursor;

    // More history; the kiosk in the middle of its snapshot holds the horizon at the snapshot's end.
    importEdition(2, true);
    ASSERT_TRUE(compactChangeLog(*m_store, 30, now()).ok());
    EXPECT_EQ(get(midSnapshot, 1).status, 200);

    // Gone for longer than the wait: compaction passes it, and its snapshot cursor is reset.
    m_offset = 40 * 86400;
    auto compacted = compactChangeLog(*m_store, 30, now());
    ASSERT_TRUE(compacted.ok());
    EXPECT_EQ(get(midSnapshot, 1).status, 410);
    // The horizon never moves back, even when a kiosk's older position is recorded afterwards.
    const std::int64_t h = horizon();
    EXPECT_EQ(get("").status, 200);
    ASSERT_TRUE(compactChangeLog(*m_store, 30, now()).ok());
    EXPECT_EQ(horizon(), h);
}

TEST_F(ChangeFeedTest, CompactionKeepsWhatEachKioskSeesOfTheStaffFeedWhenItIsFlaggedOnAndOff)
{
    // The kiosk's staff feed is its own rows (the current ones when it is flagged, a delete each when
    // unflagged) mixed with the rows for every kiosk: a row for one kiosk is superseded by a later
    // one for it or for every kiosk, a row for every kiosk only by another for every kiosk. Kiosk
    // "desk", flagged from the start, is the reference.
    LifecycleStore lifecycle(*m_store);
    auto desk = m_store->addKiosk("desk", now(), true);
    ASSERT_TRUE(desk.ok());
    ASSERT_TRUE(lifecycle.setKioskStaffWork("kiosk-a", true, now()).ok());
    const std::string first = lend("TST-1");
    ASSERT_TRUE(lifecycle.setKioskStaffWork("kiosk-a", false, now()).ok());
    ASSERT_TRUE(lifecycle.setKioskStaffWork("kiosk-a", true, now()).ok()); // own upsert of the first loan
    giveBack(first);                                                       // a delete for every kiosk
    ASSERT_TRUE(lifecycle.setKioskStaffWork("kiosk-a", false, now()).ok());
    const std::string second = lend("TST-2");
    ASSERT_TRUE(lifecycle.setKioskStaffWork("kiosk-a", true, now()).ok()); // own upsert of the second

    const auto before = snapshotOf(m_token);
    EXPECT_EQ(before.count("open_loan/" + first), 0u);
    EXPECT_EQ(before.count("open_loan/" + second), 1u);
    const auto reference = snapshotOf(*desk);
    ASSERT_TRUE(lifecycle.setKioskStaffWork("kiosk-a", false, now()).ok());
    const auto unflagged = snapshotOf(m_token);
    EXPECT_EQ(unflagged.count("open_loan/" + second), 0u);

    m_offset = 40 * 86400; // no kiosk waited for: compacted to the end
    auto compacted = compactChangeLog(*m_store, 30, now());
    ASSERT_TRUE(compacted.ok());
    EXPECT_GT(compacted->removed, 0);
    EXPECT_EQ(snapshotOf(m_token), unflagged);
    EXPECT_EQ(snapshotOf(*desk), reference);
    ASSERT_TRUE(lifecycle.setKioskStaffWork("kiosk-a", true, now()).ok());
    EXPECT_EQ(snapshotOf(m_token), before);
}

TEST_F(ChangeFeedTest, CursorsThisServerDidNotMakeAreRefusedAndAnotherEntityOrderIsReset)
{
    auto r = get("", 1);
    auto page = decodeChangesPage(r.body);
    ASSERT_TRUE(page.ok());
    const std::string cursor = page->cursor; // "<epoch>-s<end>.<order>.<rank>.<position>.<seq>"
    const std::string epoch = cursor.substr(0, cursor.find('-'));
    const std::string rest = cursor.substr(cursor.find('-') + 2);
    const std::string end = rest.substr(0, rest.find('.'));
    for (const std::string& bad : {epoch + "-s" + end, epoch + "-s" + end + ".00000000.1.1", epoch + "-sx.1.2.3.4",
                                   epoch + "-s99999999." + rest.substr(rest.find('.') + 1), epoch + "-12a",
                                   epoch + "-s" + end + ".00000000.999.0.0"})
        EXPECT_EQ(get(bad).status, 400) << bad;
    // A snapshot cursor of a server with another entity order: start again rather than skip one.
    EXPECT_EQ(get(epoch + "-s" + end + ".00000000.0.0.0").status, 410);
    // Another database's cursor, as before.
    EXPECT_EQ(get("0123456789abcdef-1").status, 410);
}

// The staff-mode feed in GET /api/v1/changes, through the real store, API and panel without sockets:
// a reservation that awaits hand-over is broadcast with name and phone (never address or PESEL),
// and disappears when it is picked up, rejected by a coordinator or expires; a loan is broadcast
// while open, follows an extension and disappears at check-in. Every kiosk receives both.
#include "server/api.hpp"
#include "server/credentials.hpp"
#include "server/lifecycle_store.hpp"
#include "server/panel/panel.hpp"
#include "server/retention.hpp"
#include "server/server_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/server/wheelchair_catalogue.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <regex>

using namespace okienko;
using namespace okienko::protocol;
using namespace okienko::server;

namespace
{
const Date kToday{2030, 3, 4}; // a Monday

/// The last change of `entity`/`id` in a feed, if any.
const Change* lastOf(const std::vector<Change>& feed, std::string_view entity, const std::string& id)
{
    const Change* found = nullptr;
    for (const auto& c : feed)
        if (c.entity == entity && c.id == id)
            found = &c;
    return found;
}

class StaffFeedTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), m_options);
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto parsed = catalog::parseCatalog(test::wheelchairCatalogue(3).dump());
        ASSERT_TRUE(parsed.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *parsed, now()).ok());
        auto a = m_store->addKiosk("kiosk-a", now(), true);
        auto b = m_store->addKiosk("kiosk-b", now(), true);
        auto lobby = m_store->addKiosk("lobby-only", now());
        ASSERT_TRUE(a.ok() && b.ok() && lobby.ok());
        m_tokenA = *a;
        m_tokenB = *b;
        m_tokenLobby = *lobby;
        m_config.databasePath = m_dir.file("central.db");
        m_config.rateLimitBurst = 100000;
        m_api = std::make_unique<Api>(
            *m_store, m_config, [this] { return now(); }, [] { return 1.0; });
    }

    // Noon UTC of m_today (the tests run in UTC), so the staff feed's window counts from m_today.
    Now now() const { return Now{1898856000 + m_clockOffset, m_today}; }

    std::vector<EventResult> send(const std::vector<Event>& events, const std::string& token)
    {
        auto r = m_api->handle(
            ApiRequest{"POST", "/api/v1/events", {}, "Bearer " + token, "application/json", encodeEventBatch(events)});
        EXPECT_EQ(r.status, 200) << r.body;
        auto results = decodeEventResults(r.body);
        EXPECT_TRUE(results.ok()) << r.body;
        return results.ok() ? *results : std::vector<EventResult>{};
    }

    /// Everything GET /api/v1/changes gives the kiosk with `token`, from the beginning.
    /// The whole log as a kiosk there from the start pulled it, tombstones included (a kiosk without
    /// a cursor gets a snapshot instead: the live rows only).
    std::vector<Change> feed(const std::string& token)
    {
        std::vector<Change> out;
        std::string cursor = m_store->epoch() + "-0";
        for (int i = 0; i < 100; ++i)
        {
            auto r = m_api->handle(ApiRequest{
                "GET", "/api/v1/changes", {{"since", cursor}, {"limit", "1000"}}, "Bearer " + token, "", ""});
            EXPECT_EQ(r.status, 200) << r.body;
            auto page = decodeChangesPage(r.body);
            EXPECT_TRUE(page.ok()) << r.body;
            if (!page)
                break;
            for (auto& c : page->changes)
                out.push_back(std::move(c));
            cursor = page->cursor;
            if (!page->more)
                break;
        }
        return out;
    }

    domain::Reservation reservation(Date first, int days)
    {
        domain::Reservation r;
        r.id = newUuid();
        r.code = rules::newReferenceCode(rules::ReferenceKind::Reservation, "kiosk-a").value();
        r.typeId = "wozek";
        r.period = DateRange{first, days};
        r.person = {"Jan Kowalski", "600123456", {"ul. Długa 5", "27-200", "Starachowice"}};
        r.clauseAcknowledged = true;
        return r;
    }

    domain::Loan loan(const std::string& unit, std::optional<std::string> reservationId)
    {
        domain::Loan l;
        l.id = newUuid();
        l.inventoryNumber = unit;
        l.typeId = "wozek";
        l.reservationId = std::move(reservationId);
        l.borrower = {"Anna Nowak", "600555444", {"ul. Krótka 1", "27-200", "Starachowice"}};
        l.pesel = "44051401458";
        l.start = m_today;
        l.due = m_today.plusDays(3); // due soon: staff mode shows the borrower's name and phone
        l.staffId = "st-1";
        return l;
    }

    /// Moves the server's clock (and its calendar day) `days` ahead.
    void advanceDays(int days)
    {
        m_clockOffset += std::int64_t{86400} * days;
        m_today = m_today.plusDays(days);
    }

    /// The raw bytes of the database file and its WAL, as a thief copying the disk would read them.
    std::string databaseBytes() const
    {
        const std::string path = m_dir.file("central.db");
        return test::readFile(path) + test::readFile(path + "-wal");
    }

    StoreOptions m_options;
    test::TempDir m_dir{"okienko-staff-feed"};
    std::unique_ptr<ServerStore> m_store;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;
    std::string m_tokenA, m_tokenB, m_tokenLobby;
    std::int64_t m_clockOffset = 0;
    Date m_today = kToday;
};

/// Logs a coordinator into the panel in-process (login CSRF cookie, then session cookie and the
/// page's CSRF token), as a browser would.
struct PanelBrowser
{
    panel::Panel& panel;
    std::string session, csrf;

    panel::PanelRequest request(std::string method, std::string path, std::string body = {}) const
    {
        panel::PanelRequest r;
        r.method = std::move(method);
        r.path = std::move(path);
        r.body = std::move(body);
        r.host = "central.test";
        r.origin = "https://central.test";
        r.remoteAddress = "10.0.0.1";
        if (!session.empty())
            r.cookie = std::string(panel::kSessionCookie) + "=" + session;
        return r;
    }

    static std::string cookie(const panel::PanelResponse& r, const std::string& name)
    {
        for (const auto& [k, v] : r.headers)
            if (k == "Set-Cookie" && v.rfind(name + "=", 0) == 0)
                return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
        return {};
    }

    bool login(const std::string& user, const std::string& password)
    {
        auto page = panel.handle(request("GET", "/panel/login"));
        const std::string token = cookie(page, panel::kLoginCookie);
        auto post = request("POST", "/panel/login", "csrf=" + token + "&login=" + user + "&password=" + password);
        post.cookie = std::string(panel::kLoginCookie) + "=" + token;
        auto done = panel.handle(post);
        session = cookie(done, panel::kSessionCookie);
        return done.status == 303 && !session.empty();
    }

    panel::PanelResponse get(const std::string& path)
    {
        auto r = panel.handle(request("GET", path));
        std::smatch m;
        static const std::regex field("name=\"csrf\" value=\"([^\"]+)\"");
        if (std::regex_search(r.body, m, field))
            csrf = m[1];
        return r;
    }

    panel::PanelResponse post(const std::string& path, const std::string& form)
    {
        return panel.handle(request("POST", path, "csrf=" + csrf + "&" + form));
    }
};
} // namespace

TEST_F(StaffFeedTest, AReservationIsBroadcastWithNameAndPhoneOnlyUntilItIsPickedUp)
{
    const auto r = reservation(kToday.plusDays(2), 14);
    auto results = send({makeReservationCreated(r)}, m_tokenA);
    ASSERT_EQ(results.size(), 1u);
    ASSERT_EQ(results[0].data["status"], "provisional");

    // Kiosk B did not take the reservation, and still sees it: staff hand over at any kiosk.
    for (const auto& token : {m_tokenA, m_tokenB})
    {
        const auto f = feed(token);
        const Change* c = lastOf(f, entity::kPickup, r.id);
        ASSERT_NE(c, nullptr);
        ASSERT_EQ(c->op, ChangeOp::Upsert);
        auto p = decodePickup(c->data);
        ASSERT_TRUE(p.ok()) << p.error().describe();
        EXPECT_EQ(p->reservationId, r.id);
        EXPECT_EQ(p->code, r.code);
        EXPECT_EQ(p->pickUpDate, r.period.first);
        EXPECT_EQ(p->loanDays, 14);
        EXPECT_EQ(p->status, domain::ReservationStatus::Provisional);
        EXPECT_EQ(p->name, "Jan Kowalski");
        EXPECT_EQ(p->phone, "600123456");
        // Minimal personal data: no address, no carer's details.
        const std::string wire = c->data.dump();
        EXPECT_EQ(wire.find("Długa"), std::string::npos);
        EXPECT_EQ(wire.find("27-200"), std::string::npos);
        EXPECT_EQ(c->data.size(), 8u);
    }

    // Staff lend a unit against it: the pick-up goes, the open loan comes, both to every kiosk.
    const auto l = loan("TST-1", r.id);
    results = send({makeLoanCheckedOut(l)}, m_tokenB);
    ASSERT_EQ(results[0].status, EventStatus::Applied) << results[0].code;
    for (const auto& token : {m_tokenA, m_tokenB})
    {
        const auto f = feed(token);
        const Change* gone = lastOf(f, entity::kPickup, r.id);
        ASSERT_NE(gone, nullptr);
        EXPECT_EQ(gone->op, ChangeOp::Delete);
        EXPECT_TRUE(gone->data.empty());
        // The log keeps no earlier copy of the name: a kiosk pulling from the start never gets it.
        for (const auto& c : f)
        {
            if (c.entity == entity::kPickup && c.id == r.id)
            {
                EXPECT_EQ(c.op, ChangeOp::Delete) << c.data.dump();
            }
        }
        const Change* open = lastOf(f, entity::kOpenLoan, l.id);
        ASSERT_NE(open, nullptr);
        ASSERT_EQ(open->op, ChangeOp::Upsert);
        auto notice = decodeOpenLoan(open->data);
        ASSERT_TRUE(notice.ok()) << notice.error().describe();
        EXPECT_EQ(notice->inventoryNumber, "TST-1");
        EXPECT_EQ(notice->due, kToday.plusDays(3));
        EXPECT_EQ(notice->name, "Anna Nowak");
        EXPECT_EQ(notice->phone, "600555444");
        const std::string wire = open->data.dump();
        EXPECT_EQ(wire.find("44051401458"), std::string::npos); // never PESEL
        EXPECT_EQ(wire.find("Krótka"), std::string::npos);
    }
}

TEST_F(StaffFeedTest, ALoanFollowsItsExtensionAndDisappearsAtCheckIn)
{
    const auto l = loan("TST-2", std::nullopt); // a walk-in
    ASSERT_EQ(send({makeLoanCheckedOut(l)}, m_tokenA)[0].status, EventStatus::Applied);

    const auto extended =
        send({makeLoanExtended(newUuid(), 1, LoanExtension{l.id, kToday.plusDays(45), "st-1"})}, m_tokenA);
    ASSERT_EQ(extended[0].status, EventStatus::Applied) << extended[0].code;
    auto f = feed(m_tokenB);
    const Change* c = lastOf(f, entity::kOpenLoan, l.id);
    ASSERT_NE(c, nullptr);
    ASSERT_EQ(c->op, ChangeOp::Upsert);
    EXPECT_EQ(c->data["due_date"], kToday.plusDays(45).iso());

    // An extension the server refuses (before the start) changes nothing in the feed.
    const auto before = feed(m_tokenB).size();
    const auto refused =
        send({makeLoanExtended(newUuid(), 1, LoanExtension{l.id, kToday.plusDays(-1), "st-1"})}, m_tokenA);
    ASSERT_EQ(refused[0].status, EventStatus::Rejected);
    EXPECT_EQ(feed(m_tokenB).size(), before);

    LoanCheckIn in{l.id, kToday.plusDays(10), domain::ReturnCondition::NeedsCleaning, "", "st-1"};
    ASSERT_EQ(send({makeLoanCheckedIn(newUuid(), 1, in)}, m_tokenB)[0].status, EventStatus::Applied);
    f = feed(m_tokenA);
    c = lastOf(f, entity::kOpenLoan, l.id);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->op, ChangeOp::Delete);
}

TEST_F(StaffFeedTest, EveryReturnedUnitGoesToCleaningOrRepairNeverStraightBackToLending)
{
    const std::pair<domain::ReturnCondition, std::string> cases[] = {
        {domain::ReturnCondition::Fine, "cleaning"},
        {domain::ReturnCondition::NeedsCleaning, "cleaning"},
        {domain::ReturnCondition::NeedsRepair, "repair"},
    };
    for (const auto& [condition, expected] : cases)
    {
        const auto l = loan("TST-2", std::nullopt);
        ASSERT_EQ(send({makeLoanCheckedOut(l)}, m_tokenA)[0].status, EventStatus::Applied);
        LoanCheckIn in{l.id, kToday.plusDays(3), condition, "", "st-1"};
        const auto result = send({makeLoanCheckedIn(newUuid(), 1, in)}, m_tokenA);
        ASSERT_EQ(result[0].status, EventStatus::Applied) << result[0].code;
        EXPECT_EQ(result[0].data["unit_state"], expected) << expected;
        const std::vector<Change> changes = feed(m_tokenB);
        const Change* unit = lastOf(changes, entity::kUnit, "TST-2");
        ASSERT_NE(unit, nullptr);
        EXPECT_EQ(unit->data["state"], expected) << expected;
    }
}

TEST_F(StaffFeedTest, AnUnclaimedHoldIsNeverBroadcastAndAnExpiredOneIsDeleted)
{
    // A hold alone has no person: nothing for staff yet.
    HoldRequest hold{newUuid(), "wozek", kToday.plusDays(1), 10};
    auto held = m_api->handle(ApiRequest{
        "POST", "/api/v1/reservations/hold", {}, "Bearer " + m_tokenA, "application/json", encodeHoldRequest(hold)});
    ASSERT_EQ(held.status, 201) << held.body;
    EXPECT_EQ(lastOf(feed(m_tokenB), entity::kPickup, hold.reservationId), nullptr);

    auto r = reservation(hold.pickUpDate, hold.loanDays);
    r.id = hold.reservationId;
    ASSERT_EQ(send({makeReservationCreated(r)}, m_tokenA)[0].data["status"], "held");
    const auto claimed = feed(m_tokenB);
    const Change* c = lastOf(claimed, entity::kPickup, r.id);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->op, ChangeOp::Upsert);
    EXPECT_EQ(c->data["status"], "held");

    // Not collected within the working days allowed: the next write sweeps it and the row goes.
    m_today = kToday.plusDays(14);
    m_clockOffset = 14 * 86400;
    send({makeReservationCreated(reservation(m_today.plusDays(1), 5))}, m_tokenA);
    const auto f = feed(m_tokenB);
    c = lastOf(f, entity::kPickup, r.id);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->op, ChangeOp::Delete);
}

TEST_F(StaffFeedTest, ACoordinatorsRejectionDeletesThePickupAndConfirmationUpdatesIt)
{
    const auto hash = hashSecret("haslo-koordynatora-1");
    ASSERT_TRUE(hash.has_value());
    ASSERT_TRUE(m_store->addStaff("Anna", domain::StaffRole::Coordinator, *hash, *hash, now()).ok());
    panel::Panel panel(
        *m_store, m_config, [this] { return now(); }, [] { return 1.0; });
    PanelBrowser browser{panel, {}, {}};
    ASSERT_TRUE(browser.login("Anna", "haslo-koordynatora-1"));

    const auto rejected = reservation(kToday.plusDays(3), 7);
    const auto confirmed = reservation(kToday.plusDays(3), 7);
    send({makeReservationCreated(rejected), makeReservationCreated(confirmed)}, m_tokenA);
    ASSERT_EQ(browser.get("/panel/reservations").status, 200);
    ASSERT_FALSE(browser.csrf.empty());

    auto r = browser.post("/panel/reservations/decide", "id=" + rejected.id + "&action=reject");
    ASSERT_EQ(r.status, 303);
    r = browser.post("/panel/reservations/decide", "id=" + confirmed.id + "&action=confirm");
    ASSERT_EQ(r.status, 303);
    bool sawConfirmedMessage = false;
    for (const auto& [k, v] : r.headers)
        sawConfirmedMessage = sawConfirmedMessage || (k == "Location" && v == "/panel/reservations?msg=confirmed");
    EXPECT_TRUE(sawConfirmedMessage);

    const auto f = feed(m_tokenB);
    const Change* gone = lastOf(f, entity::kPickup, rejected.id);
    ASSERT_NE(gone, nullptr);
    EXPECT_EQ(gone->op, ChangeOp::Delete);
    const Change* kept = lastOf(f, entity::kPickup, confirmed.id);
    ASSERT_NE(kept, nullptr);
    ASSERT_EQ(kept->op, ChangeOp::Upsert);
    EXPECT_EQ(kept->data["status"], "confirmed");
}

TEST_F(StaffFeedTest, TwoKiosksLendingTheSameUnitOfflineRecordAConflictAndBothLoansStayOpen)
{
    auto first = loan("TST-3", std::nullopt);
    auto second = loan("TST-3", std::nullopt);
    second.borrower = {"Ewa Zielińska", "600777888", {}};
    ASSERT_EQ(send({makeLoanCheckedOut(first)}, m_tokenA)[0].status, EventStatus::Applied);
    ASSERT_EQ(send({makeLoanCheckedOut(second)}, m_tokenB)[0].status, EventStatus::Applied);

    std::int64_t conflicts = -1;
    std::string entityId;
    ASSERT_TRUE(m_store
                    ->read(
                        [&](db::Database& d) -> Status<db::Error>
                        {
                            return db::forEachRow(d,
                                                  "SELECT count(*), max(entity_id) FROM conflicts WHERE kind = "
                                                  "'unit-lent-twice' AND entity = 'loan' AND resolved_at IS NULL",
                                                  [&](db::Row& row)
                                                  {
                                                      conflicts = row.int64();
                                                      entityId = row.text();
                                                  });
                        })
                    .ok());
    EXPECT_EQ(conflicts, 1);
    EXPECT_EQ(entityId, second.id);
    // Staff see both: whichever is the mistake, the unit is somewhere and someone must be phoned.
    const auto f = feed(m_tokenA);
    ASSERT_NE(lastOf(f, entity::kOpenLoan, first.id), nullptr);
    ASSERT_NE(lastOf(f, entity::kOpenLoan, second.id), nullptr);
    EXPECT_EQ(lastOf(f, entity::kOpenLoan, second.id)->op, ChangeOp::Upsert);
}

// --- retention and minimisation (docs/privacy.md) ---

/// True when the feed has an upsert of any staff-feed entity (names, phones or PIN hashes).
bool holdsStaffFeed(const std::vector<Change>& feed)
{
    for (const auto& c : feed)
        if ((c.entity == entity::kPickup || c.entity == entity::kOpenLoan || c.entity == entity::kStaff) &&
            c.op == ChangeOp::Upsert)
            return true;
    return false;
}

TEST_F(StaffFeedTest, TheStaffFeedReachesOnlyKiosksFlaggedForStaffWork)
{
    const auto r = reservation(kToday.plusDays(1), 14);
    ASSERT_EQ(send({makeReservationCreated(r)}, m_tokenA)[0].status, EventStatus::Applied);
    const auto l = loan("TST-1", std::nullopt);
    ASSERT_EQ(send({makeLoanCheckedOut(l)}, m_tokenA)[0].status, EventStatus::Applied);
    ASSERT_TRUE(holdsStaffFeed(feed(m_tokenB)));
    const auto lobby = feed(m_tokenLobby);
    EXPECT_FALSE(holdsStaffFeed(lobby));
    for (const auto& c : lobby)
        EXPECT_EQ(c.data.dump().find("Kowalski"), std::string::npos) << c.entity;

    // Flagged later: the kiosk gets the current feed as its own rows, though its cursor is past them.
    LifecycleStore lifecycle(*m_store);
    ASSERT_TRUE(*lifecycle.setKioskStaffWork("lobby-only", true, now()));
    auto flagged = feed(m_tokenLobby);
    const Change* pickup = lastOf(flagged, entity::kPickup, r.id);
    ASSERT_NE(pickup, nullptr);
    EXPECT_EQ(pickup->op, ChangeOp::Upsert);
    EXPECT_EQ(pickup->data["name"], "Jan Kowalski");
    ASSERT_NE(lastOf(flagged, entity::kOpenLoan, l.id), nullptr);

    // Unflagged: a delete for everything it may hold.
    ASSERT_TRUE(*lifecycle.setKioskStaffWork("lobby-only", false, now()));
    EXPECT_FALSE(*lifecycle.setKioskStaffWork("lobby-only", false, now()));
    flagged = feed(m_tokenLobby);
    EXPECT_EQ(lastOf(flagged, entity::kPickup, r.id)->op, ChangeOp::Delete);
    EXPECT_EQ(lastOf(flagged, entity::kOpenLoan, l.id)->op, ChangeOp::Delete);
    auto kiosks = lifecycle.listKiosks();
    ASSERT_TRUE(kiosks.ok());
    for (const auto& k : *kiosks)
        EXPECT_EQ(k.staffWork, k.id != "lobby-only") << k.id;
}

TEST_F(StaffFeedTest, OnlyWhatIsDueSoonCarriesNamesAndTheJobPublishesItWhenItComesDue)
{
    const auto r = reservation(kToday.plusDays(10), 14);
    ASSERT_EQ(send({makeReservationCreated(r)}, m_tokenA)[0].status, EventStatus::Applied);
    auto l = loan("TST-2", std::nullopt);
    l.due = kToday.plusDays(20);
    ASSERT_EQ(send({makeLoanCheckedOut(l)}, m_tokenA)[0].status, EventStatus::Applied);
    auto f = feed(m_tokenB);
    const Change* pickup = lastOf(f, entity::kPickup, r.id);
    EXPECT_TRUE(pickup == nullptr || pickup->op == ChangeOp::Delete);
    const Change* open = lastOf(f, entity::kOpenLoan, l.id);
    ASSERT_NE(open, nullptr); // staff can check an early return in, without knowing who borrowed it
    EXPECT_EQ(open->data["name"], "");
    EXPECT_EQ(open->data["phone"], "");

    RetentionJob job(*m_store, RetentionConfig{});
    advanceDays(7); // the pick-up is 3 days away: due soon
    ASSERT_TRUE(job.run(now()).ok());
    f = feed(m_tokenB);
    pickup = lastOf(f, entity::kPickup, r.id);
    ASSERT_NE(pickup, nullptr);
    EXPECT_EQ(pickup->op, ChangeOp::Upsert);
    EXPECT_EQ(pickup->data["name"], "Jan Kowalski");
    EXPECT_EQ(lastOf(f, entity::kOpenLoan, l.id)->data["name"], "");
    EXPECT_FALSE(holdsStaffFeed(feed(m_tokenLobby)));

    advanceDays(10); // the loan is due in 3 days
    ASSERT_TRUE(job.run(now()).ok());
    f = feed(m_tokenB);
    EXPECT_EQ(lastOf(f, entity::kOpenLoan, l.id)->data["name"], "Anna Nowak");
    // One live copy of a name in the log: the nameless upsert of the loan is gone.
    int upserts = 0;
    for (const auto& c : f)
        upserts += c.entity == entity::kOpenLoan && c.id == l.id && c.op == ChangeOp::Upsert;
    EXPECT_EQ(upserts, 1);
    // A run within the refresh period publishes nothing new; a day later each live row is re-sent.
    const auto rows = f.size();
    ASSERT_TRUE(job.run(now()).ok());
    EXPECT_EQ(feed(m_tokenB).size(), rows);
    advanceDays(1);
    auto refreshed = job.run(now());
    ASSERT_TRUE(refreshed.ok());
    EXPECT_EQ(refreshed->feedPublished, 2); // the loan, and the pick-up still awaiting hand-over
}

TEST_F(StaffFeedTest, APeselIsNeverStoredByDefault)
{
    const auto l = loan("TST-1", std::nullopt);
    ASSERT_EQ(send({makeLoanCheckedOut(l)}, m_tokenA)[0].status, EventStatus::Applied);
    ASSERT_TRUE(m_store->checkpointTruncate().ok());
    EXPECT_EQ(databaseBytes().find("44051401458"), std::string::npos);
}

class StorePeselTest : public StaffFeedTest
{
  protected:
    void SetUp() override
    {
        m_options.storePesel = true;
        StaffFeedTest::SetUp();
    }
};

TEST_F(StorePeselTest, AStoredPeselGoesAtTheReturnAndTheNamesAfterLoanDays)
{
    const auto l = loan("TST-1", std::nullopt);
    ASSERT_EQ(send({makeLoanCheckedOut(l)}, m_tokenA)[0].status, EventStatus::Applied);
    auto pesel = [&]
    {
        std::optional<std::string> out;
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto v = db::queryOne(
                                    d, "SELECT COALESCE(pesel, '') || '|' || COALESCE(borrower_name, '') FROM loans",
                                    [](db::Row& r) { return r.text(); });
                                if (!v)
                                    return makeErr(v.error());
                                out = v->value_or("");
                                return {};
                            })
                        .ok());
        return out.value_or("?");
    };
    EXPECT_EQ(pesel(), "44051401458|Anna Nowak");
    LoanCheckIn in{l.id, kToday.plusDays(2), domain::ReturnCondition::Fine, "", "st-1"};
    ASSERT_EQ(send({makeLoanCheckedIn(newUuid(), 1, in)}, m_tokenA)[0].status, EventStatus::Applied);
    EXPECT_EQ(pesel(), "|Anna Nowak");
    RetentionConfig policy;
    policy.storePesel = true;
    RetentionJob job(*m_store, policy);
    ASSERT_TRUE(job.run(now()).ok()); // checkpoints the WAL too
    EXPECT_EQ(databaseBytes().find("44051401458"), std::string::npos);

    advanceDays(2 + 90); // the 90th day after the return: kept
    ASSERT_TRUE(job.run(now()).ok());
    EXPECT_EQ(pesel(), "|Anna Nowak");
    advanceDays(1);
    auto dry = job.run(now(), true);
    ASSERT_TRUE(dry.ok());
    EXPECT_EQ(dry->loans, 1);
    EXPECT_EQ(pesel(), "|Anna Nowak"); // a dry run changes nothing
    auto ran = job.run(now());
    ASSERT_TRUE(ran.ok());
    EXPECT_EQ(ran->loans, 1);
    EXPECT_EQ(pesel(), "|");
    EXPECT_EQ(databaseBytes().find("Anna Nowak"), std::string::npos);
}

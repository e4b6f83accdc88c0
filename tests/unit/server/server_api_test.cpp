// okienko-central's API and store without sockets: routing and policy (401/404/405/415/429),
// idempotency, offline reservations that no longer fit, callback de-duplication, holds with the
// next available date, counselling bookings with alternatives, and cursor validation.
#include "server/api.hpp"
#include "server/server_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/lost_events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/server/wheelchair_catalogue.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace okienko;
using namespace okienko::protocol;
using namespace okienko::server;

namespace
{
const Date kToday{2030, 3, 4}; // a Monday

class ApiTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto catalogue = catalog::parseCatalog(test::wheelchairCatalogue(2).dump());
        ASSERT_TRUE(catalogue.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *catalogue, now()).ok());
        auto token = m_store->addKiosk("kiosk-a", now());
        ASSERT_TRUE(token.ok());
        m_token = *token;
        m_config.databasePath = m_dir.file("central.db");
        m_config.rateLimitPerSecond = 1;
        m_config.rateLimitBurst = 1000;
        m_api = std::make_unique<Api>(
            *m_store, m_config, [this] { return now(); }, [this] { return m_monotonic; });
    }

    Now now() const { return Now{1900000000 + m_clockOffset, kToday}; }

    ApiResponse post(const std::string& path, const std::string& body, const std::string& token = {})
    {
        return m_api->handle(
            ApiRequest{"POST", path, {}, "Bearer " + (token.empty() ? m_token : token), "application/json", body});
    }

    ApiResponse get(const std::string& path, std::map<std::string, std::string> query = {})
    {
        return m_api->handle(ApiRequest{"GET", path, std::move(query), "Bearer " + m_token, "", ""});
    }

    std::vector<EventResult> send(const std::vector<Event>& events)
    {
        auto r = post("/api/v1/events", encodeEventBatch(events));
        EXPECT_EQ(r.status, 200) << r.body;
        auto results = decodeEventResults(r.body);
        EXPECT_TRUE(results.ok()) << r.body;
        return results.ok() ? *results : std::vector<EventResult>{};
    }

    Event reservation(Date first, int days)
    {
        domain::Reservation r;
        r.id = newUuid();
        r.code = rules::newReferenceCode(rules::ReferenceKind::Reservation, "kiosk-a").value();
        r.typeId = "wozek";
        r.period = DateRange{first, days};
        r.person = {"Jan Kowalski", "600123456", {}};
        r.clauseAcknowledged = true;
        return makeReservationCreated(r);
    }

    Event callbackFor(const std::string& phone, domain::DayPart part)
    {
        domain::CallbackRequest c;
        c.id = newUuid();
        c.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "kiosk-a").value();
        c.phone = phone;
        c.day = kToday.plusDays(1);
        c.dayPart = part;
        return makeCallbackRequested(c);
    }

    test::TempDir m_dir{"okienko-api"};
    std::unique_ptr<ServerStore> m_store;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;
    std::string m_token;
    std::int64_t m_clockOffset = 0;
    double m_monotonic = 100.0;
};
} // namespace

TEST_F(ApiTest, RoutingAndAuthenticationErrorsAreJson)
{
    auto unknown = get("/api/v2/changes");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(decodeErrorBody(unknown.body)->code, "not_found");
    auto wrongMethod = get("/api/v1/events");
    EXPECT_EQ(wrongMethod.status, 405);
    auto noAuth = m_api->handle(ApiRequest{"GET", "/api/v1/changes", {}, "", "", ""});
    EXPECT_EQ(noAuth.status, 401);
    EXPECT_EQ(decodeErrorBody(noAuth.body)->code, "unauthorized");
    auto badToken = post("/api/v1/heartbeat", "{}", m_token + "x");
    EXPECT_EQ(badToken.status, 401);
    auto text = m_api->handle(ApiRequest{"POST", "/api/v1/heartbeat", {}, "Bearer " + m_token, "text/plain", "{}"});
    EXPECT_EQ(text.status, 415);
    auto hb = post("/api/v1/heartbeat", encodeHeartbeat({"0.1.0", 5, 0, 0, "ok", std::nullopt}));
    EXPECT_EQ(hb.status, 200) << hb.body;
    EXPECT_EQ(responseEpoch(hb.body), m_store->epoch()) << "kiosks notice a restore by it";
}

TEST_F(ApiTest, LostEventsAreCheckedAgainstWhatThisDatabaseAppliedAndRecordedOnce)
{
    Event applied{newUuid(), "usage.recorded", 1,
                  Json{{"kind", "flow-started"}, {"flow", "callback"}, {"step", ""}, {"language", "pl"}}};
    auto sent = post("/api/v1/events", encodeEventBatch({applied}));
    ASSERT_EQ(sent.status, 200) << sent.body;
    EXPECT_EQ(responseEpoch(sent.body), m_store->epoch());
    const std::string missing = newUuid();
    const std::string body = encodeLostEventReports(
        {{applied.id, "usage.recorded", "", 5}, {missing, "callback.requested", "T-7K4-29Q-X4Z", 6}});
    for (int attempt = 0; attempt < 2; ++attempt)
    {
        auto r = post("/api/v1/lost-events", body);
        ASSERT_EQ(r.status, 200) << r.body;
        auto results = decodeLostEventResults(r.body);
        ASSERT_TRUE(results.ok());
        ASSERT_EQ(results->size(), 2u);
        EXPECT_EQ((*results)[0].status, LostEventStatus::Present);
        EXPECT_EQ((*results)[1].status, LostEventStatus::Lost);
    }
    ASSERT_TRUE(m_store
                    ->read(
                        [&](db::Database& d) -> Status<db::Error>
                        {
                            EXPECT_EQ(db::queryInt64(d, "SELECT count(*) FROM lost_events")->value_or(-1), 1);
                            EXPECT_EQ(db::queryText(d, "SELECT reference FROM lost_events")->value_or(""),
                                      "T-7K4-29Q-X4Z");
                            return {};
                        })
                    .ok());
    auto malformed = post("/api/v1/lost-events", R"({"events":[{"id":"x","type":"t","acked_at":1}]})");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(decodeErrorBody(malformed.body)->code, "bad_uuid");
    EXPECT_EQ(post("/api/v1/lost-events", "[]").status, 400);
}

TEST_F(ApiTest, RateLimitPerTokenWithRetryAfter)
{
    m_config.rateLimitBurst = 2;
    m_api = std::make_unique<Api>(
        *m_store, m_config, [this] { return now(); }, [this] { return m_monotonic; });
    EXPECT_EQ(get("/api/v1/changes").status, 200);
    EXPECT_EQ(get("/api/v1/changes").status, 200);
    auto limited = get("/api/v1/changes");
    ASSERT_EQ(limited.status, 429);
    ASSERT_EQ(limited.headers.size(), 1u);
    EXPECT_EQ(limited.headers[0].first, "Retry-After");
    EXPECT_EQ(limited.headers[0].second, "1");
    m_monotonic += 1.0; // one token refilled at 1/s
    EXPECT_EQ(get("/api/v1/changes").status, 200);
}

TEST_F(ApiTest, OfflineReservationThatNoLongerFitsIsStoredAsConflict)
{
    const Date pick = kToday.plusDays(7);
    auto results = send({reservation(pick, 10), reservation(pick, 10), reservation(pick.plusDays(5), 3)});
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].data["status"], "provisional");
    EXPECT_EQ(results[1].data["status"], "provisional");
    EXPECT_EQ(results[2].status, EventStatus::Applied);
    EXPECT_EQ(results[2].data["status"], "conflict");
    // The kiosk learns the status through its own changes.
    auto page = decodeChangesPage(get("/api/v1/changes", {{"limit", "1000"}}).body);
    ASSERT_TRUE(page.ok());
    int conflicts = 0;
    for (const auto& c : page->changes)
        if (c.entity == "reservation" && c.data["status"] == "conflict")
            ++conflicts;
    EXPECT_EQ(conflicts, 1);
}

TEST_F(ApiTest, DuplicateReplaysAndMismatchIsRejected)
{
    Event e = callbackFor("600111222", domain::DayPart::Morning);
    EXPECT_EQ(send({e})[0].status, EventStatus::Applied);
    auto again = send({e});
    EXPECT_EQ(again[0].status, EventStatus::Duplicate);
    EXPECT_EQ(again[0].data["code"], e.payload["code"]);
    Event other = e;
    other.payload["day_part"] = "afternoon";
    auto mismatch = send({other});
    EXPECT_EQ(mismatch[0].status, EventStatus::Rejected);
    EXPECT_EQ(mismatch[0].code, "idempotency_mismatch");
    Event invalid = callbackFor("12", domain::DayPart::Morning);
    auto bad = send({invalid});
    EXPECT_EQ(bad[0].status, EventStatus::Rejected);
    EXPECT_EQ(bad[0].data["path"], "$.payload.phone");
    // A rejected event is remembered too: sending it again gives the same answer.
    EXPECT_EQ(send({invalid})[0].code, "bad_value");
}

TEST_F(ApiTest, SecondCallbackForTheSameNumberUpdatesTheFirst)
{
    Event first = callbackFor("600 111 333", domain::DayPart::Morning);
    Event second = callbackFor("+48600111333", domain::DayPart::Afternoon);
    auto r1 = send({first});
    auto r2 = send({second});
    EXPECT_EQ(r1[0].data["merged"], false);
    EXPECT_EQ(r2[0].data["merged"], true);
    EXPECT_EQ(r2[0].data["code"], first.payload["code"]); // the first request is kept
}

TEST_F(ApiTest, HoldsRespectCapacityAndOfferTheNextDate)
{
    const Date pick = kToday.plusDays(3);
    auto hold = [&](const std::string& id)
    {
        return post("/api/v1/reservations/hold", encodeHoldRequest({id, "wozek", pick, 5}));
    };
    const std::string a = newUuid();
    auto first = hold(a);
    EXPECT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(hold(a).status, 201); // idempotent
    EXPECT_EQ(hold(newUuid()).status, 201);
    auto full = hold(newUuid());
    ASSERT_EQ(full.status, 409) << full.body;
    auto response = decodeHoldResponse(full.body);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->nextAvailable, pick.plusDays(5));

    // The held reservation's event keeps its unit; an unclaimed hold lapses after claim_minutes.
    auto e = reservation(pick, 5);
    e.id = a;
    EXPECT_EQ(send({e})[0].data["status"], "held");
    m_clockOffset = 31 * 60;
    EXPECT_EQ(hold(newUuid()).status, 201); // the second, unclaimed hold expired
    auto past = post("/api/v1/reservations/hold", encodeHoldRequest({newUuid(), "wozek", kToday.plusDays(-1), 5}));
    EXPECT_EQ(past.status, 400);
}

TEST_F(ApiTest, CounsellingBookingConflictOffersAlternatives)
{
    ASSERT_TRUE(
        m_store->addCounsellingSlot({"s1", {"psychological"}, "A", "1", kToday.plusDays(1), 540, 60, false}, now())
            .ok());
    ASSERT_TRUE(
        m_store->addCounsellingSlot({"s2", {"psychological"}, "A", "1", kToday.plusDays(2), 540, 60, false}, now())
            .ok());
    ASSERT_TRUE(
        m_store->addCounsellingSlot({"s3", {"family"}, "B", "2", kToday.plusDays(2), 600, 60, false}, now()).ok());
    const std::string req = newUuid();
    auto ok = post("/api/v1/counselling/book", encodeCounsellingBookRequest({req, "s1", "psychological"}));
    EXPECT_EQ(ok.status, 201) << ok.body;
    auto taken = post("/api/v1/counselling/book", encodeCounsellingBookRequest({newUuid(), "s1", "psychological"}));
    ASSERT_EQ(taken.status, 409);
    auto response = decodeCounsellingBookResponse(taken.body);
    ASSERT_TRUE(response.ok());
    ASSERT_EQ(response->alternatives.size(), 1u);
    EXPECT_EQ(response->alternatives[0].id, "s2");
    EXPECT_EQ(post("/api/v1/counselling/book", encodeCounsellingBookRequest({newUuid(), "nope", "family"})).status,
              404);
}

TEST_F(ApiTest, CursorsAreCheckedAndPagesAreMonotonic)
{
    EXPECT_EQ(get("/api/v1/changes", {{"since", "abc"}}).status, 400);
    EXPECT_EQ(get("/api/v1/changes", {{"since", "0123456789abcdef-1"}}).status, 410);
    EXPECT_EQ(get("/api/v1/changes", {{"limit", "0"}}).status, 400);
    EXPECT_EQ(get("/api/v1/changes", {{"bogus", "1"}}).status, 400);
    auto first = decodeChangesPage(get("/api/v1/changes", {{"limit", "2"}}).body);
    ASSERT_TRUE(first.ok());
    EXPECT_TRUE(first->more);
    ASSERT_EQ(first->changes.size(), 2u);
    auto end = first->cursor.substr(0, first->cursor.rfind('-')) + "-999999";
    EXPECT_EQ(get("/api/v1/changes", {{"since", end}}).status, 400);
    auto second = decodeChangesPage(get("/api/v1/changes", {{"since", first->cursor}, {"limit", "2"}}).body);
    ASSERT_TRUE(second.ok());
    ASSERT_FALSE(second->changes.empty());
    // A snapshot's pages go in dependency order, not log order: what the second page carries is
    // nothing the first did.
    for (const auto& later : second->changes)
        for (const auto& earlier : first->changes)
            EXPECT_FALSE(later.entity == earlier.entity && later.id == earlier.id) << later.entity << " " << later.id;
}

TEST_F(ApiTest, ReimportKeepsLiveUnitStatesAndSendsOnlyWhatChanged)
{
    auto e = makeUnitStateChanged(newUuid(), 1, UnitStateChange{"TST-1", domain::UnitState::Repair, "kółko", "st-1"});
    EXPECT_EQ(send({e})[0].status, EventStatus::Applied);
    auto catalogue = catalog::parseCatalog(test::wheelchairCatalogue(3).dump());
    ASSERT_TRUE(catalogue.ok());
    auto summary = m_store->importCatalog("default", *catalogue, now());
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->deletes, 0);
    auto page = decodeChangesPage(get("/api/v1/changes", {{"limit", "1000"}}).body);
    ASSERT_TRUE(page.ok());
    std::string lastState;
    for (const auto& c : page->changes)
        if (c.entity == "unit" && c.id == "TST-1")
            lastState = c.data["state"];
    EXPECT_EQ(lastState, "repair");
}

TEST_F(ApiTest, BatchesPostedAtOnceShareCommitsAndEveryEventIsApplied)
{
    constexpr int kThreads = 12;
    constexpr int kBatchesEach = 6;
    constexpr int kEventsPerBatch = 40;
    auto kiosks = m_store->activeKiosks();
    ASSERT_TRUE(kiosks.ok());
    ASSERT_EQ(kiosks->size(), 1u);
    const KioskIdentity kiosk = kiosks->front().second;
    std::vector<std::vector<std::vector<Event>>> batches(kThreads);
    int phone = 0;
    for (auto& thread : batches)
        for (int b = 0; b < kBatchesEach; ++b)
        {
            thread.emplace_back();
            for (int e = 0; e < kEventsPerBatch; ++e)
                thread.back().push_back(callbackFor(std::to_string(500000000 + phone++), domain::DayPart::Morning));
        }
    const auto before = m_store->groupCommitFigures();
    std::atomic<int> applied{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back(
            [&, t]
            {
                for (const auto& batch : batches[static_cast<std::size_t>(t)])
                {
                    auto results = m_store->applyEvents(kiosk, batch, now());
                    if (!results || results->size() != batch.size())
                    {
                        ++failed;
                        continue;
                    }
                    for (const auto& r : *results)
                        applied += r.status == EventStatus::Applied ? 1 : 0;
                }
            });
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(applied.load(), kThreads * kBatchesEach * kEventsPerBatch);
    auto d = db::Database::open(m_dir.file("central.db"));
    ASSERT_TRUE(d.ok());
    auto rows = db::queryInt64(*d, "SELECT COUNT(*) FROM callback_requests");
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->value_or(-1), kThreads * kBatchesEach * kEventsPerBatch);
    const auto after = m_store->groupCommitFigures();
    EXPECT_EQ(after.batches - before.batches, static_cast<std::uint64_t>(kThreads * kBatchesEach));
    EXPECT_LT(after.commits - before.commits, after.batches - before.batches)
        << "batches waiting while another commits must share the next commit";
}

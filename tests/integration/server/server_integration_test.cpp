// okienko-central as a real process over real HTTPS: TLS verification against a CA made at test
// time, authentication, hostile input, exactly-once events across duplicates and SIGKILL, the hold
// race on scarce equipment, and change paging.
#include "shared/db/database.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/server/api_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <gtest/gtest.h>
#include <httplib.h>
#include <map>
#include <thread>

using namespace okienko;
using namespace okienko::protocol;
using okienko::test::CentralProcess;
using okienko::test::TestCa;

namespace
{
/// Bodies are JSON errors with a code; the status is a 4xx.
void expectJsonError(const httplib::Result& r, int status, const std::string& code = {})
{
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    EXPECT_EQ(r->status, status) << r->body;
    auto body = decodeErrorBody(r->body);
    ASSERT_TRUE(body.ok()) << r->body;
    if (!code.empty())
    {
        EXPECT_EQ(body->code, code);
    }
}

class CentralServer : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        // A client writing to a server that was just killed must get an error, not a signal.
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        // 16 clients share one kiosk token here; the rate limit has its own test.
        m_server = std::make_unique<CentralProcess>(m_ca, "[rate_limit]\nrequests_per_second = 10000\nburst = 10000\n");
        m_token = m_server->prepare(okienko::test::testCatalogJson(3));
        ASSERT_FALSE(m_token.empty());
        ASSERT_TRUE(m_server->start()) << okienko::test::readFile(m_server->logPath());
    }

    std::unique_ptr<httplib::SSLClient> kiosk() { return test::kioskClient(m_server->port(), m_ca.caCert(), m_token); }

    httplib::Result postEvents(httplib::SSLClient& c, const std::vector<Event>& events)
    {
        return c.Post("/api/v1/events", encodeEventBatch(events), "application/json");
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::string m_token;
};
} // namespace

TEST_F(CentralServer, ClientWithAnotherCaRefusesAndTrustedClientTalks)
{
    TestCa other("Some Other CA");
    ASSERT_TRUE(other.make()) << other.error();
    auto stranger = test::kioskClient(m_server->port(), other.caCert(), m_token);
    auto refused = stranger->Get("/api/v1/changes");
    EXPECT_FALSE(refused);
    if (refused)
        ADD_FAILURE() << "a client trusting another CA got status " << refused->status;

    auto ok = kiosk()->Get("/api/v1/changes");
    ASSERT_TRUE(ok) << httplib::to_string(ok.error());
    EXPECT_EQ(ok->status, 200);
    EXPECT_TRUE(decodeChangesPage(ok->body).ok());
}

TEST_F(CentralServer, UnauthenticatedRequestsGet401Json)
{
    auto anonymous = test::kioskClient(m_server->port(), m_ca.caCert(), "");
    expectJsonError(anonymous->Get("/api/v1/changes"), 401, "unauthorized");
    auto wrong = test::kioskClient(m_server->port(), m_ca.caCert(), "not-the-token");
    expectJsonError(wrong->Post("/api/v1/events", encodeEventBatch({test::callbackEvent(1)}), "application/json"), 401,
                    "unauthorized");
    EXPECT_EQ(test::dbCount(m_server->databasePath(), "SELECT COUNT(*) FROM events"), 0);
}

TEST_F(CentralServer, HostileInputGets4xxJsonAndTheServerKeepsServing)
{
    auto c = kiosk();
    const Json good = encodeEvent(test::callbackEvent(7));
    auto batch = [](const Json& e)
    {
        return Json{{"events", Json::array({e})}}.dump();
    };
    Json wrongType = good;
    wrongType["created_at"] = "yesterday";
    Json huge = good;
    huge["created_at"] = 1e300;
    Json hugeInt = good;
    hugeInt["payload"]["rating"] = 1;
    const std::vector<std::pair<std::string, int>> bodies{
        {"{", 400},
        {"not json at all", 400},
        {"[]", 400},
        {"{\"events\": 5}", 400},
        {batch(wrongType), 400},
        {batch(huge), 400},
        {"{\"events\":[{\"id\":\"1e400\",\"type\":1e400}]}", 400},
        {"{\"events\":[{\"id\":99999999999999999999999999999}]}", 400},
        {std::string("{\"events\":[\"\xff\xfe\"]}"), 400},
        {std::string(10000, '['), 400},
        {"{\"events\":[{\"id\":\"'); DROP TABLE events;--\",\"type\":\"x\",\"created_at\":1,\"payload\":{}}]}", 400},
    };
    for (const auto& [body, status] : bodies)
    {
        SCOPED_TRACE(body.substr(0, 60));
        expectJsonError(c->Post("/api/v1/events", body, "application/json"), status);
    }
    // An SQL-looking string inside a valid event is just a (rejected) name, not SQL.
    Json sqlName = good;
    sqlName["id"] = newUuid();
    sqlName["payload"]["first_name"] = "x'); DROP TABLE events;--";
    auto r = c->Post("/api/v1/events", batch(sqlName), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto results = decodeEventResults(r->body);
    ASSERT_TRUE(results.ok());
    EXPECT_EQ(results->front().status, EventStatus::Rejected);
    // Wrong content type, oversized body, unknown path, wrong method.
    expectJsonError(c->Post("/api/v1/events", batch(good), "text/plain"), 415, "unsupported_media_type");
    auto big = c->Post("/api/v1/events", std::string(2 * 1024 * 1024, ' '), "application/json");
    if (big) // the server may also just close the connection after refusing the body
        expectJsonError(big, 413, "body_too_large");
    c = kiosk();
    expectJsonError(c->Get("/api/v1/nothing-here"), 404, "not_found");
    expectJsonError(c->Delete("/api/v1/events"), 405, "method_not_allowed");
    expectJsonError(c->Get("/api/v1/changes?since=garbage"), 400, "bad_cursor");
    expectJsonError(c->Get("/api/v1/changes?limit=99999999999999999999"), 400, "bad_limit");
    expectJsonError(c->Post("/api/v1/reservations/hold", "{\"reservation_id\":1}", "application/json"), 400);

    EXPECT_TRUE(m_server->running());
    auto after = c->Post("/api/v1/events", batch(good), "application/json");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
    EXPECT_EQ(test::dbCount(m_server->databasePath(), "SELECT COUNT(*) FROM callback_requests"), 1);
    EXPECT_EQ(test::dbCount(m_server->databasePath(), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events'"), 1);
}

TEST_F(CentralServer, SameBatchTwiceIsAppliedExactlyOnce)
{
    std::vector<Event> events;
    for (int i = 0; i < 20; ++i)
        events.push_back(test::callbackEvent(i));
    auto c = kiosk();
    for (int round = 0; round < 2; ++round)
    {
        auto r = postEvents(*c, events);
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 200) << r->body;
        auto results = decodeEventResults(r->body);
        ASSERT_TRUE(results.ok());
        ASSERT_EQ(results->size(), events.size());
        for (const auto& res : *results)
            EXPECT_EQ(res.status, round == 0 ? EventStatus::Applied : EventStatus::Duplicate);
    }
    EXPECT_EQ(test::dbCount(m_server->databasePath(), "SELECT COUNT(*) FROM callback_requests"), 20);
    EXPECT_EQ(test::dbCount(m_server->databasePath(), "SELECT COUNT(*) FROM events"), 20);

    // The same id with other content is refused and changes nothing.
    Event changed = events.front();
    changed.payload["day_part"] = "afternoon";
    auto r = postEvents(*c, {changed});
    ASSERT_TRUE(r);
    auto results = decodeEventResults(r->body);
    ASSERT_TRUE(results.ok());
    EXPECT_EQ(results->front().status, EventStatus::Rejected);
    EXPECT_EQ(results->front().code, "idempotency_mismatch");
    EXPECT_EQ(
        test::dbCount(m_server->databasePath(), "SELECT COUNT(*) FROM callback_requests WHERE day_part = 'afternoon'"),
        0);
}

TEST_F(CentralServer, KillDuringABatchLeavesNoPartialEventAndRetryCompletesIt)
{
    const std::string db = m_server->databasePath();
    int previous = 0;
    for (int attempt = 0; attempt < 4; ++attempt)
    {
        SCOPED_TRACE(attempt);
        std::vector<Event> events;
        for (int i = 0; i < 100; ++i)
            events.push_back(test::callbackEvent(attempt * 1000 + i));
        std::thread sender(
            [&]
            {
                auto c = kiosk();
                (void)postEvents(*c, events); // may fail: the server dies under it
            });
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + attempt * 7));
        m_server->kill(SIGKILL);
        sender.join();

        // Each event is either there with its id record and its request, or not at all.
        EXPECT_EQ(test::dbText(db, "PRAGMA integrity_check"), "ok");
        const auto ids = test::dbCount(db, "SELECT COUNT(*) FROM events");
        const auto requests = test::dbCount(db, "SELECT COUNT(*) FROM callback_requests");
        EXPECT_EQ(ids, requests);
        EXPECT_TRUE(ids == previous || ids == previous + 100) << ids;

        ASSERT_TRUE(m_server->start()) << okienko::test::readFile(m_server->logPath());
        auto c = kiosk();
        auto r = postEvents(*c, events);
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 200) << r->body;
        auto results = decodeEventResults(r->body);
        ASSERT_TRUE(results.ok());
        for (const auto& res : *results)
            EXPECT_NE(res.status, EventStatus::Rejected);
        previous += 100;
        EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM events"), previous);
        EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM callback_requests"), previous);
    }
}

TEST_F(CentralServer, KillDuringGroupCommitsLosesNoAcknowledgedBatch)
{
    // Eight kiosks post at once, so batches share commits; the server dies under them.
    constexpr std::size_t kSenders = 8;
    constexpr std::size_t kBatchesEach = 40;
    constexpr std::size_t kEventsPerBatch = 25;
    std::vector<std::vector<std::vector<Event>>> batches(kSenders);
    for (std::size_t s = 0; s < kSenders; ++s)
        for (std::size_t b = 0; b < kBatchesEach; ++b)
        {
            batches[s].emplace_back();
            for (std::size_t e = 0; e < kEventsPerBatch; ++e)
                batches[s].back().push_back(
                    test::callbackEvent(static_cast<int>((s * kBatchesEach + b) * kEventsPerBatch + e)));
        }
    std::vector<std::vector<bool>> acknowledged(kSenders, std::vector<bool>(kBatchesEach, false));
    std::atomic<std::size_t> acknowledgedSoFar{0};
    std::vector<std::thread> senders;
    for (std::size_t s = 0; s < kSenders; ++s)
        senders.emplace_back(
            [&, s]
            {
                auto c = kiosk();
                for (std::size_t b = 0; b < kBatchesEach; ++b)
                {
                    auto r = postEvents(*c, batches[s][b]);
                    if (!r || r->status != 200 || !decodeEventResults(r->body).ok())
                        return; // the server died under this kiosk
                    acknowledged[s][b] = true;
                    ++acknowledgedSoFar;
                }
            });
    // Killed once a sixth of the batches are acknowledged: commits are running, more are queued.
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (acknowledgedSoFar.load() < kSenders * kBatchesEach / 6 && std::chrono::steady_clock::now() < giveUp)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    m_server->kill(SIGKILL);
    for (auto& t : senders)
        t.join();

    const std::string db = m_server->databasePath();
    EXPECT_EQ(test::dbText(db, "PRAGMA integrity_check"), "ok");
    std::size_t acknowledgedBatches = 0;
    for (std::size_t s = 0; s < kSenders; ++s)
        for (std::size_t b = 0; b < kBatchesEach; ++b)
        {
            std::string ids;
            for (const Event& e : batches[s][b])
                ids += (ids.empty() ? "'" : ",'") + e.id + "'";
            const auto stored = test::dbCount(db, "SELECT COUNT(*) FROM events WHERE id IN (" + ids + ")");
            // A batch is all there or not at all; one the kiosk was told about is all there.
            EXPECT_TRUE(stored == 0 || stored == static_cast<std::int64_t>(kEventsPerBatch))
                << "sender " << s << " batch " << b << ": " << stored;
            if (acknowledged[s][b])
            {
                ++acknowledgedBatches;
                EXPECT_EQ(stored, static_cast<std::int64_t>(kEventsPerBatch))
                    << "sender " << s << " batch " << b << " was acknowledged";
            }
        }
    EXPECT_GT(acknowledgedBatches, 0u) << "the kill came before any commit: the test proved nothing";
    EXPECT_LT(acknowledgedBatches, kSenders * kBatchesEach) << "the kill came after every commit";
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM events"),
              test::dbCount(db, "SELECT COUNT(*) FROM callback_requests"));

    // Every kiosk sends again what it was not told about: each event ends up there exactly once.
    ASSERT_TRUE(m_server->start()) << okienko::test::readFile(m_server->logPath());
    auto c = kiosk();
    for (std::size_t s = 0; s < kSenders; ++s)
        for (std::size_t b = 0; b < kBatchesEach; ++b)
            if (!acknowledged[s][b])
            {
                auto r = postEvents(*c, batches[s][b]);
                ASSERT_TRUE(r);
                ASSERT_EQ(r->status, 200) << r->body;
            }
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM events"),
              static_cast<std::int64_t>(kSenders * kBatchesEach * kEventsPerBatch));
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM callback_requests"),
              static_cast<std::int64_t>(kSenders * kBatchesEach * kEventsPerBatch));
}

TEST_F(CentralServer, RacingHoldsNeverExceedTheUnits)
{
    const Date base = test::serverToday().plusDays(10);
    std::atomic<int> held{0};
    std::atomic<int> refused{0};
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t)
    {
        threads.emplace_back(
            [&, t]
            {
                auto c = kiosk();
                for (int i = 0; i < 8; ++i)
                {
                    auto r = c->Post("/api/v1/reservations/hold", encodeHoldRequest(test::racingHold(base, t, i)),
                                     "application/json");
                    if (!r)
                        ++errors;
                    else if (r->status == 201)
                        ++held;
                    else if (r->status == 409)
                        ++refused;
                    else
                        ++errors;
                }
            });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(errors.load(), 0);
    EXPECT_GT(held.load(), 0);
    EXPECT_GT(refused.load(), 0);
    const std::string db = m_server->databasePath();
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM reservations WHERE status = 'held'"), held.load());
    // On no day do more than 3 held reservations overlap.
    EXPECT_LE(test::mostHeldOnOneDay(db, base, 30), 3) << "more held than the 3 units on some day";
}

TEST_F(CentralServer, ChangesPagingDeliversEveryChangeOnceAndNeverGoesBack)
{
    // Per-kiosk rows (request statuses) among the catalogue's rows.
    std::vector<Event> events;
    for (int i = 0; i < 30; ++i)
        events.push_back(test::callbackEvent(500 + i));
    auto c = kiosk();
    ASSERT_TRUE(postEvents(*c, events));

    // From no cursor: the snapshot (the catalogue, compacted when serve started), then the log.
    const auto pulled = test::pullEverything([&](int, const std::string& path) { return c->Get(path.c_str()); }, 7);
    const std::string cursor = pulled.cursor;
    EXPECT_EQ(static_cast<std::int64_t>(pulled.count),
              test::dbCount(m_server->databasePath(), "SELECT COUNT(*) FROM change_log"));
    // Caught up: the next pull is empty and keeps the cursor.
    auto again = c->Get(("/api/v1/changes?since=" + cursor).c_str());
    ASSERT_TRUE(again);
    auto decoded = decodeChangesPage(again->body);
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(decoded->changes.empty());
    EXPECT_EQ(decoded->cursor, cursor);
}

TEST(CentralServerLimits, RateLimitGives429WithRetryAfter)
{
    TestCa ca;
    ASSERT_TRUE(ca.make()) << ca.error();
    CentralProcess server(ca, "[rate_limit]\nrequests_per_second = 0.5\nburst = 3\n");
    const std::string token = server.prepare(okienko::test::testCatalogJson(1));
    ASSERT_FALSE(token.empty());
    ASSERT_TRUE(server.start());
    auto c = test::kioskClient(server.port(), ca.caCert(), token);
    int limited = 0;
    for (int i = 0; i < 6; ++i)
    {
        auto r = c->Get("/api/v1/changes");
        ASSERT_TRUE(r);
        if (r->status == 429)
        {
            ++limited;
            EXPECT_TRUE(r->has_header("Retry-After"));
            EXPECT_GE(std::stoi(r->get_header_value("Retry-After")), 1);
            expectJsonError(r, 429, "rate_limited");
        }
    }
    EXPECT_EQ(limited, 3);
}

// The sync worker against a real HTTPS server on 127.0.0.1 (FakeCentral) with a CA made at test
// time: events queued while the server is down arrive exactly once, Retry-After is honoured, a
// server signed by another CA is refused, personal data is erased after the acknowledgement, a
// batch the server refuses as a whole cannot block the queue, and pulled pages commit with their
// cursor.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/sync/sync_worker.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/util/uuid.hpp"
#include "shared/util/version.hpp"
#include "tests/integration/sync/fake_central.hpp"
#include "tests/support/sync_test_pki.hpp"
#include "tests/support/temp_dir.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace std::chrono_literals;
using namespace okienko;
using okienko::test::FakeCentral;
using okienko::test::SyncTestPki;
using okienko::test::TempDir;

namespace
{

const std::string kToken = "test-token-0123456789";

template <typename Pred> bool waitFor(Pred pred, std::chrono::milliseconds timeout = 10s)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until)
    {
        if (pred())
            return true;
        std::this_thread::sleep_for(10ms);
    }
    return pred();
}

std::int64_t scalar(db::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(stmt->step().ok());
    auto v = stmt->columnInt64(0);
    return v ? *v : -1;
}

/// The kiosk side: its database and a flow that stores reservations with their events.
struct Kiosk
{
    TempDir dir{"sync-kiosk"};
    db::Database db = std::move(kiosk::openKioskDatabase(dir.file("kiosk.db"))).value();
    sync::Outbox outbox{db};

    std::string reserve(const std::string& typeId = "wozek", const std::string& eventType = "reservation.created")
    {
        const std::string id = newUuid();
        auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
        auto stmt = db.prepare("INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status,"
                               " person_name, person_phone, residency_declared, clause_acknowledged, language,"
                               " kiosk_id, created_at) VALUES (?1, 'R-1', ?2, '2026-12-01', 14, 'provisional',"
                               " 'Anna Nowak', '600100200', 1, 1, 'pl', 'k1', 1)");
        EXPECT_TRUE(stmt->bind(1, id).ok());
        EXPECT_TRUE(stmt->bind(2, typeId).ok());
        EXPECT_TRUE(stmt->run().ok());
        *stmt = db::Statement();
        auto queued = outbox.enqueue(*tx, eventType, R"({"type_id":")" + typeId + R"("})",
                                     sync::OutboxSubject{sync::SubjectKind::Reservation, id}, id);
        EXPECT_TRUE(queued.ok());
        EXPECT_TRUE(tx->commit().ok());
        return id;
    }

    std::int64_t pending() { return *outbox.depth(); }
    std::int64_t withPersonalData()
    {
        return scalar(db,
                      "SELECT count(*) FROM reservations WHERE person_name IS NOT NULL OR person_phone IS NOT NULL");
    }
};

sync::SyncConfig config(const Kiosk& kiosk, const std::string& url, const std::string& ca)
{
    sync::SyncConfig c;
    c.databasePath = kiosk.dir.file("kiosk.db");
    c.https.baseUrl = url;
    c.https.caFile = ca;
    c.https.bearerToken = kToken;
    c.https.connectTimeout = 2s;
    c.https.totalTimeout = 5s;
    c.pullInterval = 1h;
    c.heartbeatInterval = 1h;
    c.backoff.base = 50ms;
    c.backoff.cap = 400ms;
    c.fastPathTimeout = 500ms;
    return c;
}

class SyncWorkerTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(pki.ok()) << pki.error();
        ASSERT_GT(central.start(), 0);
    }
    SyncTestPki pki;
    FakeCentral central{pki.serverCertFile(), pki.serverKeyFile(), kToken};
    Kiosk kiosk;
};

} // namespace

TEST_F(SyncWorkerTest, AServerSignedByAnotherCaIsRefusedAndTheReasonReported)
{
    const auto id = kiosk.reserve();
    sync::SyncWorker worker(config(kiosk, central.url(), pki.otherCaFile()));
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().rounds >= 1; }));
    const auto status = worker.status();
    EXPECT_EQ(status.connectivity, sync::Connectivity::Offline);
    EXPECT_EQ(status.lastError, "tls");
    EXPECT_FALSE(status.lastErrorDetail.empty());
    worker.stop();
    EXPECT_TRUE(central.arrivals().empty()); // nothing reached the handlers
    EXPECT_TRUE(central.applied().empty());
    EXPECT_EQ(kiosk.pending(), 1);
    EXPECT_EQ(kiosk.withPersonalData(), 1);
    EXPECT_GE(scalar(kiosk.db, "SELECT attempts FROM outbox WHERE id = '" + id + "'"), 1);
}

TEST_F(SyncWorkerTest, AWrongTokenIsReportedAsUnauthorized)
{
    kiosk.reserve();
    auto c = config(kiosk, central.url(), pki.caFile());
    c.https.bearerToken = "stolen";
    sync::SyncWorker worker(c);
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().rounds >= 1; }));
    EXPECT_EQ(worker.status().lastError, "unauthorized");
    worker.stop();
    EXPECT_EQ(kiosk.pending(), 1);
}

TEST_F(SyncWorkerTest, EventsQueuedWhileTheServerIsDownArriveExactlyOnceAfterItComesUp)
{
    const int port = central.port();
    central.stop();
    constexpr int kEvents = 250; // three batches
    std::vector<std::string> ids;
    for (int i = 0; i < kEvents; ++i)
        ids.push_back(kiosk.reserve());

    std::atomic<int> offlineReports{0};
    sync::SyncWorker worker(config(kiosk, "https://127.0.0.1:" + std::to_string(port), pki.caFile()));
    worker.setStatusCallback(
        [&](const sync::SyncStatus& s)
        {
            if (s.connectivity == sync::Connectivity::Offline)
                ++offlineReports;
        });
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return offlineReports >= 2; })); // retried while down
    EXPECT_EQ(worker.status().lastError, "connect");
    EXPECT_EQ(worker.status().outboxDepth, kEvents);

    ASSERT_EQ(central.start(port), port);
    ASSERT_TRUE(waitFor([&] { return worker.status().connectivity == sync::Connectivity::Online; }));
    worker.stop();

    const auto applied = central.applied();
    EXPECT_EQ(applied.size(), ids.size());
    for (const auto& id : ids)
        EXPECT_EQ(applied.count(id) ? applied.at(id) : 0, 1) << id;
    EXPECT_EQ(kiosk.pending(), 0);
    EXPECT_EQ(kiosk.withPersonalData(), 0);
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM outbox WHERE payload IS NOT NULL"), 0);
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM reservations WHERE erased_at IS NOT NULL"), kEvents);
    EXPECT_GT(scalar(kiosk.db, "SELECT last_sync_at FROM sync_state"), 0);
}

TEST_F(SyncWorkerTest, RetryAfterOn503IsHonoured)
{
    kiosk.reserve();
    central.failNext("/api/v1/events", 2, 503, 1);
    sync::SyncWorker worker(config(kiosk, central.url(), pki.caFile()));
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return kiosk.pending() == 0; }));
    worker.stop();
    std::vector<FakeCentral::Arrival> posts;
    for (const auto& a : central.arrivals())
        if (a.path == "/api/v1/events")
            posts.push_back(a);
    ASSERT_EQ(posts.size(), 3u);
    EXPECT_EQ(posts[0].status, 503);
    EXPECT_EQ(posts[1].status, 503);
    EXPECT_EQ(posts[2].status, 200);
    // The jitter window is at most 400 ms here; only Retry-After: 1 explains a gap of ≥ 1 s.
    EXPECT_GE(posts[1].at - posts[0].at, 990ms);
    EXPECT_GE(posts[2].at - posts[1].at, 990ms);
    EXPECT_EQ(central.applied().size(), 1u);
}

TEST_F(SyncWorkerTest, A500IsRetriedWithBackoffAndANotifyDoesNotJumpTheQueue)
{
    central.failNext("/api/v1/events", 3, 500);
    kiosk.reserve();
    sync::SyncWorker worker(config(kiosk, central.url(), pki.caFile()));
    ASSERT_TRUE(worker.start().ok());
    for (int i = 0; i < 20; ++i)
        worker.notify();
    ASSERT_TRUE(waitFor([&] { return kiosk.pending() == 0; }));
    worker.stop();
    int posts = 0;
    for (const auto& a : central.arrivals())
        posts += a.path == "/api/v1/events" ? 1 : 0;
    EXPECT_EQ(posts, 4); // three 500s and the success; notify() during backoff sent nothing extra
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM outbox WHERE state = 'acked'"), 1);
}

TEST_F(SyncWorkerTest, NotifySendsANewEventWithoutWaitingForThePullInterval)
{
    sync::SyncWorker worker(config(kiosk, central.url(), pki.caFile()));
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().connectivity == sync::Connectivity::Online; }));
    const auto id = kiosk.reserve();
    const auto t0 = std::chrono::steady_clock::now();
    worker.notify();
    ASSERT_TRUE(waitFor([&] { return central.applied().count(id) == 1; }, 3s));
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
    worker.stop();
}

TEST_F(SyncWorkerTest, ARejectedEventBecomesADeadLetterAndTheRestFlows)
{
    const auto a = kiosk.reserve();
    const auto bad = kiosk.reserve("wozek", "reject.me");
    const auto b = kiosk.reserve();
    sync::SyncWorker worker(config(kiosk, central.url(), pki.caFile()));
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().deadLetters == 1 && worker.status().outboxDepth == 0; }));
    worker.stop();
    auto dead = kiosk.outbox.deadLetters();
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ((*dead)[0].id, bad);
    EXPECT_EQ((*dead)[0].code, "bad_value");
    EXPECT_EQ(kiosk.withPersonalData(), 0); // the rejected one too: staff see type, reason and code
    EXPECT_EQ(central.applied().count(a), 1u);
    EXPECT_EQ(central.applied().count(b), 1u);
}

TEST_F(SyncWorkerTest, ABatchRefusedAsAWholeIsSplitUntilTheCulpritIsAlone)
{
    std::vector<std::string> good;
    for (int i = 0; i < 5; ++i)
        good.push_back(kiosk.reserve());
    const auto poison = kiosk.reserve("wozek", "poison.type");
    for (int i = 0; i < 6; ++i)
        good.push_back(kiosk.reserve());
    central.setPoisonType("poison.type");
    sync::SyncWorker worker(config(kiosk, central.url(), pki.caFile()));
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return kiosk.pending() == 0; }));
    worker.stop();
    auto dead = kiosk.outbox.deadLetters();
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ((*dead)[0].id, poison);
    EXPECT_EQ((*dead)[0].code, "bad_value");
    for (const auto& id : good)
        EXPECT_EQ(central.applied().count(id), 1u);
}

TEST_F(SyncWorkerTest, PulledPagesAreStoredWithTheirCursor)
{
    const auto mine = kiosk.reserve();
    std::vector<protocol::Change> changes;
    for (int i = 0; i < 5; ++i)
    {
        domain::Staff s{"st-" + std::to_string(i), "Pracownik " + std::to_string(i), domain::StaffRole::Equipment,
                        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA", true};
        changes.push_back({i + 1, "staff", s.id, protocol::ChangeOp::Upsert, protocol::encodeStaff(s), -1});
    }
    changes.push_back({6, "reservation", mine, protocol::ChangeOp::Upsert,
                       protocol::encodeRequestStatus({mine, "R-1", "confirmed"}), -1});
    changes.push_back({7, "staff", "st-1", protocol::ChangeOp::Delete, protocol::Json::object(), -1});
    changes.push_back({8, "something-new", "x", protocol::ChangeOp::Upsert, protocol::Json::object(), -1});
    central.setChanges(changes);
    auto c = config(kiosk, central.url(), pki.caFile());
    c.session.changesLimit = 3; // three pages
    sync::SyncWorker worker(c);
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().connectivity == sync::Connectivity::Online; }));
    worker.stop();
    EXPECT_EQ(central.cursorsSeen(), (std::vector<std::string>{"", "c3", "c6"}));
    // The delete of st-1 removes its row, PIN hash and all: a kiosk keeps no hash of anyone removed.
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM staff WHERE active = 1"), 4);
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM staff"), 4);
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM staff WHERE id = 'st-1'"), 0);
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM reservations WHERE status = 'confirmed'"), 1);
    auto cursor = db::queryText(kiosk.db, "SELECT pull_cursor FROM sync_state");
    ASSERT_TRUE(cursor.ok() && cursor->has_value());
    EXPECT_EQ(**cursor, "c8");
}

TEST_F(SyncWorkerTest, APageThatDoesNotDecodeLeavesTheCursorAndTheDataUntouched)
{
    domain::Staff s{"st-a", "Anna", domain::StaffRole::Equipment, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", true};
    protocol::Json broken = protocol::encodeStaff(s);
    broken["role"] = 42;
    central.setChanges({{1, "staff", "st-a", protocol::ChangeOp::Upsert, protocol::encodeStaff(s), -1},
                        {2, "staff", "st-b", protocol::ChangeOp::Upsert, broken, -1}});
    sync::SyncWorker worker(config(kiosk, central.url(), pki.caFile()));
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().rounds >= 1; }));
    worker.stop();
    EXPECT_EQ(worker.status().lastError, "bad_change");
    EXPECT_EQ(scalar(kiosk.db, "SELECT count(*) FROM staff"), 0); // st-a rolled back with the page
    auto cursor = db::queryText(kiosk.db, "SELECT pull_cursor FROM sync_state");
    ASSERT_TRUE(cursor.ok() && cursor->has_value());
    EXPECT_EQ(**cursor, "");
}

TEST_F(SyncWorkerTest, HeartbeatReportsTheOutboxAndThePrinter)
{
    central.failNext("/api/v1/events", 1000, 503, 3600); // the outbox cannot drain
    kiosk.reserve();
    auto c = config(kiosk, central.url(), pki.caFile());
    sync::SyncWorker worker(c);
    worker.setPrinterStateProvider([] { return std::string("no-paper"); });
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().rounds >= 1; }));
    worker.stop();
    // Events failed, so this round sent no heartbeat; a healthy exchange is needed first.
    EXPECT_FALSE(central.lastHeartbeat().has_value());
    EXPECT_EQ(worker.status().lastError, "http_503");
    EXPECT_GE(worker.status().nextRetryIn, 3600s - 1s); // Retry-After beyond the cap still counts

    central.failNext("/api/v1/events", 0, 503);
    sync::SyncWorker second(c);
    second.setPrinterStateProvider([] { return std::string("no-paper"); });
    ASSERT_TRUE(second.start().ok());
    ASSERT_TRUE(waitFor([&] { return central.lastHeartbeat().has_value(); }));
    second.stop();
    const auto hb = *central.lastHeartbeat();
    EXPECT_EQ(hb.printerState, "no-paper");
    EXPECT_EQ(hb.kioskVersion, okienko::version()); // the build's own version, not a constant
    EXPECT_EQ(hb.outboxDepth, 0);
}

TEST_F(SyncWorkerTest, HoldFastPathAnswersHeldUnavailableOrOffline)
{
    sync::SyncWorker worker(config(kiosk, central.url(), pki.caFile()));
    protocol::HoldRequest req{newUuid(), "wozek", *parseIsoDate("2030-01-10"), 14};
    auto held = worker.tryHold(req);
    ASSERT_EQ(held.kind, sync::HoldOutcome::Kind::Held) << held.error;
    EXPECT_EQ(held.response->reservationId, req.reservationId);
    EXPECT_EQ(held.response->pickUpBy, parseIsoDate("2030-01-12"));

    req.reservationId = newUuid();
    req.typeId = "none-left";
    auto unavailable = worker.tryHold(req);
    ASSERT_EQ(unavailable.kind, sync::HoldOutcome::Kind::Unavailable) << unavailable.error;
    EXPECT_EQ(unavailable.response->nextAvailable, parseIsoDate("2030-01-19"));

    central.setDelay(2s); // slower than the resident may wait
    const auto t0 = std::chrono::steady_clock::now();
    auto slow = worker.tryHold(req);
    EXPECT_EQ(slow.kind, sync::HoldOutcome::Kind::Offline);
    EXPECT_EQ(slow.error, "timeout");
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1500ms);
    central.setDelay(0ms);

    central.failNext("/api/v1/reservations/hold", 1, 503, 1);
    auto busy = worker.tryHold(req);
    EXPECT_EQ(busy.kind, sync::HoldOutcome::Kind::Offline);
    EXPECT_EQ(busy.error, "http_503");

    central.stop();
    auto down = worker.tryHold(req);
    EXPECT_EQ(down.kind, sync::HoldOutcome::Kind::Offline);
    EXPECT_EQ(down.error, "connect");
}

TEST_F(SyncWorkerTest, HttpsClientRefusesPlainHttpAndAMissingCa)
{
    sync::HttpsConfig c;
    c.baseUrl = "http://127.0.0.1:" + std::to_string(central.port());
    c.caFile = pki.caFile();
    sync::HttpsClient plain(c);
    auto r = plain.get("/api/v1/changes");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, sync::TransportErrorKind::Config);

    c.baseUrl = central.url();
    c.caFile = "";
    sync::HttpsClient noCa(c);
    auto r2 = noCa.get("/api/v1/changes");
    ASSERT_FALSE(r2.ok());
    EXPECT_EQ(r2.error().kind, sync::TransportErrorKind::Config);
}

TEST_F(SyncWorkerTest, HttpsClientReadsRetryAfterAndDateAndCapsTheBody)
{
    sync::HttpsConfig c;
    c.baseUrl = central.url();
    c.caFile = pki.caFile();
    c.bearerToken = kToken;
    sync::HttpsClient client(c);
    central.failNext("/api/v1/changes", 1, 429, 7);
    auto limited = client.get("/api/v1/changes");
    ASSERT_TRUE(limited.ok()) << limited.error().message;
    EXPECT_EQ(limited->status, 429);
    EXPECT_EQ(limited->retryAfter, 7s);
    ASSERT_TRUE(limited->serverDate.has_value());
    EXPECT_LT(std::abs(*limited->serverDate - static_cast<std::int64_t>(std::time(nullptr))), 5);

    c.maxResponseBytes = 10;
    sync::HttpsClient small(c);
    auto big = small.get("/api/v1/changes");
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error().kind, sync::TransportErrorKind::TooLarge);
}

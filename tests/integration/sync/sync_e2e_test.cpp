// End to end: the kiosk's sync code against the real okienko-central binary (a child process with
// its own database, TLS from a CA made at test time, a kiosk registered through its admin CLI).
// Requests queued while the server is down arrive exactly once; a rate-limited kiosk waits as told;
// a kiosk that trusts another CA refuses to talk; personal data is erased after the ack; and a
// kiosk process SIGKILLed between the server's commit and its own ack record causes no duplicate;
// a loan lent through the outbox comes back as a staff-mode open loan and leaves after check-in;
// a backlog goes in pipelined batches of up to 500, and a server killed while one is in flight
// costs nothing: the resent batch is answered "duplicate".
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "kiosk/sync/sync_worker.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/sync/child_process.hpp"
#include "tests/integration/sync/kiosk_fixture.hpp"
#include "tests/integration/sync/sync_server.hpp"
#include "tests/support/sync_test_pki.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

using namespace std::chrono_literals;
using namespace okienko;

namespace
{

template <typename Pred> bool waitFor(Pred pred, std::chrono::milliseconds timeout = 20s)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until)
    {
        if (pred())
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return pred();
}

std::int64_t scalar(db::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt.ok()) << sql;
    if (!stmt)
        return -1;
    EXPECT_TRUE(stmt->step().ok());
    auto v = stmt->columnInt64(0);
    return v ? *v : -1;
}

class SyncEndToEnd : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(pki.ok()) << pki.error();
        auto started = test::startRealCentral(pki, OKIENKO_CENTRAL_BIN, extraToml());
        ASSERT_TRUE(started.ok()) << started.error();
        central = std::move(started).value();
    }
    virtual std::string extraToml() const { return {}; }

    /// The server's own database, read-only, as an operator would inspect it.
    db::Database serverDb()
    {
        db::OpenOptions o;
        o.readOnly = true;
        auto opened = db::Database::open(central->dataDir() + "/central.db", o);
        EXPECT_TRUE(opened.ok());
        return std::move(opened).value();
    }

    /// Every id is on the server once, as an event and as a callback request; nothing else is.
    void expectExactlyOnceOnServer(const std::vector<std::string>& ids)
    {
        auto s = serverDb();
        EXPECT_EQ(scalar(s, "SELECT count(*) FROM events"), static_cast<std::int64_t>(ids.size()));
        EXPECT_EQ(scalar(s, "SELECT count(*) FROM callback_requests"), static_cast<std::int64_t>(ids.size()));
        for (const auto& id : ids)
            EXPECT_EQ(scalar(s, "SELECT count(*) FROM callback_requests WHERE id = '" + id + "'"), 1) << id;
    }

    /// A session's HTTPS settings for this server, trusting the test CA.
    sync::HttpsConfig sessionHttps() const
    {
        sync::HttpsConfig https;
        https.baseUrl = central->url();
        https.caFile = pki.caFile();
        https.bearerToken = central->token();
        https.connectTimeout = 2s;
        return https;
    }

    sync::SyncConfig workerConfig(const std::string& dbPath, const std::string& ca)
    {
        sync::SyncConfig c;
        c.databasePath = dbPath;
        c.https.baseUrl = central->url();
        c.https.caFile = ca;
        c.https.bearerToken = central->token();
        c.https.connectTimeout = 2s;
        c.pullInterval = 1h;
        c.heartbeatInterval = 1h;
        c.backoff.base = 100ms;
        c.backoff.cap = 500ms;
        return c;
    }

    test::SyncTestPki pki;
    std::unique_ptr<test::SyncServer> central;
    test::TempDir dir{"sync-e2e"};
};

class SyncEndToEndRateLimited : public SyncEndToEnd
{
  protected:
    std::string extraToml() const override { return "[rate_limit]\nrequests_per_second = 2\nburst = 1\n"; }
};

} // namespace

TEST_F(SyncEndToEnd, AKioskTrustingAnotherCaRefusesToTalkAndSaysWhy)
{
    const std::string dbPath = dir.file("kiosk.db");
    {
        auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
        sync::Outbox outbox(db);
        ASSERT_FALSE(test::queueCallbackRequest(db, outbox, 1).empty());
    }
    sync::SyncWorker worker(workerConfig(dbPath, pki.otherCaFile()));
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().rounds >= 1; }));
    worker.stop();
    EXPECT_EQ(worker.status().lastError, "tls");
    EXPECT_NE(worker.status().lastErrorDetail.find("certificate"), std::string::npos)
        << worker.status().lastErrorDetail;
    auto s = serverDb();
    EXPECT_EQ(scalar(s, "SELECT count(*) FROM events"), 0);
    EXPECT_EQ(scalar(s, "SELECT count(*) FROM heartbeats"), 0);
}

TEST_F(SyncEndToEnd, RequestsQueuedWhileTheServerIsDownArriveExactlyOnceAndAreThenErased)
{
    central->stop();
    const std::string dbPath = dir.file("kiosk.db");
    auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
    sync::Outbox outbox(db);
    std::vector<std::string> ids;
    for (int i = 0; i < 150; ++i)
        ids.push_back(test::queueCallbackRequest(db, outbox, i));

    sync::SyncWorker worker(workerConfig(dbPath, pki.caFile()));
    worker.setPrinterStateProvider([] { return std::string("ok"); });
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().rounds >= 2; }));
    EXPECT_EQ(worker.status().connectivity, sync::Connectivity::Offline);
    EXPECT_EQ(worker.status().lastError, "connect");
    EXPECT_EQ(worker.status().outboxDepth, 150);

    ASSERT_TRUE(central->restart());
    ASSERT_TRUE(waitFor([&] { return worker.status().connectivity == sync::Connectivity::Online; }));
    worker.stop();

    expectExactlyOnceOnServer(ids);
    EXPECT_EQ(*outbox.depth(), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM callback_requests WHERE phone IS NOT NULL OR first_name IS NOT NULL"),
              0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE payload IS NOT NULL"), 0);
    auto s = serverDb();
    EXPECT_EQ(scalar(s, "SELECT count(*) FROM heartbeats WHERE printer_state = 'ok'"), 1);
    // The pull ran too: the server's statuses of this kiosk's requests came back.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM callback_requests WHERE status = 'provisional'"), 0);
}

TEST_F(SyncEndToEndRateLimited, ARateLimitedKioskWaitsAsToldAndStillDeliversEverything)
{
    const std::string dbPath = dir.file("kiosk.db");
    auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
    sync::Outbox outbox(db);
    std::vector<std::string> ids;
    for (int i = 0; i < 250; ++i) // three batches: the bucket of 1 empties at once
        ids.push_back(test::queueCallbackRequest(db, outbox, i));
    std::mutex mutex;
    std::vector<sync::SyncStatus> reports;
    sync::SyncWorker worker(workerConfig(dbPath, pki.caFile()));
    worker.setStatusCallback(
        [&](const sync::SyncStatus& s)
        {
            std::lock_guard lock(mutex);
            reports.push_back(s);
        });
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(waitFor([&] { return worker.status().connectivity == sync::Connectivity::Online; }, 60s));
    worker.stop();
    expectExactlyOnceOnServer(ids);
    std::lock_guard lock(mutex);
    int limited = 0;
    for (const auto& r : reports)
        if (r.lastError == "http_429")
        {
            ++limited;
            // The jitter window is ≤ 500 ms here; the server's Retry-After (≥ 1 s) sets the wait.
            EXPECT_GE(r.nextRetryIn, 1s);
        }
    EXPECT_GE(limited, 1);
}

TEST_F(SyncEndToEnd, SigkillBetweenTheServersCommitAndTheKiosksAckRecordCausesNoDuplicate)
{
    const std::string dbPath = dir.file("kiosk.db");
    std::vector<std::string> ids;
    {
        auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
        sync::Outbox outbox(db);
        for (int i = 0; i < 60; ++i)
            ids.push_back(test::queueCallbackRequest(db, outbox, i));
    }
    const std::string marker = dir.file("posted");
    {
        test::ChildProcess child({OKIENKO_SYNC_CHILD, dbPath, central->url(), pki.caFile(), central->token()},
                                 {{"OKIENKO_SYNC_TEST_PAUSE_AFTER_POST", marker}}, dir.file("child.log"));
        ASSERT_TRUE(waitFor([&] { return std::filesystem::exists(marker); })) << test::readFile(dir.file("child.log"));
        child.kill();
    }
    {
        auto s = serverDb();
        EXPECT_EQ(scalar(s, "SELECT count(*) FROM events"), 60); // the server committed the batch
        auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE state = 'pending'"), 60); // the kiosk never knew
    }
    test::ChildProcess again({OKIENKO_SYNC_CHILD, dbPath, central->url(), pki.caFile(), central->token()}, {},
                             dir.file("child2.log"));
    ASSERT_EQ(again.wait(30s), 0) << test::readFile(dir.file("child2.log"));
    EXPECT_NE(test::readFile(dir.file("child2.log")).find("sent=60"), std::string::npos);
    expectExactlyOnceOnServer(ids);
    auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE state = 'acked' AND result = 'duplicate'"), 60);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM callback_requests WHERE phone IS NULL"), 60);
}

TEST_F(SyncEndToEnd, ABacklogGoesInPipelinedBatchesOfFiveHundredAndArrivesExactlyOnce)
{
    auto db = std::move(kiosk::openKioskDatabase(dir.file("kiosk.db"))).value();
    sync::Outbox outbox(db);
    std::vector<std::string> ids;
    for (int i = 0; i < 1234; ++i)
        ids.push_back(test::queueCallbackRequest(db, outbox, i));
    sync::HttpsClient client(sessionHttps());
    int answers = 0;
    sync::SessionOptions options;
    options.afterEventsPosted = [&]
    {
        ++answers;
    };
    sync::SyncSession session(db, client, sync::SyncClock::system(), options);

    const sync::StepResult pushed = session.pushOutbox();
    ASSERT_TRUE(pushed.ok) << pushed.error << " " << pushed.detail;
    EXPECT_EQ(pushed.eventsSent, 1234);
    EXPECT_EQ(answers, 3); // 500 + 500 + 234
    expectExactlyOnceOnServer(ids);
    EXPECT_EQ(*outbox.depth(), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE state = 'acked' AND result = 'applied'"), 1234);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM callback_requests WHERE phone IS NOT NULL"), 0);
    EXPECT_EQ(session.pushOutbox().eventsSent, 0); // nothing left to send
}

TEST_F(SyncEndToEnd, AServerKilledWhileTheNextBatchIsInFlightLosesAndDuplicatesNothing)
{
    auto db = std::move(kiosk::openKioskDatabase(dir.file("kiosk.db"))).value();
    sync::Outbox outbox(db);
    std::vector<std::string> ids;
    for (int i = 0; i < 1100; ++i)
        ids.push_back(test::queueCallbackRequest(db, outbox, i));
    sync::HttpsClient client(sessionHttps());
    sync::SessionOptions options;
    // The first answer is in; the second batch is on its way (or already applied) when the server dies.
    bool killed = false;
    options.afterEventsPosted = [&]
    {
        if (!killed)
            central->stop();
        killed = true;
    };
    sync::SyncSession session(db, client, sync::SyncClock::system(), options);
    const sync::StepResult first = session.pushOutbox();
    EXPECT_FALSE(first.ok);
    EXPECT_TRUE(first.unreachable);
    // The first batch's acknowledgements were stored (the second's too, if it was answered in time).
    EXPECT_GE(first.eventsSent, 500);
    EXPECT_EQ(*outbox.depth(), 1100 - first.eventsSent);

    ASSERT_TRUE(central->restart());
    const sync::StepResult second = session.pushOutbox();
    ASSERT_TRUE(second.ok) << second.error << " " << second.detail;
    EXPECT_EQ(second.eventsSent, 1100 - first.eventsSent);
    expectExactlyOnceOnServer(ids);
    EXPECT_EQ(*outbox.depth(), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE state = 'acked'"), 1100);
}

TEST_F(SyncEndToEnd, StaffLoansArriveWithASyncRoundAndLeaveAfterCheckIn)
{
    // The server needs the unit in its catalogue (an unknown unit's loan is rejected).
    const std::string catalogue = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json";
    ASSERT_EQ(std::system(("'" + std::string(OKIENKO_CENTRAL_BIN) + "' --config '" + central->dataDir() +
                           "/central.toml' import-catalog '" + catalogue + "' --apply >/dev/null 2>&1")
                              .c_str()),
              0);

    const std::string dbPath = dir.file("kiosk.db");
    auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
    sync::Outbox outbox(db);
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
    auto enqueue = [&](const protocol::Event& e)
    {
        auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(outbox.enqueue(*tx, e.type, e.payload.dump(), {}, e.id).ok());
        ASSERT_TRUE(tx->commit().ok());
    };
    domain::Loan loan;
    loan.id = newUuid();
    loan.inventoryNumber = "LAP-WI-001";
    loan.typeId = "wozek-inwalidzki";
    loan.borrower = {"Jan Kowalski", "600123456", {"ul. Długa 5", "27-400", "Łapy"}};
    loan.pesel = "44051401458";
    loan.start = Date::fromDays(static_cast<std::int64_t>(days));
    loan.due = loan.start.plusDays(2); // due soon: the staff feed carries the borrower's name and phone
    loan.staffId = "st-desk";
    loan.createdAt = static_cast<std::int64_t>(std::chrono::system_clock::to_time_t(now));
    enqueue(protocol::makeLoanCheckedOut(loan));

    auto config = workerConfig(dbPath, pki.caFile());
    config.pullInterval = 200ms; // a pull follows a push only when due; kiosks pull every minute
    sync::SyncWorker worker(config);
    ASSERT_TRUE(worker.start().ok());
    const std::string row = "SELECT count(*) FROM staff_loans WHERE loan_id = '" + loan.id +
                            "' AND inventory_number = 'LAP-WI-001' AND borrower_name = 'Jan Kowalski' AND "
                            "borrower_phone = '600123456' AND due_date = '" +
                            loan.due.iso() + "'";
    // One round sends the loan and pulls it back as an open loan, as every kiosk will.
    ASSERT_TRUE(waitFor([&] { return scalar(db, row) == 1; })) << worker.status().lastErrorDetail;
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM staff_loans"), 1);

    // Checked in (here at this kiosk; at any kiosk it is the same server change): the row goes.
    enqueue(protocol::makeLoanCheckedIn(
        newUuid(), loan.createdAt,
        protocol::LoanCheckIn{loan.id, loan.start.plusDays(3), domain::ReturnCondition::Fine, "", "st-desk"}));
    worker.notify();
    EXPECT_TRUE(waitFor([&] { return scalar(db, "SELECT count(*) FROM staff_loans") == 0; }))
        << worker.status().lastErrorDetail << " dead=" << scalar(db, "SELECT count(*) FROM outbox WHERE state = 'dead'")
        << " pending=" << scalar(db, "SELECT count(*) FROM outbox WHERE state = 'pending'")
        << " rounds=" << worker.status().rounds;
    worker.stop();
    EXPECT_EQ(*outbox.depth(), 0);
    // The server's log no longer holds the borrower's name either.
    auto s = serverDb();
    EXPECT_EQ(scalar(s, "SELECT count(*) FROM change_log WHERE entity = 'open_loan' AND op = 'upsert'"), 0);
    EXPECT_EQ(scalar(s, "SELECT count(*) FROM change_log WHERE data LIKE '%Kowalski%'"), 0);
}

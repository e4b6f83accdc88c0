// SIGKILL of the kiosk-side process between the server applying a batch and the kiosk recording the
// acknowledgement: after a restart the batch is sent again, the server answers "duplicate", and
// every event exists exactly once on the server; the kiosk's database is intact throughout.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/outbox.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/sync/child_process.hpp"
#include "tests/integration/sync/fake_central.hpp"
#include "tests/support/sync_test_pki.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

using namespace std::chrono_literals;
using namespace okienko;

namespace
{

std::int64_t scalar(db::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(stmt->step().ok());
    auto v = stmt->columnInt64(0);
    return v ? *v : -1;
}

std::vector<std::string> queueCallbacks(const std::string& path, int n)
{
    auto db = std::move(kiosk::openKioskDatabase(path)).value();
    sync::Outbox outbox(db);
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i)
    {
        const std::string id = newUuid();
        auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
        auto stmt = db.prepare("INSERT INTO callback_requests(id, code, phone, day, day_part, first_name, status,"
                               " language, kiosk_id, created_at) VALUES (?1, 'T-1', '600123456', '2030-01-02',"
                               " 'morning', 'Ala', 'provisional', 'pl', 'k1', 1)");
        EXPECT_TRUE(stmt->bind(1, id).ok());
        EXPECT_TRUE(stmt->run().ok());
        *stmt = db::Statement();
        EXPECT_TRUE(outbox
                        .enqueue(*tx, "callback.requested", R"({"phone":"600123456"})",
                                 {sync::SubjectKind::CallbackRequest, id}, id)
                        .ok());
        EXPECT_TRUE(tx->commit().ok());
        ids.push_back(id);
    }
    return ids;
}

} // namespace

TEST(SyncCrash, KillAfterTheServerAppliedButBeforeTheAckIsStoredSendsEachEventOnce)
{
    test::SyncTestPki pki;
    ASSERT_TRUE(pki.ok()) << pki.error();
    const std::string token = "crash-token";
    test::FakeCentral central(pki.serverCertFile(), pki.serverKeyFile(), token);
    ASSERT_GT(central.start(), 0);
    test::TempDir dir("sync-crash");
    const std::string dbPath = dir.file("kiosk.db");
    const auto ids = queueCallbacks(dbPath, 40);
    const std::string marker = dir.file("posted");

    {
        test::ChildProcess child({OKIENKO_SYNC_CHILD, dbPath, central.url(), pki.caFile(), token},
                                 {{"OKIENKO_SYNC_TEST_PAUSE_AFTER_POST", marker}});
        const auto until = std::chrono::steady_clock::now() + 20s;
        while (!std::filesystem::exists(marker) && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(5ms);
        ASSERT_TRUE(std::filesystem::exists(marker)) << "the child never reached the pause point";
        child.kill(); // SIGKILL: the acknowledgement was received but never stored
    }
    EXPECT_EQ(central.applied().size(), ids.size()); // the server did apply the batch
    {
        auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
        auto check = db::queryText(db, "PRAGMA integrity_check");
        ASSERT_TRUE(check.ok() && check->has_value());
        EXPECT_EQ(**check, "ok");
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE state = 'pending'"), 40);
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM callback_requests WHERE phone IS NOT NULL"), 40);
    }

    test::ChildProcess again({OKIENKO_SYNC_CHILD, dbPath, central.url(), pki.caFile(), token});
    EXPECT_EQ(again.wait(30s), 0);
    const auto applied = central.applied();
    ASSERT_EQ(applied.size(), ids.size());
    for (const auto& id : ids)
        EXPECT_EQ(applied.at(id), 1);
    EXPECT_EQ(central.duplicatesAnswered(), ids.size());
    auto db = std::move(kiosk::openKioskDatabase(dbPath)).value();
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM outbox WHERE state = 'acked'"), 40);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM callback_requests WHERE phone IS NULL AND first_name IS NULL"), 40);
}

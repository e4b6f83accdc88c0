// Backups that restore, against the real okienko-central over HTTPS (a CA made at test time):
// four kiosks post events through the kiosk's own sync code while `backup` runs; more events are
// acknowledged after it; the server is SIGKILLed and `restore`d from the backup; at their next
// sync the kiosks see the new epoch, re-send what they kept (anonymous usage events) and report
// the rest (callback requests): every event ever acknowledged is then on the server exactly once
// or listed as lost (table and panel page) — nothing silently lost, nothing twice. Also: `init` on
// a database of release 0.1.0 takes a backup before it migrates.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "kiosk/sync/sync_worker.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/integration/sync/kiosk_fixture.hpp"
#include "tests/support/db_fixture.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <sys/stat.h>
#include <thread>

using namespace okienko;
using namespace std::chrono_literals;

namespace
{

constexpr std::size_t kKiosks = 4;
constexpr int kRoundsBefore = 8; // each round: one callback request and one usage event
constexpr int kRoundsAfter = 6;

std::int64_t number(db::Database& d, const std::string& sql)
{
    auto n = db::queryInt64(d, sql);
    return n && *n ? **n : -1;
}

std::set<std::string> ids(db::Database& d, const std::string& sql)
{
    std::set<std::string> out;
    EXPECT_TRUE(db::forEachRow(d, sql, [&](db::Row& row) { out.insert(row.text()); }).ok()) << sql;
    return out;
}

db::Database openReadOnly(const std::string& path)
{
    db::OpenOptions o;
    o.readOnly = true;
    return test::openedOrAbort(db::Database::open(path, o));
}

struct Kiosk
{
    std::string name, token, dbPath;
    std::unique_ptr<db::Database> db;
};

sync::HttpsConfig httpsFor(const Kiosk& k, int port, const test::TestCa& ca)
{
    sync::HttpsConfig https;
    https.baseUrl = "https://127.0.0.1:" + std::to_string(port);
    https.caFile = ca.caCert();
    https.bearerToken = k.token;
    https.connectTimeout = 2s;
    return https;
}

class BackupRestore : public ::testing::Test
{
  protected:
    void SetUp() override { ASSERT_TRUE(ca.make()) << ca.error(); }

    test::TestCa ca;
    test::TempDir kioskDir{"backup-kiosks"};
};

} // namespace

TEST_F(BackupRestore, ABackupWhileFourKiosksPostRestoresWithNothingSilentlyLost)
{
    test::CentralProcess central(ca, "[backup]\ndir = \"backups\"\nkeep = 5\n");
    std::vector<Kiosk> kiosks(kKiosks);
    kiosks[0].name = "kiosk-1";
    kiosks[0].token = central.prepare(test::testCatalogJson(2), kiosks[0].name);
    ASSERT_FALSE(kiosks[0].token.empty());
    for (std::size_t i = 1; i < kKiosks; ++i)
    {
        kiosks[i].name = "kiosk-" + std::to_string(i + 1);
        ASSERT_EQ(central.admin({"add-kiosk", kiosks[i].name}, &kiosks[i].token), 0);
        kiosks[i].token.erase(kiosks[i].token.find_last_not_of("\r\n") + 1);
    }
    ASSERT_FALSE(test::addStaff(central, "Anna Koordynator", "coordinator", "haslo-anny-123").empty());
    for (auto& k : kiosks)
    {
        k.dbPath = kioskDir.file(k.name + ".db");
        k.db = std::make_unique<db::Database>(test::openedOrAbort(kiosk::openKioskDatabase(k.dbPath)));
    }
    ASSERT_TRUE(central.start());

    // Four kiosks post concurrently; the backup is taken while they do.
    std::atomic<int> acknowledged{0};
    std::atomic<bool> backupTaken{false};
    auto post = [&](Kiosk& k, int rounds, int offset, bool waitForBackup)
    {
        sync::HttpsClient client(httpsFor(k, central.port(), ca));
        sync::SyncSession session(*k.db, client, sync::SyncClock::system());
        for (int round = 0; round < rounds; ++round)
        {
            sync::Outbox outbox(*k.db);
            EXPECT_FALSE(test::queueCallbackRequest(*k.db, outbox, offset + round, k.name).empty());
            EXPECT_FALSE(test::queueUsageEvent(*k.db, outbox, round).empty());
            const auto sent = session.pushOutbox();
            EXPECT_TRUE(sent.ok) << k.name << ": " << sent.error << " " << sent.detail;
            acknowledged += sent.eventsSent;
            // Half-way the kiosks keep posting until the backup has been taken.
            while (waitForBackup && round == rounds / 2 && !backupTaken)
                std::this_thread::sleep_for(5ms);
        }
    };
    std::string backupPath;
    {
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < kKiosks; ++i)
            threads.emplace_back(post, std::ref(kiosks[i]), kRoundsBefore, static_cast<int>(i) * 1000, true);
        while (acknowledged < static_cast<int>(kKiosks) * 4)
            std::this_thread::sleep_for(5ms);
        ASSERT_EQ(central.admin({"backup"}, &backupPath), 0);
        backupTaken = true;
        for (auto& t : threads)
            t.join();
    }
    backupPath.erase(backupPath.find('\n'));
    ASSERT_TRUE(std::filesystem::exists(backupPath)) << backupPath;
    EXPECT_EQ(std::filesystem::status(backupPath).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    // More acknowledged after the backup, one kiosk at a time.
    for (std::size_t i = 0; i < kKiosks; ++i)
        post(kiosks[i], kRoundsAfter, static_cast<int>(i) * 1000 + 500, false);

    // Everything the kiosks ever had acknowledged: callback requests (personal data, not kept) and
    // usage events (kept whole), by id.
    std::set<std::string> acknowledgedCallbacks, acknowledgedUsage;
    for (auto& k : kiosks)
    {
        ASSERT_EQ(number(*k.db, "SELECT count(*) FROM outbox WHERE state <> 'acked'"), 0) << k.name;
        for (const auto& id : ids(*k.db, "SELECT id FROM outbox WHERE type = 'callback.requested'"))
            acknowledgedCallbacks.insert(id);
        for (const auto& id : ids(*k.db, "SELECT id FROM outbox WHERE type = 'usage.recorded'"))
            acknowledgedUsage.insert(id);
        EXPECT_EQ(number(*k.db, "SELECT count(*) FROM callback_requests WHERE phone IS NOT NULL"), 0)
            << "personal data stays erased";
        EXPECT_EQ(number(*k.db, "SELECT count(*) FROM event_receipts WHERE resend_payload IS NOT NULL AND type = "
                                "'callback.requested'"),
                  0);
    }
    const std::size_t total = kKiosks * static_cast<std::size_t>(kRoundsBefore + kRoundsAfter);
    ASSERT_EQ(acknowledgedCallbacks.size(), total);
    ASSERT_EQ(acknowledgedUsage.size(), total);

    // A restore is refused while the server serves.
    std::string refused;
    EXPECT_EQ(central.admin({"restore", backupPath}, &refused), 1);
    EXPECT_NE(test::readFile(central.dir() + "/admin.log").find("is in use"), std::string::npos);

    central.kill(SIGKILL);
    std::string restored;
    ASSERT_EQ(central.admin({"restore", backupPath}, &restored), 0) << test::readFile(central.dir() + "/admin.log");
    EXPECT_NE(restored.find("new database epoch"), std::string::npos) << restored;
    EXPECT_NE(restored.find("the previous database is kept as"), std::string::npos) << restored;
    {
        auto restoredDb = openReadOnly(central.databasePath());
        const auto onServer = number(restoredDb, "SELECT count(*) FROM events");
        EXPECT_GT(onServer, 0);
        EXPECT_LT(onServer, static_cast<std::int64_t>(2 * total)) << "the backup was taken mid-stream";
        EXPECT_EQ(std::filesystem::status(central.databasePath()).permissions() & std::filesystem::perms::all,
                  std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
    ASSERT_TRUE(central.start());

    // The first kiosk's own sync worker, as it runs in the kiosk: one round pulls from the start
    // (410), heartbeats (which tells the epoch) and recovers.
    {
        sync::SyncConfig config;
        config.databasePath = kiosks[0].dbPath;
        config.https = httpsFor(kiosks[0], central.port(), ca);
        sync::SyncWorker worker(config);
        ASSERT_TRUE(worker.start().ok());
        const auto until = std::chrono::steady_clock::now() + 20s;
        while (worker.status().rounds < 1 && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(20ms);
        worker.stop();
        EXPECT_EQ(worker.status().lastError, "");
        auto restoredEpoch = db::queryText(*kiosks[0].db, "SELECT DISTINCT epoch FROM event_receipts");
        auto serverView = openReadOnly(central.databasePath());
        EXPECT_EQ(restoredEpoch->value_or(""), test::textOf(serverView, "SELECT epoch FROM server_meta"))
            << "every receipt settled with the restored server";
        EXPECT_GT(number(serverView, "SELECT count(*) FROM lost_events l JOIN kiosks k ON k.id = l.kiosk_id WHERE "
                                     "k.name = 'kiosk-1'"),
                  0);
    }
    // The other kiosks' next sync round, step by step: heartbeat (tells the epoch), pull (410 → from
    // the start), recovery.
    int resent = 0, reported = 0, lost = 0;
    for (auto& k : kiosks)
    {
        if (&k == &kiosks[0])
            continue;
        sync::HttpsClient client(httpsFor(k, central.port(), ca));
        sync::SyncSession session(*k.db, client, sync::SyncClock::system());
        ASSERT_TRUE(session.pushOutbox().ok);
        ASSERT_TRUE(session.sendHeartbeat(protocol::Heartbeat{"test", 1, 0, 0, "ok", std::nullopt}).ok);
        const auto pulled = session.pullChanges();
        ASSERT_TRUE(pulled.ok) << pulled.error;
        EXPECT_GT(pulled.changesApplied, 0) << "pulled again from the start";
        const auto recovered = session.reconcileAfterRestore();
        ASSERT_TRUE(recovered.ok) << recovered.error << " " << recovered.detail;
        resent += recovered.eventsResent;
        reported += recovered.eventsReported;
        lost += recovered.eventsLost;
        // Settled: a second round finds nothing to do.
        const auto again = session.reconcileAfterRestore();
        EXPECT_TRUE(again.ok);
        EXPECT_EQ(again.eventsResent + again.eventsReported, 0);
    }
    const std::size_t perKiosk = total / kKiosks;
    EXPECT_EQ(static_cast<std::size_t>(resent), total - perKiosk);
    EXPECT_EQ(static_cast<std::size_t>(reported), total - perKiosk);
    EXPECT_GT(lost, 0);

    auto server = openReadOnly(central.databasePath());
    const auto appliedEvents = ids(server, "SELECT id FROM events WHERE status = 'applied'");
    const auto lostEvents = ids(server, "SELECT id FROM lost_events");
    for (const auto& id : acknowledgedUsage)
        EXPECT_TRUE(appliedEvents.count(id) == 1) << "usage event re-sent: " << id;
    std::size_t present = 0;
    for (const auto& id : acknowledgedCallbacks)
    {
        const bool isPresent = appliedEvents.count(id) == 1;
        const bool isLost = lostEvents.count(id) == 1;
        EXPECT_NE(isPresent, isLost) << "exactly one of present or reported lost: " << id;
        present += isPresent ? 1 : 0;
    }
    EXPECT_EQ(present + lostEvents.size(), total) << "nothing silently lost";
    const auto lostByKiosk1 = number(server, "SELECT count(*) FROM lost_events l JOIN kiosks k ON k.id = l.kiosk_id "
                                             "WHERE k.name = 'kiosk-1'");
    EXPECT_EQ(lostEvents.size(), static_cast<std::size_t>(lost + lostByKiosk1));
    lost = static_cast<int>(lostEvents.size());
    EXPECT_EQ(number(server, "SELECT count(*) FROM usage_events"), static_cast<std::int64_t>(total)) << "no duplicate";
    EXPECT_EQ(number(server, "SELECT count(*) FROM callback_requests"), static_cast<std::int64_t>(present));
    EXPECT_EQ(number(server, "SELECT count(DISTINCT kiosk_id) FROM lost_events"), static_cast<std::int64_t>(kKiosks));
    EXPECT_EQ(number(server, "SELECT count(*) FROM lost_events WHERE reference NOT LIKE 'T-%'"), 0);

    // Coordinators see them on the kiosks page, with kiosk, type and reference code.
    test::PanelClient panel(central.port(), ca.caCert());
    auto login = panel.login("Anna Koordynator", "haslo-anny-123");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 303);
    auto page = panel.get("/panel/kiosks");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Zgłoszenia utracone przy odtwarzaniu (" + std::to_string(lost) + ")"),
              std::string::npos);
    auto oneLost = db::queryText(server, "SELECT reference FROM lost_events ORDER BY id LIMIT 1");
    ASSERT_TRUE(oneLost && *oneLost);
    EXPECT_NE(page->body.find(**oneLost), std::string::npos);
    EXPECT_NE(page->body.find("prośba o oddzwonienie"), std::string::npos);
    EXPECT_NE(test::readFile(central.logPath()).find("lost"), std::string::npos);
}

// An upgrade: the database of release 0.1.0 (schema 4) is backed up by init before it migrates.
TEST_F(BackupRestore, InitBacksUpADatabaseWithPendingMigrationsFirst)
{
    test::CentralProcess central(ca, "[backup]\ndir = \"backups\"\n");
    ASSERT_TRUE(test::loadDump("server-0.1.0.dump", central.databasePath()));
    std::string out;
    ASSERT_EQ(central.admin({"init"}, &out), 0) << test::readFile(central.dir() + "/admin.log");
    EXPECT_NE(out.find("backup taken first"), std::string::npos) << out;
    std::vector<std::filesystem::path> backups;
    for (const auto& e : std::filesystem::directory_iterator(central.dir() + "/backups"))
        backups.push_back(e.path());
    ASSERT_EQ(backups.size(), 1u);
    EXPECT_NE(backups[0].filename().string().find("-before-upgrade-v4.db"), std::string::npos) << backups[0];
    EXPECT_NE(out.find(backups[0].string()), std::string::npos);
    EXPECT_EQ(std::filesystem::status(backups[0]).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    {
        auto backup = openReadOnly(backups[0].string());
        EXPECT_EQ(*backup.userVersion(), 4);
        auto migrated = openReadOnly(central.databasePath());
        EXPECT_GT(*migrated.userVersion(), 4);
        EXPECT_EQ(test::textOf(migrated, "SELECT epoch FROM server_meta"), "580120dfd20322d9") << "an upgrade keeps it";
    }
    // Up to date: the next start takes no backup.
    ASSERT_EQ(central.admin({"init"}, &out), 0);
    EXPECT_EQ(out.find("backup"), std::string::npos) << out;
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(central.dir() + "/backups"),
                            std::filesystem::directory_iterator()),
              1);
}

// A backup that cannot be written stops init before it migrates.
TEST_F(BackupRestore, InitRefusesToMigrateWhenTheBackupFails)
{
    test::CentralProcess central(ca, "[backup]\ndir = \"no/such/parent/backups\"\n");
    ASSERT_TRUE(test::loadDump("server-0.1.0.dump", central.databasePath()));
    EXPECT_EQ(central.admin({"init"}), 1);
    EXPECT_NE(test::readFile(central.dir() + "/admin.log").find("was not migrated"), std::string::npos);
    auto untouched = openReadOnly(central.databasePath());
    EXPECT_EQ(*untouched.userVersion(), 4);
}

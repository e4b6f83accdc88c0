// The kiosk database's schema: the migration list is the released one (0.1.0) with steps appended
// only; a database the previous release made, at its last version or at any version before,
// migrates keeping every row and ends with exactly the schema a new database gets; a newer file is
// refused; the outbox payload must be JSON.
#include "kiosk/store/kiosk_schema.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "tests/support/db_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using okienko::test::TempDir;

namespace
{

db::Database openKiosk(const std::string& path)
{
    return test::openedOrAbort(kiosk::openKioskDatabase(path));
}

std::vector<db::Migration> released()
{
    return test::releasedMigrations("kiosk-0.1.0-migrations.txt");
}

} // namespace

TEST(KioskSchema, VersionMatchesTheMigrationList)
{
    EXPECT_EQ(static_cast<int>(kiosk::kioskMigrations().size()), kiosk::kKioskSchemaVersion);
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    EXPECT_EQ(*db.userVersion(), kiosk::kKioskSchemaVersion);
    EXPECT_EQ(*db.journalMode(), "wal");
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM sync_state"), 1);
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

// A released migration is stored in every kiosk's sqlite_master as it ran: the program must run
// the very same text, and a schema change can only be a step appended at the end.
TEST(KioskSchema, ReleasedMigrationsAreUnchanged)
{
    EXPECT_EQ(released().size(), 5u);
    test::expectReleasedStepsKept(released(), kiosk::kioskMigrations());
}

// tests/fixtures/db/kiosk-0.1.0.dump: a kiosk database made by release 0.1.0 (see the README there)
// with rows in every table: the catalogue, slots, staff, requests, outbox rows in every state, the
// PIN guard, hand-over reservations and open loans.
TEST(KioskSchema, ADatabaseOfThePreviousReleaseMigratesWithoutLoss)
{
    TempDir dir{"kiosk-0.1.0"};
    auto db = test::expectDumpMigrates("kiosk-0.1.0.dump", 5, dir.path(), openKiosk);
    EXPECT_EQ(test::textOf(db, "SELECT pull_cursor FROM sync_state"), "c1a2b3:41");
    EXPECT_EQ(test::numberOf(db, "SELECT locked_until FROM staff_guard"), 1796000900);
    EXPECT_EQ(test::textOf(db, "SELECT group_concat(state || ':' || seq, ',')"
                               " FROM (SELECT state, seq FROM outbox ORDER BY seq)"),
              "acked:1,acked:2,dead:3,pending:4,pending:5,pending:6,pending:7");
    EXPECT_EQ(test::textOf(db, "SELECT person_name FROM reservations WHERE code = 'R-5TR1'"), "Maria Testowa");
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM reservations WHERE person_name IS NULL AND erased_at > 0"), 1);
    EXPECT_EQ(test::textOf(db, "SELECT borrower_name FROM staff_loans"), "Jan Testowy");
    EXPECT_EQ(test::textOf(db, "SELECT text FROM usage_events WHERE kind = 'idea'"), "Więcej ławek przy wejściu");
    // Migration 7: the dead letter keeps type and reason, not the resident's phone; pending events keep
    // their payload; the staff feed rows count their time to live from the upgrade.
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM outbox WHERE state = 'dead' AND payload IS NULL AND "
                                 "reject_code = 'duplicate_open_request' AND reference = ''"),
              1);
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM outbox WHERE state = 'pending' AND payload IS NOT NULL"), 4);
    EXPECT_GT(test::numberOf(db, "SELECT min(received_at) FROM staff_loans"), 1796000900);
    // Migration 13: the catalogue stored before it has no lists of its own and reads as the shipped
    // areas and target groups (decision 0012).
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM catalog_target_groups"), 0);
    auto catalogue = catalog::loadCatalog(db);
    ASSERT_TRUE(catalogue.ok()) << catalogue.error().describe();
    EXPECT_EQ(catalogue->areas, domain::shippedAreaDefinitions());
    EXPECT_EQ(catalogue->targetGroups, domain::shippedTargetGroupDefinitions());
}

// A kiosk left at any older version (0.1.0's own steps 1..k) reaches the current schema.
TEST(KioskSchema, EveryOlderVersionMigratesToTheSchemaOfANewDatabase)
{
    test::expectEveryReleasedVersionMigrates(released(), openKiosk);
}

// Before the sync deleted deactivated staff, it only flagged them: the upgrade deletes those rows,
// so a kiosk keeps no PIN hash of anyone deactivated, and keeps everyone else's.
TEST(KioskSchema, TheUpgradeDeletesDeactivatedStaffWithTheirPinHashes)
{
    TempDir dir;
    const std::string path = dir.file("k.db");
    const std::string leftHash =
        "$argon2id$v=19$m=65536,t=2,p=1$bGVmdC10aGUtY3VzLXNhbHQ$leftTheCusLeftTheCusLeftTheCusLeftTheCus00";
    {
        auto db = test::openedOrAbort(db::Database::open(path));
        const std::vector<db::Migration> before(kiosk::kioskMigrations().begin(), kiosk::kioskMigrations().begin() + 6);
        ASSERT_TRUE(db::migrate(db, before).ok());
        ASSERT_TRUE(db::exec(db,
                             "INSERT INTO staff(id, name, role, pin_hash, active) VALUES "
                             "('st-left', 'Left', 'equipment', ?1, 0), ('st-here', 'Here', 'equipment', 'h', 1)",
                             leftHash)
                        .ok());
        ASSERT_TRUE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    {
        auto db = openKiosk(path);
        EXPECT_EQ(test::textOf(db, "SELECT group_concat(id) FROM staff"), "st-here");
        ASSERT_TRUE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    EXPECT_EQ(test::readFile(path).find("leftTheCusLeftTheCus"), std::string::npos) << "the hash is still on disk";
}

TEST(KioskSchema, ANewerKioskDatabaseIsRefused)
{
    TempDir dir;
    {
        auto db = openKiosk(dir.file("k.db"));
        ASSERT_TRUE(db.exec("PRAGMA user_version = " + std::to_string(kiosk::kKioskSchemaVersion + 1)).ok());
    }
    auto opened = kiosk::openKioskDatabase(dir.file("k.db"));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, db::ErrorKind::SchemaTooNew);
}

TEST(KioskSchema, OutboxPayloadMustBeJson)
{
    TempDir dir;
    auto db = openKiosk(dir.file("k.db"));
    const char* insert = "INSERT INTO outbox(id, type, created_at, payload) VALUES (?1, 'reservation.created',"
                         " 1700000000, ?2)";
    auto bad = db::exec(db, insert, "3f2b0000-0000-4000-8000-000000000001", "{not json");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().isConstraint());
    EXPECT_TRUE(db::exec(db, insert, "3f2b0000-0000-4000-8000-000000000001", R"({"name":"Jan"})").ok());
    // Erasure after acknowledgement: payload NULL is allowed.
    EXPECT_TRUE(db.exec("UPDATE outbox SET payload = NULL, acked_at = 1700000100").ok());
}

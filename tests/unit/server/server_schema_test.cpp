// The server database's schema: the migration list is the released one (0.1.0) with steps appended
// only; a database the previous release made, at its last version or at any version before,
// migrates through ServerStore::open keeping every row and ends with exactly the schema a new
// database gets.
#include "server/server_schema.hpp"
#include "server/server_store.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "tests/support/db_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using okienko::test::TempDir;

namespace
{

/// Opens `path` through the store (which migrates it), closes the store, and returns a plain
/// connection for the checks.
db::Database openThroughStore(const std::string& path)
{
    if (auto store = server::ServerStore::open(path, server::StoreOptions{}); !store)
        return test::openedOrAbort(makeErr(store.error()));
    return test::openedOrAbort(db::Database::open(path));
}

std::vector<db::Migration> released()
{
    return test::releasedMigrations("server-0.1.0-migrations.txt");
}

} // namespace

TEST(ServerSchema, ReleasedMigrationsAreUnchanged)
{
    EXPECT_EQ(static_cast<int>(server::serverMigrations().size()), server::kServerSchemaVersion);
    EXPECT_EQ(released().size(), 4u);
    test::expectReleasedStepsKept(released(), server::serverMigrations());
}

// tests/fixtures/db/server-0.1.0.dump: a server database made by release 0.1.0's okienko-central
// (init, import-catalog, add-kiosk, add-staff, add-slot) with rows added to every other table.
TEST(ServerSchema, ADatabaseOfThePreviousReleaseMigratesWithoutLoss)
{
    TempDir dir{"central-0.1.0"};
    auto db = test::expectDumpMigrates("server-0.1.0.dump", 4, dir.path(), openThroughStore);
    // The epoch is part of every cursor the kiosks hold: a new one would reset them all.
    EXPECT_EQ(test::textOf(db, "SELECT epoch FROM server_meta"), "580120dfd20322d9");
    EXPECT_EQ(test::textOf(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM kiosks ORDER BY id)"),
              "lobby-test,branch-test");
    EXPECT_EQ(test::textOf(db, "SELECT person_name FROM reservations WHERE code = 'R-7KQ2'"), "Jan Testowy");
    EXPECT_EQ(test::textOf(db, "SELECT booked_by FROM counselling_slots WHERE id = 'slot-test-1'"),
              "1c8e4b63-7a1f-4d2f-8b62-2a3f4e5d6c71");
    EXPECT_EQ(test::textOf(db, "SELECT note FROM callback_attempts WHERE id = 1"), "poczta głosowa");
    EXPECT_EQ(test::textOf(db, "SELECT action FROM catalog_edits WHERE id = 1"), "update");
    // Migration 7: kiosks enrolled before it keep staff mode; nothing is erased by the upgrade itself.
    EXPECT_EQ(test::textOf(db, "SELECT group_concat(staff_work, ',') FROM kiosks"), "1,1");
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM reservations WHERE erased_at IS NOT NULL"), 0);
    // Migration 22: the catalogue imported before it has no lists of its own and reads as the
    // shipped areas and target groups (decision 0012), so nothing it names changes meaning.
    EXPECT_EQ(test::numberOf(db, "SELECT count(*) FROM catalog_areas"), 0);
    auto catalogue = catalog::loadCatalog(db);
    ASSERT_TRUE(catalogue.ok()) << catalogue.error().describe();
    EXPECT_EQ(catalogue->areas, domain::shippedAreaDefinitions());
    EXPECT_EQ(catalogue->targetGroups, domain::shippedTargetGroupDefinitions());
    EXPECT_FALSE(catalogue->services.empty());
}

// A server left at any older version (0.1.0's own steps 1..k) reaches the current schema.
TEST(ServerSchema, EveryOlderVersionMigratesToTheSchemaOfANewDatabase)
{
    test::expectEveryReleasedVersionMigrates(released(), openThroughStore);
}

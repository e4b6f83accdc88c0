// Numbered migrations: every older version reaches the latest with its data intact, a newer file
// is refused untouched, and a failing step leaves the previous version exactly as it was.
#include "db_test_util.hpp"
#include "shared/db/database.hpp"
#include "shared/db/migration.hpp"
#include "temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>

using namespace okienko;
using okienko::test::openOrDie;
using okienko::test::scalarInt;

namespace
{
// A schema in three steps: a table, a new column with a default, a data step with a statement.
std::vector<db::Migration> itemMigrations()
{
    std::vector<db::Migration> list;
    list.push_back({1, "items", "CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL);", {}});
    list.push_back({2, "quantity", "ALTER TABLE item ADD COLUMN qty INTEGER NOT NULL DEFAULT 1;", {}});
    list.push_back({3, "tags", "CREATE TABLE tag(item_id INTEGER NOT NULL REFERENCES item(id), tag TEXT NOT NULL);",
                    [](db::Database& db) -> Status<db::Error>
                    {
                        auto stmt = db.prepare("INSERT INTO tag(item_id, tag) SELECT id, ?1 FROM item");
                        if (!stmt)
                            return makeErr(stmt.error());
                        if (auto s = stmt->bind(1, "legacy"); !s)
                            return s;
                        return stmt->run();
                    }});
    return list;
}

std::vector<db::Migration> firstN(const std::vector<db::Migration>& all, int n)
{
    return {all.begin(), all.begin() + n};
}

// Inserts one item using only the columns that exist at `version`.
void insertItemAt(db::Database& db, int version, const std::string& name)
{
    if (version < 1)
        return;
    auto stmt = version >= 2 ? db.prepare("INSERT INTO item(name, qty) VALUES (?1, 7)")
                             : db.prepare("INSERT INTO item(name) VALUES (?1)");
    ASSERT_OK(stmt);
    ASSERT_OK(stmt->bind(1, name));
    ASSERT_OK(stmt->run());
}
} // namespace

TEST(Migration, FreshDatabaseReachesTheLatestVersion)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("m.db"));
    EXPECT_EQ(*db.userVersion(), 0);
    auto v = db::migrate(db, itemMigrations());
    ASSERT_OK(v);
    EXPECT_EQ(*v, 3);
    EXPECT_EQ(*db.userVersion(), 3);
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('item', 'tag')"), 2);

    // Running again is a no-op.
    auto again = db::migrate(db, itemMigrations());
    ASSERT_OK(again);
    EXPECT_EQ(*again, 3);
}

TEST(Migration, EveryOlderVersionMigratesToTheLatestKeepingItsData)
{
    const auto all = itemMigrations();
    const int latest = static_cast<int>(all.size());
    for (int k = 0; k <= latest; ++k)
    {
        SCOPED_TRACE("from version " + std::to_string(k));
        test::TempDir dir;
        {
            auto db = openOrDie(dir.file("m.db"));
            auto v = db::migrate(db, firstN(all, k));
            ASSERT_OK(v);
            ASSERT_EQ(*v, k);
            insertItemAt(db, k, "wózek");
            insertItemAt(db, k, "kule'); DROP TABLE item;--");
        }
        auto db = openOrDie(dir.file("m.db"));
        auto v = db::migrate(db, all);
        ASSERT_OK(v);
        EXPECT_EQ(*v, latest);
        const std::int64_t expectedItems = k >= 1 ? 2 : 0;
        EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM item"), expectedItems);
        EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM item WHERE name IN ('wózek', 'kule''); DROP TABLE item;--')"),
                  expectedItems);
        // Rows from before version 2 got the column default; later rows keep their value.
        EXPECT_EQ(scalarInt(db, "SELECT coalesce(sum(qty), 0) FROM item"), k >= 2 ? 14 : expectedItems);
        // The data step of version 3 ran only over rows that existed before it.
        EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM tag WHERE tag = 'legacy'"), k >= 1 && k < 3 ? 2 : 0);
    }
}

TEST(Migration, ANewerDatabaseIsRefusedAndLeftUntouched)
{
    test::TempDir dir;
    {
        auto db = openOrDie(dir.file("m.db"));
        ASSERT_OK(db::migrate(db, itemMigrations()));
        insertItemAt(db, 3, "rollator");
    }
    auto db = openOrDie(dir.file("m.db"));
    auto v = db::migrate(db, firstN(itemMigrations(), 2));
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.error().kind, db::ErrorKind::SchemaTooNew);
    EXPECT_NE(v.error().message.find("3"), std::string::npos) << v.error().message;
    EXPECT_EQ(*db.userVersion(), 3);
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM item"), 1);
    EXPECT_FALSE(db.inTransaction());
}

TEST(Migration, AFailingMigrationLeavesThePreviousVersion)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("m.db"));
    ASSERT_OK(db::migrate(db, firstN(itemMigrations(), 1)));
    insertItemAt(db, 1, "wózek");

    auto broken = itemMigrations();
    // Step 2 adds its column, then fails: the added column must disappear with the rollback.
    broken[1].sql = "ALTER TABLE item ADD COLUMN qty INTEGER NOT NULL DEFAULT 1; INSERT INTO nowhere VALUES (1);";
    auto v = db::migrate(db, broken);
    ASSERT_FALSE(v.ok());
    EXPECT_NE(v.error().message.find("migration 2"), std::string::npos) << v.error().describe();
    EXPECT_EQ(*db.userVersion(), 1);
    EXPECT_FALSE(db.inTransaction());
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM pragma_table_info('item') WHERE name = 'qty'"), 0);
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM item"), 1);

    // A failing data step rolls back its DDL too.
    auto failingStep = itemMigrations();
    failingStep[2].apply = [](db::Database&) -> Status<db::Error>
    {
        return makeErr(db::makeError(db::ErrorKind::BadData, "cannot convert"));
    };
    auto w = db::migrate(db, failingStep);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().kind, db::ErrorKind::BadData);
    EXPECT_EQ(*db.userVersion(), 2); // step 2 succeeded this time, step 3 did not
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'tag'"), 0);

    // The fixed list then completes.
    ASSERT_OK(db::migrate(db, itemMigrations()));
    EXPECT_EQ(*db.userVersion(), 3);
}

TEST(Migration, AMalformedListIsRejectedBeforeTouchingTheFile)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("m.db"));
    auto gap = itemMigrations();
    gap.erase(gap.begin() + 1); // versions 1, 3
    auto v = db::migrate(db, gap);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.error().kind, db::ErrorKind::InvalidMigrations);
    EXPECT_EQ(*db.userVersion(), 0);
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM sqlite_schema"), 0);

    std::vector<db::Migration> empty{{1, "nothing", "", {}}};
    EXPECT_EQ(db::migrate(db, empty).error().kind, db::ErrorKind::InvalidMigrations);
}

TEST(Migration, BacksUpAnExistingDatabaseBeforeMigrating)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("m.db"));
    ASSERT_OK(db::migrate(db, firstN(itemMigrations(), 1)));
    insertItemAt(db, 1, "wózek");

    db::MigrateOptions options;
    options.backupPath = dir.file("pre-migration.db");
    ASSERT_OK(db::migrate(db, itemMigrations(), options));
    EXPECT_EQ(*db.userVersion(), 3);

    auto backup = openOrDie(options.backupPath);
    EXPECT_EQ(*backup.userVersion(), 1);
    EXPECT_EQ(scalarInt(backup, "SELECT count(*) FROM item"), 1);

    // SQLite will not overwrite a backup; the migration does not run without one.
    auto older = openOrDie(dir.file("older.db"));
    ASSERT_OK(db::migrate(older, firstN(itemMigrations(), 1)));
    auto refused = db::migrate(older, itemMigrations(), options);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(*older.userVersion(), 1);
}

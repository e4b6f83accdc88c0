// Opening a connection: the pragmas every Okienko database relies on are really in effect.
#include "db_test_util.hpp"
#include "shared/db/database.hpp"
#include "temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace okienko;
using okienko::test::openOrDie;
using okienko::test::scalarInt;

TEST(Database, MissingFileWithoutCreateFailsWithCantOpen)
{
    test::TempDir dir;
    db::OpenOptions options;
    options.create = false;
    auto opened = db::Database::open(dir.file("missing.db"), options);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, db::ErrorKind::Sqlite);
    EXPECT_EQ(opened.error().code & 0xff, SQLITE_CANTOPEN);
    EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

TEST(Database, FileInMissingDirectoryFails)
{
    test::TempDir dir;
    auto opened = db::Database::open(dir.file("no/such/dir/k.db"));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code & 0xff, SQLITE_CANTOPEN);
}

TEST(Database, FileDatabaseIsInWalModeWithForeignKeysAndNormalSync)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("kiosk.db"));
    auto mode = db.journalMode();
    ASSERT_OK(mode);
    EXPECT_EQ(*mode, "wal");
    auto fk = db.foreignKeysEnabled();
    ASSERT_OK(fk);
    EXPECT_TRUE(*fk);
    auto sync = db.currentSynchronous();
    ASSERT_OK(sync);
    EXPECT_EQ(*sync, db::Synchronous::Normal);

    ASSERT_OK(db.exec("CREATE TABLE t(x INTEGER)"));
    EXPECT_TRUE(std::filesystem::exists(dir.file("kiosk.db-wal")));
}

TEST(Database, WalModePersistsForASecondConnection)
{
    test::TempDir dir;
    {
        auto db = openOrDie(dir.file("k.db"));
        ASSERT_OK(db.exec("CREATE TABLE t(x INTEGER)"));
    }
    // A plain sqlite3 connection without our pragmas sees the mode stored in the file.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(dir.file("k.db").c_str(), &raw), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
}

TEST(Database, FullSynchronousCanBeTheBaseLevel)
{
    test::TempDir dir;
    db::OpenOptions options;
    options.synchronous = db::Synchronous::Full;
    auto db = openOrDie(dir.file("k.db"), options);
    auto sync = db.currentSynchronous();
    ASSERT_OK(sync);
    EXPECT_EQ(*sync, db::Synchronous::Full);
    EXPECT_EQ(db.baseSynchronous(), db::Synchronous::Full);
}

TEST(Database, ForeignKeysAreEnforced)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("k.db"));
    ASSERT_OK(db.exec("CREATE TABLE parent(id TEXT PRIMARY KEY);"
                      "CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id));"));
    auto insert = db.prepare("INSERT INTO child(parent_id) VALUES (?1)");
    ASSERT_OK(insert);
    ASSERT_OK(insert->bind(1, "nobody"));
    auto failed = insert->run();
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(failed.error().isConstraint());
    EXPECT_EQ(failed.error().code, SQLITE_CONSTRAINT_FOREIGNKEY);
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM child"), 0);

    ASSERT_OK(db.exec("INSERT INTO parent VALUES ('p1')"));
    ASSERT_OK(insert->bind(1, "p1"));
    ASSERT_OK(insert->run());
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM child"), 1);
}

TEST(Database, PrepareReportsSyntaxErrorsWithTheStatementText)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("k.db"));
    auto stmt = db.prepare("SELEC 1");
    ASSERT_FALSE(stmt.ok());
    EXPECT_EQ(stmt.error().kind, db::ErrorKind::Sqlite);
    EXPECT_EQ(stmt.error().code, SQLITE_ERROR);
    EXPECT_EQ(stmt.error().sql, "SELEC 1");
    EXPECT_NE(stmt.error().describe().find("syntax error"), std::string::npos);
}

TEST(Database, PrepareRefusesASecondStatementInTheText)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("k.db"));
    ASSERT_OK(db.exec("CREATE TABLE t(x INTEGER)"));
    auto stmt = db.prepare("SELECT 1; DROP TABLE t");
    ASSERT_FALSE(stmt.ok());
    EXPECT_EQ(stmt.error().kind, db::ErrorKind::Misuse);
    EXPECT_EQ(scalarInt(db, "SELECT count(*) FROM sqlite_schema WHERE name = 't'"), 1);
    // A trailing semicolon is not a second statement.
    EXPECT_TRUE(db.prepare("SELECT 1;  ").ok());
    EXPECT_FALSE(db.prepare("   ").ok());
}

TEST(Database, ExecReportsErrors)
{
    test::TempDir dir;
    auto db = openOrDie(dir.file("k.db"));
    auto s = db.exec("CREATE TABLE t(x INTEGER); CREATE TABLE t(y INTEGER)");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("already exists"), std::string::npos);
}

TEST(Database, MovedFromDatabaseIsClosedAndTheTargetWorks)
{
    test::TempDir dir;
    auto a = openOrDie(dir.file("k.db"));
    db::Database b = std::move(a);
    EXPECT_FALSE(a.isOpen()); // NOLINT(bugprone-use-after-move): the moved-from state is defined
    EXPECT_FALSE(a.exec("SELECT 1").ok());
    EXPECT_TRUE(b.isOpen());
    EXPECT_TRUE(b.exec("CREATE TABLE t(x)").ok());
}

// The statements a connection keeps: the same text gives the same compiled statement back, reset
// and with no value of its last use left bound; two uses at once each get their own; a schema
// change, a moved connection and a full cache change nothing a caller can see.
#include "db_test_util.hpp"
#include "shared/db/database.hpp"
#include "shared/db/statement.hpp"
#include "temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <string>

using namespace okienko;
using okienko::test::openOrDie;
using okienko::test::scalarInt;

namespace
{
class StatementCacheTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_db = openOrDie(m_dir.file("cache.db"));
        ASSERT_OK(m_db.exec("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT)"));
    }

    test::TempDir m_dir;
    db::Database m_db;
};
} // namespace

TEST_F(StatementCacheTest, TheSameTextGivesTheSameCompiledStatementBackWithNoValueBound)
{
    sqlite3_stmt* first = nullptr;
    {
        auto insert = m_db.prepare("INSERT INTO person(id, name) VALUES (?, ?)");
        ASSERT_TRUE(insert.ok());
        ASSERT_OK(insert->bind(1, 1));
        ASSERT_OK(insert->bind(2, "Anna Nowak"));
        ASSERT_OK(insert->run());
        first = insert->handle();
    }
    auto again = m_db.prepare("INSERT INTO person(id, name) VALUES (?, ?)");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->handle(), first) << "the compiled statement was not kept";
    // The resident's name from the last use is not bound any more: unbound parameters are NULL.
    ASSERT_OK(again->bind(1, 2));
    ASSERT_OK(again->run());
    EXPECT_EQ(scalarInt(m_db, "SELECT COUNT(*) FROM person WHERE id = 2 AND name IS NULL"), 1);
}

TEST_F(StatementCacheTest, AStatementLeftMidRowsStartsAgainFromTheFirstRow)
{
    ASSERT_OK(m_db.exec("INSERT INTO person(id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
    {
        auto select = m_db.prepare("SELECT id FROM person ORDER BY id");
        ASSERT_TRUE(select.ok());
        ASSERT_TRUE(select->step().ok());
        ASSERT_TRUE(select->step().ok()); // left at the second row
    }
    // The statement kept after being left mid-rows holds no read: a checkpoint can truncate the WAL.
    ASSERT_OK(m_db.checkpointTruncate());
    auto select = m_db.prepare("SELECT id FROM person ORDER BY id");
    ASSERT_TRUE(select.ok());
    auto step = select->step();
    ASSERT_TRUE(step.ok() && *step == db::Step::Row);
    EXPECT_EQ(select->columnInt64(0).value(), 1);
}

TEST_F(StatementCacheTest, TwoUsesOfOneTextAtOnceEachGetTheirOwnStatement)
{
    ASSERT_OK(m_db.exec("INSERT INTO person(id, name) VALUES (1, 'a'), (2, 'b')"));
    auto outer = m_db.prepare("SELECT name FROM person WHERE id = ?");
    auto inner = m_db.prepare("SELECT name FROM person WHERE id = ?");
    ASSERT_TRUE(outer.ok() && inner.ok());
    EXPECT_NE(outer->handle(), inner->handle());
    ASSERT_OK(outer->bind(1, 1));
    ASSERT_OK(inner->bind(1, 2));
    ASSERT_TRUE(outer->step().ok() && inner->step().ok());
    EXPECT_EQ(outer->columnText(0).value(), "a");
    EXPECT_EQ(inner->columnText(0).value(), "b");
}

TEST_F(StatementCacheTest, ASchemaChangeRecompilesAKeptStatement)
{
    {
        auto select = m_db.prepare("SELECT * FROM person");
        ASSERT_TRUE(select.ok());
        EXPECT_EQ(select->columnCount(), 2);
    }
    ASSERT_OK(m_db.exec("ALTER TABLE person ADD COLUMN phone TEXT"));
    auto select = m_db.prepare("SELECT * FROM person");
    ASSERT_TRUE(select.ok());
    ASSERT_TRUE(select->step().ok());
    EXPECT_EQ(select->columnCount(), 3);
}

TEST_F(StatementCacheTest, AMovedConnectionKeepsItsStatementsWorking)
{
    auto insert = m_db.prepare("INSERT INTO person(id, name) VALUES (?, ?)");
    ASSERT_TRUE(insert.ok());
    db::Database moved = std::move(m_db);
    ASSERT_OK(insert->bind(1, 7));
    ASSERT_OK(insert->bind(2, "x"));
    ASSERT_OK(insert->run());
    insert = db::Statement{}; // goes back to the moved connection's cache
    auto again = moved.prepare("INSERT INTO person(id, name) VALUES (?, ?)");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(scalarInt(moved, "SELECT COUNT(*) FROM person WHERE id = 7"), 1);
}

TEST_F(StatementCacheTest, MoreTextsThanTheCacheHoldsStillRunCorrectly)
{
    for (int round = 0; round < 2; ++round)
        for (std::size_t i = 0; i < db::StatementCache::kCapacity + 20; ++i)
        {
            auto select = m_db.prepare("SELECT " + std::to_string(i) + " + ?");
            ASSERT_TRUE(select.ok());
            ASSERT_OK(select->bind(1, round));
            ASSERT_TRUE(select->step().ok());
            EXPECT_EQ(select->columnInt64(0).value(), static_cast<std::int64_t>(i) + round);
        }
}

TEST_F(StatementCacheTest, TextAfterTheFirstStatementIsRefusedEvenWhenTheFirstIsKept)
{
    {
        auto select = m_db.prepare("SELECT 1");
        ASSERT_TRUE(select.ok());
    }
    EXPECT_FALSE(m_db.prepare("SELECT 1; DROP TABLE person").ok());
    EXPECT_EQ(scalarInt(m_db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'person'"), 1);
}

// The query helper: values bound in order, rows walked and read with checked column reads, a
// schema slip (NULL or the wrong type where a value belongs) returned as an error — never thrown.
#include "db_test_util.hpp"
#include "shared/db/query.hpp"
#include "temp_dir.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace okienko;
using okienko::test::openOrDie;

namespace
{
class QueryTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_db = openOrDie(m_dir.file("query.db"));
        ASSERT_TRUE(m_db.exec("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT, phone TEXT, score REAL)").ok());
        ASSERT_TRUE(db::exec(m_db, "INSERT INTO p VALUES (?1, ?2, ?3, ?4)", 1, "Zofia Wójcik", "600100200", 4.5).ok());
        ASSERT_TRUE(db::exec(m_db, "INSERT INTO p VALUES (?1, ?2, ?3, ?4)", 2, "Олена", std::optional<std::string>(),
                             std::optional<double>())
                        .ok());
    }

    test::TempDir m_dir;
    db::Database m_db;
};

TEST_F(QueryTest, BindsInOrderAndReadsEveryRow)
{
    std::vector<std::string> names;
    std::vector<std::optional<std::string>> phones;
    auto walked = db::forEachRow(
        m_db, "SELECT id, name, phone FROM p WHERE id >= ?1 ORDER BY id",
        [&](db::Row& r)
        {
            r.skip();
            names.push_back(r.text());
            phones.push_back(r.optionalText());
        },
        1);
    ASSERT_TRUE(walked.ok()) << walked.error().describe();
    EXPECT_EQ(names, (std::vector<std::string>{"Zofia Wójcik", "Олена"}));
    EXPECT_EQ(phones[0], "600100200");
    EXPECT_EQ(phones[1], std::nullopt);
}

TEST_F(QueryTest, ANullWhereTextBelongsIsAnErrorNotAnException)
{
    int rows = 0;
    auto walked = db::forEachRow(m_db, "SELECT phone FROM p ORDER BY id",
                                 [&](db::Row& r)
                                 {
                                     ++rows;
                                     (void)r.text();
                                 });
    ASSERT_FALSE(walked.ok());
    EXPECT_EQ(walked.error().kind, db::ErrorKind::TypeMismatch);
    EXPECT_EQ(rows, 2) << "the walk stops at the row that failed";
}

TEST_F(QueryTest, TheFirstFailedReadIsKeptAndLaterReadsGiveEmptyValues)
{
    auto one = db::queryOne(
        m_db, "SELECT phone, name FROM p WHERE id = ?1",
        [](db::Row& r)
        {
            auto phone = r.int64(); // TEXT read as INTEGER: fails
            auto name = r.text();   // not read after a failure
            EXPECT_FALSE(r.ok());
            EXPECT_EQ(name, "");
            return phone;
        },
        1);
    ASSERT_FALSE(one.ok());
    EXPECT_EQ(one.error().kind, db::ErrorKind::TypeMismatch);
}

TEST_F(QueryTest, QueryOneGivesNulloptWhenThereIsNoRow)
{
    auto none = db::queryText(m_db, "SELECT name FROM p WHERE id = ?1", 99);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none, std::nullopt);
    auto some = db::queryText(m_db, "SELECT name FROM p WHERE id = ?1", 2);
    ASSERT_TRUE(some.ok());
    EXPECT_EQ(*some, "Олена");
}

TEST_F(QueryTest, ExistsAndCountsAndChanges)
{
    EXPECT_TRUE(db::exists(m_db, "SELECT 1 FROM p WHERE name = ?1", "Zofia Wójcik").value());
    EXPECT_FALSE(db::exists(m_db, "SELECT 1 FROM p WHERE name = ?1", "'); DROP TABLE p; --").value());
    EXPECT_EQ(db::queryInt64(m_db, "SELECT count(*) FROM p").value(), 2);
    EXPECT_EQ(db::execChanges(m_db, "UPDATE p SET score = ?1 WHERE id = ?2", 3.0, 1).value(), 1);
    EXPECT_EQ(db::execChanges(m_db, "UPDATE p SET score = ?1 WHERE id = ?2", 3.0, 42).value(), 0);
}

TEST_F(QueryTest, ACallerDecodingFailureStopsTheWalkAsBadData)
{
    auto walked = db::forEachRow(m_db, "SELECT name FROM p ORDER BY id",
                                 [](db::Row& r)
                                 {
                                     if (r.text() != "Zofia Wójcik")
                                         r.fail("unexpected name");
                                 });
    ASSERT_FALSE(walked.ok());
    EXPECT_EQ(walked.error().kind, db::ErrorKind::BadData);
    EXPECT_EQ(walked.error().message, "unexpected name");
}

TEST_F(QueryTest, ADecodingFailureCanNameItsColumn)
{
    auto walked = db::forEachRow(m_db, "SELECT id, phone AS contact FROM p WHERE id = 1",
                                 [](db::Row& r)
                                 {
                                     r.skip();
                                     const int column = r.column();
                                     if (r.text() != "")
                                         r.fail("column " + r.columnName(column) + ": expected nothing");
                                 });
    ASSERT_FALSE(walked.ok());
    EXPECT_EQ(walked.error().message, "column contact: expected nothing") << "the name, never the value";
}

TEST_F(QueryTest, AStatusFromTheReaderStopsTheWalk)
{
    int rows = 0;
    auto walked = db::forEachRow(m_db, "SELECT id FROM p ORDER BY id",
                                 [&](db::Row& r) -> Status<db::Error>
                                 {
                                     ++rows;
                                     (void)r.int64();
                                     return makeErr(db::notFound("test", "stop here"));
                                 });
    ASSERT_FALSE(walked.ok());
    EXPECT_EQ(walked.error().kind, db::ErrorKind::NotFound);
    EXPECT_EQ(rows, 1);
}

TEST_F(QueryTest, ABadStatementIsAnError)
{
    auto st = db::query(m_db, "SELECT nope FROM p WHERE id = ?1", 1);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, db::ErrorKind::Sqlite);
    auto bound = db::query(m_db, "SELECT id FROM p", 1);
    EXPECT_FALSE(bound.ok()) << "an argument with no placeholder is refused";
}
} // namespace

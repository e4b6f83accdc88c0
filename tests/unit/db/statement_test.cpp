// Prepared statements: every value type goes in and comes back exactly, NULL stays NULL, type
// checks catch a wrong read, and text that looks like SQL is only ever data.
#include "db_test_util.hpp"
#include "shared/db/database.hpp"
#include "shared/db/statement.hpp"
#include "temp_dir.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <sqlite3.h>

using namespace okienko;
using okienko::test::openOrDie;
using okienko::test::scalarInt;

namespace
{
class StatementTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_db = openOrDie(m_dir.file("stmt.db"));
        ASSERT_OK(m_db.exec("CREATE TABLE v(k TEXT PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB)"));
    }

    db::Statement selectByKey(const std::string& key)
    {
        auto stmt = m_db.prepare("SELECT i, r, t, b FROM v WHERE k = :k");
        EXPECT_TRUE(stmt.ok());
        EXPECT_TRUE(stmt->bind(":k", key).ok());
        auto step = stmt->step();
        EXPECT_TRUE(step.ok() && *step == db::Step::Row) << key;
        return std::move(stmt).value();
    }

    test::TempDir m_dir;
    db::Database m_db;
};
} // namespace

TEST_F(StatementTest, EveryTypeRoundTripsByIndex)
{
    const std::string text = "Zażółć gęślą jaźń — Їжак ґава";
    const db::Blob blob{0x00, 0xff, 0x10, 0x00, 0x7f};
    auto insert = m_db.prepare("INSERT INTO v(k, i, r, t, b) VALUES (?1, ?2, ?3, ?4, ?5)");
    ASSERT_OK(insert);
    ASSERT_OK(insert->bind(1, "max"));
    ASSERT_OK(insert->bind(2, std::numeric_limits<std::int64_t>::max()));
    ASSERT_OK(insert->bind(3, 0.1));
    ASSERT_OK(insert->bind(4, text));
    ASSERT_OK(insert->bind(5, blob));
    ASSERT_OK(insert->run());

    ASSERT_OK(insert->bind(1, "min"));
    ASSERT_OK(insert->bindInt64(2, std::numeric_limits<std::int64_t>::min()));
    ASSERT_OK(insert->bindDouble(3, -1.5e300));
    ASSERT_OK(insert->bindText(4, std::string_view("a\0b", 3)));
    ASSERT_OK(insert->bindBlob(5, std::span<const std::uint8_t>(blob.data(), 1)));
    ASSERT_OK(insert->run());

    auto max = selectByKey("max");
    EXPECT_EQ(*max.columnInt64(0), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(*max.columnDouble(1), 0.1);
    EXPECT_EQ(*max.columnText(2), text);
    EXPECT_EQ(*max.columnBlob(3), blob);

    auto min = selectByKey("min");
    EXPECT_EQ(*min.columnInt64(0), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(*min.columnDouble(1), -1.5e300);
    EXPECT_EQ(*min.columnText(2), std::string("a\0b", 3));
    EXPECT_EQ(*min.columnBlob(3), db::Blob{0x00});
}

TEST_F(StatementTest, EmptyTextAndEmptyBlobAreNotNull)
{
    auto insert = m_db.prepare("INSERT INTO v(k, t, b) VALUES ('e', ?1, ?2)");
    ASSERT_OK(insert);
    ASSERT_OK(insert->bind(1, std::string_view{})); // a default view has a null data pointer
    ASSERT_OK(insert->bind(2, db::Blob{}));
    ASSERT_OK(insert->run());
    EXPECT_EQ(scalarInt(m_db, "SELECT t IS NULL OR b IS NULL FROM v WHERE k = 'e'"), 0);
    auto row = selectByKey("e");
    EXPECT_EQ(*row.columnText(2), "");
    EXPECT_EQ(*row.columnBlob(3), db::Blob{});
}

TEST_F(StatementTest, NullsAndOptionals)
{
    auto insert = m_db.prepare("INSERT INTO v(k, i, r, t, b) VALUES (:k, :i, :r, :t, :b)");
    ASSERT_OK(insert);
    ASSERT_OK(insert->bind(":k", "nulls"));
    ASSERT_OK(insert->bind(":i", std::optional<std::int64_t>{}));
    ASSERT_OK(insert->bind(":r", nullptr));
    ASSERT_OK(insert->bind(":t", std::optional<std::string>{}));
    ASSERT_OK(insert->bindNull(5));
    ASSERT_OK(insert->run());

    ASSERT_OK(insert->bind(":k", "values"));
    ASSERT_OK(insert->bind(":i", std::optional<std::int64_t>{42}));
    ASSERT_OK(insert->bind(":r", std::optional<double>{2.5}));
    ASSERT_OK(insert->bind(":t", std::optional<std::string>{"x"}));
    ASSERT_OK(insert->bind(":b", std::optional<db::Blob>{db::Blob{1, 2}}));
    ASSERT_OK(insert->run());

    auto nulls = selectByKey("nulls");
    for (int c = 0; c < 4; ++c)
        EXPECT_TRUE(*nulls.isNull(c)) << c;
    EXPECT_EQ(*nulls.columnOptionalInt64(0), std::nullopt);
    EXPECT_EQ(*nulls.columnOptionalDouble(1), std::nullopt);
    EXPECT_EQ(*nulls.columnOptionalText(2), std::nullopt);
    EXPECT_EQ(*nulls.columnOptionalBlob(3), std::nullopt);
    // A NULL read through a non-optional getter is an error, not a silent 0 or "".
    auto i = nulls.columnInt64(0);
    ASSERT_FALSE(i.ok());
    EXPECT_EQ(i.error().kind, db::ErrorKind::TypeMismatch);
    EXPECT_FALSE(nulls.columnText(2).ok());

    auto values = selectByKey("values");
    EXPECT_EQ(*values.columnOptionalInt64(0), std::optional<std::int64_t>(42));
    EXPECT_EQ(*values.columnOptionalDouble(1), std::optional<double>(2.5));
    EXPECT_EQ(*values.columnOptionalText(2), std::optional<std::string>("x"));
    EXPECT_EQ(*values.columnOptionalBlob(3), std::optional<db::Blob>(db::Blob{1, 2}));
}

TEST_F(StatementTest, GettersCheckTheStorageClass)
{
    ASSERT_OK(m_db.exec("INSERT INTO v(k, i, r, t, b) VALUES ('x', 3000000000, 1.5, '12', x'01')"));
    auto row = selectByKey("x");
    EXPECT_EQ(row.columnText(0).error().kind, db::ErrorKind::TypeMismatch);  // INTEGER as TEXT
    EXPECT_EQ(row.columnInt64(1).error().kind, db::ErrorKind::TypeMismatch); // REAL as INTEGER
    EXPECT_EQ(row.columnInt64(2).error().kind, db::ErrorKind::TypeMismatch); // TEXT '12' as INTEGER
    EXPECT_EQ(row.columnText(3).error().kind, db::ErrorKind::TypeMismatch);  // BLOB as TEXT
    EXPECT_EQ(row.columnBlob(2).error().kind, db::ErrorKind::TypeMismatch);  // TEXT as BLOB
    EXPECT_EQ(row.columnInt(0).error().kind, db::ErrorKind::OutOfRange);     // does not fit int
    EXPECT_EQ(row.columnBool(0).error().kind, db::ErrorKind::OutOfRange);    // not 0/1
    EXPECT_EQ(row.columnInt64(4).error().kind, db::ErrorKind::OutOfRange);   // no such column
    EXPECT_EQ(row.columnInt64(-1).error().kind, db::ErrorKind::OutOfRange);
    EXPECT_EQ(*row.columnDouble(0), 3000000000.0); // INTEGER reads as REAL
    EXPECT_EQ(*row.columnInt64(0), 3000000000);
    // The error names the column, never the value it found.
    const auto err = row.columnText(0).error().describe();
    EXPECT_NE(err.find("column i"), std::string::npos) << err;
    EXPECT_EQ(err.find("3000000000"), std::string::npos) << err;
}

TEST_F(StatementTest, BindingErrors)
{
    auto insert = m_db.prepare("INSERT INTO v(k) VALUES (:k)");
    ASSERT_OK(insert);
    auto byName = insert->bind(":nope", 1);
    ASSERT_FALSE(byName.ok());
    EXPECT_EQ(byName.error().kind, db::ErrorKind::UnknownParameter);
    auto byIndex = insert->bind(2, 1);
    ASSERT_FALSE(byIndex.ok());
    EXPECT_EQ(byIndex.error().code, SQLITE_RANGE);
    EXPECT_FALSE(insert->bind(0, 1).ok());
}

TEST_F(StatementTest, APreparedStatementIsReusedWithNewBindings)
{
    auto insert = m_db.prepare("INSERT INTO v(k, i) VALUES (?1, ?2)");
    ASSERT_OK(insert);
    for (int n = 1; n <= 100; ++n)
    {
        ASSERT_OK(insert->bind(1, "k" + std::to_string(n)));
        ASSERT_OK(insert->bind(2, n));
        ASSERT_OK(insert->run());
    }
    EXPECT_EQ(scalarInt(m_db, "SELECT count(*) FROM v"), 100);
    EXPECT_EQ(scalarInt(m_db, "SELECT sum(i) FROM v"), 5050);

    // A query statement is stepped to the end, reset and run again with another binding.
    auto select = m_db.prepare("SELECT i FROM v WHERE i > ?1 ORDER BY i");
    ASSERT_OK(select);
    for (int limit : {95, 98})
    {
        ASSERT_OK(select->bind(1, limit));
        std::vector<std::int64_t> seen;
        for (;;)
        {
            auto step = select->step();
            ASSERT_OK(step);
            if (*step == db::Step::Done)
                break;
            seen.push_back(*select->columnInt64(0));
        }
        select->reset();
        ASSERT_EQ(seen.size(), static_cast<std::size_t>(100 - limit));
        EXPECT_EQ(seen.front(), limit + 1);
        EXPECT_EQ(seen.back(), 100);
    }
    // Bindings survive reset() until cleared; cleared parameters are NULL and match nothing.
    select->clearBindings();
    auto step = select->step();
    ASSERT_OK(step);
    EXPECT_EQ(*step, db::Step::Done);
}

TEST_F(StatementTest, TextThatLooksLikeSqlIsStoredVerbatim)
{
    const std::vector<std::string> nasty{
        "Robert'); DROP TABLE v;--", "' OR '1'='1", "\"; DELETE FROM v WHERE \"\"=\"", "x'00'", "?1 :k @k $k", "%_\\",
    };
    auto insert = m_db.prepare("INSERT INTO v(k, t) VALUES (?1, ?2)");
    ASSERT_OK(insert);
    for (std::size_t n = 0; n < nasty.size(); ++n)
    {
        ASSERT_OK(insert->bind(1, nasty[n]));
        ASSERT_OK(insert->bind(2, nasty[n]));
        ASSERT_OK(insert->run());
    }
    EXPECT_EQ(scalarInt(m_db, "SELECT count(*) FROM v"), static_cast<std::int64_t>(nasty.size()));
    for (const auto& text : nasty)
    {
        auto row = selectByKey(text);
        EXPECT_EQ(*row.columnText(2), text);
    }
}

TEST_F(StatementTest, ErrorsNeverCarryBoundValues)
{
    const std::string phone = "600700800";
    auto insert = m_db.prepare("INSERT INTO v(k, t) VALUES (?1, ?2)");
    ASSERT_OK(insert);
    ASSERT_OK(insert->bind(1, phone));
    ASSERT_OK(insert->bind(2, "Jan Kowalski"));
    ASSERT_OK(insert->run());
    auto dup = insert->run();
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, SQLITE_CONSTRAINT_PRIMARYKEY);
    const std::string text = dup.error().describe();
    EXPECT_EQ(text.find(phone), std::string::npos) << text;
    EXPECT_EQ(text.find("Kowalski"), std::string::npos) << text;
    EXPECT_NE(text.find("INSERT INTO v(k, t) VALUES (?1, ?2)"), std::string::npos) << text;
    EXPECT_EQ(insert->sql(), "INSERT INTO v(k, t) VALUES (?1, ?2)");
}

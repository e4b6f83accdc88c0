// Loading release fixtures and reading schemas for migration tests.
#include "tests/support/db_fixture.hpp"

#include "shared/db/query.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdlib>
#include <gtest/gtest.h>
#include <sstream>

namespace okienko::test
{

namespace
{
/// The value of `result`, or T{} after reporting its error.
template <typename T> T valueOr(Result<T, db::Error> result, const std::string& what)
{
    if (!result)
    {
        ADD_FAILURE() << what << ": " << result.error().describe();
        return T{};
    }
    return std::move(result).value();
}
} // namespace

db::Database openedOrAbort(Result<db::Database, db::Error> opened)
{
    if (!opened)
    {
        ADD_FAILURE() << opened.error().describe();
        std::abort();
    }
    return std::move(opened).value();
}

std::string dbFixturePath(const std::string& name)
{
    return std::string(OKIENKO_SOURCE_DIR) + "/tests/fixtures/db/" + name;
}

bool loadDump(const std::string& name, const std::string& dbPath)
{
    const std::string dump = readFile(dbFixturePath(name));
    if (dump.empty())
    {
        ADD_FAILURE() << "fixture " << name << " is missing or empty";
        return false;
    }
    auto opened = db::Database::open(dbPath);
    if (!opened)
    {
        ADD_FAILURE() << opened.error().describe();
        return false;
    }
    auto loaded = opened->exec(dump);
    if (!loaded)
        ADD_FAILURE() << "loading " << name << ": " << loaded.error().describe();
    return loaded.ok();
}

std::vector<db::Migration> releasedMigrations(const std::string& name)
{
    const std::string text = readFile(dbFixturePath(name));
    const std::string marker = "@@ migration ";
    std::vector<db::Migration> out;
    std::size_t at = text.find("\n" + marker);
    while (at != std::string::npos)
    {
        const std::size_t lineStart = at + 1 + marker.size();
        const std::size_t lineEnd = text.find('\n', lineStart);
        std::istringstream header(text.substr(lineStart, lineEnd - lineStart));
        db::Migration m;
        std::size_t bytes = 0;
        header >> m.version >> bytes;
        std::getline(header >> std::ws, m.name);
        if (header.fail() || lineEnd == std::string::npos || lineEnd + 1 + bytes > text.size())
        {
            ADD_FAILURE() << name << ": bad step after migration " << out.size();
            return {};
        }
        m.sql = text.substr(lineEnd + 1, bytes);
        out.push_back(std::move(m));
        at = text.find("\n" + marker, lineEnd + bytes);
    }
    if (out.empty())
        ADD_FAILURE() << name << " holds no migrations";
    return out;
}

std::vector<std::string> schemaOf(db::Database& db)
{
    std::vector<std::string> objects;
    auto read = db::forEachRow(db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name",
                               [&](db::Row& row)
                               {
                                   std::string type = row.text();
                                   std::string name = row.text();
                                   // Indexes made for PRIMARY KEY and UNIQUE have no SQL of their own.
                                   std::string sql = row.optionalText().value_or("(automatic)");
                                   objects.push_back(type + " " + name + ": " + sql);
                               });
    if (!read)
        ADD_FAILURE() << "reading sqlite_master: " << read.error().describe();
    return objects;
}

std::map<std::string, std::int64_t> rowCounts(db::Database& db)
{
    std::vector<std::string> tables;
    auto read = db::forEachRow(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                               [&](db::Row& row) { tables.push_back(row.text()); });
    if (!read)
        ADD_FAILURE() << "listing tables: " << read.error().describe();
    std::map<std::string, std::int64_t> counts;
    for (const std::string& table : tables)
        // The name comes from sqlite_master, not from outside input; quoted as an identifier.
        counts[table] = numberOf(db, "SELECT count(*) FROM \"" + table + "\"");
    return counts;
}

void expectReleasedStepsKept(const std::vector<db::Migration>& released, const std::vector<db::Migration>& current)
{
    ASSERT_FALSE(released.empty());
    ASSERT_GE(current.size(), released.size());
    for (std::size_t i = 0; i < released.size(); ++i)
    {
        SCOPED_TRACE("migration " + std::to_string(released[i].version) + " (" + released[i].name + ")");
        EXPECT_EQ(current[i].version, released[i].version);
        EXPECT_EQ(current[i].sql, released[i].sql);
        EXPECT_FALSE(current[i].apply) << "the release had no data step here";
    }
}

db::Database expectDumpMigrates(const std::string& name, int version, const std::string& directory,
                                const OpenCurrent& openCurrent)
{
    const std::string path = directory + "/migrated.db";
    std::map<std::string, std::int64_t> before;
    if (loadDump(name, path))
    {
        auto old = db::Database::open(path);
        if (old)
        {
            EXPECT_EQ(*old->userVersion(), version);
            before = rowCounts(*old);
        }
        else
            ADD_FAILURE() << old.error().describe();
    }
    for (const auto& [table, count] : before)
        EXPECT_GT(count, 0) << table << " is empty in " << name;

    auto fresh = openCurrent(directory + "/fresh.db");
    auto migrated = openCurrent(path);
    EXPECT_EQ(*migrated.userVersion(), *fresh.userVersion());
    // Every row of every table the release had is kept; tables added since are the new steps' own.
    auto after = rowCounts(migrated);
    for (const auto& [table, count] : before)
        EXPECT_EQ(after[table], count) << table;
    EXPECT_EQ(schemaOf(migrated), schemaOf(fresh));
    EXPECT_EQ(numberOf(migrated, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    return migrated;
}

void expectEveryReleasedVersionMigrates(const std::vector<db::Migration>& released, const OpenCurrent& openCurrent)
{
    TempDir freshDir{"fresh"};
    auto fresh = openCurrent(freshDir.file("fresh.db"));
    const auto freshSchema = schemaOf(fresh);
    for (std::size_t k = 0; k <= released.size(); ++k)
    {
        SCOPED_TRACE("from version " + std::to_string(k));
        TempDir dir{"v" + std::to_string(k)};
        {
            auto old = db::Database::open(dir.file("old.db"));
            ASSERT_TRUE(old.ok()) << old.error().describe();
            const std::vector<db::Migration> firstK(released.begin(), released.begin() + static_cast<long>(k));
            auto version = db::migrate(*old, firstK);
            ASSERT_TRUE(version.ok()) << version.error().describe();
        }
        auto migrated = openCurrent(dir.file("old.db"));
        EXPECT_EQ(*migrated.userVersion(), *fresh.userVersion());
        EXPECT_EQ(schemaOf(migrated), freshSchema);
    }
}

std::string textOf(db::Database& db, const std::string& sql)
{
    return valueOr(db::queryText(db, sql), sql).value_or("(no row)");
}

std::int64_t numberOf(db::Database& db, const std::string& sql)
{
    return valueOr(db::queryInt64(db, sql), sql).value_or(-1);
}

} // namespace okienko::test

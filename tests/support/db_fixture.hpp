// Databases made by an earlier release, for migration tests: a text dump (sqlite3 .dump) loaded
// into a fresh file, the DDL of a released migration list as that release shipped it, and a
// database's schema and row counts as plain values that compare with EXPECT_EQ. A failure is
// reported to GoogleTest and gives an empty value.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/migration.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace okienko::test
{

/// The database in `opened`; a test failure and abort when it did not open, since no test can go on.
db::Database openedOrAbort(Result<db::Database, db::Error> opened);

/// A fixture under tests/fixtures/db by file name.
std::string dbFixturePath(const std::string& name);

/// Runs the dump `name` (statements as `sqlite3 .dump` writes them, plus the `PRAGMA user_version`
/// the release had set) on a new database file at `dbPath`; false when it could not.
bool loadDump(const std::string& name, const std::string& dbPath);

/// The migrations stored in the "*-migrations.txt" fixture `name`: lines "@@ migration VERSION
/// BYTES NAME", each followed by exactly BYTES bytes of SQL.
std::vector<db::Migration> releasedMigrations(const std::string& name);

/// Every schema object (table, index, trigger, view) as "type name: sql", ordered by type and
/// name, so that two databases with the same schema give equal vectors.
std::vector<std::string> schemaOf(db::Database& db);

/// The number of rows of every table, by name.
std::map<std::string, std::int64_t> rowCounts(db::Database& db);

/// Opens (creating) a database of the kind under test with the current code, which migrates it.
using OpenCurrent = std::function<db::Database(const std::string& path)>;

/// Expects `current` to begin with every step of `released`, each with the same version and the
/// very same SQL (a released migration is stored in sqlite_master as it ran) and no data step.
void expectReleasedStepsKept(const std::vector<db::Migration>& released, const std::vector<db::Migration>& current);

/// Loads the dump `name` (every table holding rows, at `version`) into a file in `directory`,
/// opens it with `openCurrent`, and expects every table's row count kept and the schema of a
/// new database opened the same way. Returns the migrated database for checks of values.
db::Database expectDumpMigrates(const std::string& name, int version, const std::string& directory,
                                const OpenCurrent& openCurrent);

/// For every k from 0 to released.size(): a database made with the released steps 1..k only,
/// opened with `openCurrent`, must end at the version and with the schema of a new database.
void expectEveryReleasedVersionMigrates(const std::vector<db::Migration>& released, const OpenCurrent& openCurrent);

/// The first column of the first row as text ("(no row)" when there is none).
std::string textOf(db::Database& db, const std::string& sql);

/// The first column of the first row as an integer (-1 when there is none).
std::int64_t numberOf(db::Database& db, const std::string& sql);

} // namespace okienko::test

// Numbered schema migrations tracked in PRAGMA user_version (a 32-bit integer at offset 60 of the
// SQLite file header, reserved for the application). Migration k turns a version k-1 database
// into version k; a new database (version 0) runs them all. They run at start-up, each in its own
// transaction together with the version bump (SQLite DDL is transactional), so a failure leaves
// the file exactly at the previous version.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <functional>
#include <string>
#include <vector>

namespace okienko::db
{

struct Migration
{
    int version = 0;  ///< 1, 2, 3, … in order, without gaps
    std::string name; ///< short label for errors and logs, e.g. "catalogue tables"
    std::string sql;  ///< DDL script run with Database::exec; may be empty when `apply` does the work
    /// Optional data step run after `sql` in the same transaction (for migrations that must
    /// rewrite rows with prepared statements).
    std::function<Status<Error>(Database&)> apply;
};

struct MigrateOptions
{
    /// When set and the file already holds data at an older version, a copy is written here with
    /// VACUUM INTO before the first migration runs. SQLite refuses to overwrite an existing file.
    std::string backupPath;
};

/// Brings the database to the newest version in `migrations` and returns that version.
/// Errors: InvalidMigrations when the list is not numbered 1..N; SchemaTooNew when the file's
/// version is above N (a downgrade fails closed; nothing is written); a failing migration's own
/// error, with the database left at the version before it.
Result<int, Error> migrate(Database& db, const std::vector<Migration>& migrations, const MigrateOptions& options = {});

} // namespace okienko::db

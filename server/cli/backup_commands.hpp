// The administrator's backup commands of okienko-central: `backup` (run by
// okienko-central-backup.timer), `restore FILE` (server stopped), and the copy `init` takes before
// it migrates a database to a new schema (an upgrade). None of them opens the store: a newer
// binary's `backup` must never migrate a database an older server is still serving.
#pragma once

#include "server/server_config.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::server::cli
{

/// backup [--dir DIR] [--keep N]: prints the new backup's path, then each old one it deleted.
/// Returns the exit code (2 for bad arguments).
int backupCommand(const ServerConfig& config, const std::vector<std::string>& options, std::int64_t now);

/// restore FILE: refuses while a server holds the database's lock; checks FILE; keeps the current
/// database aside; puts the copy in place (0600), migrates it, gives it a new epoch; prints what it
/// did and what the kiosks will do. Returns the exit code.
int restoreCommand(const ServerConfig& config, const std::string& file, std::int64_t now);

/// Before init migrates: when the database exists with pending migrations, a verified backup in
/// config.backupDir (its path printed). An error means init must not migrate.
Status<std::string> backupBeforeUpgrade(const ServerConfig& config, std::int64_t now);

} // namespace okienko::server::cli

// Backups of the server database and the checks a file passes before it is trusted as one: a
// consistent copy taken while the server serves, 0600 from its first byte, verified, then renamed
// into place under a UTC-timestamped name; retention by those names. The commands around these
// (backup, restore, the pre-upgrade copy of init) are server/cli/backup_commands.
#pragma once

#include "shared/util/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server
{

/// "20261206T171500Z": UTC, sortable, safe in a file name.
std::string utcStamp(std::int64_t unixSeconds);

/// "central-20261206T171500Z.db", or with `label` "central-20261206T171500Z-<label>.db".
std::string backupFileName(std::int64_t unixSeconds, std::string_view label = {});
/// True for a name backupFileName makes: the files retention counts (and nothing else in the folder).
bool isBackupFileName(std::string_view name);

/// What a server database file turned out to be.
struct ServerDatabaseInfo
{
    int schemaVersion = 0; ///< PRAGMA user_version
    std::string epoch;     ///< server_meta.epoch
};

/// Opens `path` read-only and checks that it is an intact okienko-central database: PRAGMA
/// integrity_check says ok, user_version is 2 … kServerSchemaVersion (newer: "restore it with a
/// newer okienko-central"), and server_meta, kiosks and events exist. The error is one line naming
/// the file and the first problem.
Result<ServerDatabaseInfo, std::string> inspectServerDatabase(const std::string& path);

/// Copies the SQLite database `from` into the new file `to` (created 0600 whatever the umask; it
/// must not exist) as one consistent snapshot, in rollback-journal mode, synced to disk. Under
/// root the copy gets the owner of `ownerOf` (a path whose owner should own it), so a restore run
/// with sudo leaves a file the service user can open.
Status<std::string> copyDatabase(const std::string& from, const std::string& to, const std::string& ownerOf = {});

/// Takes a backup of the database at `databasePath` into `dir` (created 0700 when missing) named
/// backupFileName(now, label); verifies the copy with inspectServerDatabase before it gets its
/// name. Returns the backup's path.
Result<std::string, std::string> writeBackup(const std::string& databasePath, const std::string& dir, std::int64_t now,
                                             std::string_view label = {});

/// Deletes every backup in `dir` (isBackupFileName) but the `keep` newest by the timestamp in their
/// names, and partial copies a killed backup left behind; returns the deleted paths.
Result<std::vector<std::string>, std::string> pruneBackups(const std::string& dir, int keep);

/// fsync of a directory, so a rename or unlink in it survives a power cut.
Status<std::string> syncDirectory(const std::string& dir);

} // namespace okienko::server

// backup, restore and init's pre-upgrade copy. Output on stdout is for the administrator (and the
// journal, from the timer); errors go to stderr, one line each, naming the file and the cause.
#include "server/cli/backup_commands.hpp"

#include "server/backup.hpp"
#include "server/serve_lock.hpp"
#include "server/server_schema.hpp"
#include "shared/db/migration.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace okienko::server::cli
{

namespace fs = std::filesystem;

namespace
{
int fail(const std::string& message)
{
    std::fprintf(stderr, "okienko-central: %s\n", message.c_str());
    return 1;
}

/// Moves the database and its -wal/-shm aside under "<db>.before-restore-<stamp>" (then "-2",
/// "-3", … when a restore in the same second already used it). The WAL goes with its database:
/// left beside the restored file, SQLite would replay it into the wrong data.
Result<std::string, std::string> setAside(const std::string& databasePath, std::int64_t now)
{
    const std::string stamped = databasePath + ".before-restore-" + utcStamp(now);
    std::string aside = stamped;
    const auto taken = [](const std::string& name)
    {
        std::error_code ec;
        return fs::exists(name, ec) || fs::exists(name + "-wal", ec) || fs::exists(name + "-shm", ec);
    };
    for (int n = 2; taken(aside); ++n)
    {
        if (n > 99)
            return makeErr(stamped + " and 98 more names are taken; delete old ones");
        aside = stamped + "-" + std::to_string(n);
    }
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        const std::string from = databasePath + suffix;
        std::error_code ec;
        if (!fs::exists(from, ec))
            continue;
        if (::rename(from.c_str(), (aside + suffix).c_str()) != 0)
            return makeErr("cannot move " + from + " aside: " + std::strerror(errno));
    }
    return aside;
}

/// Migrations, then a new epoch: every kiosk's cursor and acknowledged-event receipts name the old
/// one, which is how they learn that the server's history went back.
Result<std::pair<int, std::string>, std::string> migrateWithNewEpoch(const std::string& databasePath)
{
    db::OpenOptions options;
    options.synchronous = db::Synchronous::Full;
    options.create = false;
    auto opened = db::Database::open(databasePath, options);
    if (!opened)
        return makeErr(databasePath + ": " + opened.error().describe());
    auto version = db::migrate(*opened, serverMigrations());
    if (!version)
        return makeErr(databasePath + ": migration failed: " + version.error().describe());
    auto tx = db::Transaction::begin(*opened, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx)
        return makeErr(tx.error().describe());
    if (auto s = opened->exec("UPDATE server_meta SET epoch = lower(hex(randomblob(8))) WHERE id = 1"); !s)
        return makeErr(s.error().describe());
    auto epoch = db::queryText(*opened, "SELECT epoch FROM server_meta WHERE id = 1");
    if (!epoch || !*epoch)
        return makeErr("cannot read the new epoch of " + databasePath);
    if (auto committed = tx->commit(); !committed)
        return makeErr(committed.error().describe());
    return std::pair{*version, **epoch};
}
} // namespace

int backupCommand(const ServerConfig& config, const std::vector<std::string>& options, std::int64_t now)
{
    std::string dir = config.backupDir;
    int keep = config.backupKeep;
    for (std::size_t i = 0; i < options.size(); i += 2)
    {
        const std::string value = i + 1 < options.size() ? options[i + 1] : std::string();
        if (options[i] == "--dir" && !value.empty())
            dir = value;
        else if (options[i] == "--keep" && !value.empty() && value.size() <= 4 &&
                 value.find_first_not_of("0123456789") == std::string::npos && std::stoi(value) >= 1)
            keep = std::stoi(value);
        else
        {
            std::fputs("usage: okienko-central --config central.toml backup [--dir DIR] [--keep N]   (N: 1 … 9999)\n",
                       stderr);
            return 2;
        }
    }
    auto written = writeBackup(config.databasePath, dir, now);
    if (!written)
        return fail("backup failed: " + written.error());
    std::printf("%s\n", written->c_str());
    auto deleted = pruneBackups(dir, keep);
    if (!deleted)
        return fail("backup written, but retention failed: " + deleted.error());
    for (const auto& path : *deleted)
        std::printf("deleted old backup %s\n", path.c_str());
    return 0;
}

int restoreCommand(const ServerConfig& config, const std::string& file, std::int64_t now)
{
    const std::string& databasePath = config.databasePath;
    auto lock = ServeLock::acquire(databasePath, ServeLock::Mode::Exclusive);
    if (!lock)
        return fail("restore refused: " + lock.error());

    const fs::path directory = fs::path(databasePath).parent_path();
    const std::string incoming = (directory / (".restore-" + std::to_string(::getpid()) + ".db")).string();
    if (auto copied = copyDatabase(file, incoming, directory.string()); !copied)
        return fail("restore refused: " + copied.error());
    auto info = inspectServerDatabase(incoming);
    if (!info)
    {
        ::unlink(incoming.c_str());
        return fail("restore refused: " + file + " " + info.error().substr(incoming.size()));
    }

    std::error_code ec;
    const bool hadDatabase = fs::exists(databasePath, ec);
    auto aside = hadDatabase ? setAside(databasePath, now) : Result<std::string, std::string>(std::string());
    if (!aside)
    {
        ::unlink(incoming.c_str());
        return fail("restore refused: " + aside.error());
    }
    if (::rename(incoming.c_str(), databasePath.c_str()) != 0)
        return fail("cannot put the backup in place: " + std::string(std::strerror(errno)) +
                    (hadDatabase ? "; the previous database is " + *aside : std::string()));
    if (auto synced = syncDirectory(directory.string()); !synced)
        return fail(synced.error());

    auto migrated = migrateWithNewEpoch(databasePath);
    if (!migrated)
        return fail(migrated.error() + (hadDatabase ? "; the previous database is " + *aside : std::string()));
    const auto& [version, epoch] = *migrated;

    std::printf("restored %s from %s (schema version %d, database epoch %s)\n", databasePath.c_str(), file.c_str(),
                info->schemaVersion, info->epoch.c_str());
    if (hadDatabase)
        std::printf("the previous database is kept as %s (delete it once the restore is confirmed)\n", aside->c_str());
    else
        std::printf("there was no database before\n");
    if (version != info->schemaVersion)
        std::printf("migrated from schema version %d to %d\n", info->schemaVersion, version);
    std::printf("new database epoch: %s\n", epoch.c_str());
    std::printf("Start the server now (systemctl start okienko-central). At its next sync every kiosk sees the new\n"
                "epoch: it pulls the catalogue, staff and its requests' statuses again from the start, re-sends\n"
                "the events it still holds that carry no personal data (usage, ratings, loan extensions), and\n"
                "reports the others it had sent since the backup. The server lists those on the panel's kiosks\n"
                "page (/panel/kiosks, \"Zgłoszenia utracone przy odtwarzaniu\") with the kiosk, type, reference\n"
                "code and time, so staff can help the residents who show their slips. Kiosks and staff added\n"
                "after the backup must be added again.\n");
    return 0;
}

Status<std::string> backupBeforeUpgrade(const ServerConfig& config, std::int64_t now)
{
    std::error_code ec;
    if (!fs::exists(config.databasePath, ec))
        return {}; // a new database: nothing to keep
    int version = 0;
    {
        db::OpenOptions options;
        options.readOnly = true;
        auto opened = db::Database::open(config.databasePath, options);
        if (!opened)
            return makeErr(config.databasePath + ": " + opened.error().describe());
        auto read = opened->userVersion();
        if (!read)
            return makeErr(config.databasePath + ": " + read.error().describe());
        version = *read;
    }
    if (version == 0 || version >= kServerSchemaVersion)
        return {}; // empty, current, or too new (the store refuses that one)
    auto written =
        writeBackup(config.databasePath, config.backupDir, now, "before-upgrade-v" + std::to_string(version));
    if (!written)
        return makeErr("the backup before the upgrade failed, so the database was not migrated: " + written.error());
    std::printf("database schema %d → %d: backup taken first: %s\n", version, kServerSchemaVersion, written->c_str());
    return {};
}

} // namespace okienko::server::cli

// Backup files. Why SQLite's online backup API with one sqlite3_backup_step(-1), and not small
// steps or VACUUM INTO:
// - The server's database is in WAL mode, where a reader never blocks a writer. One step of -1
//   copies every page inside one read transaction: a consistent snapshot, while kiosks keep
//   committing to the WAL (only checkpoints wait until the copy ends, a few seconds for a CUS).
//   Small steps would release the snapshot between steps, and the backup API restarts from the
//   first page whenever another connection writes in between: under steady kiosk traffic it may
//   never finish.
// - VACUUM INTO creates the output file itself, with the umask's mode: for a moment a copy of
//   residents' personal data could be readable by others. Here the file is made 0600 first and
//   SQLite writes into it.
// The copy is switched to rollback-journal mode (one self-contained file, no -wal beside it),
// checked with integrity_check, synced, and only then linked under its final name (link(2) fails
// rather than replace an existing backup), so a name in the backup folder is always a whole,
// verified copy.
#include "server/backup.hpp"

#include "server/server_schema.hpp"
#include "shared/db/database.hpp"
#include "shared/db/query.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace okienko::server
{

namespace fs = std::filesystem;

namespace
{
constexpr std::string_view kPrefix = "central-";
constexpr std::string_view kSuffix = ".db";
constexpr std::string_view kPartialPrefix = ".partial-";

std::string errnoText(const std::string& what)
{
    return what + ": " + std::strerror(errno);
}

struct SqliteCloser
{
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

/// Creates `path` empty with mode 0600 exactly (fchmod: the umask may only have narrowed it).
Status<std::string> createPrivateFile(const std::string& path, const std::string& ownerOf)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeErr(errnoText("cannot create " + path));
    std::string problem;
    if (::fchmod(fd, 0600) != 0)
        problem = errnoText("cannot set mode 0600 on " + path);
    struct stat owner
    {
    };
    if (problem.empty() && ::geteuid() == 0 && !ownerOf.empty() && ::stat(ownerOf.c_str(), &owner) == 0 &&
        ::fchown(fd, owner.st_uid, owner.st_gid) != 0)
        problem = errnoText("cannot give " + path + " the owner of " + ownerOf);
    ::close(fd);
    if (!problem.empty())
    {
        ::unlink(path.c_str());
        return makeErr(problem);
    }
    return {};
}

/// fsync of a file or (with O_DIRECTORY) a directory.
Status<std::string> syncPath(const std::string& path, int extraFlags)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extraFlags);
    if (fd < 0)
        return makeErr(errnoText("cannot open " + path));
    const bool synced = ::fsync(fd) == 0;
    const std::string problem = synced ? std::string() : errnoText("cannot sync " + path);
    ::close(fd);
    if (!synced)
        return makeErr(problem);
    return {};
}

std::string sqliteMessage(sqlite3* db, int rc)
{
    return db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}

/// The copy itself: the whole source in one step (see the file comment), retried while busy.
Status<std::string> backupPages(sqlite3* source, sqlite3* dest, const std::string& from)
{
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
    if (backup == nullptr)
        return makeErr("cannot start copying " + from + ": " + sqlite3_errmsg(dest));
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 100; ++attempt)
    {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return makeErr("cannot read " + from + " as an SQLite database: " + sqlite3_errstr(rc));
    if (const int finished = sqlite3_errcode(dest); finished != SQLITE_OK)
        return makeErr("cannot write the copy of " + from + ": " + sqliteMessage(dest, finished));
    return {};
}

/// One self-contained file: the copy carries the source's WAL flag, turned back to a rollback journal.
Status<std::string> useRollbackJournal(sqlite3* dest, const std::string& to)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(dest, "PRAGMA journal_mode = DELETE", -1, &statement, nullptr) != SQLITE_OK)
        return makeErr("cannot prepare " + to + ": " + sqlite3_errmsg(dest));
    const int rc = sqlite3_step(statement);
    const unsigned char* mode = rc == SQLITE_ROW ? sqlite3_column_text(statement, 0) : nullptr;
    const bool isDelete = mode != nullptr && std::strcmp(reinterpret_cast<const char*>(mode), "delete") == 0;
    sqlite3_finalize(statement);
    if (!isDelete)
        return makeErr("cannot switch " + to + " to a rollback journal: " + sqlite3_errmsg(dest));
    return {};
}

/// The timestamp of a backup name ("20261206T171500Z…"), for sorting.
std::string stampOf(const std::string& name)
{
    return name.substr(kPrefix.size());
}
} // namespace

std::string utcStamp(std::int64_t unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

std::string backupFileName(std::int64_t unixSeconds, std::string_view label)
{
    std::string name = std::string(kPrefix) + utcStamp(unixSeconds);
    if (!label.empty())
        name += "-" + std::string(label);
    return name + std::string(kSuffix);
}

bool isBackupFileName(std::string_view name)
{
    // central-YYYYMMDDTHHMMSSZ[-label].db, label of [a-z0-9-]
    constexpr std::string_view kShape = "00000000T000000Z";
    if (name.size() < kPrefix.size() + kShape.size() + kSuffix.size() || name.substr(0, kPrefix.size()) != kPrefix ||
        name.substr(name.size() - kSuffix.size()) != kSuffix)
        return false;
    const std::string_view stamp = name.substr(kPrefix.size(), kShape.size());
    for (std::size_t i = 0; i < kShape.size(); ++i)
        if (kShape[i] == '0' ? (stamp[i] < '0' || stamp[i] > '9') : stamp[i] != kShape[i])
            return false;
    std::string_view label = name.substr(kPrefix.size() + kShape.size());
    label.remove_suffix(kSuffix.size());
    if (label.empty())
        return true;
    if (label.size() < 2 || label.front() != '-')
        return false;
    return std::all_of(label.begin() + 1, label.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Result<ServerDatabaseInfo, std::string> inspectServerDatabase(const std::string& path)
{
    db::OpenOptions options;
    options.readOnly = true;
    auto opened = db::Database::open(path, options);
    if (!opened)
        return makeErr(path + ": cannot open: " + opened.error().describe());
    db::Database& d = *opened;
    auto check = db::queryText(d, "PRAGMA integrity_check");
    if (!check)
        return makeErr(path + ": not a readable SQLite database: " + check.error().describe());
    if (!*check || **check != "ok")
        return makeErr(path + ": damaged: integrity_check says " + check->value_or("nothing"));
    auto version = d.userVersion();
    if (!version)
        return makeErr(path + ": " + version.error().describe());
    if (*version > kServerSchemaVersion)
        return makeErr(path + ": schema version " + std::to_string(*version) + " is newer than this program's " +
                       std::to_string(kServerSchemaVersion) + "; restore it with a newer okienko-central");
    auto tables = db::queryInt64(d, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                    "('server_meta', 'kiosks', 'events')");
    if (!tables)
        return makeErr(path + ": " + tables.error().describe());
    if (*version < 2 || tables->value_or(0) != 3)
        return makeErr(path + ": not an okienko-central database (no server tables; schema version " +
                       std::to_string(*version) + ")");
    auto epoch = db::queryText(d, "SELECT epoch FROM server_meta WHERE id = 1");
    if (!epoch)
        return makeErr(path + ": " + epoch.error().describe());
    if (!*epoch)
        return makeErr(path + ": not an okienko-central database (server_meta is empty)");
    return ServerDatabaseInfo{*version, **epoch};
}

Status<std::string> copyDatabase(const std::string& from, const std::string& to, const std::string& ownerOf)
{
    std::error_code ec;
    if (!fs::is_regular_file(from, ec))
        return makeErr(from + ": no such file");
    db::OpenOptions readOnly;
    readOnly.readOnly = true;
    auto source = db::Database::open(from, readOnly);
    if (!source)
        return makeErr(from + ": cannot open: " + source.error().describe());
    if (auto created = createPrivateFile(to, ownerOf); !created)
        return created;

    auto copy = [&]() -> Status<std::string>
    {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(to.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
        SqliteHandle dest(raw);
        if (rc != SQLITE_OK)
            return makeErr("cannot open " + to + ": " + sqliteMessage(raw, rc));
        if (auto copied = backupPages(source->handle(), dest.get(), from); !copied)
            return copied;
        return useRollbackJournal(dest.get(), to);
    };
    auto copied = copy();
    if (copied)
        copied = syncPath(to, 0);
    if (!copied)
        ::unlink(to.c_str());
    return copied;
}

Result<std::string, std::string> writeBackup(const std::string& databasePath, const std::string& dir, std::int64_t now,
                                             std::string_view label)
{
    std::error_code ec;
    if (!fs::is_regular_file(databasePath, ec))
        return makeErr("no database at " + databasePath + " (run init first)");
    if (!fs::is_directory(dir, ec))
    {
        if (::mkdir(dir.c_str(), 0700) != 0)
            return makeErr(errnoText("cannot create the backup directory " + dir));
        if (::chmod(dir.c_str(), 0700) != 0)
            return makeErr(errnoText("cannot set mode 0700 on " + dir));
    }
    const std::string name = backupFileName(now, label);
    const std::string finalPath = (fs::path(dir) / name).string();
    const std::string partial =
        (fs::path(dir) / ("." + name + std::string(kPartialPrefix) + std::to_string(::getpid()))).string();
    if (auto copied = copyDatabase(databasePath, partial); !copied)
        return makeErr(copied.error());
    auto verified = inspectServerDatabase(partial);
    if (!verified)
    {
        ::unlink(partial.c_str());
        return makeErr("the copy failed its check, nothing was kept: " + verified.error());
    }
    const bool linked = ::link(partial.c_str(), finalPath.c_str()) == 0;
    const std::string linkProblem = linked ? std::string() : errnoText("cannot name the backup " + finalPath);
    ::unlink(partial.c_str());
    if (!linked)
        return makeErr(linkProblem);
    if (auto synced = syncDirectory(dir); !synced)
        return makeErr(synced.error());
    return finalPath;
}

Result<std::vector<std::string>, std::string> pruneBackups(const std::string& dir, int keep)
{
    std::vector<std::string> backups;
    std::vector<std::string> deleted;
    std::error_code ec;
    const auto dayAgo = fs::file_time_type::clock::now() - std::chrono::hours(24);
    for (const auto& entry : fs::directory_iterator(dir, ec))
    {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && isBackupFileName(name))
            backups.push_back(name);
        else if (name.rfind(".central-", 0) == 0 && name.find(kPartialPrefix) != std::string::npos &&
                 entry.last_write_time(ec) < dayAgo && fs::remove(entry.path(), ec))
            deleted.push_back(entry.path().string()); // left by a backup killed half-way
    }
    if (ec)
        return makeErr("cannot list " + dir + ": " + ec.message());
    std::sort(backups.begin(), backups.end(),
              [](const std::string& a, const std::string& b) { return stampOf(a) > stampOf(b); });
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 0)); i < backups.size(); ++i)
    {
        const fs::path path = fs::path(dir) / backups[i];
        if (!fs::remove(path, ec))
            return makeErr("cannot delete " + path.string() + ": " + ec.message());
        deleted.push_back(path.string());
    }
    if (!deleted.empty())
        if (auto synced = syncDirectory(dir); !synced)
            return makeErr(synced.error());
    return deleted;
}

Status<std::string> syncDirectory(const std::string& dir)
{
    return syncPath(dir, O_DIRECTORY);
}

} // namespace okienko::server

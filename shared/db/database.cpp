// Opening a connection with the project's pragmas, and the small queries about its state.
#include "shared/db/database.hpp"

#include <sqlite3.h>
#include <thread>
#include <utility>

namespace okienko::db
{

namespace
{
const char* synchronousPragma(Synchronous level)
{
    return level == Synchronous::Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
}

bool isMemoryPath(const std::string& path)
{
    return path.empty() || path == ":memory:" || path.rfind("file::memory:", 0) == 0;
}
} // namespace

int Database::BusyWait::retry(void* self, int tries)
{
    auto* wait = static_cast<BusyWait*>(self);
    const auto now = std::chrono::steady_clock::now();
    if (tries == 0)
        wait->since = now;
    if (now - wait->since >= wait->timeout)
        return 0;
    std::this_thread::sleep_for(wait->poll);
    return 1;
}

Result<Database, Error> Database::open(const std::string& path, const OpenOptions& options)
{
    // Nothing reads SQLite's memory statistics, and keeping them takes a process-wide mutex on every
    // allocation SQLite makes: off before SQLite initialises (a later call is refused, harmlessly).
    static const bool statisticsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)statisticsOff;
    int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (!options.readOnly && options.create)
        flags |= SQLITE_OPEN_CREATE;
    // Extended result codes from the open call onwards (SQLite ≥ 3.37).
    flags |= SQLITE_OPEN_EXRESCODE;

    Database db;
    db.m_path = path;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db.m_db = raw; // owned even on failure: SQLite allocates a handle that must be closed
    if (rc != SQLITE_OK)
    {
        Error e{ErrorKind::Sqlite, rc, raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc), "open"};
        return makeErr(std::move(e));
    }
    sqlite3_extended_result_codes(raw, 1);

    const auto timeoutMs = options.busyTimeout.count();
    if (options.busyPoll.count() > 0)
    {
        db.m_busyWait = std::make_unique<BusyWait>(BusyWait{options.busyTimeout, options.busyPoll, {}});
        sqlite3_busy_handler(raw, &BusyWait::retry, db.m_busyWait.get());
    }
    else
        sqlite3_busy_timeout(raw,
                             timeoutMs > 0x7fffffff ? 0x7fffffff : static_cast<int>(timeoutMs < 0 ? 0 : timeoutMs));

    if (!options.readOnly && !isMemoryPath(path))
    {
        // journal_mode is persistent in the file; setting it again is a no-op. It reports the mode
        // that is now in effect, which is not WAL when the file system cannot do it.
        auto mode = db.prepare("PRAGMA journal_mode = WAL");
        if (!mode)
            return makeErr(mode.error());
        auto step = mode->step();
        if (!step)
            return makeErr(step.error());
        auto text = mode->columnText(0);
        if (!text)
            return makeErr(text.error());
        if (*text != "wal")
            return makeErr(makeError(ErrorKind::Misuse, "could not enable WAL; journal mode is " + *text,
                                     "PRAGMA journal_mode = WAL"));
    }

    if (auto s = db.exec("PRAGMA foreign_keys = ON"); !s)
        return makeErr(s.error());
    // Deleted and overwritten content is zeroed in the file and its WAL instead of lingering in free
    // pages: residents' personal data must leave the disk when it is erased, not at the next VACUUM.
    if (auto s = db.exec("PRAGMA secure_delete = ON"); !s)
        return makeErr(s.error());
    // Statement journals (every SAVEPOINT: the server keeps one per batch and per event) and
    // temporary b-trees stay in memory: no temp file is written, synced, truncated and deleted per
    // savepoint, and no copy of a page holding personal data reaches a temp directory.
    if (auto s = db.exec("PRAGMA temp_store = MEMORY"); !s)
        return makeErr(s.error());
    if (auto s = db.setSynchronous(options.synchronous); !s)
        return makeErr(s.error());
    db.m_synchronous = options.synchronous;
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_statements(std::exchange(other.m_statements, std::make_unique<StatementCache>())),
      m_busyWait(std::move(other.m_busyWait)), m_path(std::move(other.m_path)), m_synchronous(other.m_synchronous)
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other)
    {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_statements = std::exchange(other.m_statements, std::make_unique<StatementCache>());
        m_busyWait = std::move(other.m_busyWait);
        m_path = std::move(other.m_path);
        m_synchronous = other.m_synchronous;
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_statements)
        m_statements->clear();
    // close_v2 defers the close while statements are still alive instead of failing.
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Error Database::lastError(std::string_view sql) const
{
    if (m_db == nullptr)
        return makeError(ErrorKind::Misuse, "database is not open", std::string(sql));
    return Error{ErrorKind::Sqlite, sqlite3_extended_errcode(m_db), sqlite3_errmsg(m_db), std::string(sql)};
}

Status<Error> Database::exec(std::string_view sql)
{
    if (m_db == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "database is not open", std::string(sql)));
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK)
    {
        Error e{ErrorKind::Sqlite, sqlite3_extended_errcode(m_db),
                message != nullptr ? std::string(message) : std::string(sqlite3_errstr(rc)), text};
        sqlite3_free(message);
        return makeErr(std::move(e));
    }
    return {};
}

Result<Statement, Error> Database::prepare(std::string_view sql)
{
    if (m_db == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "database is not open", std::string(sql)));
    if (sqlite3_stmt* cached = m_statements->take(sql))
        return Statement(cached, m_statements.get());
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc =
        sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    m_statements->lend(raw, sql);
    Statement stmt(raw, m_statements.get());
    if (rc != SQLITE_OK)
        return makeErr(lastError(sql));
    if (raw == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "no statement in the text", std::string(sql)));
    if (tail != nullptr)
    {
        const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
        if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos)
            return makeErr(makeError(ErrorKind::Misuse, "more than one statement", std::string(sql)));
    }
    return stmt;
}

namespace
{
Result<std::int64_t, Error> pragmaInt(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return makeErr(stmt.error());
    auto step = stmt->step();
    if (!step)
        return makeErr(step.error());
    if (*step != Step::Row)
        return makeErr(makeError(ErrorKind::BadData, "pragma returned no row", sql));
    return stmt->columnInt64(0);
}
} // namespace

Status<Error> Database::checkpointTruncate()
{
    if (isMemoryPath(m_path))
        return {};
    auto stmt = prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!stmt)
        return makeErr(stmt.error());
    auto step = stmt->step();
    if (!step)
        return makeErr(step.error());
    // One row: busy, frames in the WAL, frames checkpointed. busy = 1 when a reader pinned the WAL.
    auto busy = stmt->columnInt64(0);
    if (!busy)
        return makeErr(busy.error());
    if (*busy != 0)
        return makeErr(Error{ErrorKind::Sqlite, SQLITE_BUSY, "WAL checkpoint blocked by a reader",
                             "PRAGMA wal_checkpoint(TRUNCATE)"});
    return {};
}

Result<int, Error> Database::userVersion()
{
    auto v = pragmaInt(*this, "PRAGMA user_version");
    if (!v)
        return makeErr(v.error());
    // user_version is a signed 32-bit field of the file header (offset 60).
    return static_cast<int>(*v);
}

Result<std::string, Error> Database::journalMode()
{
    auto stmt = prepare("PRAGMA journal_mode");
    if (!stmt)
        return makeErr(stmt.error());
    auto step = stmt->step();
    if (!step)
        return makeErr(step.error());
    return stmt->columnText(0);
}

Result<bool, Error> Database::foreignKeysEnabled()
{
    auto v = pragmaInt(*this, "PRAGMA foreign_keys");
    if (!v)
        return makeErr(v.error());
    return *v != 0;
}

Status<Error> Database::setSynchronous(Synchronous level)
{
    return exec(synchronousPragma(level));
}

Result<Synchronous, Error> Database::currentSynchronous()
{
    auto v = pragmaInt(*this, "PRAGMA synchronous");
    if (!v)
        return makeErr(v.error());
    // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA; this layer never sets OFF, EXTRA counts as FULL.
    return *v >= 2 ? Synchronous::Full : Synchronous::Normal;
}

bool Database::inTransaction() const
{
    return m_db != nullptr && sqlite3_get_autocommit(m_db) == 0;
}

std::int64_t Database::lastInsertRowId() const
{
    return m_db != nullptr ? static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db)) : 0;
}

std::int64_t Database::changes() const
{
    return m_db != nullptr ? static_cast<std::int64_t>(sqlite3_changes64(m_db)) : 0;
}

} // namespace okienko::db

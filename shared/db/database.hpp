// One SQLite connection, opened the way every Okienko database must be: WAL journal, foreign keys
// enforced, secure_delete (erased rows are zeroed on disk), a busy timeout, synchronous=NORMAL by default. Each thread
// (UI, sync worker) opens its own connection; a connection is never used by two threads at once.
#pragma once

#include "shared/db/error.hpp"
#include "shared/db/statement.hpp"
#include "shared/db/statement_cache.hpp"
#include "shared/util/result.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace okienko::db
{

/// PRAGMA synchronous levels this project uses. In WAL mode (SQLite docs, "PRAGMA synchronous"):
/// NORMAL never corrupts the file and survives an application crash, but a commit may roll back
/// after a power loss or OS crash; FULL syncs the WAL at every commit, so a commit that returned
/// survives power loss too (measured on ext4/virtio: FULL p50 0.44 ms / p99 4.1 ms per commit,
/// NORMAL 0.03 / 0.18 ms; expect tens of ms on eMMC/SD).
enum class Synchronous
{
    Normal,
    Full,
};

struct OpenOptions
{
    /// How long a statement waits for another connection's lock before SQLITE_BUSY.
    std::chrono::milliseconds busyTimeout{5000};
    /// 0: SQLite's own wait (sleeps growing to 100 ms between tries). Otherwise a try every
    /// `busyPoll` until busyTimeout: a writer in another process that commits back to back leaves
    /// gaps far shorter than 100 ms, and a waiter that sleeps that long rarely finds one.
    std::chrono::microseconds busyPoll{0};
    /// The level outside Transaction(Durability::Full); see Synchronous.
    Synchronous synchronous = Synchronous::Normal;
    /// Open an existing file read-only (a tool inspecting a kiosk's database).
    bool readOnly = false;
    /// Create the file when it does not exist (ignored with readOnly).
    bool create = true;
};

/// An open connection. Move-only; closes on destruction. Statements and transactions made from it
/// must be destroyed before it. ":memory:" opens a private in-memory database (no WAL there).
class Database
{
  public:
    /// Opens (and by default creates) the file and applies WAL, foreign_keys=ON, busy_timeout and
    /// the synchronous level. Fails if WAL cannot be enabled on a file database.
    static Result<Database, Error> open(const std::string& path, const OpenOptions& options = {});

    Database() = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    ~Database();

    bool isOpen() const { return m_db != nullptr; }

    /// Runs SQL without parameters — DDL and PRAGMAs only; one or more statements separated by ';'.
    /// Anything with a value from outside the program goes through prepare() and bind().
    Status<Error> exec(std::string_view sql);

    /// Compiles one statement, or takes the one compiled from the same text earlier on this
    /// connection (see StatementCache). Text after the first statement is an error, so a second
    /// statement can never hide behind the first.
    Result<Statement, Error> prepare(std::string_view sql);

    /// Copies the WAL into the database file and truncates the WAL to zero bytes, so rows erased
    /// since (zeroed in place by secure_delete) leave no older copy in the -wal file. Fails with
    /// SQLITE_BUSY when another connection still reads an older snapshot; a no-op for ":memory:".
    Status<Error> checkpointTruncate();

    /// PRAGMA user_version: the schema version migrate() maintains.
    Result<int, Error> userVersion();
    /// PRAGMA journal_mode as SQLite reports it ("wal", "memory", …).
    Result<std::string, Error> journalMode();
    /// PRAGMA foreign_keys.
    Result<bool, Error> foreignKeysEnabled();

    /// Sets PRAGMA synchronous now. SQLite refuses to change it inside a transaction.
    Status<Error> setSynchronous(Synchronous level);
    /// The level this connection returns to after a Durability::Full transaction.
    Synchronous baseSynchronous() const { return m_synchronous; }
    /// The level currently in effect (read from SQLite).
    Result<Synchronous, Error> currentSynchronous();

    /// True while a transaction is open on this connection.
    bool inTransaction() const;
    std::int64_t lastInsertRowId() const;
    /// Rows changed by the most recent INSERT/UPDATE/DELETE.
    std::int64_t changes() const;
    const std::string& path() const { return m_path; }

    sqlite3* handle() const { return m_db; }

    /// The connection's current error, with `sql` as context.
    Error lastError(std::string_view sql) const;

  private:
    void close();

    sqlite3* m_db = nullptr;
    /// On the heap so that statements keep their way home when the Database object moves.
    std::unique_ptr<StatementCache> m_statements = std::make_unique<StatementCache>();
    /// The busy handler's state with OpenOptions::busyPoll (on the heap: SQLite keeps its address).
    struct BusyWait
    {
        std::chrono::milliseconds timeout;
        std::chrono::microseconds poll;
        std::chrono::steady_clock::time_point since;
        /// SQLite's busy handler: `tries` is 0 at a statement's first wait. Non-zero: try again.
        static int retry(void* self, int tries);
    };
    std::unique_ptr<BusyWait> m_busyWait;
    std::string m_path;
    Synchronous m_synchronous = Synchronous::Normal;
};

} // namespace okienko::db

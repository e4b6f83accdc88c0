// BEGIN/COMMIT/ROLLBACK and the per-transaction synchronous=FULL switch.
#include "shared/db/transaction.hpp"

#include <sqlite3.h>
#include <utility>

namespace okienko::db
{

namespace
{
Error execError(sqlite3* db, const char* sql, int rc)
{
    return Error{ErrorKind::Sqlite, db != nullptr ? sqlite3_extended_errcode(db) : rc,
                 db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc), sql};
}

int run(sqlite3* db, const char* sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}
} // namespace

Result<Transaction, Error> Transaction::begin(Database& db, TransactionMode mode, Durability durability)
{
    sqlite3* raw = db.handle();
    if (raw == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "database is not open", "BEGIN"));
    if (db.inTransaction())
        return makeErr(makeError(ErrorKind::Misuse, "a transaction is already open on this connection", "BEGIN"));

    // SQLite refuses "PRAGMA synchronous" inside a transaction ("Safety level may not be changed
    // inside a transaction"), so the level is raised before BEGIN and lowered after COMMIT/ROLLBACK.
    const bool raise = durability == Durability::Full && db.baseSynchronous() != Synchronous::Full;
    if (raise)
    {
        if (int rc = run(raw, "PRAGMA synchronous = FULL"); rc != SQLITE_OK)
            return makeErr(execError(raw, "PRAGMA synchronous = FULL", rc));
    }
    const char* sql = mode == TransactionMode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
    if (int rc = run(raw, sql); rc != SQLITE_OK)
    {
        Error e = execError(raw, sql, rc);
        if (raise)
            run(raw, "PRAGMA synchronous = NORMAL");
        return makeErr(std::move(e));
    }
    return Transaction(raw, raise);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_restoreNormal(std::exchange(other.m_restoreNormal, false))
{
}

Transaction& Transaction::operator=(Transaction&& other) noexcept
{
    if (this != &other)
    {
        if (m_db != nullptr)
            (void)rollback();
        m_db = std::exchange(other.m_db, nullptr);
        m_restoreNormal = std::exchange(other.m_restoreNormal, false);
    }
    return *this;
}

Transaction::~Transaction()
{
    if (m_db != nullptr)
        (void)rollback();
}

void Transaction::finish()
{
    if (m_restoreNormal)
        run(m_db, "PRAGMA synchronous = NORMAL");
    m_db = nullptr;
    m_restoreNormal = false;
}

Status<Error> Transaction::commit()
{
    if (m_db == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "transaction is not active", "COMMIT"));
    if (int rc = run(m_db, "COMMIT"); rc != SQLITE_OK)
    {
        Error e = execError(m_db, "COMMIT", rc);
        // Some failures (e.g. an I/O error) already rolled the transaction back; then there is
        // nothing left for the destructor to do.
        if (sqlite3_get_autocommit(m_db) != 0)
            finish();
        return makeErr(std::move(e));
    }
    finish();
    return {};
}

Status<Error> Transaction::rollback()
{
    if (m_db == nullptr)
        return makeErr(makeError(ErrorKind::Misuse, "transaction is not active", "ROLLBACK"));
    Status<Error> result;
    // SQLite may have rolled back by itself already (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM).
    if (sqlite3_get_autocommit(m_db) == 0)
    {
        if (int rc = run(m_db, "ROLLBACK"); rc != SQLITE_OK)
            result = makeErr(execError(m_db, "ROLLBACK", rc));
    }
    finish();
    return result;
}

} // namespace okienko::db

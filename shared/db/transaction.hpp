// A transaction that rolls back unless committed. The kiosk's rule: a user action it acknowledges
// is written, together with its outbox row, in one transaction whose COMMIT has returned before the
// acknowledgement is shown or printed — and that commit uses Durability::Full.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

struct sqlite3;

namespace okienko::db
{

enum class TransactionMode
{
    /// BEGIN IMMEDIATE: takes the write lock at once (waiting up to the busy timeout), so a writer
    /// never fails half-way with SQLITE_BUSY on its first write. Use for every transaction that
    /// writes.
    Immediate,
    /// BEGIN DEFERRED: a consistent read snapshot; locks only as statements need them.
    Deferred,
};

enum class Durability
{
    /// The connection's base level (synchronous=NORMAL by default): survives an application crash.
    Normal,
    /// synchronous=FULL for this transaction only: the commit survives power loss. For the commit
    /// that precedes an acknowledgement to a resident.
    Full,
};

/// RAII transaction. Move-only. Rolls back on destruction (also during stack unwinding) unless
/// commit() succeeded. Transactions do not nest; beginning one inside another is a Misuse error.
class Transaction
{
  public:
    static Result<Transaction, Error> begin(Database& db, TransactionMode mode = TransactionMode::Immediate,
                                            Durability durability = Durability::Normal);

    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&& other) noexcept;
    ~Transaction();

    /// COMMIT. On failure the transaction is still open and rolls back on destruction; never retry
    /// a failed COMMIT in a loop (see Error::isStorageFailure).
    Status<Error> commit();
    /// ROLLBACK now.
    Status<Error> rollback();
    bool active() const { return m_db != nullptr; }

  private:
    Transaction(sqlite3* db, bool restoreNormal) : m_db(db), m_restoreNormal(restoreNormal) {}
    void finish();

    sqlite3* m_db = nullptr;
    bool m_restoreNormal = false; ///< set synchronous back to NORMAL when the transaction ends
};

} // namespace okienko::db

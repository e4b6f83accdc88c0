// Applying numbered migrations one transaction at a time.
#include "shared/db/migration.hpp"

#include "shared/db/transaction.hpp"

namespace okienko::db
{

namespace
{
Status<Error> checkList(const std::vector<Migration>& migrations)
{
    for (std::size_t i = 0; i < migrations.size(); ++i)
    {
        if (migrations[i].version != static_cast<int>(i) + 1)
            return makeErr(makeError(ErrorKind::InvalidMigrations,
                                     "migration at position " + std::to_string(i) + " has version " +
                                         std::to_string(migrations[i].version) + ", expected " + std::to_string(i + 1),
                                     "migrate"));
        if (migrations[i].sql.empty() && !migrations[i].apply)
            return makeErr(makeError(ErrorKind::InvalidMigrations,
                                     "migration " + std::to_string(i + 1) + " does nothing", "migrate"));
    }
    return {};
}

Error tooNew(int found, int known)
{
    return makeError(ErrorKind::SchemaTooNew,
                     "database schema version " + std::to_string(found) + " is newer than this program's " +
                         std::to_string(known) + "; refusing to use it",
                     "PRAGMA user_version");
}

Error withContext(Error e, const Migration& m)
{
    e.message = "migration " + std::to_string(m.version) + " (" + m.name + "): " + e.message;
    return e;
}
} // namespace

Result<int, Error> migrate(Database& db, const std::vector<Migration>& migrations, const MigrateOptions& options)
{
    if (auto s = checkList(migrations); !s)
        return makeErr(s.error());
    const int latest = static_cast<int>(migrations.size());

    // Read once outside a transaction to refuse a newer file without taking the write lock and
    // to decide about the backup; every step re-reads it under the lock, so two processes
    // migrating at once cannot apply a step twice.
    auto start = db.userVersion();
    if (!start)
        return makeErr(start.error());
    if (*start > latest)
        return makeErr(tooNew(*start, latest));
    if (*start < 0)
        return makeErr(makeError(ErrorKind::BadData, "negative schema version", "PRAGMA user_version"));
    if (*start == latest)
        return latest;

    if (!options.backupPath.empty() && *start > 0)
    {
        auto backup = db.prepare("VACUUM INTO ?1");
        if (!backup)
            return makeErr(backup.error());
        if (auto s = backup->bindText(1, options.backupPath); !s)
            return makeErr(s.error());
        if (auto s = backup->run(); !s)
            return makeErr(s.error());
    }

    for (;;)
    {
        // Migrations are rare and must not be lost after a power cut half-way through start-up.
        auto tx = Transaction::begin(db, TransactionMode::Immediate, Durability::Full);
        if (!tx)
            return makeErr(tx.error());
        auto current = db.userVersion();
        if (!current)
            return makeErr(current.error());
        if (*current > latest)
            return makeErr(tooNew(*current, latest));
        if (*current == latest)
        {
            if (auto s = tx->commit(); !s)
                return makeErr(s.error());
            return latest;
        }

        const Migration& m = migrations[static_cast<std::size_t>(*current)];
        if (!m.sql.empty())
        {
            if (auto s = db.exec(m.sql); !s)
                return makeErr(withContext(s.error(), m));
        }
        if (m.apply)
        {
            if (auto s = m.apply(db); !s)
                return makeErr(withContext(s.error(), m));
        }
        // PRAGMA takes no parameters; the number is the program's own constant, not outside input.
        if (auto s = db.exec("PRAGMA user_version = " + std::to_string(m.version)); !s)
            return makeErr(withContext(s.error(), m));
        if (auto s = tx->commit(); !s)
            return makeErr(withContext(s.error(), m));
    }
}

} // namespace okienko::db

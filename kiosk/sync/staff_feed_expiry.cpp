// Staff feed expiry: two DELETEs in one transaction (see staff_feed_expiry.hpp).
#include "kiosk/sync/staff_feed_expiry.hpp"

#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"

namespace okienko::sync
{

Result<std::int64_t, db::Error> dropExpiredStaffFeed(db::Database& db, std::int64_t nowUnix, std::chrono::seconds ttl)
{
    const std::int64_t cutoff = nowUnix - static_cast<std::int64_t>(ttl.count());
    auto tx = db::Transaction::begin(db);
    if (!tx)
        return makeErr(tx.error());
    auto pickups = db::execChanges(db, "DELETE FROM staff_pickups WHERE received_at < ?1", cutoff);
    if (!pickups)
        return makeErr(pickups.error());
    auto loans = db::execChanges(db, "DELETE FROM staff_loans WHERE received_at < ?1", cutoff);
    if (!loans)
        return makeErr(loans.error());
    if (auto committed = tx->commit(); !committed)
        return makeErr(committed.error());
    return *pickups + *loans;
}

} // namespace okienko::sync

// Applies one page of pulled changes to the kiosk database inside the caller's write transaction,
// so that the page and its cursor commit together (a crash in between replays the page, which is
// harmless: every change is an idempotent upsert or delete of a whole entity).
// Catalogue entities are merged into the stored catalogue and written back with replaceCatalog;
// slots and staff are upserted row by row; request entities update the status of this kiosk's own
// requests; staff-mode pick-ups and open loans (name and phone: PERSONAL, never logged) are upserted
// into staff_pickups / staff_loans and deleted when the server says they ended. Entities this build
// does not know are skipped (a newer server may send more). The last page of a snapshot lists the
// live ids of each entity; the kiosk's other rows of those entities are deleted (the sweep), so a
// kiosk that pulled from the beginning holds exactly the server's state.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/util/result.hpp"

namespace okienko::sync
{

struct ApplySummary
{
    int catalogue = 0; ///< catalogue entities changed
    int slots = 0;
    int staff = 0;
    int requests = 0;   ///< status updates of own requests
    int pickups = 0;    ///< staff_pickups rows upserted or deleted
    int openLoans = 0;  ///< staff_loans rows upserted or deleted
    int activities = 0; ///< schedule activities upserted or deleted
    int skipped = 0;    ///< unknown entities, or status updates for requests this kiosk does not have
    int swept = 0;      ///< rows the end of a snapshot removed: the server no longer has them
};

/// Misuse when no transaction is open; BadData (with the entity and JSON path, never the value) when
/// a change does not decode — the caller then rolls back and keeps the old cursor.
Result<ApplySummary, db::Error> applyChanges(db::Database& db, const protocol::ChangesPage& page);

/// Reads sync_state.pull_cursor ("" before the first pull).
Result<std::string, db::Error> loadCursor(db::Database& db);
/// Writes the cursor and last_sync_at inside the caller's transaction.
Status<db::Error> storeCursor(db::Database& db, const std::string& cursor, std::int64_t now);

} // namespace okienko::sync

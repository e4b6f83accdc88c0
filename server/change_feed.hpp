// The pages of GET /api/v1/changes (docs/protocol.md, decision 0013). With a cursor: the change log
// after it, as long as the log still holds everything after it (a cursor behind the compaction
// horizon gets 410 cursor_reset). Without one: a snapshot of what the kiosk may see — the latest
// upsert of every entity as of the log's end when the snapshot began — in the dependency order of
// protocol::entity::kSnapshotOrder, its last page listing the live ids, then the log after it.
// Reads only, inside the caller's read transaction.
#pragma once

#include "server/server_store.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace okienko::server
{

struct ChangesPageRead
{
    Outcome outcome;
    /// The log position the kiosk's cursor depends on (its log cursor, or the snapshot's end):
    /// compaction must not pass it while the kiosk is still expected. Unset for an error.
    std::optional<std::int64_t> heldSeq;
    bool more = false; ///< the page said `more`: the kiosk asks again at once
};

/// One page for `kiosk` from `since` ("" = from the beginning: a snapshot), at most `limit` rows.
Result<ChangesPageRead, db::Error> readChangesPage(db::Database& d, const KioskIdentity& kiosk,
                                                   const std::string& since, int limit);

} // namespace okienko::server

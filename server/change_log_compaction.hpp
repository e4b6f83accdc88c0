// Change-log compaction (decision 0013): the log keeps the latest row of every entity and the rows
// after the horizon, so its size follows the state, not the history. The horizon is the oldest
// position a kiosk that pulled within [changes] kiosk_wait_days still depends on (the log's end
// when there is none); a kiosk behind it gets 410 cursor_reset and a snapshot. Run by `serve`
// hourly and by `okienko-central compact-changes`.
#pragma once

#include "server/server_store.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>

namespace okienko::server
{

struct CompactionReport
{
    std::int64_t horizon = 0;    ///< compacted_through after the run
    std::int64_t rowsBefore = 0; ///< change-log rows before the run
    std::int64_t removed = 0;    ///< rows deleted (superseded rows and tombstones at or before the horizon)
};

/// Moves the horizon forward (never back) and deletes what it allows, in short write transactions
/// so kiosks' events wait for one chunk at most. `dryRun` computes the horizon and writes nothing.
Result<CompactionReport, db::Error> compactChangeLog(ServerStore& store, int kioskWaitDays, const Now& now,
                                                     bool dryRun = false);

} // namespace okienko::server

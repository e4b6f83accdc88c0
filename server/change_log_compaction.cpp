// Why the rows removed are safe to remove: a cursor at or after the horizon reads only rows after it,
// which are never touched; a snapshot whose end is at or after the horizon reads, per entity, the
// latest row the kiosk sees up to its end — never one superseded at or before the horizon, and a
// tombstone there only says "absent", as its absence does. A row for one kiosk is superseded by a
// later row for that kiosk or for every kiosk; a row for every kiosk only by a later one for every
// kiosk (a row for one kiosk says nothing to the others).
#include "server/change_log_compaction.hpp"

#include "server/store/okienko_try.hpp"
#include "shared/db/query.hpp"

#include <algorithm>

namespace okienko::server
{

namespace
{

/// Seq span of one write transaction: a chunk deletes at most this many rows.
constexpr std::int64_t kChunkSeqs = 20000;

/// Rows in (?1, ?2] that the horizon ?3 lets go. Kept besides the latest rows: the last catalogue
/// import's row of an entry the panel edited since, the base a merge import compares against
/// (server/catalog_merge).
constexpr const char* kRemovable =
    "seq > ?1 AND seq <= ?2 AND (op = 'delete' OR EXISTS (SELECT 1 FROM change_log n WHERE "
    "n.entity = change_log.entity AND n.entity_id = change_log.entity_id AND n.site_id = change_log.site_id AND "
    "n.seq > change_log.seq AND n.seq <= ?3 AND (n.kiosk_id IS NULL OR n.kiosk_id = change_log.kiosk_id))) AND seq "
    "NOT IN (SELECT MAX(l.seq) FROM change_log l WHERE l.op = 'upsert' AND l.seq NOT IN (SELECT change_seq FROM "
    "catalog_edits) AND (l.site_id, l.entity, l.entity_id) IN (SELECT site_id, entity, entity_id FROM catalog_edits) "
    "GROUP BY l.site_id, l.entity, l.entity_id)";

struct LogBounds
{
    std::int64_t first = 0; ///< the lowest seq in the log
    std::int64_t rows = 0;
    std::int64_t horizon = 0; ///< the new one
};

Result<LogBounds, db::Error> bounds(db::Database& d, int kioskWaitDays, const Now& now)
{
    LogBounds b;
    std::int64_t old = 0, end = 0;
    std::optional<std::int64_t> oldestNeeded;
    auto read = db::queryOne(
        d,
        "SELECT compacted_through, (SELECT COALESCE(MIN(seq), 0) FROM change_log), "
        "(SELECT COALESCE(MAX(seq), 0) FROM change_log), (SELECT count(*) FROM change_log), "
        "(SELECT MIN(kc.seq) FROM kiosk_cursors kc JOIN kiosks k ON k.id = kc.kiosk_id "
        "WHERE k.active = 1 AND kc.pulled_at >= ?1) FROM server_meta",
        [&](db::Row& row)
        {
            old = row.int64();
            b.first = row.int64();
            end = row.int64();
            b.rows = row.int64();
            oldestNeeded = row.optionalInt64();
            return true;
        },
        now.unix - std::int64_t{86400} * kioskWaitDays);
    if (!read)
        return makeErr(read.error());
    end = std::max(end, old);
    b.horizon = std::max(old, oldestNeeded ? std::min(*oldestNeeded, end) : end);
    return b;
}

} // namespace

Result<CompactionReport, db::Error> compactChangeLog(ServerStore& store, int kioskWaitDays, const Now& now, bool dryRun)
{
    CompactionReport report;
    LogBounds b;
    auto measure = [&](db::Database& d) -> Status<db::Error>
    {
        auto found = bounds(d, kioskWaitDays, now);
        if (!found)
            return makeErr(found.error());
        b = *found;
        if (dryRun)
        {
            auto n = db::queryInt64(d, std::string("SELECT count(*) FROM change_log WHERE ") + kRemovable, 0, b.horizon,
                                    b.horizon);
            if (!n)
                return makeErr(n.error());
            report.removed = n->value_or(0);
            return {};
        }
        // The horizon moves first, in its own commit: from then on no cursor behind it is served,
        // before any row it allows to go is gone.
        return db::exec(d, "UPDATE server_meta SET compacted_through = ?1", b.horizon);
    };
    OKIENKO_TRY(dryRun ? store.read(measure) : store.write(measure));
    report.horizon = b.horizon;
    report.rowsBefore = b.rows;
    if (dryRun)
        return report;
    for (std::int64_t lo = std::max<std::int64_t>(b.first - 1, 0); lo < b.horizon; lo += kChunkSeqs)
    {
        const std::int64_t hi = std::min(lo + kChunkSeqs, b.horizon);
        OKIENKO_TRY(store.write(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto n =
                    db::execChanges(d, std::string("DELETE FROM change_log WHERE ") + kRemovable, lo, hi, b.horizon);
                if (!n)
                    return makeErr(n.error());
                report.removed += *n;
                return {};
            }));
    }
    return report;
}

} // namespace okienko::server

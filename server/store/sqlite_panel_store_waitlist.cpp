// The waiting-list page's and the report's queries on SQLite, and the coordinator's outcomes
// (server/waitlist_store does the queue's work inside the write transaction).
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "server/waitlist_store.hpp"
#include "shared/db/query.hpp"
#include "shared/rules/waiting_list.hpp"

#include <map>

namespace okienko::server
{

namespace
{
domain::WaitlistStatus statusOf(WaitlistDecision decision)
{
    switch (decision)
    {
    case WaitlistDecision::Taken:
        return domain::WaitlistStatus::Taken;
    case WaitlistDecision::Declined:
        return domain::WaitlistStatus::Declined;
    case WaitlistDecision::Withdrawn:
        break;
    }
    return domain::WaitlistStatus::Withdrawn;
}
} // namespace

Result<std::vector<WaitlistEntryView>, db::Error> SqlitePanelStore::waitlist(const Now& now, int historyDays)
{
    // Holds that ran out pass their units on before the page shows who holds what.
    if (auto swept = m_store.write(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto n = sweepWaitlist(d, now, m_store.waitlistOptions());
                if (!n)
                    return makeErr(n.error());
                return {};
            });
        !swept)
        return makeErr(swept.error());
    auto rows = readAll(
        m_store,
        "SELECT w.id, w.code, w.type_id, COALESCE(t.name_pl, w.type_id), w.status, COALESCE(w.name, ''), "
        "COALESCE(w.phone, ''), w.language, COALESCE(k.name, ''), w.wanted_from, w.loan_days, w.joined_at, "
        "COALESCE(w.inventory_number, ''), COALESCE(w.offered_at, 0), COALESCE(w.hold_until, 0), "
        "w.status IN ('offered', 'taken') AND w.hold_released_at IS NULL AND COALESCE(w.hold_until, 0) > ?1, "
        "COALESCE(w.resolved_at, 0), COALESCE(st.name, w.resolved_by, ''), w.rowid FROM waitlist_entries w "
        "LEFT JOIN equipment_types t ON t.site_id = w.site_id AND t.id = w.type_id LEFT JOIN kiosks k ON k.id = "
        "w.kiosk_id "
        "LEFT JOIN staff st ON st.id = w.resolved_by "
        "WHERE (w.status IN ('waiting', 'offered') OR w.resolved_at >= ?2) AND " +
            m_scope.clause("w.site_id", "?3") +
            " ORDER BY COALESCE(t.position, 0), w.type_id, w.status NOT IN ('waiting', 'offered'), "
            "CASE WHEN w.status IN ('waiting', 'offered') THEN w.joined_at ELSE -w.resolved_at END, w.rowid",
        [](db::Row& r)
        {
            WaitlistEntryView v;
            v.id = r.text();
            v.code = r.text();
            v.typeId = r.text();
            v.typeName = r.text();
            v.status = r.text();
            v.name = r.text();
            v.phone = r.text();
            v.language = r.text();
            v.kioskName = r.text();
            v.wantedFrom = r.text();
            v.loanDays = r.integer();
            v.joinedAt = r.int64();
            v.inventoryNumber = r.text();
            v.offeredAt = r.int64();
            v.holdUntil = r.int64();
            v.holdActive = r.flag();
            v.resolvedAt = r.int64();
            v.resolvedBy = r.text();
            (void)r.int64();
            return v;
        },
        now.unix, now.unix - std::int64_t{86400} * historyDays, m_scope.bound());
    if (!rows)
        return rows;
    // Positions by the shared rule, per type.
    std::map<std::string, std::vector<rules::QueueEntry>> queues;
    for (const WaitlistEntryView& v : *rows)
        if (v.status == "waiting")
            queues[v.typeId].push_back(rules::QueueEntry{v.id, domain::WaitlistStatus::Waiting, v.joinedAt,
                                                         static_cast<std::int64_t>(queues[v.typeId].size()),
                                                         std::nullopt, std::nullopt});
    for (WaitlistEntryView& v : *rows)
        if (v.status == "waiting")
            v.position = rules::queuePosition(queues[v.typeId], v.id);
    return rows;
}

Result<WaitlistDecisionOutcome, db::Error> SqlitePanelStore::decideWaitlist(const std::string& entryId,
                                                                            WaitlistDecision decision,
                                                                            const std::string& staffId, const Now& now)
{
    return writeWithOutcome(
        m_store, WaitlistDecisionOutcome::Unknown,
        [&](db::Database& d, WaitlistDecisionOutcome& outcome) -> Status<db::Error>
        {
            // Another site's entry is answered as one that does not exist.
            auto ours = db::exists(d, "SELECT 1 FROM waitlist_entries WHERE id = ? AND " + m_scope.clause("site_id"),
                                   entryId, m_scope.bound());
            if (!ours)
                return makeErr(ours.error());
            if (!*ours)
                return {};
            auto r = decideWaitlistEntry(d, entryId, statusOf(decision), staffId, now, m_store.waitlistOptions());
            if (!r)
                return makeErr(r.error());
            switch (*r)
            {
            case WaitlistDecisionResult::Recorded:
                outcome = WaitlistDecisionOutcome::Recorded;
                break;
            case WaitlistDecisionResult::NotAllowed:
                outcome = WaitlistDecisionOutcome::NotAllowed;
                break;
            case WaitlistDecisionResult::Unknown:
                outcome = WaitlistDecisionOutcome::Unknown;
                break;
            }
            return {};
        });
}

Result<std::vector<WaitlistSummary>, db::Error> SqlitePanelStore::waitlistSummaries(const ReportPeriod& period)
{
    return readView<std::vector<WaitlistSummary>>(
        m_store,
        [&](db::Database& d, std::vector<WaitlistSummary>& out) -> Status<db::Error>
        {
            if (auto read = db::forEachRow(
                    d,
                    "SELECT w.type_id, COALESCE(t.name_pl, w.type_id), SUM(w.joined_at >= ?1 AND w.joined_at < ?2), "
                    "SUM(w.offered_at >= ?1 AND w.offered_at < ?2), "
                    "SUM(w.status = 'taken' AND w.resolved_at >= ?1 AND w.resolved_at < ?2), "
                    "SUM(w.status = 'declined' AND w.resolved_at >= ?1 AND w.resolved_at < ?2), "
                    "SUM(w.status = 'expired' AND w.resolved_at >= ?1 AND w.resolved_at < ?2), "
                    "SUM(w.status = 'withdrawn' AND w.resolved_at >= ?1 AND w.resolved_at < ?2), "
                    "SUM(w.joined_at < ?2 AND (w.offered_at IS NULL OR w.offered_at >= ?2) AND "
                    "(w.status <> 'withdrawn' OR w.resolved_at >= ?2)) "
                    "FROM waitlist_entries w LEFT JOIN equipment_types t ON t.site_id = w.site_id AND t.id = w.type_id "
                    "WHERE w.joined_at < ?2 "
                    "AND " +
                        m_scope.clause("w.site_id", "?3") +
                        " GROUP BY w.type_id ORDER BY COALESCE(t.position, 0), w.type_id",
                    [&](db::Row& r)
                    {
                        WaitlistSummary s;
                        s.typeId = r.text();
                        s.typeName = r.text();
                        s.joined = r.int64();
                        s.offered = r.int64();
                        s.taken = r.int64();
                        s.declined = r.int64();
                        s.expired = r.int64();
                        s.withdrawn = r.int64();
                        s.waitingNow = r.int64();
                        out.push_back(std::move(s));
                    },
                    period.start, period.end, m_scope.bound());
                !read)
                return read;
            for (WaitlistSummary& s : out)
            {
                std::vector<std::int64_t> waits;
                if (auto st = db::forEachRow(
                        d,
                        "SELECT offered_at - joined_at FROM waitlist_entries WHERE type_id = ? AND offered_at >= ? "
                        "AND offered_at < ? AND " +
                            m_scope.clause("site_id"),
                        [&](db::Row& r) { waits.push_back(r.int64()); }, s.typeId, period.start, period.end,
                        m_scope.bound());
                    !st)
                    return st;
                s.medianWaitDays = rules::medianWaitDays(std::move(waits));
            }
            return {};
        });
}

} // namespace okienko::server

// The panel's read-only pages on SQLite: kiosk health, loans, and the monitoring counts. Residents
// are counted by phone number where one exists (the same person reserving twice is one person),
// else by name; nothing personal leaves the monitoring queries.
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"

#include <initializer_list>
#include <string_view>
#include <utility>

namespace okienko::server
{

// Clock skew is estimated from events: an event's kiosk timestamp minus the server's receive time
// is the skew minus the delivery delay, so the largest value over the last day is the best
// (lower-bound) estimate. The heartbeat carries no kiosk clock.
Result<std::vector<KioskHealth>, db::Error> SqlitePanelStore::kioskHealth()
{
    return readAll(
        m_store,
        "SELECT k.name, k.display_name, k.active, "
        "(SELECT MAX(a.at) FROM panel_actions a WHERE a.entity = 'kiosk' AND a.entity_id = k.name AND "
        " a.action = 'revoke'), h.received_at, h.kiosk_version, h.uptime_s, h.outbox_depth, "
        "h.outbox_oldest_age_s, h.printer_state, h.last_sync, "
        "(SELECT MAX(x) FROM (SELECT at - received_at AS x FROM usage_events u WHERE u.kiosk_id = k.id AND "
        " u.received_at > h.received_at - 86400 UNION ALL SELECT created_at - received_at FROM "
        " callback_requests c WHERE c.kiosk_id = k.id AND c.received_at > h.received_at - 86400 UNION ALL "
        " SELECT created_at - received_at FROM counselling_requests r WHERE r.kiosk_id = k.id AND "
        " r.received_at > h.received_at - 86400)) "
        "FROM kiosks k LEFT JOIN heartbeats h ON h.kiosk_id = k.id WHERE k.kind = 'kiosk' AND " +
            m_scope.clause("k.site_id") + " ORDER BY k.name",
        [](db::Row& r)
        {
            KioskHealth k;
            k.name = r.text();
            k.displayName = r.text();
            k.active = r.integer() != 0;
            k.revokedAt = r.optionalInt64();
            const std::optional<std::int64_t> receivedAt = r.optionalInt64();
            k.hasHeartbeat = receivedAt.has_value();
            if (k.hasHeartbeat)
            {
                k.receivedAt = *receivedAt;
                k.version = r.text();
                k.uptimeSeconds = r.int64();
                k.outboxDepth = r.int64();
                k.outboxOldestAgeSeconds = r.int64();
                k.printerState = r.text();
                k.lastSync = r.optionalInt64().value_or(0);
                k.clockSkewSeconds = r.optionalInt64();
            }
            return k;
        },
        m_scope.bound());
}

Result<std::vector<LostEventView>, db::Error> SqlitePanelStore::lostEvents()
{
    return readAll(
        m_store,
        "SELECT COALESCE(k.name, ''), l.type, l.reference, l.acked_at, l.reported_at FROM lost_events l "
        "LEFT JOIN kiosks k ON k.id = l.kiosk_id WHERE " +
            m_scope.clause("l.site_id") + " ORDER BY l.acked_at DESC, l.id",
        [](db::Row& r)
        {
            LostEventView v;
            v.kioskName = r.text();
            v.type = r.text();
            v.reference = r.text();
            v.ackedAt = r.int64();
            v.reportedAt = r.int64();
            return v;
        },
        m_scope.bound());
}

Result<std::vector<OpenLoanView>, db::Error> SqlitePanelStore::openLoans(bool onlyOverdue, const std::string& today)
{
    return readAll(
        m_store,
        "SELECT l.inventory_number, COALESCE(t.name_pl, l.type_id), COALESCE(l.borrower_name, ''), "
        "COALESCE(l.borrower_phone, ''), l.start_date, l.due_date, COALESCE(k.name, ''), "
        "COALESCE(s.name, l.staff_id) FROM loans l LEFT JOIN equipment_types t ON t.site_id = l.site_id AND t.id = "
        "l.type_id "
        "LEFT JOIN kiosks k ON k.id = l.kiosk_id LEFT JOIN staff s ON s.id = l.staff_id WHERE "
        "l.returned_on IS NULL AND (?1 = 0 OR l.due_date < ?2) AND " +
            m_scope.clause("l.site_id", "?3") +
            " ORDER BY CASE WHEN l.due_date < ?2 THEN 0 "
            "ELSE 1 END, l.due_date, l.start_date, l.inventory_number",
        [](db::Row& r)
        {
            OpenLoanView l;
            l.inventoryNumber = r.text();
            l.typeName = r.text();
            l.borrowerName = r.text();
            l.borrowerPhone = r.text();
            l.startDate = r.text();
            l.dueDate = r.text();
            l.kioskName = r.text();
            l.staffName = r.text();
            return l;
        },
        onlyOverdue ? 1 : 0, today, m_scope.bound());
}

Result<std::vector<ReturnedLoanView>, db::Error> SqlitePanelStore::returnedLoans(const std::string& since)
{
    return readAll(
        m_store,
        "SELECT l.inventory_number, COALESCE(t.name_pl, l.type_id), COALESCE(l.borrower_name, ''), "
        "l.start_date, l.due_date, l.returned_on, COALESCE(l.return_condition, ''), l.return_notes FROM "
        "loans l LEFT JOIN equipment_types t ON t.site_id = l.site_id AND t.id = l.type_id WHERE l.returned_on IS "
        "NOT NULL AND "
        "l.returned_on >= ? AND " +
            m_scope.clause("l.site_id") + " ORDER BY l.returned_on DESC, l.inventory_number",
        [](db::Row& r)
        {
            ReturnedLoanView l;
            l.inventoryNumber = r.text();
            l.typeName = r.text();
            l.borrowerName = r.text();
            l.startDate = r.text();
            l.dueDate = r.text();
            l.returnedOn = r.text();
            l.condition = r.text();
            l.notes = r.text();
            return l;
        },
        since, m_scope.bound());
}

namespace
{
/// One count over the period: a date column is compared with the first and last day (BETWEEN ?
/// AND ?), a timestamp with the period's start and end (>= ? AND < ?).
/// `sql` ends in a condition to which the site's is added (its table's `site_id`, or `siteColumn`).
struct PeriodCount
{
    std::int64_t* target;
    const char* sql;
    bool byDate = false;
    const char* siteColumn = "site_id";
};

Status<db::Error> countAll(db::Database& d, const ReportPeriod& period, const SiteScope& scope,
                           std::initializer_list<PeriodCount> counts)
{
    for (const PeriodCount& c : counts)
    {
        const std::string sql = std::string(c.sql) + " AND " + scope.clause(c.siteColumn, "?3");
        auto n = c.byDate ? db::queryInt64(d, sql, period.firstDay, period.lastDay, scope.bound())
                          : db::queryInt64(d, sql, period.start, period.end, scope.bound());
        if (!n)
            return makeErr(n.error());
        *c.target = n->value_or(0);
    }
    return {};
}

/// Every (name, count) row of `sql` with `values` bound, appended to `out` in order.
template <typename... Values>
Status<db::Error> readNamedCounts(db::Database& d, std::string_view sql, std::vector<NamedCount>& out,
                                  const Values&... values)
{
    return db::forEachRow(
        d, sql,
        [&](db::Row& r)
        {
            NamedCount c;
            c.name = r.text();
            c.count = r.int64();
            out.push_back(std::move(c));
        },
        values...);
}

/// The 10 services most often in usage events of `kind`, most first.
Status<db::Error> topServices(db::Database& d, const ReportPeriod& period, const SiteScope& scope, const char* kind,
                              std::vector<NamedCount>& out)
{
    return readNamedCounts(
        d,
        "SELECT COALESCE(s.name_pl, u.service_id), COUNT(*) AS n FROM usage_events u LEFT JOIN services s ON "
        "s.id = u.service_id WHERE u.kind = ? AND u.service_id <> '' AND u.at >= ? AND u.at < ? AND " +
            scope.clause("u.site_id") + " GROUP BY u.service_id ORDER BY n DESC, u.service_id LIMIT 10",
        out, std::string(kind), period.start, period.end, scope.bound());
}
} // namespace

Result<MonitoringCounts, db::Error> SqlitePanelStore::monitoringCounts(const ReportPeriod& period)
{
    return readView<MonitoringCounts>(
        m_store,
        [&](db::Database& d, MonitoringCounts& m) -> Status<db::Error>
        {
            if (auto s = countAll(
                    d, period, m_scope,
                    {{&m.borrowers,
                      "SELECT COUNT(DISTINCT COALESCE(NULLIF(borrower_phone, ''), lower(borrower_name), id)) FROM "
                      "loans WHERE start_date BETWEEN ? AND ?",
                      true},
                     {&m.loansStarted, "SELECT COUNT(*) FROM loans WHERE start_date BETWEEN ? AND ?", true},
                     {&m.reservations,
                      "SELECT COUNT(*) FROM reservations WHERE code <> '' AND received_at >= ? AND received_at < ?"},
                     {&m.reservingPersons,
                      "SELECT COUNT(DISTINCT COALESCE(NULLIF(person_phone, ''), lower(person_name), id)) FROM "
                      "reservations WHERE code <> '' AND received_at >= ? AND received_at < ?"},
                     {&m.meetings,
                      "SELECT COUNT(*) FROM counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id "
                      "WHERE r.status NOT IN ('cancelled') AND s.date BETWEEN ? AND ?",
                      true, "r.site_id"},
                     {&m.personsCounselled,
                      "SELECT COUNT(DISTINCT COALESCE(NULLIF(r.phone, ''), lower(r.name), r.id)) FROM "
                      "counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id WHERE r.status NOT IN "
                      "('cancelled') AND s.date BETWEEN ? AND ?",
                      true, "r.site_id"},
                     {&m.counsellingRequests,
                      "SELECT COUNT(*) FROM counselling_requests WHERE received_at >= ? AND received_at < ?"},
                     {&m.callbacksReceived,
                      "SELECT COUNT(*) FROM callback_requests WHERE received_at >= ? AND received_at < ?"},
                     {&m.callbacksDone, "SELECT COUNT(*) FROM callback_requests WHERE status = 'done' AND "
                                        "closed_at >= ? AND closed_at < ?"},
                     {&m.callbacksClosed, "SELECT COUNT(*) FROM callback_requests WHERE status = 'closed' AND "
                                          "closed_at >= ? AND closed_at < ?"},
                     {&m.callAttempts,
                      "SELECT COUNT(*) FROM callback_attempts a JOIN callback_requests c ON c.id = a.callback_id "
                      "WHERE a.at >= ? AND a.at < ?",
                      false, "c.site_id"},
                     {&m.searches,
                      "SELECT COUNT(*) FROM usage_events WHERE kind = 'search-made' AND at >= ? AND at < ?"},
                     {&m.finishedFlows,
                      "SELECT COUNT(*) FROM usage_events WHERE kind = 'flow-finished' AND at >= ? AND at < ?"}});
                !s)
                return s;
            if (auto s = topServices(d, period, m_scope, "service-viewed", m.mostViewed); !s)
                return s;
            if (auto s = topServices(d, period, m_scope, "search-made", m.mostSearched); !s)
                return s;
            if (auto s = db::forEachRow(
                    d,
                    "SELECT flow, COUNT(*), AVG(rating) FROM usage_events WHERE kind = 'rating' AND at >= ? AND "
                    "at < ? AND " +
                        m_scope.clause("site_id") + " GROUP BY flow ORDER BY flow",
                    [&](db::Row& r)
                    {
                        FlowRating f;
                        f.flow = r.text();
                        f.count = r.int64();
                        f.average = r.real();
                        m.ratings.push_back(std::move(f));
                    },
                    period.start, period.end, m_scope.bound());
                !s)
                return s;
            return readNamedCounts(
                d,
                "SELECT COALESCE(area, ''), COUNT(*) FROM usage_events WHERE kind = 'idea' AND at >= ? AND at < ? "
                "AND " +
                    m_scope.clause("site_id") + " GROUP BY COALESCE(area, '') ORDER BY COALESCE(area, '')",
                m.ideasByArea, period.start, period.end, m_scope.bound());
        });
}

} // namespace okienko::server

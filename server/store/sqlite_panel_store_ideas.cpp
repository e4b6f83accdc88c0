// The idea box on SQLite: ideas are the kiosks' usage events of kind 'idea' (their text is what a
// resident typed), their statuses a table of the panel's own. The ratings beside them are the
// report's (ratingSummaries, sqlite_panel_store_indicators.cpp).
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/json_reader.hpp"

namespace okienko::server
{

Result<std::vector<IdeaView>, db::Error> SqlitePanelStore::ideas(const ReportPeriod& period, const std::string& status)
{
    return readAll(
        m_store,
        "SELECT u.id, COALESCE(u.text, ''), COALESCE(u.area, ''), u.language, u.at, COALESCE(i.status, 'new'), "
        "COALESCE(s.name, i.staff_id, ''), COALESCE(i.at, 0) FROM usage_events u LEFT JOIN idea_statuses i ON "
        "i.idea_id = u.id LEFT JOIN staff s ON s.id = i.staff_id WHERE u.kind = 'idea' AND u.at >= ?1 AND u.at < ?2 "
        "AND (?3 = '' OR COALESCE(i.status, 'new') = ?3) AND " +
            m_scope.clause("u.site_id", "?4") + " ORDER BY u.at DESC, u.id LIMIT 1000",
        [](db::Row& r)
        {
            IdeaView idea;
            idea.id = r.text();
            idea.text = r.text();
            idea.area = r.text();
            idea.language = r.text();
            idea.at = r.int64();
            idea.status = r.text();
            idea.statusBy = r.text();
            idea.statusAt = r.int64();
            return idea;
        },
        period.start, period.end, status, m_scope.bound());
}

Result<bool, db::Error> SqlitePanelStore::setIdeaStatus(const std::string& ideaId, const std::string& status,
                                                        const std::string& staffId, std::int64_t now)
{
    return writeWithOutcome(
        m_store, false,
        [&](db::Database& d, bool& found) -> Status<db::Error>
        {
            auto idea = db::exists(
                d, "SELECT 1 FROM usage_events WHERE id = ? AND kind = 'idea' AND " + m_scope.clause("site_id"), ideaId,
                m_scope.bound());
            if (!idea)
                return makeErr(idea.error());
            if (!*idea)
                return {};
            found = true;
            if (auto s = db::exec(d,
                                  "INSERT INTO idea_statuses(idea_id, status, staff_id, at) VALUES (?,?,?,?) ON "
                                  "CONFLICT(idea_id) DO UPDATE SET status = excluded.status, staff_id = "
                                  "excluded.staff_id, at = excluded.at",
                                  ideaId, status, staffId, now);
                !s)
                return s;
            return db::exec(d,
                            "INSERT INTO register_edits(register, entry_id, action, staff_id, data, at) VALUES "
                            "('ideas', ?, 'status', ?, ?, ?)",
                            ideaId, staffId, protocol::Json{{"status", status}}.dump(), now);
        });
}

} // namespace okienko::server

// The panel's logins and sessions on SQLite: staff looked up by id or name with their failure
// count, failures counted atomically with their locks, and sessions keyed by the SHA-256 of their
// cookie with the role they were opened with, the site they show and the sites their account reaches.
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"

#include <utility>

namespace okienko::server
{

Result<std::vector<LoginCandidate>, db::Error> SqlitePanelStore::loginCandidates(const std::string& login)
{
    return readAll(
        m_store,
        "SELECT s.id, s.name, s.role, s.password_hash, COALESCE(f.failures, 0), COALESCE(f.locked_until, 0), "
        "COALESCE(f.last_failure, 0) FROM staff s LEFT JOIN panel_login_failures f ON f.staff_id = s.id "
        "WHERE s.active = 1 AND (s.id = ?1 OR s.name = ?1) LIMIT 2",
        [](db::Row& r)
        {
            LoginCandidate c;
            c.id = r.text();
            c.name = r.text();
            c.role = r.text();
            c.passwordHash = r.text();
            c.failures = r.integer();
            c.lockedUntil = r.int64();
            c.lastFailure = r.int64();
            return c;
        },
        login);
}

Result<LoginFailureCount, db::Error> SqlitePanelStore::countLoginFailure(const std::string& staffId, std::int64_t now,
                                                                         int maxFailures, int lockoutSeconds)
{
    // Read and increment in one statement: a count read first and written later lets parallel
    // guesses overwrite each other's failures and count once.
    constexpr const char* kRestart = "((locked_until != 0 AND locked_until <= ?2) OR ?2 - last_failure > ?4)";
    const std::string sql =
        std::string("INSERT INTO panel_login_failures(staff_id, failures, locked_until, last_failure) "
                    "VALUES (?1, 1, CASE WHEN 1 >= ?3 THEN ?2 + ?4 ELSE 0 END, ?2) "
                    "ON CONFLICT(staff_id) DO UPDATE SET failures = CASE WHEN ") +
        kRestart + " THEN 1 ELSE failures + 1 END, locked_until = CASE WHEN locked_until > ?2 THEN locked_until " +
        "WHEN (CASE WHEN " + kRestart + " THEN 1 ELSE failures + 1 END) >= ?3 THEN ?2 + ?4 ELSE 0 END, " +
        "last_failure = ?2 RETURNING failures, locked_until";
    return writeWithOutcome<LoginFailureCount>(
        m_store, LoginFailureCount{},
        [&](db::Database& d, LoginFailureCount& count) -> Status<db::Error>
        {
            auto row = db::queryOne(
                d, sql,
                [](db::Row& r)
                {
                    LoginFailureCount c;
                    c.failures = r.integer();
                    c.lockedUntil = r.int64();
                    return c;
                },
                staffId, now, maxFailures, lockoutSeconds);
            if (!row)
                return makeErr(row.error());
            if (!row.value())
                return makeErr(db::badData("panel_login_failures", "the count returned no row"));
            count = *row.value();
            return {};
        });
}

Status<db::Error> SqlitePanelStore::openSession(const std::string& staffId, const std::string& tokenHash,
                                                const std::string& csrfToken, std::int64_t now, std::int64_t idleBefore,
                                                std::int64_t createdBefore)
{
    return m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            if (auto s = db::exec(d, "DELETE FROM panel_login_failures WHERE staff_id = ?", staffId); !s)
                return s;
            // Expired sessions of everyone go here, so the table stays small without a timer.
            if (auto s = db::exec(d, "DELETE FROM panel_sessions WHERE last_seen < ? OR created_at < ?", idleBefore,
                                  createdBefore);
                !s)
                return s;
            // The home site when the account still reaches it, else the first site it reaches.
            return db::exec(d,
                            "INSERT INTO panel_sessions(token_hash, staff_id, csrf_token, created_at, last_seen, role, "
                            "site_id) SELECT ?1, s.id, ?2, ?3, ?3, s.role, COALESCE((SELECT ss.site_id FROM "
                            "staff_sites ss WHERE ss.staff_id = s.id AND ss.site_id = s.site_id), (SELECT "
                            "MIN(ss.site_id) FROM staff_sites ss WHERE ss.staff_id = s.id), s.site_id) FROM staff s "
                            "WHERE s.id = ?4",
                            tokenHash, csrfToken, now, staffId);
        });
}

Result<std::optional<StoredSession>, db::Error> SqlitePanelStore::sessionByHash(const std::string& tokenHash)
{
    return readView<std::optional<StoredSession>>(
        m_store,
        [&](db::Database& d, std::optional<StoredSession>& found) -> Status<db::Error>
        {
            auto row = db::queryOne(
                d,
                "SELECT p.token_hash, p.staff_id, s.name, s.role, p.role, p.csrf_token, p.created_at, p.last_seen, "
                "p.site_id FROM panel_sessions p JOIN staff s ON s.id = p.staff_id "
                "WHERE p.token_hash = ? AND s.active = 1",
                [](db::Row& r)
                {
                    StoredSession s;
                    s.tokenHash = r.text();
                    s.staffId = r.text();
                    s.staffName = r.text();
                    s.role = r.text();
                    s.sessionRole = r.text();
                    s.csrfToken = r.text();
                    s.createdAt = r.int64();
                    s.lastSeen = r.int64();
                    s.siteId = r.text();
                    return s;
                },
                tokenHash);
            if (!row)
                return makeErr(row.error());
            found = std::move(row).value();
            if (!found)
                return {};
            // The home site first, then by name: the switcher's order.
            return db::forEachRow(
                d,
                // A default site never named (a database made after migration 18, its catalogue imported
                // later) is called by its catalogue's CUS, as migration 18 names an older one.
                "SELECT t.id, CASE WHEN t.id = 'default' AND t.name = 'default' THEN COALESCE((SELECT "
                "NULLIF(cus_name_pl, '') FROM municipality WHERE site_id = 'default'), t.name) ELSE t.name END FROM "
                "staff_sites "
                "ss JOIN sites t ON t.id = ss.site_id JOIN staff s "
                "ON s.id = ss.staff_id WHERE ss.staff_id = ? ORDER BY t.id <> s.site_id, t.name, t.id",
                [&](db::Row& r)
                {
                    SiteChoice c;
                    c.id = r.text();
                    c.name = r.text();
                    found->sites.push_back(std::move(c));
                },
                found->staffId);
        });
}

Status<db::Error> SqlitePanelStore::touchSession(const std::string& tokenHash, std::int64_t now)
{
    return m_store.write(
        [&](db::Database& d)
        { return db::exec(d, "UPDATE panel_sessions SET last_seen = ? WHERE token_hash = ?", now, tokenHash); });
}

Result<bool, db::Error> SqlitePanelStore::switchSessionSite(const std::string& tokenHash, const std::string& siteId)
{
    return writeWithOutcome<bool>(m_store, false,
                                  [&](db::Database& d, bool& switched) -> Status<db::Error>
                                  {
                                      auto s = db::exec(d,
                                                        "UPDATE panel_sessions SET site_id = ?2 WHERE token_hash = ?1 "
                                                        "AND EXISTS (SELECT 1 FROM staff_sites ss WHERE ss.staff_id = "
                                                        "panel_sessions.staff_id AND ss.site_id = ?2)",
                                                        tokenHash, siteId);
                                      if (!s)
                                          return s;
                                      switched = d.changes() > 0;
                                      return {};
                                  });
}

std::string SqlitePanelStore::site() const
{
    return m_scope.sites().empty() ? std::string() : m_scope.sites().front();
}

Status<db::Error> SqlitePanelStore::deleteSession(const std::string& tokenHash)
{
    return m_store.write([&](db::Database& d)
                         { return db::exec(d, "DELETE FROM panel_sessions WHERE token_hash = ?", tokenHash); });
}

} // namespace okienko::server

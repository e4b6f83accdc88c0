// The panel's logins and sessions on SQLite: staff looked up by id or name with their failure
// count, failures and locks, and sessions keyed by the SHA-256 of their cookie.
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

Status<db::Error> SqlitePanelStore::recordLoginFailure(const std::string& staffId, int failures,
                                                       std::int64_t lockedUntil, std::int64_t now)
{
    return m_store.write(
        [&](db::Database& d)
        {
            return db::exec(d,
                            "INSERT INTO panel_login_failures(staff_id, failures, locked_until, last_failure) "
                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(staff_id) DO UPDATE SET failures = ?2, "
                            "locked_until = ?3, last_failure = ?4",
                            staffId, failures, lockedUntil, now);
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
            return db::exec(d,
                            "INSERT INTO panel_sessions(token_hash, staff_id, csrf_token, created_at, last_seen) "
                            "VALUES (?, ?, ?, ?, ?)",
                            tokenHash, staffId, csrfToken, now, now);
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
                "SELECT p.token_hash, p.staff_id, s.name, s.role, p.csrf_token, p.created_at, p.last_seen FROM "
                "panel_sessions p JOIN staff s ON s.id = p.staff_id WHERE p.token_hash = ? AND s.active = 1",
                [](db::Row& r)
                {
                    StoredSession s;
                    s.tokenHash = r.text();
                    s.staffId = r.text();
                    s.staffName = r.text();
                    s.role = r.text();
                    s.csrfToken = r.text();
                    s.createdAt = r.int64();
                    s.lastSeen = r.int64();
                    return s;
                },
                tokenHash);
            if (!row)
                return makeErr(row.error());
            found = std::move(row).value();
            return {};
        });
}

Status<db::Error> SqlitePanelStore::touchSession(const std::string& tokenHash, std::int64_t now)
{
    return m_store.write(
        [&](db::Database& d)
        { return db::exec(d, "UPDATE panel_sessions SET last_seen = ? WHERE token_hash = ?", now, tokenHash); });
}

Status<db::Error> SqlitePanelStore::deleteSession(const std::string& tokenHash)
{
    return m_store.write([&](db::Database& d)
                         { return db::exec(d, "DELETE FROM panel_sessions WHERE token_hash = ?", tokenHash); });
}

} // namespace okienko::server

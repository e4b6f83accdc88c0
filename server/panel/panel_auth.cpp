// Login, sessions and throttling. No password, cookie value or CSRF token is ever logged.
#include "server/panel/panel_auth.hpp"

#include "server/credentials.hpp"
#include "server/store_sql.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace okienko::server::panel
{

namespace
{
/// Verifying against this when the account does not exist keeps the response time the same, so
/// timing does not tell which accounts exist.
const std::string& dummyHash()
{
    static const std::string hash = hashSecret("okienko-panel-no-such-account").value_or("");
    return hash;
}

struct Candidate
{
    std::string id, name, role, passwordHash;
    int failures = 0;
    std::int64_t lockedUntil = 0, lastFailure = 0;
};
} // namespace

PanelAuth::PanelAuth(ServerStore& store, AuthLimits limits) : m_store(store), m_limits(limits) {}

std::optional<int> PanelAuth::ipBlocked(const std::string& ip, double monotonic)
{
    std::lock_guard lock(m_ipMutex);
    auto it = m_ips.find(ip);
    if (it == m_ips.end() || it->second.blockedUntil <= monotonic)
        return std::nullopt;
    return std::max(1, static_cast<int>(std::ceil(it->second.blockedUntil - monotonic)));
}

void PanelAuth::ipFailed(const std::string& ip, double monotonic)
{
    std::lock_guard lock(m_ipMutex);
    if (m_ips.size() > 10000)
        m_ips.clear(); // bounded memory under a flood of addresses; the account lockout still holds
    IpState& s = m_ips[ip];
    if (monotonic - s.windowStart > m_limits.ipWindowSeconds)
        s = IpState{0, monotonic, 0};
    ++s.failures;
    if (s.failures >= m_limits.ipFreeFailures)
    {
        const int over = std::min(s.failures - m_limits.ipFreeFailures, 16);
        const double delay = std::min(static_cast<double>(m_limits.ipMaxDelaySeconds), std::pow(2.0, over));
        s.blockedUntil = monotonic + delay;
    }
}

LoginResult PanelAuth::login(const std::string& login, const std::string& password, const std::string& ip,
                             std::int64_t now, double monotonic)
{
    LoginResult result;
    if (auto wait = ipBlocked(ip, monotonic))
    {
        result.outcome = LoginOutcome::Throttled;
        result.retryAfter = *wait;
        return result;
    }
    std::vector<Candidate> found;
    if (!login.empty() && login.size() <= 200)
    {
        auto status = m_store.read(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto st = sqlQuery(d,
                                   "SELECT s.id, s.name, s.role, s.password_hash, COALESCE(f.failures, 0), "
                                   "COALESCE(f.locked_until, 0), COALESCE(f.last_failure, 0) FROM staff s "
                                   "LEFT JOIN panel_login_failures f ON f.staff_id = s.id "
                                   "WHERE s.active = 1 AND (s.id = ?1 OR s.name = ?1) LIMIT 2",
                                   login);
                if (!st)
                    return makeErr(st.error());
                return forEachRow(*st,
                                  [&](db::Statement& r)
                                  {
                                      found.push_back({r.columnText(0).value(), r.columnText(1).value(),
                                                       r.columnText(2).value(), r.columnText(3).value(),
                                                       r.columnInt(4).value(), r.columnInt64(5).value(),
                                                       r.columnInt64(6).value()});
                                  });
            });
        if (!status)
            return result;
    }
    if (found.size() != 1)
    {
        // Unknown (or a name two people share: they log in with their id instead).
        (void)verifySecret(dummyHash(), password);
        ipFailed(ip, monotonic);
        result.outcome = LoginOutcome::BadCredentials;
        return result;
    }
    const Candidate& c = found.front();
    if (c.lockedUntil > now)
    {
        result.outcome = LoginOutcome::Locked;
        result.retryAfter = static_cast<int>(c.lockedUntil - now);
        ipFailed(ip, monotonic);
        return result;
    }
    const bool ok = !password.empty() && password.size() <= 1024 && verifySecret(c.passwordHash, password);
    if (!ok)
    {
        // A lock that ran out, or failures long ago, start the count again.
        const bool fresh = c.lockedUntil != 0 || now - c.lastFailure > m_limits.lockoutSeconds;
        const int failures = (fresh ? 0 : c.failures) + 1;
        const std::int64_t lockedUntil = failures >= m_limits.maxFailures ? now + m_limits.lockoutSeconds : 0;
        (void)m_store.write(
            [&](db::Database& d)
            {
                return sqlExec(d,
                               "INSERT INTO panel_login_failures(staff_id, failures, locked_until, last_failure) "
                               "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(staff_id) DO UPDATE SET failures = ?2, "
                               "locked_until = ?3, last_failure = ?4",
                               c.id, failures, lockedUntil, now);
            });
        ipFailed(ip, monotonic);
        result.outcome = LoginOutcome::BadCredentials;
        return result;
    }
    if (c.role != "coordinator" && c.role != "admin")
    {
        result.outcome = LoginOutcome::NotAllowed;
        return result;
    }
    const std::string cookie = newKioskToken();
    const std::string csrf = newKioskToken();
    auto written = m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            if (auto s = sqlExec(d, "DELETE FROM panel_login_failures WHERE staff_id = ?", c.id); !s)
                return s;
            // Expired sessions of everyone go here, so the table stays small without a timer.
            if (auto s = sqlExec(d, "DELETE FROM panel_sessions WHERE last_seen < ? OR created_at < ?",
                                 now - m_limits.idleSeconds, now - m_limits.absoluteSeconds);
                !s)
                return s;
            return sqlExec(d,
                           "INSERT INTO panel_sessions(token_hash, staff_id, csrf_token, created_at, last_seen) "
                           "VALUES (?, ?, ?, ?, ?)",
                           sha256Hex(cookie), c.id, csrf, now, now);
        });
    if (!written)
        return result;
    result.outcome = LoginOutcome::Ok;
    result.cookieValue = cookie;
    return result;
}

std::optional<PanelSession> PanelAuth::session(const std::string& cookieValue, std::int64_t now)
{
    if (cookieValue.empty() || cookieValue.size() > 128)
        return std::nullopt;
    const std::string hash = sha256Hex(cookieValue);
    std::optional<PanelSession> found;
    std::int64_t createdAt = 0, lastSeen = 0;
    auto status = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = sqlQuery(d,
                               "SELECT p.staff_id, s.name, s.role, p.csrf_token, p.created_at, p.last_seen, "
                               "p.token_hash FROM panel_sessions p JOIN staff s ON s.id = p.staff_id "
                               "WHERE p.token_hash = ? AND s.active = 1",
                               hash);
            if (!st)
                return makeErr(st.error());
            return forEachRow(*st,
                              [&](db::Statement& r)
                              {
                                  found = PanelSession{r.columnText(6).value(), r.columnText(0).value(),
                                                       r.columnText(1).value(), r.columnText(2).value(),
                                                       r.columnText(3).value()};
                                  createdAt = r.columnInt64(4).value();
                                  lastSeen = r.columnInt64(5).value();
                              });
        });
    // The lookup is by hash equality in SQL; a match still has to be the same hash byte for byte.
    if (!status || !found || !constantTimeEquals(found->tokenHash, hash))
        return std::nullopt;
    if (now - lastSeen > m_limits.idleSeconds || now - createdAt > m_limits.absoluteSeconds)
    {
        (void)m_store.write([&](db::Database& d)
                            { return sqlExec(d, "DELETE FROM panel_sessions WHERE token_hash = ?", hash); });
        return std::nullopt;
    }
    if (now - lastSeen >= 15)
        (void)m_store.write(
            [&](db::Database& d)
            { return sqlExec(d, "UPDATE panel_sessions SET last_seen = ? WHERE token_hash = ?", now, hash); });
    return found;
}

void PanelAuth::logout(const PanelSession& session)
{
    (void)m_store.write([&](db::Database& d)
                        { return sqlExec(d, "DELETE FROM panel_sessions WHERE token_hash = ?", session.tokenHash); });
}

} // namespace okienko::server::panel

// What the panel's login reads and writes: a staff member who may be logging in, with the
// account's failure count, the count after a failure, and a stored session (only the cookie's
// SHA-256 is ever stored) with the role it was opened with.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::server
{

struct LoginCandidate
{
    std::string id, name, role, passwordHash;
    int failures = 0;
    std::int64_t lockedUntil = 0, lastFailure = 0;
};

/// An account's failed logins after one more was counted, and its lock (0: not locked).
struct LoginFailureCount
{
    int failures = 0;
    std::int64_t lockedUntil = 0;
};

/// A site a panel account reaches: its id and the name the panel shows.
struct SiteChoice
{
    std::string id, name;
};

struct StoredSession
{
    std::string tokenHash, staffId, staffName;
    std::string role;        ///< the staff member's role now
    std::string sessionRole; ///< the role the session was opened with; another one ends it
    std::string csrfToken;
    std::int64_t createdAt = 0, lastSeen = 0;
    std::string siteId;            ///< the site the session shows now (panel_sessions.site_id)
    std::vector<SiteChoice> sites; ///< the sites the account reaches (staff_sites), home site first
};

} // namespace okienko::server

// What the panel's login reads and writes: a staff member who may be logging in, with the
// account's failure count, and a stored session (only the cookie's SHA-256 is ever stored).
#pragma once

#include <cstdint>
#include <string>

namespace okienko::server
{

struct LoginCandidate
{
    std::string id, name, role, passwordHash;
    int failures = 0;
    std::int64_t lockedUntil = 0, lastFailure = 0;
};

struct StoredSession
{
    std::string tokenHash, staffId, staffName, role, csrfToken;
    std::int64_t createdAt = 0, lastSeen = 0;
};

} // namespace okienko::server

// Who is at the panel: staff login with the argon2id password hash (crypto_pwhash_str_verify),
// session cookies (32 random bytes; only their SHA-256 is stored) with inactivity and absolute
// expiry, per-session CSRF tokens, account lockout after repeated failures, and a per-IP slow-down
// against password guessing across many accounts. Thread-safe.
#pragma once

#include "server/store/panel_store.hpp"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace okienko::server::panel
{

struct AuthLimits
{
    int maxFailures = 5;             ///< consecutive failed logins that lock an account
    int lockoutSeconds = 15 * 60;    ///< how long a locked account refuses every password
    int idleSeconds = 30 * 60;       ///< a session ends after this long without a request
    int absoluteSeconds = 10 * 3600; ///< and at the latest this long after login
    int ipFreeFailures = 10;         ///< failures per IP (any accounts) before the IP is slowed down
    int ipWindowSeconds = 15 * 60;
    int ipMaxDelaySeconds = 300;
};

struct PanelSession
{
    std::string tokenHash;
    std::string staffId;
    std::string staffName;
    std::string role;
    std::string csrfToken;
};

enum class LoginOutcome
{
    Ok,
    BadCredentials, ///< unknown account or wrong password (not told apart)
    Locked,         ///< too many failures for this account
    Throttled,      ///< too many failures from this address; retryAfter says how long
    NotAllowed,     ///< right password, but the role has no panel (equipment staff)
    Error,          ///< the database failed
};

struct LoginResult
{
    LoginOutcome outcome = LoginOutcome::Error;
    std::string cookieValue; ///< for Ok: the session cookie's value (never stored)
    int retryAfter = 0;      ///< for Throttled and Locked: seconds
};

class PanelAuth
{
  public:
    PanelAuth(PanelStore& store, AuthLimits limits);

    /// `login` is the staff id or the staff member's name. `monotonic` feeds the per-IP counters.
    LoginResult login(const std::string& login, const std::string& password, const std::string& ip, std::int64_t now,
                      double monotonic);
    /// The live session for a cookie value, its last_seen refreshed; nullopt when absent or expired.
    std::optional<PanelSession> session(const std::string& cookieValue, std::int64_t now);
    void logout(const PanelSession& session);

    const AuthLimits& limits() const { return m_limits; }

  private:
    struct IpState
    {
        int failures = 0;
        double windowStart = 0;
        double blockedUntil = 0;
    };
    std::optional<int> ipBlocked(const std::string& ip, double monotonic);
    void ipFailed(const std::string& ip, double monotonic);

    PanelStore& m_store;
    AuthLimits m_limits;
    std::mutex m_ipMutex;
    std::map<std::string, IpState> m_ips;
};

} // namespace okienko::server::panel

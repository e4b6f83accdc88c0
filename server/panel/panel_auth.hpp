// Who is at the panel: staff login with the argon2id password hash (crypto_pwhash_str_verify),
// session cookies (32 random bytes; only their SHA-256 is stored) with inactivity and absolute
// expiry, ended at the first request after the staff member's role changed or the account was
// deactivated, per-session CSRF tokens, account lockout after repeated failures (counted in one
// statement), a cap on password verifications running at once (each costs 64 MiB), and a per-IP
// slow-down against password guessing across many accounts. Thread-safe.
#pragma once

#include "server/store/panel_store.hpp"
#include "server/store/site_scope.hpp"

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    /// Password verifications running at once (argon2id, 64 MiB each); a login over it is told to
    /// try again without any verification.
    int maxConcurrentVerifications = 4;
};

struct PanelSession
{
    std::string tokenHash;
    std::string staffId;
    std::string staffName;
    std::string role;
    std::string csrfToken;
    /// The site the panel shows now and its name ("" when the account reaches no site).
    std::string siteId;
    std::string siteName;
    /// The sites the account reaches, home site first (the header's switcher).
    std::vector<SiteChoice> sites;

    /// What the pages read and change: the current site only (the report alone may add up all the
    /// account's sites, `sites=all`).
    SiteScope scope() const;
    /// True when the account reaches more than one site (the header offers the switcher).
    bool multiSite() const;
};

enum class LoginOutcome
{
    Ok,
    BadCredentials, ///< unknown account or wrong password (not told apart)
    Locked,         ///< too many failures for this account: answered exactly as BadCredentials
    Throttled,      ///< too many failures from this address; retryAfter says how long
    Busy,           ///< too many verifications running; nothing was checked, try again shortly
    NotAllowed,     ///< right password, but the role has no panel (equipment staff)
    Error,          ///< the database failed
};

struct LoginResult
{
    LoginOutcome outcome = LoginOutcome::Error;
    std::string cookieValue; ///< for Ok: the session cookie's value (never stored)
    std::string role;        ///< for Ok: the staff member's role code
    int retryAfter = 0;      ///< for Throttled and Busy: seconds
};

/// True for the role codes that may log in to the panel (coordinator, counsellor, admin).
bool roleHasPanel(std::string_view role);

class PanelAuth
{
  public:
    PanelAuth(PanelStore& store, AuthLimits limits);

    /// `login` is the staff id or the staff member's name. `monotonic` feeds the per-IP counters.
    LoginResult login(const std::string& login, const std::string& password, const std::string& ip, std::int64_t now,
                      double monotonic);
    /// The live session for a cookie value, its last_seen refreshed; nullopt when absent, expired,
    /// of a deactivated account, or opened with another role than the member has now (then deleted).
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
    /// The login once a verification slot is held: exactly one argon2id verification, whether the
    /// account is unknown, locked or not, so the time taken does not tell them apart.
    LoginResult verifyAndAnswer(const std::string& login, const std::string& password, const std::string& ip,
                                std::int64_t now, double monotonic);

    PanelStore& m_store;
    AuthLimits m_limits;
    std::mutex m_ipMutex;
    std::map<std::string, IpState> m_ips;
    std::atomic<int> m_verifying{0};
};

} // namespace okienko::server::panel

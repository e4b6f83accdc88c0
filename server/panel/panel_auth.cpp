// Login, sessions and throttling. No password, cookie value or CSRF token is ever logged.
#include "server/panel/panel_auth.hpp"

#include "server/credentials.hpp"
#include "shared/domain/codes.hpp"

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

/// One of the limited places for a password verification, held for the scope; not held when all
/// were taken.
class VerificationSlot
{
  public:
    VerificationSlot(std::atomic<int>& inUse, int limit) : m_inUse(inUse), m_held(inUse.fetch_add(1) < limit)
    {
        if (!m_held)
            m_inUse.fetch_sub(1);
    }
    ~VerificationSlot()
    {
        if (m_held)
            m_inUse.fetch_sub(1);
    }
    VerificationSlot(const VerificationSlot&) = delete;
    VerificationSlot& operator=(const VerificationSlot&) = delete;
    bool held() const { return m_held; }

  private:
    std::atomic<int>& m_inUse;
    bool m_held;
};
} // namespace

PanelAuth::PanelAuth(PanelStore& store, AuthLimits limits) : m_store(store), m_limits(limits) {}

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

bool roleHasPanel(std::string_view role)
{
    auto parsed = domain::fromCode<domain::StaffRole>(role);
    return parsed && *parsed != domain::StaffRole::Equipment;
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
    // Taken before the account is looked up, so "busy" says nothing about the account.
    VerificationSlot slot(m_verifying, m_limits.maxConcurrentVerifications);
    if (!slot.held())
    {
        result.outcome = LoginOutcome::Busy;
        result.retryAfter = 1;
        return result;
    }
    return verifyAndAnswer(login, password, ip, now, monotonic);
}

LoginResult PanelAuth::verifyAndAnswer(const std::string& login, const std::string& password, const std::string& ip,
                                       std::int64_t now, double monotonic)
{
    LoginResult result;
    std::vector<LoginCandidate> found;
    if (!login.empty() && login.size() <= 200)
    {
        auto candidates = m_store.loginCandidates(login);
        if (!candidates)
            return result;
        found = std::move(candidates).value();
    }
    if (found.size() != 1)
    {
        // Unknown (or a name two people share: they log in with their id instead).
        (void)verifySecret(dummyHash(), password);
        ipFailed(ip, monotonic);
        result.outcome = LoginOutcome::BadCredentials;
        return result;
    }
    const LoginCandidate& c = found.front();
    const bool locked = c.lockedUntil > now;
    // A locked account is not checked against its own hash (the answer must not depend on the
    // password), but it costs the same verification as an unknown one.
    const bool ok = !locked && !password.empty() && password.size() <= 1024 && verifySecret(c.passwordHash, password);
    if (locked)
        (void)verifySecret(dummyHash(), password);
    if (!ok)
    {
        // Every failure counts, also against a locked account, so parallel guesses are all seen.
        if (!m_store.countLoginFailure(c.id, now, m_limits.maxFailures, m_limits.lockoutSeconds))
            return result;
        ipFailed(ip, monotonic);
        result.outcome = locked ? LoginOutcome::Locked : LoginOutcome::BadCredentials;
        return result;
    }
    if (!roleHasPanel(c.role))
    {
        result.outcome = LoginOutcome::NotAllowed;
        return result;
    }
    const std::string cookie = newKioskToken();
    const std::string csrf = newKioskToken();
    auto written = m_store.openSession(c.id, sha256Hex(cookie), csrf, now, now - m_limits.idleSeconds,
                                       now - m_limits.absoluteSeconds);
    if (!written)
        return result;
    result.outcome = LoginOutcome::Ok;
    result.cookieValue = cookie;
    result.role = c.role;
    return result;
}

std::optional<PanelSession> PanelAuth::session(const std::string& cookieValue, std::int64_t now)
{
    if (cookieValue.empty() || cookieValue.size() > 128)
        return std::nullopt;
    const std::string hash = sha256Hex(cookieValue);
    auto stored = m_store.sessionByHash(hash);
    // The lookup is by hash equality in SQL; a match still has to be the same hash byte for byte.
    if (!stored || !*stored || !constantTimeEquals((*stored)->tokenHash, hash))
        return std::nullopt;
    const StoredSession& found = **stored;
    // A role change ends the session whichever way the role was changed.
    if (found.sessionRole != found.role || now - found.lastSeen > m_limits.idleSeconds ||
        now - found.createdAt > m_limits.absoluteSeconds)
    {
        (void)m_store.deleteSession(hash);
        return std::nullopt;
    }
    if (now - found.lastSeen >= 15)
        (void)m_store.touchSession(hash, now);
    PanelSession session;
    session.tokenHash = found.tokenHash;
    session.staffId = found.staffId;
    session.staffName = found.staffName;
    session.role = found.role;
    session.csrfToken = found.csrfToken;
    session.sites = found.sites;
    // A site taken from the account (site revoke) is not shown any more: the first one it reaches
    // is; an account that reaches none sees nothing.
    auto current =
        std::find_if(found.sites.begin(), found.sites.end(), [&](const SiteChoice& c) { return c.id == found.siteId; });
    if (current == found.sites.end() && !found.sites.empty())
        current = found.sites.begin();
    if (current != found.sites.end())
    {
        session.siteId = current->id;
        session.siteName = current->name;
    }
    return session;
}

SiteScope PanelSession::scope() const
{
    return siteId.empty() ? SiteScope::of({}) : SiteScope::one(siteId);
}

bool PanelSession::multiSite() const
{
    return sites.size() > 1;
}

void PanelAuth::logout(const PanelSession& session)
{
    (void)m_store.deleteSession(session.tokenHash);
}

} // namespace okienko::server::panel

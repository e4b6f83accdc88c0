// What the residents' pages and the mailer read and write (residents, resident_matches; server
// migration 14): registering a resident from a phone call with the matches given in the call, the
// queue of residents to be told about a service, the coordinator's marks, erasure on request, the
// e-mails to send, and the counts for the statistics. Every action is one transaction on the
// server's writer with its panel_actions audit row.
#pragma once

#include "server/residents/service_matching.hpp"
#include "server/server_store.hpp"
#include "server/store/site_scope.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace okienko::server::residents
{

/// The version of the consent wording the registration form reads out (docs/privacy.md); a new
/// wording gets a new version, and each resident keeps the one they agreed to.
inline constexpr const char* kConsentWordingVersion = "2026-12-zgoda-1";

struct NewResident
{
    std::string name;
    std::string phone; ///< nine digits, or ""
    std::string email; ///< lower-cased, or ""
    std::string language = "pl";
    ResidentNeeds needs;
    std::string staffId; ///< the coordinator who took the call and the consent
};

struct ResidentSummary
{
    std::int64_t id = 0;
    std::string name;
    std::string phone;
    std::string email;
    std::string language;
    std::int64_t registeredAt = 0;
    std::int64_t lastContactAt = 0;
    int toTell = 0; ///< matches in the queue
};

struct MatchView
{
    std::string serviceId;
    std::string serviceName; ///< Polish; the id when the catalogue no longer has it
    std::string source;      ///< registration, published, capacity
    std::string status;      ///< known, waiting, to-tell, told, unreachable, not-interested, withdrawn
    std::int64_t matchedAt = 0;
    std::string emailState; ///< none, pending, sent, failed
    std::int64_t emailedAt = 0;
    std::string decidedByName;
    std::int64_t decidedAt = 0;
};

struct ResidentDetail
{
    ResidentSummary summary;
    std::optional<ResidentNeeds> needs;
    std::string consentByName;
    std::int64_t consentAt = 0;
    std::string consentVersion;
    std::string registeredByName;
    std::vector<MatchView> matches;
};

/// One resident to be told about one service.
struct QueueItem
{
    std::int64_t residentId = 0;
    std::string name;
    std::string phone;
    std::string email;
    std::string language;
    std::string serviceId;
    std::string serviceName;
    std::string source;
    std::int64_t queuedAt = 0;
    std::string emailState;
};

/// An e-mail to send: the address, the resident's language and the service (nothing else personal).
struct PendingEmail
{
    std::int64_t residentId = 0;
    std::string serviceId;
    std::string email;
    std::string language;
    int attempts = 0;
    std::string site; ///< the resident's site: its catalogue names the service
};

enum class MarkResult
{
    Marked,
    NotInQueue, ///< no such match, or it was already marked
};

/// The statistics of a period [from, to] (local days).
struct ResidentCounts
{
    std::int64_t registered = 0; ///< residents registered in the period
    std::int64_t matched = 0;    ///< distinct residents with a service matched in the period
    std::int64_t matches = 0;    ///< resident–service matches in the period
    std::int64_t told = 0;       ///< matches marked told in the period
    std::int64_t emailsSent = 0; ///< e-mails sent in the period
};

class ResidentStore
{
  public:
    /// The residents of `scope`'s sites (the panel: the session's site); a new one takes the scope's
    /// first site. The e-mails to send (pendingEmails, recordEmail) are every site's.
    explicit ResidentStore(ServerStore& store, SiteScope scope = SiteScope::defaultSite())
        : m_store(store), m_scope(std::move(scope))
    {
    }

    /// Stores the resident with the consent (taken now by staffId, wording kConsentWordingVersion) and
    /// the services matching now as given in the call; returns the new id.
    Result<std::int64_t, db::Error> registerResident(const NewResident& resident, const Now& now);
    /// Residents not erased, newest first.
    Result<std::vector<ResidentSummary>, db::Error> residents();
    /// One resident (nullopt: none, or erased) with every match.
    Result<std::optional<ResidentDetail>, db::Error> resident(std::int64_t id);
    /// Matches to tell, oldest first.
    Result<std::vector<QueueItem>, db::Error> queue();
    /// Marks a queued match told, unreachable or not-interested (a talk — told, not interested —
    /// counts as contact for retention).
    Result<MarkResult, db::Error> markNotification(std::int64_t residentId, const std::string& serviceId,
                                                   const std::string& outcome, const std::string& staffId,
                                                   std::int64_t now);
    /// The resident confirmed their needs on the phone: contact now (retention counts from it).
    Result<bool, db::Error> confirmContact(std::int64_t residentId, const std::string& staffId, std::int64_t now);
    /// Erases the resident's name, contacts and needs on request; queued matches are withdrawn. false
    /// when there is no such resident or it is erased already.
    Result<bool, db::Error> eraseOnRequest(std::int64_t residentId, const std::string& staffId, std::int64_t now);

    /// E-mails to send: queued matches with an address, at most `limit`, oldest first.
    Result<std::vector<PendingEmail>, db::Error> pendingEmails(int maxAttempts, int limit);
    /// Records a send: sent, or one more failed attempt (failed after `maxAttempts`).
    Status<db::Error> recordEmail(const PendingEmail& email, bool sent, int maxAttempts, std::int64_t now);

    Result<ResidentCounts, db::Error> counts(const std::string& from, const std::string& to, std::int64_t startUnix,
                                             std::int64_t endUnix);

  private:
    /// The site a new resident and an audit row take: the scope's first.
    std::string site() const;

    ServerStore& m_store;
    SiteScope m_scope;
};

} // namespace okienko::server::residents

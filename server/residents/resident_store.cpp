// The SQL of resident_store.hpp. Residents' personal columns are read only by the coordinators'
// pages and the mailer (the address); the audit rows name the resident by id only.
#include "server/residents/resident_store.hpp"

#include "server/residents/service_availability.hpp"
#include "server/store/panel_actions.hpp"
#include "server/store/site_scoped_sql.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"

namespace okienko::server::residents
{

namespace
{
constexpr const char* kEntity = "resident";

std::string entityId(std::int64_t residentId)
{
    return "resident-" + std::to_string(residentId);
}

ResidentSummary readSummary(db::Row& r)
{
    ResidentSummary s;
    s.id = r.int64();
    s.name = r.text();
    s.phone = r.text();
    s.email = r.text();
    s.language = r.text();
    s.registeredAt = r.int64();
    s.lastContactAt = r.int64();
    s.toTell = r.integer();
    return s;
}

constexpr const char* kSummaryColumns =
    "r.id, COALESCE(r.name, ''), COALESCE(r.phone, ''), COALESCE(r.email, ''), r.language, r.registered_at, "
    "r.last_contact_at, (SELECT COUNT(*) FROM resident_matches m WHERE m.resident_id = r.id AND m.status = "
    "'to-tell')";
} // namespace

Result<std::int64_t, db::Error> ResidentStore::registerResident(const NewResident& resident, const Now& now)
{
    return writeWithOutcome<std::int64_t>(
        m_store, 0,
        [&](db::Database& d, std::int64_t& id) -> Status<db::Error>
        {
            auto inserted = db::queryInt64(
                d,
                "INSERT INTO residents(name, phone, email, language, needs, consent_by, consent_at, consent_version, "
                "registered_by, registered_at, last_contact_at, site_id) VALUES (?1, NULLIF(?2, ''), NULLIF(?3, ''), "
                "?4, "
                "?5, ?6, ?7, ?8, ?6, ?7, ?7, ?9) RETURNING id",
                resident.name, resident.phone, resident.email, resident.language, needsToJson(resident.needs),
                resident.staffId, now.unix, std::string(kConsentWordingVersion), site());
            if (!inserted)
                return makeErr(inserted.error());
            id = inserted->value_or(0);
            auto catalogue = storedCatalog(d, site());
            if (!catalogue)
                return makeErr(catalogue.error());
            if (*catalogue)
                if (auto st = recordRegistrationMatches(d, site(), id, **catalogue, now); !st)
                    return st;
            return recordPanelAction(d, resident.staffId, kEntity, entityId(id),
                                     std::string("register (consent ") + kConsentWordingVersion + ")", now.unix,
                                     site());
        });
}

std::string ResidentStore::site() const
{
    return m_scope.sites().empty() ? std::string(kDefaultSite) : m_scope.sites().front();
}

Result<std::vector<ResidentSummary>, db::Error> ResidentStore::residents()
{
    return readAll(m_store,
                   std::string("SELECT ") + kSummaryColumns + " FROM residents r WHERE r.erased_at IS NULL AND " +
                       m_scope.clause("r.site_id") + " ORDER BY r.registered_at DESC, r.id DESC",
                   readSummary, m_scope.bound());
}

Result<std::optional<ResidentDetail>, db::Error> ResidentStore::resident(std::int64_t id)
{
    return readView<std::optional<ResidentDetail>>(
        m_store,
        [&](db::Database& d, std::optional<ResidentDetail>& view) -> Status<db::Error>
        {
            std::string needs;
            auto found = db::queryOne(
                d,
                std::string("SELECT ") + kSummaryColumns +
                    ", COALESCE(r.needs, ''), COALESCE(c.name, r.consent_by), r.consent_at, r.consent_version, "
                    "COALESCE(g.name, r.registered_by) FROM residents r LEFT JOIN staff c ON c.id = r.consent_by "
                    "LEFT JOIN staff g ON g.id = r.registered_by WHERE r.id = ?1 AND r.erased_at IS NULL AND " +
                    m_scope.clause("r.site_id", "?2"),
                [&](db::Row& r)
                {
                    ResidentDetail detail;
                    detail.summary = readSummary(r);
                    needs = r.text();
                    detail.consentByName = r.text();
                    detail.consentAt = r.int64();
                    detail.consentVersion = r.text();
                    detail.registeredByName = r.text();
                    return detail;
                },
                id, m_scope.bound());
            if (!found)
                return makeErr(found.error());
            if (!*found)
                return {};
            view = std::move(**found);
            view->needs = needsFromJson(needs);
            return db::forEachRow(
                d,
                "SELECT m.service_id, COALESCE(s.name_pl, m.service_id), m.source, m.status, m.matched_at, "
                "m.email_state, COALESCE(m.emailed_at, 0), COALESCE(st.name, m.decided_by, ''), "
                "COALESCE(m.decided_at, 0) FROM resident_matches m LEFT JOIN services s ON s.site_id = (SELECT site_id "
                "FROM "
                "residents WHERE id = m.resident_id) AND s.id = m.service_id "
                "LEFT JOIN staff st ON st.id = m.decided_by WHERE m.resident_id = ?1 ORDER BY m.matched_at, "
                "COALESCE(s.position, 1000000)",
                [&](db::Row& r)
                {
                    MatchView m;
                    m.serviceId = r.text();
                    m.serviceName = r.text();
                    m.source = r.text();
                    m.status = r.text();
                    m.matchedAt = r.int64();
                    m.emailState = r.text();
                    m.emailedAt = r.int64();
                    m.decidedByName = r.text();
                    m.decidedAt = r.int64();
                    view->matches.push_back(std::move(m));
                },
                id);
        });
}

Result<std::vector<QueueItem>, db::Error> ResidentStore::queue()
{
    return readAll(
        m_store,
        "SELECT r.id, COALESCE(r.name, ''), COALESCE(r.phone, ''), COALESCE(r.email, ''), r.language, "
        "m.service_id, COALESCE(s.name_pl, m.service_id), m.source, COALESCE(m.queued_at, m.matched_at), "
        "m.email_state FROM resident_matches m JOIN residents r ON r.id = m.resident_id LEFT JOIN services s ON "
        "s.site_id = r.site_id AND s.id = m.service_id WHERE m.status = 'to-tell' AND r.erased_at IS NULL AND " +
            m_scope.clause("r.site_id") + " ORDER BY COALESCE(m.queued_at, m.matched_at), r.id, m.service_id",
        [](db::Row& r)
        {
            QueueItem q;
            q.residentId = r.int64();
            q.name = r.text();
            q.phone = r.text();
            q.email = r.text();
            q.language = r.text();
            q.serviceId = r.text();
            q.serviceName = r.text();
            q.source = r.text();
            q.queuedAt = r.int64();
            q.emailState = r.text();
            return q;
        },
        m_scope.bound());
}

Result<MarkResult, db::Error> ResidentStore::markNotification(std::int64_t residentId, const std::string& serviceId,
                                                              const std::string& outcome, const std::string& staffId,
                                                              std::int64_t now)
{
    return writeWithOutcome<MarkResult>(
        m_store, MarkResult::NotInQueue,
        [&](db::Database& d, MarkResult& result) -> Status<db::Error>
        {
            auto changed = db::execChanges(
                d,
                "UPDATE resident_matches SET status = ?3, decided_by = ?4, decided_at = ?5, email_state = CASE "
                "email_state WHEN 'pending' THEN 'none' ELSE email_state END WHERE resident_id = ?1 AND "
                "service_id = ?2 AND status = 'to-tell' AND resident_id IN (SELECT id FROM residents WHERE "
                "erased_at IS NULL AND " +
                    m_scope.clause("site_id", "?6") + ")",
                residentId, serviceId, outcome, staffId, now, m_scope.bound());
            if (!changed)
                return makeErr(changed.error());
            if (*changed == 0)
                return {};
            result = MarkResult::Marked;
            if (outcome != "unreachable")
                if (auto st = db::exec(d, "UPDATE residents SET last_contact_at = ?2 WHERE id = ?1", residentId, now);
                    !st)
                    return st;
            return recordPanelAction(d, staffId, kEntity, entityId(residentId), outcome + ": " + serviceId, now,
                                     site());
        });
}

Result<bool, db::Error> ResidentStore::confirmContact(std::int64_t residentId, const std::string& staffId,
                                                      std::int64_t now)
{
    return writeWithOutcome<bool>(m_store, false,
                                  [&](db::Database& d, bool& done) -> Status<db::Error>
                                  {
                                      auto changed = db::execChanges(d,
                                                                     "UPDATE residents SET last_contact_at = ?2 WHERE "
                                                                     "id = ?1 AND erased_at IS NULL AND " +
                                                                         m_scope.clause("site_id", "?3"),
                                                                     residentId, now, m_scope.bound());
                                      if (!changed)
                                          return makeErr(changed.error());
                                      done = *changed > 0;
                                      if (!done)
                                          return {};
                                      return recordPanelAction(d, staffId, kEntity, entityId(residentId), "contact",
                                                               now, site());
                                  });
}

Result<bool, db::Error> ResidentStore::eraseOnRequest(std::int64_t residentId, const std::string& staffId,
                                                      std::int64_t now)
{
    return writeWithOutcome<bool>(
        m_store, false,
        [&](db::Database& d, bool& done) -> Status<db::Error>
        {
            auto changed =
                db::execChanges(d,
                                "UPDATE residents SET name = NULL, phone = NULL, email = NULL, needs = NULL, "
                                "erased_at = ?2, erased_reason = 'request' WHERE id = ?1 AND erased_at IS "
                                "NULL AND " +
                                    m_scope.clause("site_id", "?3"),
                                residentId, now, m_scope.bound());
            if (!changed)
                return makeErr(changed.error());
            done = *changed > 0;
            if (!done)
                return {};
            if (auto st = db::exec(d,
                                   "UPDATE resident_matches SET status = 'withdrawn', email_state = CASE email_state "
                                   "WHEN 'pending' THEN 'none' ELSE email_state END WHERE resident_id = ?1 AND status "
                                   "IN ('to-tell', 'waiting')",
                                   residentId);
                !st)
                return st;
            return recordPanelAction(d, staffId, kEntity, entityId(residentId), "erase on request", now, site());
        });
}

Result<std::vector<PendingEmail>, db::Error> ResidentStore::pendingEmails(int maxAttempts, int limit)
{
    return readAll(
        m_store,
        "SELECT r.id, m.service_id, r.email, r.language, m.email_attempts, r.site_id FROM resident_matches m JOIN "
        "residents r ON "
        "r.id = m.resident_id WHERE m.status = 'to-tell' AND m.email_state = 'pending' AND m.email_attempts < ?1 AND "
        "r.erased_at IS NULL AND COALESCE(r.email, '') <> '' ORDER BY m.queued_at, r.id LIMIT ?2",
        [](db::Row& r)
        {
            PendingEmail e;
            e.residentId = r.int64();
            e.serviceId = r.text();
            e.email = r.text();
            e.language = r.text();
            e.attempts = r.integer();
            e.site = r.text();
            return e;
        },
        maxAttempts, limit);
}

Status<db::Error> ResidentStore::recordEmail(const PendingEmail& email, bool sent, int maxAttempts, std::int64_t now)
{
    return m_store.write(
        [&](db::Database& d)
        {
            return db::exec(d,
                            "UPDATE resident_matches SET email_attempts = email_attempts + 1, email_state = CASE WHEN "
                            "?3 = 1 THEN 'sent' WHEN email_attempts + 1 >= ?4 THEN 'failed' ELSE 'pending' END, "
                            "emailed_at = CASE WHEN ?3 = 1 THEN ?5 ELSE emailed_at END WHERE resident_id = ?1 AND "
                            "service_id = ?2 AND email_state = 'pending'",
                            email.residentId, email.serviceId, sent ? 1 : 0, maxAttempts, now);
        });
}

Result<ResidentCounts, db::Error> ResidentStore::counts(const std::string& from, const std::string& to,
                                                        std::int64_t startUnix, std::int64_t endUnix)
{
    return readView<ResidentCounts>(
        m_store,
        [&](db::Database& d, ResidentCounts& c) -> Status<db::Error>
        {
            // Days (?1 … ?2) for the matches, which keep their local day; moments (?3 ≤ t < ?4) for the rest.
            auto row = db::queryOne(
                d,
                siteScopedSql(
                    "SELECT (SELECT COUNT(*) FROM residents WHERE registered_at >= ?3 AND registered_at < ?4), "
                    "(SELECT COUNT(DISTINCT resident_id) FROM resident_matches WHERE matched_on BETWEEN ?1 AND ?2), "
                    "(SELECT COUNT(*) FROM resident_matches WHERE matched_on BETWEEN ?1 AND ?2), "
                    "(SELECT COUNT(*) FROM resident_matches WHERE status = 'told' AND decided_at >= ?3 AND decided_at "
                    "< "
                    "?4), (SELECT COUNT(*) FROM resident_matches WHERE email_state = 'sent' AND emailed_at >= ?3 AND "
                    "emailed_at < ?4)",
                    m_scope, "?5"),
                [](db::Row& r) {
                    return ResidentCounts{r.int64(), r.int64(), r.int64(), r.int64(), r.int64()};
                },
                from, to, startUnix, endUnix, m_scope.bound());
            if (!row)
                return makeErr(row.error());
            c = row->value_or(ResidentCounts{});
            return {};
        });
}

} // namespace okienko::server::residents

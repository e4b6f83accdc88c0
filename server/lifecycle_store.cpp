// Kiosk and staff lifecycle writes and the lists the command line prints.
#include "server/lifecycle_store.hpp"

#include "server/credentials.hpp"
#include "server/staff_changes.hpp"
#include "server/store/panel_actions.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"

#include <utility>

namespace okienko::server
{

namespace
{
/// The audit rows of the command line name it as their staff id.
constexpr const char* kCliActor = "cli";

LifecycleError databaseError(const db::Error& e)
{
    return LifecycleError{LifecycleError::Kind::Database, "database: " + e.describe()};
}

/// The kiosk's row: its number and whether it is active; nullopt when no kiosk has the id.
Result<std::optional<std::pair<std::int64_t, bool>>, db::Error> kioskRow(db::Database& d, const std::string& id)
{
    return db::queryOne(
        d, "SELECT id, active FROM kiosks WHERE name = ?",
        [](db::Row& r)
        {
            const std::int64_t number = r.int64();
            return std::pair<std::int64_t, bool>(number, r.integer() != 0);
        },
        id);
}

LifecycleError noSuchKiosk(const std::string& id)
{
    return {LifecycleError::Kind::NotFound, "no kiosk has the id \"" + id + "\" (see list-kiosks)"};
}

LifecycleError noSuchStaff(const std::string& id)
{
    return {LifecycleError::Kind::NotFound, "no staff member has the id \"" + id + "\" (see list-staff)"};
}

/// Ends every panel session of the member and forgets its failed logins.
Status<db::Error> endPanelSessions(db::Database& d, const std::string& staffId)
{
    if (auto st = db::exec(d, "DELETE FROM panel_sessions WHERE staff_id = ?", staffId); !st)
        return st;
    return db::exec(d, "DELETE FROM panel_login_failures WHERE staff_id = ?", staffId);
}
/// The member's active flag; nullopt when no staff member has the id.
Result<std::optional<bool>, db::Error> staffActive(db::Database& d, const std::string& staffId)
{
    return db::queryOne(
        d, "SELECT active FROM staff WHERE id = ?", [](db::Row& r) { return r.integer() != 0; }, staffId);
}

/// What a change's work decided: a refusal for the operator, or whether it wrote anything.
struct Decision
{
    std::optional<LifecycleError> refused;
    bool changed = false;
};

/// One write transaction running `work(d, decision)`; a refusal rolls back whatever the work did
/// before it found the reason, and is what the caller gets.
template <typename Work> Result<bool, LifecycleError> change(ServerStore& store, Work work)
{
    Decision decision;
    auto written = store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            if (auto st = work(d, decision); !st)
                return st;
            if (decision.refused)
                return makeErr(db::notFound("lifecycle", decision.refused->message));
            return {};
        });
    if (decision.refused)
        return makeErr(*decision.refused);
    if (!written)
        return makeErr(databaseError(written.error()));
    return decision.changed;
}

/// change() of kiosk `id`: `work(d, active, decision)` runs only when the kiosk exists.
template <typename Work> Result<bool, LifecycleError> changeKiosk(ServerStore& store, const std::string& id, Work work)
{
    return change(store,
                  [&](db::Database& d, Decision& decision) -> Status<db::Error>
                  {
                      auto existing = kioskRow(d, id);
                      if (!existing)
                          return makeErr(existing.error());
                      if (!existing.value())
                      {
                          decision.refused = noSuchKiosk(id);
                          return {};
                      }
                      return work(d, existing.value()->second, decision);
                  });
}

/// change() of staff member `staffId`: `work(d, active, decision)` runs only when it exists.
template <typename Work>
Result<bool, LifecycleError> changeStaff(ServerStore& store, const std::string& staffId, Work work)
{
    return change(store,
                  [&](db::Database& d, Decision& decision) -> Status<db::Error>
                  {
                      auto active = staffActive(d, staffId);
                      if (!active)
                          return makeErr(active.error());
                      if (!active.value())
                      {
                          decision.refused = noSuchStaff(staffId);
                          return {};
                      }
                      return work(d, *active.value(), decision);
                  });
}

/// A new PIN or password hash in `column`; the member's panel sessions end, and a PIN is
/// re-published to kiosks.
Result<bool, LifecycleError> replaceSecret(ServerStore& store, const std::string& staffId, std::string_view column,
                                           const std::string& hash, const std::string& action, const Now& now)
{
    return changeStaff(store, staffId,
                       [&](db::Database& d, bool, Decision& decision) -> Status<db::Error>
                       {
                           const std::string sql = "UPDATE staff SET " + std::string(column) + " = ? WHERE id = ?";
                           if (auto st = db::exec(d, sql, hash, staffId); !st)
                               return st;
                           if (auto st = endPanelSessions(d, staffId); !st)
                               return st;
                           if (column == "pin_hash")
                               if (auto st = logStaffMember(d, staffId, now.unix); !st)
                                   return st;
                           decision.changed = true;
                           return recordPanelAction(d, kCliActor, "staff", staffId, action, now.unix);
                       });
}
} // namespace

Result<std::string, LifecycleError> LifecycleStore::enrolKiosk(const std::string& id, const std::string& name,
                                                               const Now& now, bool staffWork, const std::string& site)
{
    const std::string token = newKioskToken();
    auto done = change(m_store,
                       [&](db::Database& d, Decision& decision) -> Status<db::Error>
                       {
                           auto existing = kioskRow(d, id);
                           if (!existing)
                               return makeErr(existing.error());
                           if (const auto& row = existing.value())
                           {
                               decision.refused = LifecycleError{
                                   LifecycleError::Kind::Clash,
                                   "the kiosk id \"" + id + "\" is already taken by " +
                                       (row->second ? "an active kiosk (rotate-kiosk gives it a new token)"
                                                    : "a revoked kiosk (a revoked id is never reused)") +
                                       ": choose another id"};
                               return {};
                           }
                           auto siteKnown = db::exists(d, "SELECT 1 FROM sites WHERE id = ?", site);
                           if (!siteKnown)
                               return makeErr(siteKnown.error());
                           if (!*siteKnown)
                           {
                               decision.refused =
                                   LifecycleError{LifecycleError::Kind::NotFound,
                                                  "no site has the id \"" + site + "\" (see site list; site add)"};
                               return {};
                           }
                           if (auto st = db::exec(d,
                                                  "INSERT INTO kiosks(name, display_name, token_hash, created_at, "
                                                  "staff_work, site_id) VALUES (?, ?, ?, ?, ?, ?)",
                                                  id, name, sha256Hex(token), now.unix, staffWork ? 1 : 0, site);
                               !st)
                               return st;
                           decision.changed = true;
                           return recordPanelAction(d, kCliActor, "kiosk", id, "enrol", now.unix);
                       });
    if (!done)
        return makeErr(done.error());
    return token;
}

Result<std::vector<KioskListing>, LifecycleError> LifecycleStore::listKiosks()
{
    auto rows = readAll(m_store,
                        "SELECT k.name, k.display_name, k.active, k.created_at, h.received_at, "
                        "COALESCE(h.kiosk_version, ''), k.staff_work, k.site_id FROM kiosks k "
                        "LEFT JOIN heartbeats h ON h.kiosk_id = k.id WHERE k.kind = 'kiosk' "
                        "ORDER BY k.name",
                        [](db::Row& r)
                        {
                            KioskListing k;
                            k.id = r.text();
                            k.name = r.text();
                            k.active = r.integer() != 0;
                            k.createdAt = r.int64();
                            k.lastHeartbeat = r.optionalInt64();
                            k.version = r.text();
                            k.staffWork = r.integer() != 0;
                            k.site = r.text();
                            return k;
                        });
    if (!rows)
        return makeErr(databaseError(rows.error()));
    return std::move(rows).value();
}

Result<bool, LifecycleError> LifecycleStore::revokeKiosk(const std::string& id, const Now& now)
{
    return changeKiosk(m_store, id,
                       [&](db::Database& d, bool active, Decision& decision) -> Status<db::Error>
                       {
                           if (!active)
                               return {};
                           if (auto st = db::exec(d, "UPDATE kiosks SET active = 0 WHERE name = ?", id); !st)
                               return st;
                           decision.changed = true;
                           return recordPanelAction(d, kCliActor, "kiosk", id, "revoke", now.unix);
                       });
}

Result<bool, LifecycleError> LifecycleStore::setKioskStaffWork(const std::string& id, bool staffWork, const Now& now)
{
    return changeKiosk(
        m_store, id,
        [&](db::Database& d, bool, Decision& decision) -> Status<db::Error>
        {
            auto current = db::queryOne(
                d, "SELECT id, staff_work FROM kiosks WHERE name = ?",
                [](db::Row& r)
                {
                    const std::int64_t number = r.int64();
                    return std::pair<std::int64_t, bool>(number, r.integer() != 0);
                },
                id);
            if (!current)
                return makeErr(current.error());
            if (!*current || (*current)->second == staffWork)
                return {};
            const std::int64_t kiosk = (*current)->first;
            if (auto st = db::exec(d, "UPDATE kiosks SET staff_work = ? WHERE id = ?", staffWork ? 1 : 0, kiosk); !st)
                return st;
            if (auto st = staffWork ? sendStaffFeedTo(d, kiosk, now.unix) : withdrawStaffFeedFrom(d, kiosk, now.unix);
                !st)
                return st;
            decision.changed = true;
            return recordPanelAction(d, kCliActor, "kiosk", id, staffWork ? "staff-work-on" : "staff-work-off",
                                     now.unix);
        });
}

Result<std::string, LifecycleError> LifecycleStore::rotateKiosk(const std::string& id, const Now& now)
{
    const std::string token = newKioskToken();
    auto done = changeKiosk(
        m_store, id,
        [&](db::Database& d, bool active, Decision& decision) -> Status<db::Error>
        {
            if (!active)
            {
                decision.refused = LifecycleError{LifecycleError::Kind::Revoked,
                                                  "the kiosk \"" + id +
                                                      "\" is revoked: it gets no new token (enrol it under a new id)"};
                return {};
            }
            if (auto st = db::exec(d, "UPDATE kiosks SET token_hash = ? WHERE name = ?", sha256Hex(token), id); !st)
                return st;
            decision.changed = true;
            return recordPanelAction(d, kCliActor, "kiosk", id, "rotate", now.unix);
        });
    if (!done)
        return makeErr(done.error());
    return token;
}

Result<std::vector<StaffListing>, LifecycleError> LifecycleStore::listStaff()
{
    auto rows = readAll(m_store,
                        "SELECT id, name, role, active, created_at, pin_hash, "
                        "(SELECT group_concat(x.site_id, ',') FROM staff_sites x WHERE x.staff_id = staff.id) "
                        "FROM staff ORDER BY name, id",
                        [](db::Row& r)
                        {
                            StaffListing s;
                            s.id = r.text();
                            s.name = r.text();
                            s.role = r.text();
                            s.active = r.integer() != 0;
                            s.createdAt = r.int64();
                            s.pinHash = r.text();
                            s.sites = r.optionalText().value_or("");
                            return s;
                        });
    if (!rows)
        return makeErr(databaseError(rows.error()));
    return std::move(rows).value();
}

Result<bool, LifecycleError> LifecycleStore::setStaffActive(const std::string& staffId, bool active, const Now& now,
                                                            const std::string& actor)
{
    return changeStaff(
        m_store, staffId,
        [&](db::Database& d, bool current, Decision& decision) -> Status<db::Error>
        {
            if (current == active)
                return {};
            if (auto st = db::exec(d, "UPDATE staff SET active = ? WHERE id = ?", active ? 1 : 0, staffId); !st)
                return st;
            if (!active)
                if (auto st = endPanelSessions(d, staffId); !st)
                    return st;
            if (auto st = logStaffMember(d, staffId, now.unix); !st)
                return st;
            decision.changed = true;
            return recordPanelAction(d, actor, "staff", staffId, active ? "reactivate" : "deactivate", now.unix);
        });
}

Result<bool, LifecycleError> LifecycleStore::setStaffRole(const std::string& staffId, domain::StaffRole role,
                                                          const Now& now, const std::string& actor)
{
    const std::string code(domain::toCode(role));
    return changeStaff(m_store, staffId,
                       [&](db::Database& d, bool, Decision& decision) -> Status<db::Error>
                       {
                           // A partner institution's login keeps its role: it is scoped to its institution.
                           auto changed = db::execChanges(
                               d, "UPDATE staff SET role = ?1 WHERE id = ?2 AND role <> ?1 AND role <> 'partner'", code,
                               staffId);
                           if (!changed)
                               return makeErr(changed.error());
                           if (*changed == 0)
                               return {};
                           if (auto st = endPanelSessions(d, staffId); !st)
                               return st;
                           if (auto st = logStaffMember(d, staffId, now.unix); !st)
                               return st;
                           decision.changed = true;
                           return recordPanelAction(d, actor, "staff", staffId, "role: " + code, now.unix);
                       });
}

Result<bool, LifecycleError> LifecycleStore::resetPassword(const std::string& staffId, const std::string& passwordHash,
                                                           const Now& now)
{
    return replaceSecret(m_store, staffId, "password_hash", passwordHash, "reset-password", now);
}

Result<bool, LifecycleError> LifecycleStore::resetPin(const std::string& staffId, const std::string& pinHash,
                                                      const Now& now)
{
    return replaceSecret(m_store, staffId, "pin_hash", pinHash, "reset-pin", now);
}

} // namespace okienko::server

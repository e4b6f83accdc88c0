// Kiosk and staff lifecycle writes and the lists the command line prints.
#include "server/lifecycle_store.hpp"

#include "server/credentials.hpp"
#include "server/staff_changes.hpp"
#include "server/store/panel_actions.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"

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
} // namespace

template <typename Work> Result<bool, LifecycleError> LifecycleStore::change(Work work)
{
    std::optional<LifecycleError> refused;
    bool changed = false;
    auto written = m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            if (auto st = work(d, refused, changed); !st)
                return st;
            // A refusal rolls back whatever the work did before it found the reason.
            if (refused)
                return makeErr(db::notFound("lifecycle", refused->message));
            return {};
        });
    if (refused)
        return makeErr(*refused);
    if (!written)
        return makeErr(databaseError(written.error()));
    return changed;
}

Result<std::string, LifecycleError> LifecycleStore::enrolKiosk(const std::string& id, const std::string& name,
                                                               const Now& now)
{
    const std::string token = newKioskToken();
    auto done = change(
        [&](db::Database& d, std::optional<LifecycleError>& refused, bool& changed) -> Status<db::Error>
        {
            auto existing = kioskRow(d, id);
            if (!existing)
                return makeErr(existing.error());
            if (const auto& row = existing.value())
            {
                refused = LifecycleError{LifecycleError::Kind::Clash,
                                         "the kiosk id \"" + id + "\" is already taken by " +
                                             (row->second ? "an active kiosk (rotate-kiosk gives it a new token)"
                                                          : "a revoked kiosk (a revoked id is never reused)") +
                                             ": choose another id"};
                return {};
            }
            if (auto st =
                    db::exec(d, "INSERT INTO kiosks(name, display_name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                             id, name, sha256Hex(token), now.unix);
                !st)
                return st;
            changed = true;
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
                        "COALESCE(h.kiosk_version, '') FROM kiosks k LEFT JOIN heartbeats h ON h.kiosk_id = k.id "
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
                            return k;
                        });
    if (!rows)
        return makeErr(databaseError(rows.error()));
    return std::move(rows).value();
}

Result<bool, LifecycleError> LifecycleStore::revokeKiosk(const std::string& id, const Now& now)
{
    return change(
        [&](db::Database& d, std::optional<LifecycleError>& refused, bool& changed) -> Status<db::Error>
        {
            auto existing = kioskRow(d, id);
            if (!existing)
                return makeErr(existing.error());
            if (!existing.value())
            {
                refused = noSuchKiosk(id);
                return {};
            }
            if (!existing.value()->second)
                return {};
            if (auto st = db::exec(d, "UPDATE kiosks SET active = 0 WHERE name = ?", id); !st)
                return st;
            changed = true;
            return recordPanelAction(d, kCliActor, "kiosk", id, "revoke", now.unix);
        });
}

Result<std::string, LifecycleError> LifecycleStore::rotateKiosk(const std::string& id, const Now& now)
{
    const std::string token = newKioskToken();
    auto done = change(
        [&](db::Database& d, std::optional<LifecycleError>& refused, bool& changed) -> Status<db::Error>
        {
            auto existing = kioskRow(d, id);
            if (!existing)
                return makeErr(existing.error());
            if (!existing.value())
            {
                refused = noSuchKiosk(id);
                return {};
            }
            if (!existing.value()->second)
            {
                refused = LifecycleError{LifecycleError::Kind::Revoked,
                                         "the kiosk \"" + id +
                                             "\" is revoked: it gets no new token (enrol it under a new id)"};
                return {};
            }
            if (auto st = db::exec(d, "UPDATE kiosks SET token_hash = ? WHERE name = ?", sha256Hex(token), id); !st)
                return st;
            changed = true;
            return recordPanelAction(d, kCliActor, "kiosk", id, "rotate", now.unix);
        });
    if (!done)
        return makeErr(done.error());
    return token;
}

Result<std::vector<StaffListing>, LifecycleError> LifecycleStore::listStaff()
{
    auto rows = readAll(m_store, "SELECT id, name, role, active, created_at FROM staff ORDER BY name, id",
                        [](db::Row& r)
                        {
                            StaffListing s;
                            s.id = r.text();
                            s.name = r.text();
                            s.role = r.text();
                            s.active = r.integer() != 0;
                            s.createdAt = r.int64();
                            return s;
                        });
    if (!rows)
        return makeErr(databaseError(rows.error()));
    return std::move(rows).value();
}

namespace
{
/// The member's active flag; nullopt when no staff member has the id.
Result<std::optional<bool>, db::Error> staffActive(db::Database& d, const std::string& staffId)
{
    return db::queryOne(
        d, "SELECT active FROM staff WHERE id = ?", [](db::Row& r) { return r.integer() != 0; }, staffId);
}
} // namespace

Result<bool, LifecycleError> LifecycleStore::setStaffActive(const std::string& staffId, bool active, const Now& now)
{
    return change(
        [&](db::Database& d, std::optional<LifecycleError>& refused, bool& changed) -> Status<db::Error>
        {
            auto current = staffActive(d, staffId);
            if (!current)
                return makeErr(current.error());
            if (!current.value())
            {
                refused = noSuchStaff(staffId);
                return {};
            }
            if (*current.value() == active)
                return {};
            if (auto st = db::exec(d, "UPDATE staff SET active = ? WHERE id = ?", active ? 1 : 0, staffId); !st)
                return st;
            if (!active)
                if (auto st = endPanelSessions(d, staffId); !st)
                    return st;
            if (auto st = logStaffMember(d, staffId, now.unix); !st)
                return st;
            changed = true;
            return recordPanelAction(d, kCliActor, "staff", staffId, active ? "reactivate" : "deactivate", now.unix);
        });
}

Result<bool, LifecycleError> LifecycleStore::resetPassword(const std::string& staffId, const std::string& passwordHash,
                                                           const Now& now)
{
    return change(
        [&](db::Database& d, std::optional<LifecycleError>& refused, bool& changed) -> Status<db::Error>
        {
            auto current = staffActive(d, staffId);
            if (!current)
                return makeErr(current.error());
            if (!current.value())
            {
                refused = noSuchStaff(staffId);
                return {};
            }
            if (auto st = db::exec(d, "UPDATE staff SET password_hash = ? WHERE id = ?", passwordHash, staffId); !st)
                return st;
            if (auto st = endPanelSessions(d, staffId); !st)
                return st;
            changed = true;
            return recordPanelAction(d, kCliActor, "staff", staffId, "reset-password", now.unix);
        });
}

Result<bool, LifecycleError> LifecycleStore::resetPin(const std::string& staffId, const std::string& pinHash,
                                                      const Now& now)
{
    return change(
        [&](db::Database& d, std::optional<LifecycleError>& refused, bool& changed) -> Status<db::Error>
        {
            auto current = staffActive(d, staffId);
            if (!current)
                return makeErr(current.error());
            if (!current.value())
            {
                refused = noSuchStaff(staffId);
                return {};
            }
            if (auto st = db::exec(d, "UPDATE staff SET pin_hash = ? WHERE id = ?", pinHash, staffId); !st)
                return st;
            if (auto st = endPanelSessions(d, staffId); !st)
                return st;
            if (auto st = logStaffMember(d, staffId, now.unix); !st)
                return st;
            changed = true;
            return recordPanelAction(d, kCliActor, "staff", staffId, "reset-pin", now.unix);
        });
}

} // namespace okienko::server

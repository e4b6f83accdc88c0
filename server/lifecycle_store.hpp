// The lifecycle of kiosks and staff members as the command line changes it: enrol, list, revoke
// and rotate kiosks; list, deactivate, reactivate and reset staff. Each change is one write
// transaction of ServerStore with its audit row (panel_actions, staff_id "cli") and, for staff,
// the change-log row that tells every kiosk at its next pull. Nothing here needs a restart: the
// API checks a kiosk's token against the database on every request (Api::authenticate) and the
// panel checks a session's staff member on every request.
#pragma once

#include "server/server_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

/// Why a lifecycle change was refused; `message` is a whole sentence for the operator.
struct LifecycleError
{
    enum class Kind
    {
        NotFound, ///< no kiosk or staff member with that id
        Clash,    ///< the kiosk id is taken (by an active or a revoked kiosk)
        Revoked,  ///< the kiosk was revoked: its id is never used again
        Database,
    };
    Kind kind = Kind::Database;
    std::string message;
};

struct KioskListing
{
    std::string id;   ///< the kiosk's tag ([kiosk] id; kiosks.name)
    std::string name; ///< the place's human name ("" for kiosks added with add-kiosk)
    bool active = true;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> lastHeartbeat;
    std::string version;    ///< of the last heartbeat, "" without one
    bool staffWork = false; ///< receives the staff feed (names and phones, staff PIN hashes)
    std::string site;       ///< the site it was enrolled for
};

struct StaffListing
{
    std::string id, name, role;
    bool active = true;
    std::int64_t createdAt = 0;
    std::string pinHash; ///< for list-staff's "made with older limits: rotate"
    std::string sites;   ///< the sites the account reaches, comma-separated
};

/// The changes return true when they wrote, false when the row was already as asked (nothing
/// written: revoking a revoked kiosk, deactivating an inactive member).
class LifecycleStore
{
  public:
    explicit LifecycleStore(ServerStore& store) : m_store(store) {}

    /// Registers kiosk `id` of site `site` with a fresh token; returns the token (only its hash is
    /// stored). Everything the kiosk reaches is that site's (decision 0011).
    Result<std::string, LifecycleError> enrolKiosk(const std::string& id, const std::string& name, const Now& now,
                                                   bool staffWork = false, const std::string& site = "default");
    /// Flags the kiosk for staff work (it gets the current staff feed as its own rows) or unflags it
    /// (it gets a delete for every pick-up, loan and staff member); false when it already was so.
    Result<bool, LifecycleError> setKioskStaffWork(const std::string& id, bool staffWork, const Now& now);
    Result<std::vector<KioskListing>, LifecycleError> listKiosks();
    /// Its token is refused from the next request on; the id stays taken.
    Result<bool, LifecycleError> revokeKiosk(const std::string& id, const Now& now);
    /// A new token for an active kiosk; the old one is refused from the next request on.
    Result<std::string, LifecycleError> rotateKiosk(const std::string& id, const Now& now);

    Result<std::vector<StaffListing>, LifecycleError> listStaff();
    /// Deactivating also ends the member's panel sessions; kiosks learn it at their next pull.
    /// `actor` is the audit row's staff id: "cli", or the admin who did it in the panel.
    Result<bool, LifecycleError> setStaffActive(const std::string& staffId, bool active, const Now& now,
                                                const std::string& actor = "cli");
    /// A new role ends the member's panel sessions (a session is opened for one role); kiosks get
    /// the member as the new role publishes it at their next pull (a counsellor: no staff mode).
    Result<bool, LifecycleError> setStaffRole(const std::string& staffId, domain::StaffRole role, const Now& now,
                                              const std::string& actor = "cli");
    /// Both end the member's panel sessions and clear its failed logins; a new PIN reaches kiosks
    /// at their next pull.
    Result<bool, LifecycleError> resetPassword(const std::string& staffId, const std::string& passwordHash,
                                               const Now& now);
    Result<bool, LifecycleError> resetPin(const std::string& staffId, const std::string& pinHash, const Now& now);

  private:
    ServerStore& m_store;
};

} // namespace okienko::server

// Staff mode's way in and out: the hidden entry (long-press on the CUS logo, or a staff badge scanned on the attract or
// home screen), the PIN keypad checked offline against the PIN hashes the server sent (on a worker: argon2id is slow on
// purpose), the lock after repeated wrong PINs kept in the kiosk database, the staff menu, logout, and the kiosk status
// screen (link, last sync, outbox, printer, reprint, test print, version).
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/flows/equipment_flow.hpp" // FlowDeps
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/staff/staff_entry_intents.hpp"
#include "shared/domain/catalog.hpp"

#include <string>
#include <utility>

namespace okienko::kiosk
{

class StaffEntryFlow
{
  public:
    /// `state` and `catalog` must outlive the flow.
    StaffEntryFlow(AppState& state, const domain::Catalog& catalog) : m_state(state), m_catalog(catalog) {}

    void attach(FlowDeps deps) { m_deps = std::move(deps); }
    void apply(const StaffEntryIntent& intent);
    /// A worker's result for this flow; false when it belongs to someone else.
    bool onCompletion(const Completion& completion);
    /// A scanned code while one of this flow's screens is shown; false when not used here.
    bool onScan(const std::string& code);
    /// True once after this flow changed a unit's state in the kiosk database (the app then
    /// reloads the catalogue, whose units residents' availability is computed from).
    bool takeUnitsChanged() { return std::exchange(m_unitsChanged, false); }
    /// True once after "Wyloguj": the controller then wipes the session (which is the logout).
    bool takeLogout() { return std::exchange(m_logout, false); }
    /// The session is being wiped while staff are logged in: forget the slips kept for reprint.
    void sessionEnding();

  private:
    AppState& m_state;
    const domain::Catalog& m_catalog;
    FlowDeps m_deps;
    bool m_unitsChanged = false;
    bool m_logout = false;
};

} // namespace okienko::kiosk

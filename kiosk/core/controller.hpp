// Turns intents into state changes, runs the idle session timer, and wipes the session when it
// expires. The only writer of AppState. No ImGui, no SDL: tests drive it directly.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/flows/equipment_flow.hpp"
#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/flows/request_flows.hpp"
#include "kiosk/core/flows/service_info_print.hpp"
#include "kiosk/core/idle_timer.hpp"
#include "kiosk/core/intents.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/staff/check_out_flow.hpp"
#include "kiosk/core/staff/loan_desk_flow.hpp"
#include "kiosk/core/staff/staff_entry_flow.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/search/catalog_index.hpp"

#include <array>
#include <chrono>
#include <optional>

namespace okienko::kiosk
{

/// At most this many search results are listed.
inline constexpr std::size_t kMaxSearchResults = 40;

class Controller
{
  public:
    /// `catalog` and `index` must outlive the controller.
    Controller(AppState& state, const domain::Catalog& catalog, const search::CatalogIndex& index,
               SessionDefaults defaults, std::chrono::seconds idleTimeout, std::chrono::seconds idleWarning);

    void apply(const Intent& intent, Millis now);
    /// Applies and clears `intents`.
    void applyAll(Intents& intents, Millis now);
    /// Any touch on the screen: restarts the idle countdown.
    void userActivity(Millis now);
    /// Advances the idle timer. Returns true when something visible changed (warning shown, its
    /// number changed, or the session was wiped).
    bool tick(Millis now);
    /// When tick() must run next (nullopt: only after input).
    std::optional<Millis> nextDeadline(Millis now) const;
    /// Throws away everything the user entered and shows the attract screen. The configuration
    /// errors and the connectivity status are not user data and stay.
    void wipeSession();
    /// Whether the session speaks, asked again (SessionDefaults::speechOnNow) unless the resident
    /// chose with the speech key or the long-press since the last wipe. Called by the wipe, at the
    /// start of a session, and by the app once the audio hardware is known.
    void followSessionSpeech();
    /// A worker's result, drained on the UI thread (print, hold, booking, sync status). A
    /// SyncCompletion with catalogueChanged arrives after the app reloaded the catalogue and index.
    void onCompletion(const Completion& completion);

    /// The idle timer that runs now: staff mode's (2 minutes to logout) while staff are logged in.
    const IdleTimer& idleTimer() const { return activeIdle(); }
    /// Gives every flow the services, translator and clock (the app does this once).
    void attach(const FlowDeps& deps);
    /// The equipment reservation flow (tests attach it alone; the service page's print borrows its
    /// services).
    EquipmentFlow& equipment() { return m_equipment; }
    /// Counselling, callback and feedback (tests attach them alone).
    RequestFlows& requests() { return m_requests; }
    /// Staff mode's flows (tests attach them alone).
    void attachStaff(const FlowDeps& deps);
    StaffEntryFlow& staffEntry() { return m_staffEntry; }
    CheckOutFlow& checkOut() { return m_checkOut; }
    LoanDeskFlow& loanDesk() { return m_loanDesk; }
    /// True once after a staff action changed units in the kiosk database: the app reloads the
    /// catalogue, so residents' availability sees the unit in cleaning or out on loan.
    bool takeCatalogueReload();

  private:
    /// The controller's own intents: navigation, language, display, catalogue, fee calculator,
    /// keyboard input that no flow took, scans, the session.
    void applyOwn(const Intent& intent, Millis now);
    void pressKey(const PressKey& press);
    EditField& field(FieldId id);
    void refreshSearch();
    void openService(const std::string& id);
    /// A screen was entered anew or returned to: transient messages go; Home/Start clear the search.
    void screenEntered();
    void scanned(const std::string& code);
    /// A USB keyboard's text (TypeText) or Backspace (EraseText) for the field of a flow's screen
    /// (a staff field or the PIN keypad); false when no flow takes it.
    bool typeIntoFlow(const TypeText& typed);
    bool typeIntoFlow(const EraseText& erase);
    /// A USB keyboard's text or Backspace for the catalogue search or the fee calculator's income.
    template <typename Typing> void typeIntoOwnField(const Typing& typing);
    /// Switches between the residents' and staff's idle timers after a login or logout.
    void followStaffSession(Millis now);
    IdleTimer& activeIdle() { return m_state.staff.loggedIn() ? m_staffIdle : m_idle; }
    const IdleTimer& activeIdle() const { return m_state.staff.loggedIn() ? m_staffIdle : m_idle; }

    AppState& m_state;
    const domain::Catalog& m_catalog;
    const search::CatalogIndex& m_index;
    SessionDefaults m_defaults;
    IdleTimer m_idle;
    /// The warning is part of the two minutes: logged out kStaffIdleLogout after the last touch.
    IdleTimer m_staffIdle{kStaffIdleLogout - kStaffIdleWarning, kStaffIdleWarning};
    bool m_staffWasLoggedIn = false;
    bool m_speechChosen = false; ///< the resident turned speech on or off since the last wipe
    EquipmentFlow m_equipment{m_state, m_catalog};
    RequestFlows m_requests{m_state, m_catalog};
    ServiceInfoPrint m_servicePrint{m_state, m_catalog, m_equipment.deps()};
    StaffEntryFlow m_staffEntry{m_state, m_catalog};
    CheckOutFlow m_checkOut{m_state, m_catalog};
    LoanDeskFlow m_loanDesk{m_state, m_catalog};
    /// Every flow, in the order they are asked: staff flows first (a PIN or a print result of
    /// staff mode), then the residents'. A new flow is added here.
    std::array<Flow*, 6> m_flows{&m_staffEntry, &m_checkOut, &m_loanDesk, &m_equipment, &m_servicePrint, &m_requests};
    std::array<Flow*, 3> m_staffFlows{&m_staffEntry, &m_checkOut, &m_loanDesk};
};

} // namespace okienko::kiosk

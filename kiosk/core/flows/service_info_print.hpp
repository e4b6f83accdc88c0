// "Drukuj informację" on a service page: builds receipt::serviceInfoSlip in the session language,
// queues it on the print worker and turns the worker's answer into AppState::servicePrint. Owns
// no state of its own: everything lives in AppState, so the idle wipe and Home leave nothing.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/flows/equipment_flow.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "shared/domain/catalog.hpp"

#include <string>

namespace okienko::kiosk
{

/// The printer.* message key that says why `result` did not print, or "" when the printer itself
/// looks fine (a job that timed out on a "ready" printer must not be explained as "ready").
std::string failedPrintMessageKey(const receipt::PrintResult& result);

class ServiceInfoPrint
{
  public:
    /// `state` and `catalog` must outlive this.
    ServiceInfoPrint(AppState& state, const domain::Catalog& catalog) : m_state(state), m_catalog(catalog) {}

    /// A service page opened: records whether the button may be shown, and forgets the outcome
    /// of another service's sheet.
    void opened(const FlowDeps& deps, const std::string& serviceId);
    /// Queues the sheet of `serviceId`. Ignored while a sheet is still printing (a second tap must
    /// not print twice), without a printer, or for an unknown service.
    void print(const FlowDeps& deps, const std::string& serviceId);
    /// A print result; false when the ticket is not this page's (or the session was wiped).
    bool onCompletion(const Completion& completion);

  private:
    AppState& m_state;
    const domain::Catalog& m_catalog;
};

} // namespace okienko::kiosk

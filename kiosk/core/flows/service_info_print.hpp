// "Drukuj informację" on a service page: builds receipt::serviceInfoSlip in the session language,
// queues it on the print worker and turns the worker's answer into AppState::servicePrint. Owns
// no state of its own: everything lives in AppState, so the idle wipe and Home leave nothing.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "shared/domain/catalog.hpp"

#include <string>

namespace okienko::kiosk
{

class ServiceInfoPrint final : public Flow
{
  public:
    /// `state`, `catalog` and `deps` must outlive this. The print button borrows the equipment
    /// flow's services (`deps`): they are attached once, there.
    ServiceInfoPrint(AppState& state, const domain::Catalog& catalog, const FlowDeps& deps)
        : m_state(state), m_catalog(catalog), m_deps(deps)
    {
    }

    FlowId id() const override { return FlowId::ServiceInfo; }
    bool ownsScreen(ScreenId screen) const override { return screen == ScreenId::ServicePage; }
    /// Nothing to keep: the borrowed services are attached to the equipment flow.
    void attach(FlowDeps /*deps*/) override {}
    /// PrintServiceInfo: queues the sheet. Ignored while a sheet is still printing (a second tap
    /// must not print twice), without a printer, or for an unknown service.
    bool apply(const Intent& intent) override;
    /// A print result; false when the ticket is not this page's (or the session was wiped).
    bool onCompletion(const Completion& completion) override;

    /// A service page opened: records whether the button may be shown, and forgets the outcome
    /// of another service's sheet.
    void opened(const std::string& serviceId);

  private:
    void print(const std::string& serviceId);

    AppState& m_state;
    const domain::Catalog& m_catalog;
    const FlowDeps& m_deps;
};

} // namespace okienko::kiosk

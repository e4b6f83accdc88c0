// The counselling, callback and feedback flows as one entry of the Controller's flow table: they
// share one context (state, services, usage recorder). Applies their intents through their own
// table, hands them worker completions, records usage (flow started / finished / abandoned at a
// step) and erases the active flow's state as soon as none of its screens is left on the router's
// stack (Home, Cancel, Back past the first step) or the session is wiped.
#pragma once

#include "kiosk/core/flows/callback_flow.hpp"
#include "kiosk/core/flows/counselling_flow.hpp"
#include "kiosk/core/flows/feedback.hpp"
#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/flows/flow_context.hpp"
#include "kiosk/core/flows/request_intents.hpp"

#include <array>

namespace okienko::kiosk
{

class RequestFlows final : public Flow
{
  public:
    /// `state` and `catalog` must outlive this.
    RequestFlows(AppState& state, const domain::Catalog& catalog);
    RequestFlows(const RequestFlows&) = delete;
    RequestFlows& operator=(const RequestFlows&) = delete;

    /// The request flow the session is in (None when none).
    FlowId id() const override { return m_ctx.state.requests.activeFlow; }
    bool ownsScreen(ScreenId screen) const override;
    /// Services, translator (slips) and clock; every pointer must outlive this.
    void attach(FlowDeps deps) override;
    bool apply(const Intent& intent) override;
    /// A print or booking result; false when none of these flows owns it.
    bool onCompletion(const Completion& completion) override;
    /// Records the step shown, and ends (abandoned) the active flow when its screens are no longer
    /// on the router's stack, erasing its state.
    void afterIntent() override;
    void screenEntered() override;
    /// A flow in progress is recorded as abandoned.
    void sessionEnding() override;

    /// For the catalogue: service viewed, search made (anonymous).
    UsageRecorder& usage() { return m_ctx.usage; }

  private:
    /// The flow named by AppState::requests.activeFlow, nullptr when none.
    const Flow* active() const;

    FlowContext m_ctx;
    CounsellingFlow m_counselling{m_ctx};
    CallbackFlow m_callback{m_ctx};
    Feedback m_feedback{m_ctx};
    std::array<Flow*, 3> m_flows{&m_counselling, &m_callback, &m_feedback};
};

} // namespace okienko::kiosk

// The counselling, callback and feedback flows behind one entry point for the Controller: applies
// their intents, hands them worker completions, records usage (flow started / finished / abandoned
// at a step) and erases a flow's state as soon as its screens are left (Home, Cancel, Back past the
// first step) or the session is wiped.
#pragma once

#include "kiosk/core/flows/callback_flow.hpp"
#include "kiosk/core/flows/counselling_flow.hpp"
#include "kiosk/core/flows/feedback.hpp"
#include "kiosk/core/flows/flow_context.hpp"
#include "kiosk/core/flows/request_intents.hpp"

namespace okienko::kiosk
{

/// True when `screen` belongs to `flow` ("counselling", "callback", "idea"); the idea box belongs to
/// every flow (it is opened from their done screens).
bool isFlowScreen(const std::string& flow, ScreenId screen);

class RequestFlows
{
  public:
    /// `state` and `catalog` must outlive this.
    RequestFlows(AppState& state, const domain::Catalog& catalog);
    RequestFlows(const RequestFlows&) = delete;
    RequestFlows& operator=(const RequestFlows&) = delete;

    /// Services, translator (slips) and clock; every pointer must outlive this.
    void attach(FlowDeps deps);
    void apply(const RequestIntent& intent);
    /// Call after every intent: records the step shown, and ends (abandoned) a flow whose screens
    /// are no longer on the router's stack, erasing its state.
    void afterNavigation();
    /// Call right before the session is wiped: a flow in progress is recorded as abandoned.
    void sessionEnding();
    /// A print or booking result; false when none of these flows owns it.
    bool onCompletion(const Completion& completion);

    /// For the catalogue: service viewed, search made (anonymous).
    UsageRecorder& usage() { return m_ctx.usage; }

  private:
    FlowContext m_ctx;
    CounsellingFlow m_counselling{m_ctx};
    CallbackFlow m_callback{m_ctx};
    Feedback m_feedback{m_ctx};
};

} // namespace okienko::kiosk

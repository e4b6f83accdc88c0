// What the counselling, callback and feedback flows have in common as flows: one shared context
// (attached once, by RequestFlows), and the actions the screens of several flows send alike: Next
// and the consent go to the flow the session is in, Send to the flow whose confirm step is shown.
#pragma once

#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/flows/flow_context.hpp"
#include "kiosk/core/flows/request_intents.hpp"

#include <optional>

namespace okienko::kiosk
{

class RequestFlow : public Flow
{
  public:
    explicit RequestFlow(FlowContext& ctx) : m_ctx(ctx) {}

    /// Nothing to keep: RequestFlows attaches the shared context.
    void attach(FlowDeps /*deps*/) override {}
    bool apply(const Intent& intent) final;

  protected:
    /// This flow's own actions; false for another flow's.
    virtual bool applyAction(const RequestAction& action) = 0;
    /// The step on which Send confirms; none for a flow without one.
    virtual std::optional<ScreenId> confirmStep() const { return std::nullopt; }
    virtual void next(ScreenId /*current*/) {}
    virtual void setConsent(bool /*accepted*/) {}
    virtual void confirm() {}

    FlowContext& m_ctx;
};

} // namespace okienko::kiosk

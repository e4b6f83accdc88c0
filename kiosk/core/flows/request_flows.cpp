// Dispatch, usage and erasure of the request flows (see request_flows.hpp).
#include "kiosk/core/flows/request_flows.hpp"

#include <algorithm>

namespace okienko::kiosk
{

RequestFlows::RequestFlows(AppState& state, const domain::Catalog& catalog) : m_ctx{state, catalog, {}, {}} {}

void RequestFlows::attach(FlowDeps deps)
{
    m_ctx.deps = std::move(deps);
    m_ctx.usage.connect(m_ctx.deps.services, m_ctx.deps.clock);
}

bool RequestFlows::ownsScreen(ScreenId screen) const
{
    return std::any_of(m_flows.begin(), m_flows.end(), [&](const Flow* f) { return f->ownsScreen(screen); });
}

const Flow* RequestFlows::active() const
{
    const FlowId activeId = m_ctx.state.requests.activeFlow;
    const auto it = std::find_if(m_flows.begin(), m_flows.end(), [&](const Flow* f) { return f->id() == activeId; });
    return it != m_flows.end() ? *it : nullptr;
}

bool RequestFlows::apply(const Intent& intent)
{
    const auto* request = std::get_if<RequestIntent>(&intent);
    if (request == nullptr)
        return false;
    if (std::holds_alternative<FinishFlow>(request->action))
        m_ctx.state.router.home();
    else
        (void)std::any_of(m_flows.begin(), m_flows.end(), [&](Flow* f) { return f->apply(intent); });
    return true; // the controller runs afterIntent() next, which erases a flow that was left
}

void RequestFlows::afterIntent()
{
    const Flow* flow = active();
    if (flow == nullptr)
        return;
    const std::vector<ScreenId>& stack = m_ctx.state.router.stack();
    if (std::any_of(stack.begin(), stack.end(), [&](ScreenId s) { return flow->ownsScreen(s); }))
    {
        if (flow->ownsScreen(m_ctx.state.router.current()))
            m_ctx.state.requests.lastStep = std::string(screenName(m_ctx.state.router.current()));
        return;
    }
    sessionEnding();
    m_ctx.state.requests = RequestFlowsState{};
}

void RequestFlows::screenEntered()
{
    RequestFlowsState& r = m_ctx.state.requests;
    r.counselling.errorKey.clear();
    r.callback.errorKey.clear();
    r.feedback.errorKey.clear();
}

void RequestFlows::sessionEnding()
{
    const RequestFlowsState& r = m_ctx.state.requests;
    const bool finished = r.counselling.stored.has_value() || r.callback.stored.has_value();
    if ((r.activeFlow == FlowId::Counselling || r.activeFlow == FlowId::Callback) && !finished)
        m_ctx.usage.flowAbandoned(flowName(r.activeFlow), r.lastStep, m_ctx.state.language);
}

bool RequestFlows::onCompletion(const Completion& completion)
{
    if (!std::any_of(m_flows.begin(), m_flows.end(), [&](Flow* f) { return f->onCompletion(completion); }))
        return false;
    afterIntent(); // a booking may have moved the router (done screen, or back to the slots)
    return true;
}

} // namespace okienko::kiosk

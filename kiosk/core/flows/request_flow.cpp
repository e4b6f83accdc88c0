// The request flows' shared actions (see request_flow.hpp).
#include "kiosk/core/flows/request_flow.hpp"

namespace okienko::kiosk
{

bool RequestFlow::apply(const Intent& intent)
{
    const auto* request = std::get_if<RequestIntent>(&intent);
    if (request == nullptr)
        return false;
    const RequestAction& action = request->action;
    const ScreenId current = m_ctx.state.router.current();
    const bool active = m_ctx.state.requests.activeFlow == id();
    if (std::holds_alternative<NextStep>(action))
    {
        if (active)
            next(current);
        return active;
    }
    if (const auto* consent = std::get_if<SetConsent>(&action))
    {
        if (active)
            setConsent(consent->accepted);
        return active;
    }
    if (std::holds_alternative<ConfirmRequest>(action))
    {
        if (confirmStep() != current)
            return false;
        confirm();
        return true;
    }
    return applyAction(action);
}

} // namespace okienko::kiosk

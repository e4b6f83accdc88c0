// Dispatch, usage and erasure of the request flows (see request_flows.hpp).
#include "kiosk/core/flows/request_flows.hpp"

#include <algorithm>
#include <type_traits>

namespace okienko::kiosk
{

bool isFlowScreen(const std::string& flow, ScreenId screen)
{
    if (screen == ScreenId::IdeaBox)
        return !flow.empty();
    if (flow == "counselling")
        return screen == ScreenId::CounsellingKind || screen == ScreenId::CounsellingSlot ||
               screen == ScreenId::CounsellingContact || screen == ScreenId::CounsellingConsent ||
               screen == ScreenId::CounsellingDone;
    if (flow == "callback")
        return screen == ScreenId::CallbackPhone || screen == ScreenId::CallbackWhen ||
               screen == ScreenId::CallbackTopic || screen == ScreenId::CallbackName ||
               screen == ScreenId::CallbackConfirm || screen == ScreenId::CallbackDone;
    return false;
}

RequestFlows::RequestFlows(AppState& state, const domain::Catalog& catalog) : m_ctx{state, catalog, {}, {}} {}

void RequestFlows::attach(FlowDeps deps)
{
    m_ctx.deps = std::move(deps);
    m_ctx.usage.connect(m_ctx.deps.services, m_ctx.deps.clock);
}

void RequestFlows::apply(const RequestIntent& intent)
{
    const ScreenId current = m_ctx.state.router.current();
    const std::string& flow = m_ctx.state.requests.activeFlow;
    std::visit(
        [&](const auto& a)
        {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, StartCounselling>)
                m_counselling.start();
            else if constexpr (std::is_same_v<T, StartCallback>)
                m_callback.start();
            else if constexpr (std::is_same_v<T, ChooseCounsellingKind>)
                m_counselling.chooseKind(a.kindId);
            else if constexpr (std::is_same_v<T, ChooseCounsellingSlot>)
                m_counselling.chooseSlot(a.slotId);
            else if constexpr (std::is_same_v<T, ChooseCallbackDay>)
                m_callback.chooseDay(a.day);
            else if constexpr (std::is_same_v<T, ChooseCallbackDayPart>)
                m_callback.chooseDayPart(a.part);
            else if constexpr (std::is_same_v<T, ChooseCallbackTopic>)
                m_callback.chooseTopic(a.serviceId);
            else if constexpr (std::is_same_v<T, RequestKey>)
            {
                if (a.field == RequestField::Idea)
                    m_feedback.press(a.key);
                else if (a.field == RequestField::CallbackPhone || a.field == RequestField::CallbackName)
                    m_callback.press(a.field, a.key);
                else
                    m_counselling.press(a.field, a.key);
            }
            else if constexpr (std::is_same_v<T, FocusRequestField>)
                m_counselling.focus(a.field);
            else if constexpr (std::is_same_v<T, NextStep>)
            {
                if (flow == "counselling")
                    m_counselling.next(current);
                else if (flow == "callback")
                    m_callback.next(current);
            }
            else if constexpr (std::is_same_v<T, SetConsent>)
            {
                if (flow == "counselling")
                    m_counselling.setConsent(a.accepted);
                else if (flow == "callback")
                    m_callback.setConsent(a.accepted);
            }
            else if constexpr (std::is_same_v<T, ConfirmRequest>)
            {
                if (current == ScreenId::CounsellingConsent)
                    m_counselling.confirm();
                else if (current == ScreenId::CallbackConfirm)
                    m_callback.confirm();
            }
            else if constexpr (std::is_same_v<T, RateFlow>)
                m_feedback.rate(a.rating);
            else if constexpr (std::is_same_v<T, SkipRating>)
                m_feedback.skip();
            else if constexpr (std::is_same_v<T, OpenIdeaBox>)
                m_feedback.openIdeaBox();
            else if constexpr (std::is_same_v<T, ChooseIdeaArea>)
                m_feedback.chooseArea(a.area);
            else if constexpr (std::is_same_v<T, SubmitIdea>)
                m_feedback.submit();
            else if constexpr (std::is_same_v<T, FinishFlow>)
                m_ctx.state.router.home();
        },
        intent.action);
    afterNavigation();
}

void RequestFlows::afterNavigation()
{
    RequestFlowsState& r = m_ctx.state.requests;
    if (r.activeFlow.empty())
        return;
    const std::vector<ScreenId>& stack = m_ctx.state.router.stack();
    const bool inFlow =
        std::any_of(stack.begin(), stack.end(), [&](ScreenId s) { return isFlowScreen(r.activeFlow, s); });
    if (inFlow)
    {
        if (isFlowScreen(r.activeFlow, m_ctx.state.router.current()))
            r.lastStep = std::string(screenName(m_ctx.state.router.current()));
        return;
    }
    sessionEnding();
    r = RequestFlowsState{};
}

void RequestFlows::sessionEnding()
{
    const RequestFlowsState& r = m_ctx.state.requests;
    const bool finished = r.counselling.stored.has_value() || r.callback.stored.has_value();
    if ((r.activeFlow == "counselling" || r.activeFlow == "callback") && !finished)
        m_ctx.usage.flowAbandoned(r.activeFlow, r.lastStep, m_ctx.state.language);
}

bool RequestFlows::onCompletion(const Completion& completion)
{
    if (const auto* book = std::get_if<BookCompletion>(&completion))
    {
        const bool ours = m_counselling.onBook(*book);
        afterNavigation();
        return ours;
    }
    if (const auto* print = std::get_if<PrintCompletion>(&completion))
        return m_counselling.onPrint(*print) || m_callback.onPrint(*print);
    return false;
}

} // namespace okienko::kiosk

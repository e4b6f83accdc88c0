// Rating and idea box (see feedback.hpp).
#include "kiosk/core/flows/feedback.hpp"

#include "shared/validate/free_text.hpp"

namespace okienko::kiosk
{

bool Feedback::applyAction(const RequestAction& action)
{
    if (const auto* rating = std::get_if<RateFlow>(&action))
        rate(rating->rating);
    else if (std::holds_alternative<SkipRating>(action))
        skip();
    else if (std::holds_alternative<OpenIdeaBox>(action))
        openIdeaBox();
    else if (const auto* area = std::get_if<ChooseIdeaArea>(&action))
        chooseArea(area->area);
    else if (std::holds_alternative<SubmitIdea>(action))
        submit();
    else if (const auto* key = std::get_if<RequestKey>(&action); key != nullptr && key->field == RequestField::Idea)
        press(key->key);
    else
        return false;
    return true;
}

void Feedback::rate(int rating)
{
    FeedbackState& s = st();
    if (s.ratingDone || rating < 1 || rating > 5 || s.flow == FlowId::None)
        return; // one rating per flow; a second tap changes nothing
    if (!m_ctx.usage.rating(flowName(s.flow), rating, m_ctx.state.language))
    {
        s.errorKey = "request.error.storage";
        return;
    }
    s.rating = rating;
    s.ratingDone = true;
    s.errorKey.clear();
}

void Feedback::skip()
{
    st().ratingDone = true;
}

void Feedback::openIdeaBox()
{
    RequestFlowsState& r = m_ctx.state.requests;
    if (r.activeFlow == FlowId::None)
    {
        r = RequestFlowsState{};
        r.activeFlow = id();
    }
    FeedbackState& s = st();
    s.ideaArea.reset();
    s.idea.buffer.clear();
    s.errorKey.clear();
    s.ideaSent = false;
    m_ctx.state.keyboard.state.reset();
    m_ctx.state.router.push(ScreenId::IdeaBox);
}

void Feedback::chooseArea(std::optional<domain::Area> area)
{
    st().ideaArea = area;
    st().errorKey.clear();
}

void Feedback::press(const Key& key)
{
    FeedbackState& s = st();
    if (s.ideaSent)
        return;
    if (key.action == KeyAction::Done)
    {
        submit();
        return;
    }
    s.errorKey.clear();
    m_ctx.state.keyboard.state.press(key, s.idea.buffer);
}

void Feedback::submit()
{
    FeedbackState& s = st();
    if (s.ideaSent)
        return;
    if (!s.ideaArea)
    {
        s.errorKey = "idea.error.area";
        return;
    }
    auto text = validate::validateFreeText(s.idea.buffer.text(), 1, kIdeaMaxCodePoints);
    if (!text)
    {
        s.errorKey = text.error().error == validate::FreeTextError::Empty
                         ? std::string("input.empty.idea")
                         : std::string(validate::messageKey(text.error().error));
        return;
    }
    if (!m_ctx.usage.idea(s.ideaArea, text.value(), m_ctx.state.language))
    {
        s.errorKey = "request.error.storage";
        return;
    }
    s.ideaSent = true;
    s.idea.buffer.clear(); // the text is stored; it need not stay on a shared screen
    s.errorKey.clear();
}

} // namespace okienko::kiosk

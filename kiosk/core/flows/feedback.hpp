// Feedback after a flow: a one-tap 1–5 rating (skippable) and the idea box tagged by one of the 14
// areas ("skrzynki inspiracji"). Both are anonymous usage events with their outbox rows.
#pragma once

#include "kiosk/core/flows/flow_context.hpp"
#include "kiosk/core/flows/request_intents.hpp"

namespace okienko::kiosk
{

class Feedback
{
  public:
    explicit Feedback(FlowContext& ctx) : m_ctx(ctx) {}

    void rate(int rating);
    void skip();
    /// Opens the idea box; from the home screen it is a flow of its own ("idea").
    void openIdeaBox();
    void chooseArea(std::optional<domain::Area> area);
    void press(const Key& key);
    void submit();

  private:
    FeedbackState& st() { return m_ctx.state.requests.feedback; }
    FlowContext& m_ctx;
};

} // namespace okienko::kiosk

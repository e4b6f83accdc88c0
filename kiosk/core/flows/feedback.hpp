// Feedback after a flow: a one-tap 1–5 rating (skippable) and the idea box tagged by one of the 14
// areas ("skrzynki inspiracji"). Both are anonymous usage events with their outbox rows.
#pragma once

#include "kiosk/core/flows/request_flow.hpp"

namespace okienko::kiosk
{

class Feedback final : public RequestFlow
{
  public:
    explicit Feedback(FlowContext& ctx) : RequestFlow(ctx) {}

    /// As a flow of its own: the idea box opened from the home screen.
    FlowId id() const override { return FlowId::Idea; }
    bool ownsScreen(ScreenId screen) const override { return screen == ScreenId::IdeaBox; }
    /// Nothing is printed or booked here.
    bool onCompletion(const Completion& /*completion*/) override { return false; }

  private:
    /// Rating, skipping it, and the idea box's actions and keys.
    bool applyAction(const RequestAction& action) override;
    void rate(int rating);
    void skip();
    /// Opens the idea box; from the home screen it is a flow of its own ("idea").
    void openIdeaBox();
    void chooseArea(std::optional<domain::Area> area);
    void press(const Key& key);
    void submit();
    FeedbackState& st() { return m_ctx.state.requests.feedback; }
};

} // namespace okienko::kiosk

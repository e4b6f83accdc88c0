// "Proszę o telefon" as a state machine without ImGui: phone on the keypad → today/tomorrow and
// morning/afternoon → optional topic → optional first name → confirm (RODO clause) → one
// transaction (callback_writer) → done screen with the code and the slip. State: AppState::requests.
#pragma once

#include "kiosk/core/flows/request_flow.hpp"

namespace okienko::kiosk
{

/// Today's morning is offered until 11:00, today's afternoon until 15:00: later there is too little
/// of the window left for a coordinator to call (the windows are 8:00–12:00 and 12:00–15:30).
inline constexpr int kMorningOfferedUntilMinute = 11 * 60;
inline constexpr int kAfternoonOfferedUntilMinute = 15 * 60;

/// Monday to Friday: the CUS does not call at weekends. (Public holidays are not known here.)
bool isCallbackWorkingDay(const Date& day);
/// The date a choice stands for at `now`: Today is today; Tomorrow is the next working day after
/// today (Friday's "tomorrow" is Monday). Today on a weekend is never offered.
Date callbackDate(CallbackDay day, const LocalDateTime& now);
/// True when the Tomorrow choice is really the next calendar day (the button says "tomorrow"),
/// false when a weekend lies between (it says "next working day").
bool callbackNextDayIsTomorrow(const LocalDateTime& now);
/// Whether a window can still be asked for at `now` (today's only on a working day, before the
/// window's cut-off).
bool callbackWindowOffered(CallbackDay day, domain::DayPart part, const LocalDateTime& now);

class CallbackFlow final : public RequestFlow
{
  public:
    explicit CallbackFlow(FlowContext& ctx) : RequestFlow(ctx) {}

    FlowId id() const override { return FlowId::Callback; }
    /// Its steps, and the idea box opened from its done screen.
    bool ownsScreen(ScreenId screen) const override;
    /// A print result for this flow's slip; false when it is not ours.
    bool onCompletion(const Completion& completion) override;

  private:
    bool applyAction(const RequestAction& action) override;
    std::optional<ScreenId> confirmStep() const override { return ScreenId::CallbackConfirm; }
    void next(ScreenId current) override;
    void setConsent(bool accepted) override;
    void confirm() override;
    void start();
    void chooseDay(CallbackDay day);
    void chooseDayPart(domain::DayPart part);
    void chooseTopic(const std::string& serviceId);
    void press(RequestField field, const Key& key);
    CallbackFlowState& st() { return m_ctx.state.requests.callback; }
};

} // namespace okienko::kiosk

// "Porozmawiaj ze specjalistą" as a state machine without ImGui: kind (first step only) → a free
// duty slot or "contact me to arrange" → name and phone → RODO clause and Send → online booking
// when a server is configured (Booked / Taken: choose again / Offline: provisional) → one
// transaction (counselling_writer) → done screen and a neutral slip. State: AppState::requests.
#pragma once

#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/flows/flow_context.hpp"
#include "kiosk/core/flows/request_intents.hpp"

namespace okienko::kiosk
{

class CounsellingFlow final : public Flow
{
  public:
    explicit CounsellingFlow(FlowContext& ctx) : m_ctx(ctx) {}

    FlowId id() const override { return FlowId::Counselling; }
    /// Its steps, and the idea box opened from its done screen.
    bool ownsScreen(ScreenId screen) const override;
    /// Nothing to keep: RequestFlows attaches the shared context.
    void attach(FlowDeps /*deps*/) override {}
    /// Its own actions; Next and the consent while it is the active flow; Send on its consent step.
    bool apply(const Intent& intent) override;
    /// The server's answer to this flow's booking, or its slip's print result; false when it is not
    /// ours (or the session ended).
    bool onCompletion(const Completion& completion) override;

  private:
    void start();
    void chooseKind(const std::string& kindId);
    void chooseSlot(const std::optional<std::string>& slotId);
    void focus(RequestField field);
    void press(RequestField field, const Key& key);
    void next(ScreenId current);
    void setConsent(bool accepted);
    void confirm();
    bool onBook(const BookCompletion& book);
    CounsellingFlowState& st() { return m_ctx.state.requests.counselling; }
    void reloadSlots();
    void store(domain::RequestStatus status);
    const SlotOption* chosenSlot() const;

    FlowContext& m_ctx;
};

} // namespace okienko::kiosk

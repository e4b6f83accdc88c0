// "Porozmawiaj ze specjalistą" as a state machine without ImGui: kind (first step only) → a free
// duty slot or "contact me to arrange" → name and phone → RODO clause and Send → online booking
// when a server is configured (Booked / Taken: choose again / Offline: provisional) → one
// transaction (counselling_writer) → done screen and a neutral slip. State: AppState::requests.
#pragma once

#include "kiosk/core/flows/request_flow.hpp"

namespace okienko::kiosk
{

class CounsellingFlow final : public RequestFlow
{
  public:
    explicit CounsellingFlow(FlowContext& ctx) : RequestFlow(ctx) {}

    FlowId id() const override { return FlowId::Counselling; }
    /// Its steps, and the idea box opened from its done screen.
    bool ownsScreen(ScreenId screen) const override;
    /// The server's answer to this flow's booking, or its slip's print result; false when it is not
    /// ours (or the session ended).
    bool onCompletion(const Completion& completion) override;

  private:
    bool applyAction(const RequestAction& action) override;
    std::optional<ScreenId> confirmStep() const override { return ScreenId::CounsellingConsent; }
    void next(ScreenId current) override;
    void setConsent(bool accepted) override;
    void confirm() override;
    void start();
    void chooseKind(const std::string& kindId);
    void chooseSlot(const std::optional<std::string>& slotId);
    void focus(RequestField field);
    void press(RequestField field, const Key& key);
    bool onBook(const BookCompletion& book);
    CounsellingFlowState& st() { return m_ctx.state.requests.counselling; }
    void reloadSlots();
    void store(domain::RequestStatus status);
    const SlotOption* chosenSlot() const;
};

} // namespace okienko::kiosk

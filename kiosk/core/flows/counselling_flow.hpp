// "Porozmawiaj ze specjalistą" as a state machine without ImGui: kind (first step only) → a free
// duty slot or "contact me to arrange" → name and phone → RODO clause and Send → online booking
// when a server is configured (Booked / Taken: choose again / Offline: provisional) → one
// transaction (counselling_writer) → done screen and a neutral slip. State: AppState::requests.
#pragma once

#include "kiosk/core/flows/flow_context.hpp"
#include "kiosk/core/flows/request_intents.hpp"

namespace okienko::kiosk
{

class CounsellingFlow
{
  public:
    explicit CounsellingFlow(FlowContext& ctx) : m_ctx(ctx) {}

    void start();
    void chooseKind(const std::string& kindId);
    void chooseSlot(const std::optional<std::string>& slotId);
    void focus(RequestField field);
    void press(RequestField field, const Key& key);
    void next(ScreenId current);
    void setConsent(bool accepted);
    void confirm();
    /// The server's answer to this flow's booking; false when it is not ours (or the session ended).
    bool onBook(const BookCompletion& book);
    bool onPrint(const PrintCompletion& print);

  private:
    CounsellingFlowState& st() { return m_ctx.state.requests.counselling; }
    void reloadSlots();
    void store(domain::RequestStatus status);
    const SlotOption* chosenSlot() const;

    FlowContext& m_ctx;
};

} // namespace okienko::kiosk

// The equipment reservation flow as a state machine without ImGui: type → pick-up date and period
// → information clause (RODO) → personal data → summary → Confirm → (online hold) → one
// transaction with the reservation and its outbox event → confirmation and slip. All of its state
// is AppState::equipment, so Home, Cancel and the idle wipe erase it by replacing the state.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/flows/equipment_intents.hpp"
#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/translator.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/rules/availability.hpp"
#include "shared/rules/reference_code.hpp"

#include <optional>
#include <string>

namespace okienko::kiosk
{

class EquipmentFlow final : public Flow
{
  public:
    /// `state` and `catalog` must outlive the flow.
    EquipmentFlow(AppState& state, const domain::Catalog& catalog);

    FlowId id() const override { return FlowId::Equipment; }
    bool ownsScreen(ScreenId screen) const override;
    void attach(FlowDeps deps) override { m_deps = std::move(deps); }
    /// What attach() gave (the service page's print button borrows the same services).
    const FlowDeps& deps() const { return m_deps; }
    /// True when the catalogue lists equipment types (the home tile is shown only then).
    bool offered() const { return !m_catalog.equipmentTypes.empty(); }

    bool apply(const Intent& intent) override;
    /// A hold or print result for this flow.
    bool onCompletion(const Completion& completion) override;
    void screenEntered() override;
    /// The shown month's days on which no unit is free for the chosen period (the calendar crosses them out).
    void refreshUnavailableDays();
    /// Erases everything the flow holds (Home, Cancel).
    void reset();

    /// The availability ledger of one type as the kiosk knows it now (catalogue units, local loans
    /// and reservations).
    rules::AvailabilityLedger ledger(const std::string& typeId) const;

  private:
    /// The completion screen's rating is about this flow.
    void rateable();
    void act(const EquipmentIntent& intent);
    void start();
    void selectType(const std::string& typeId);
    void pickDate(Date date);
    void setDays(int days);
    void datesNext();
    void press(const Key& key);
    void personNext();
    void confirm();
    void onHold(const HoldCompletion& hold);
    void store(domain::ReservationStatus status);
    void joinWaitingList();
    void refreshAvailability();
    const domain::EquipmentType* type() const;
    domain::Reservation buildReservation(domain::ReservationStatus status) const;
    std::string newCode(rules::ReferenceKind kind) const;

    AppState& m_state;
    const domain::Catalog& m_catalog;
    FlowDeps m_deps;
};

} // namespace okienko::kiosk

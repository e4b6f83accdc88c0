// The equipment reservation flow as a state machine without ImGui: type → pick-up date and period
// → information clause (RODO) → personal data → summary → Confirm → (online hold) → one
// transaction with the reservation and its outbox event → confirmation and slip. All of its state
// is AppState::equipment, so Home, Cancel and the idle wipe erase it by replacing the state.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/flows/equipment_intents.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/translator.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/rules/availability.hpp"
#include "shared/rules/reference_code.hpp"

#include <optional>
#include <string>

namespace okienko::kiosk
{

/// What the flow needs from outside the state: storage, printing and the hold (services), the
/// words of the slip (translator), today's date and timestamps (clock), the kiosk's display name.
/// Every pointer must outlive the flow; without services the flow can be browsed but not confirmed.
struct FlowDeps
{
    KioskServices* services = nullptr;
    const Translator* translator = nullptr;
    const Clock* clock = nullptr;
    std::string kioskName;
};

class EquipmentFlow
{
  public:
    /// `state` and `catalog` must outlive the flow.
    EquipmentFlow(AppState& state, const domain::Catalog& catalog);

    void attach(FlowDeps deps) { m_deps = std::move(deps); }
    /// What attach() gave (the service page's print button borrows the same services).
    const FlowDeps& deps() const { return m_deps; }
    /// True when the catalogue lists equipment types (the home tile is shown only then).
    bool offered() const { return !m_catalog.equipmentTypes.empty(); }

    void apply(const EquipmentIntent& intent);
    /// A hold or print result for this flow; false when it belongs to someone else (or to a
    /// session that was wiped meanwhile).
    bool onCompletion(const Completion& completion);
    /// Erases everything the flow holds (Home, Cancel).
    void reset();

    /// The availability ledger of one type as the kiosk knows it now (catalogue units, local loans
    /// and reservations).
    rules::AvailabilityLedger ledger(const std::string& typeId) const;
    Date today() const;

  private:
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
    std::int64_t wallSeconds() const;

    AppState& m_state;
    const domain::Catalog& m_catalog;
    FlowDeps m_deps;
};

} // namespace okienko::kiosk

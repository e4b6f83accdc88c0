// Check-out as a state machine without ImGui: today's pick-ups, then the unit (scanned or typed inventory number), the
// reservation or a walk-in, the borrower (validated; PESEL optional and never printed), the due date within the type's
// maximum; then one Full-durability transaction with the loan, its loan.checked_out outbox event and the unit's new
// state, and the lending agreement printed twice.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/staff/check_out_intents.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/reservation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace okienko::kiosk
{

class CheckOutFlow final : public Flow
{
  public:
    /// `state` and `catalog` must outlive the flow.
    CheckOutFlow(AppState& state, const domain::Catalog& catalog) : m_state(state), m_catalog(catalog) {}

    FlowId id() const override { return FlowId::CheckOut; }
    bool ownsScreen(ScreenId screen) const override;
    void attach(FlowDeps deps) override { m_deps = std::move(deps); }
    bool apply(const Intent& intent) override;
    /// The agreement copies' print results.
    bool onCompletion(const Completion& completion) override;
    /// A scanned inventory number on the unit step; false when not used here.
    bool onScan(const std::string& code) override;
    /// Text from a USB keyboard for the field being typed (the inventory number on the unit step, the
    /// focused borrower field on the loan step), through the same filter as the on-screen keys. False
    /// when no check-out field takes typing now.
    bool onType(const TypeText& typed) override;
    bool onErase() override;
    /// Enter on a USB keyboard: the on-screen Done key (the unit step looks the number up, the loan
    /// step moves to the next field); false when no check-out field takes typing now.
    bool onSubmit() override;
    bool takeUnitsChanged() override { return std::exchange(m_unitsChanged, false); }

  private:
    void act(const CheckOutIntent& intent);
    void showPickups();
    void start(std::optional<PickupRow> reservation);
    void press(const Key& key);
    void pressInventory(const Key& key);
    /// One character of an inventory number, already passed through inventoryChar(). `key` is the
    /// on-screen key that typed it (its one-shot Shift is used up), nullptr for a USB keyboard.
    void insertInventory(char ch, const Key* key);
    /// The field typing goes to on the screen shown, nullopt when none (another screen, or done).
    std::optional<PersonField> typingField();
    void submitUnit();
    void chooseReservation(const std::string& reservationId);
    void chooseWalkIn();
    void applyPeriod();
    void confirm();
    bool validateLoan();
    void store();
    void printAgreement(const domain::Loan& loan, const domain::EquipmentType& type);

    AppState& m_state;
    const domain::Catalog& m_catalog;
    FlowDeps m_deps;
    bool m_unitsChanged = false;
};

} // namespace okienko::kiosk

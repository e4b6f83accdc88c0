// The loan desk as a state machine without ImGui: check-in (unit, condition, notes → the loan closes, the unit goes to
// cleaning or repair, the return confirmation prints), open loans and their extension within the type's maximum,
// overdue loans with name, phone and days overdue, every unit's state and "cleaning done". Every change is one
// Full-durability transaction with its outbox event, and records the staff member.
#pragma once

#include "kiosk/core/app_state.hpp"
#include "kiosk/core/flows/flow.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/staff/loan_desk_intents.hpp"
#include "shared/domain/catalog.hpp"

#include <string>
#include <utility>

namespace okienko::kiosk
{

class LoanDeskFlow final : public Flow
{
  public:
    /// `state` and `catalog` must outlive the flow.
    LoanDeskFlow(AppState& state, const domain::Catalog& catalog) : m_state(state), m_catalog(catalog) {}

    FlowId id() const override { return FlowId::LoanDesk; }
    bool ownsScreen(ScreenId screen) const override;
    void attach(FlowDeps deps) override { m_deps = std::move(deps); }
    bool apply(const Intent& intent) override;
    /// The return confirmation's print result.
    bool onCompletion(const Completion& completion) override;
    /// A scanned inventory number on the check-in screens; false when not used here.
    bool onScan(const std::string& code) override;
    /// Text from a USB keyboard for the check-in field being typed (the inventory number until the
    /// unit is found, then the notes once tapped), through the same filter as the on-screen keys.
    /// False when no desk field takes typing now.
    bool onType(const TypeText& typed) override;
    bool onErase() override;
    /// Enter on a USB keyboard: the on-screen Done key (the inventory number is looked up); false when
    /// no desk field takes typing now.
    bool onSubmit() override;
    bool takeUnitsChanged() override { return std::exchange(m_unitsChanged, false); }

  private:
    void act(const LoanDeskIntent& intent);
    void startCheckIn();
    void press(const Key& key);
    /// The check-in field typing goes to now, nullptr when none (another screen, no focus, done).
    TextBuffer* typingBuffer();
    /// After the focused field changed: its message no longer applies.
    void edited();
    void findUnit();
    void changeUnit();
    void confirmCheckIn();
    void printReturn(const domain::Loan& loan);
    void showLoans(bool overdueOnly);
    void selectLoan(const std::string& loanId);
    void shiftDue(int days);
    void confirmExtension();
    void showUnits();
    void setUnitState(const std::string& inventoryNumber, domain::UnitState from, domain::UnitState to);
    /// The kiosk database, or nullptr when there is none (pure navigation tests).
    db::Database* database() const;
    bool loadLoans();
    bool loadUnits();
    std::string staffId() const;

    AppState& m_state;
    const domain::Catalog& m_catalog;
    FlowDeps m_deps;
    bool m_unitsChanged = false;
};

} // namespace okienko::kiosk

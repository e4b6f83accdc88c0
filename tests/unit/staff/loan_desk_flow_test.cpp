// The loan desk driven through the Controller on the real Łapy catalogue imported into a real
// temporary kiosk database, with open loans written as this kiosk's `loans` rows and the server's
// `staff_loans` rows: what the desk lists (merged, sorted, overdue days), what check-in, extension
// and "cleaning done" store (one transaction each: the fact, its outbox event with the staff
// member's id, the unit's state), and that nothing is stored twice.
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/staff/loan_desk_store.hpp"
#include "shared/util/uuid.hpp"
#include "tests/unit/staff/staff_test_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using namespace okienko::kiosk;
using Json = nlohmann::json;

const Date kToday{2024, 1, 15}; // ManualClock's default start
const char* kStaffId = "s-anna";

using okienko::testing::OutboxRow;

class LoanDeskFlowTest : public okienko::testing::StaffFlowFixture
{
  protected:
    LoanDeskFlowTest() : StaffFlowFixture("loan-desk-flow", "Test kiosk", true) {}

    void SetUp() override
    {
        StaffFlowFixture::SetUp();
        openStaffMenu(kStaffId, "Anna Nowak");
    }

    void desk(loan_desk::Action a) { apply(LoanDeskIntent{std::move(a)}); }
    const LoanDeskState& d() const { return m_state.staff.desk; }

    std::string unitState(const std::string& unit)
    {
        return text("SELECT state FROM equipment_units WHERE inventory_number = ?1", unit);
    }

    /// A loan checked out at this kiosk; `name` empty: its personal columns were erased after the ack.
    std::string localLoan(const std::string& unit, const std::string& typeId, Date start, Date due,
                          const std::string& name, const std::string& phone)
    {
        const std::string id = newUuid();
        std::optional<std::string> n, p;
        if (!name.empty())
            n = name;
        if (!phone.empty())
            p = phone;
        exec("INSERT INTO loans(id, inventory_number, type_id, borrower_name, borrower_phone, start_date, due_date, "
             "staff_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 's-other', 0)",
             id, unit, typeId, n, p, start.iso(), due.iso());
        exec("UPDATE equipment_units SET state = 'on-loan' WHERE inventory_number = ?1", unit);
        return id;
    }

    /// An open loan as the server sent it (any kiosk).
    void serverLoan(const std::string& id, const std::string& unit, const std::string& typeId, Date start, Date due,
                    const std::string& name, const std::string& phone)
    {
        exec("INSERT INTO staff_loans(loan_id, inventory_number, type_id, start_date, due_date, borrower_name, "
             "borrower_phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
             id, unit, typeId, start.iso(), due.iso(), name, phone);
        exec("UPDATE equipment_units SET state = 'on-loan' WHERE inventory_number = ?1", unit);
    }

    std::string serverLoan(const std::string& unit, const std::string& typeId, Date start, Date due,
                           const std::string& name = "Jan Wiśniewski", const std::string& phone = "600100200")
    {
        const std::string id = newUuid();
        serverLoan(id, unit, typeId, start, due, name, phone);
        return id;
    }

    /// Types `text` with the keys a finger would tap (switching to the digits page when needed).
    void type(const std::string& s)
    {
        for (char ch : s)
        {
            const std::string want(1, ch);
            bool found = false;
            for (int attempt = 0; attempt < 2 && !found; ++attempt)
            {
                const KeyboardLayout& layout = m_state.keyboard.state.layout();
                std::optional<Key> pageKey;
                for (const KeyRow& row : layout.rows)
                    for (const Key& k : row)
                    {
                        if (k.action == KeyAction::SwitchPage)
                            pageKey = k;
                        if (!found && k.action == KeyAction::Insert && k.text == want)
                        {
                            desk(loan_desk::Press{k});
                            found = true;
                        }
                    }
                if (!found && pageKey)
                    desk(loan_desk::Press{*pageKey});
            }
            if (!found)
                ADD_FAILURE() << "no key types " << want;
        }
    }
};

// --- what the desk lists --------------------------------------------------------------------------

TEST_F(LoanDeskFlowTest, OpenLoansMergeLocalAndServerRowsOncePerLoanSortedByDueDate)
{
    const std::string both =
        localLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-20), kToday.plusDays(10), "Ewa Lis", "600000001");
    serverLoan(both, "LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-20), kToday.plusDays(10), "Ewa Lis",
               "600000001");
    const std::string serverOnly = serverLoan("LAP-KL-001", "kule-lokciowe", kToday.plusDays(-5), kToday.plusDays(2));
    const std::string localOnly =
        localLoan("LAP-BA-001", "balkonik", kToday.plusDays(-1), kToday.plusDays(30), "Piotr Zając", "600000003");

    desk(loan_desk::ShowLoans{});

    EXPECT_EQ(m_state.router.current(), ScreenId::StaffLoans);
    ASSERT_EQ(d().loans.size(), 3u);
    EXPECT_EQ(d().loans[0].loanId, serverOnly);
    EXPECT_FALSE(d().loans[0].local);
    EXPECT_EQ(d().loans[1].loanId, both);
    EXPECT_TRUE(d().loans[1].local);
    EXPECT_EQ(d().loans[2].loanId, localOnly);
    EXPECT_EQ(d().loans[2].name, "Piotr Zając");
    EXPECT_EQ(d().loans[2].phone, "600000003");
}

TEST_F(LoanDeskFlowTest, ALocalRowErasedAfterTheAckShowsTheServersNameAndPhone)
{
    const std::string id =
        localLoan("LAP-WI-002", "wozek-inwalidzki", kToday.plusDays(-3), kToday.plusDays(20), "", "");
    serverLoan(id, "LAP-WI-002", "wozek-inwalidzki", kToday.plusDays(-3), kToday.plusDays(20), "Maria Wójcik",
               "601222333");

    desk(loan_desk::ShowLoans{});

    ASSERT_EQ(d().loans.size(), 1u);
    EXPECT_EQ(d().loans[0].name, "Maria Wójcik");
    EXPECT_EQ(d().loans[0].phone, "601222333");
    EXPECT_TRUE(d().loans[0].local);
}

TEST_F(LoanDeskFlowTest, OverdueListsOnlyLateLoansMostOverdueFirstWithTheirDayCounts)
{
    serverLoan("LAP-KL-001", "kule-lokciowe", kToday.plusDays(-30), kToday.plusDays(-1), "Jan Late", "600000011");
    serverLoan("LAP-KL-002", "kule-lokciowe", kToday.plusDays(-40), kToday.plusDays(-10), "Ola Later", "600000012");
    serverLoan("LAP-KL-003", "kule-lokciowe", kToday.plusDays(-3), kToday, "Due Today", "600000013");
    serverLoan("LAP-BA-001", "balkonik", kToday.plusDays(-3), kToday.plusDays(3), "Not Yet", "600000014");

    desk(loan_desk::ShowOverdue{});

    EXPECT_EQ(m_state.router.current(), ScreenId::StaffOverdue);
    ASSERT_EQ(d().loans.size(), 2u);
    EXPECT_EQ(d().loans[0].name, "Ola Later");
    EXPECT_EQ(d().loans[0].daysOverdue, 10);
    EXPECT_EQ(d().loans[0].phone, "600000012");
    EXPECT_EQ(d().loans[1].name, "Jan Late");
    EXPECT_EQ(d().loans[1].daysOverdue, 1);
}

TEST_F(LoanDeskFlowTest, OverdueIsEmptyWhenEveryLoanIsOnTime)
{
    serverLoan("LAP-BA-001", "balkonik", kToday.plusDays(-3), kToday.plusDays(3));
    desk(loan_desk::ShowOverdue{});
    EXPECT_TRUE(d().loans.empty());
    EXPECT_TRUE(d().listErrorKey.empty());
}

// --- check-in -----------------------------------------------------------------------------------

TEST_F(LoanDeskFlowTest, CheckInSaysPreciselyWhyANumberCannotBeTakenBack)
{
    desk(loan_desk::StartCheckIn{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckIn);

    desk(loan_desk::FindUnit{});
    EXPECT_EQ(d().checkIn.errorKey, "desk.checkin.enter_number");

    type("lap-xx-999");
    desk(loan_desk::FindUnit{});
    EXPECT_EQ(d().checkIn.errorKey, "desk.checkin.unknown");
    EXPECT_EQ(d().checkIn.errorNumber, "LAP-XX-999");
    EXPECT_FALSE(d().checkIn.loan);

    desk(loan_desk::ChangeUnit{});
    type("lap-wi-003"); // in cleaning: not lent to anyone
    desk(loan_desk::FindUnit{});
    EXPECT_EQ(d().checkIn.errorKey, "desk.checkin.not_on_loan");
    ASSERT_TRUE(d().checkIn.errorUnitState);
    EXPECT_EQ(*d().checkIn.errorUnitState, domain::UnitState::Cleaning);
    EXPECT_EQ(m_services->count("outbox"), 0);
}

TEST_F(LoanDeskFlowTest, TypedLowerCaseNumberFindsTheOpenLoanWithItsBorrowerAndOverdueDays)
{
    const std::string id = serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-40), kToday.plusDays(-4),
                                      "Jan Wiśniewski", "600100200");
    desk(loan_desk::StartCheckIn{});
    type("lap-wi-001");
    desk(loan_desk::FindUnit{});

    ASSERT_TRUE(d().checkIn.loan) << d().checkIn.errorKey;
    EXPECT_EQ(d().checkIn.loan->loanId, id);
    EXPECT_EQ(d().checkIn.loan->name, "Jan Wiśniewski");
    EXPECT_EQ(d().checkIn.loan->daysOverdue, 4);
    EXPECT_EQ(d().checkIn.focus, DeskField::None); // no keyboard until the notes are tapped
}

TEST_F(LoanDeskFlowTest, AScanOnTheCheckInScreenIsTakenOnlyThere)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10));
    desk(loan_desk::ShowLoans{});
    EXPECT_FALSE(m_controller->loanDesk().onScan("LAP-WI-001"));

    desk(loan_desk::StartCheckIn{});
    apply(Scanned{"LAP-WI-001"});
    ASSERT_TRUE(d().checkIn.loan);
    EXPECT_EQ(d().checkIn.loan->inventoryNumber, "LAP-WI-001");
}

TEST_F(LoanDeskFlowTest, ConfirmWithoutAConditionAsksForOneAndStoresNothing)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10));
    desk(loan_desk::StartCheckIn{});
    apply(Scanned{"LAP-WI-001"});
    desk(loan_desk::ConfirmCheckIn{});
    EXPECT_EQ(d().checkIn.errorKey, "desk.checkin.choose_condition");
    EXPECT_EQ(m_services->count("outbox"), 0);
    EXPECT_EQ(m_services->count("staff_loans"), 1);
}

struct ConditionCase
{
    domain::ReturnCondition condition;
    const char* conditionCode;
    const char* unitState;
};

class LoanDeskConditionTest : public LoanDeskFlowTest, public ::testing::WithParamInterface<ConditionCase>
{
};

TEST_P(LoanDeskConditionTest, CheckInClosesTheLoanQueuesItsEventAndMovesTheUnitInOneTransaction)
{
    const ConditionCase c = GetParam();
    const std::string id = localLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10), "",
                                     ""); // erased after the ack
    serverLoan(id, "LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10), "Jan Wiśniewski",
               "600100200");
    desk(loan_desk::StartCheckIn{});
    apply(Scanned{"LAP-WI-001"});
    desk(loan_desk::SetCondition{c.condition});
    desk(loan_desk::Focus{DeskField::Notes});
    type("rysa");
    desk(loan_desk::ConfirmCheckIn{});

    ASSERT_EQ(d().checkIn.phase, DeskPhase::Done) << d().checkIn.errorKey;
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckInDone);
    EXPECT_EQ(text("SELECT returned_on FROM loans WHERE id = ?1", id), kToday.iso());
    EXPECT_EQ(text("SELECT return_condition FROM loans WHERE id = ?1", id), std::string(c.conditionCode));
    EXPECT_EQ(text("SELECT return_notes FROM loans WHERE id = ?1", id), std::string("rysa"));
    EXPECT_EQ(m_services->count("staff_loans"), 0);
    EXPECT_EQ(unitState("LAP-WI-001"), c.unitState);
    EXPECT_NE(unitState("LAP-WI-001"), "available"); // never lent again before cleaning

    const std::vector<OutboxRow> events = outbox();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[0].type, "loan.checked_in");
    EXPECT_EQ(events[0].payload["loan_id"], id);
    EXPECT_EQ(events[0].payload["condition"], c.conditionCode);
    EXPECT_EQ(events[0].payload["staff_id"], kStaffId);
    EXPECT_EQ(events[0].payload["notes"], "rysa");
    EXPECT_EQ(events.size(), 1u); // the server sends every returned unit to cleaning or repair itself
    EXPECT_EQ(m_services->outboxSignals, 1);
    EXPECT_TRUE(m_controller->takeCatalogueReload());
    EXPECT_FALSE(m_controller->takeCatalogueReload());
}

INSTANTIATE_TEST_SUITE_P(
    Conditions, LoanDeskConditionTest,
    ::testing::Values(ConditionCase{domain::ReturnCondition::Fine, "fine", "cleaning"},
                      ConditionCase{domain::ReturnCondition::NeedsCleaning, "needs-cleaning", "cleaning"},
                      ConditionCase{domain::ReturnCondition::NeedsRepair, "needs-repair", "repair"}));

TEST_F(LoanDeskFlowTest, CheckInPrintsTheReturnConfirmationOnceAndADoubleTapStoresNothingMore)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10));
    desk(loan_desk::StartCheckIn{});
    apply(Scanned{"LAP-WI-001"});
    desk(loan_desk::SetCondition{domain::ReturnCondition::NeedsCleaning});
    desk(loan_desk::ConfirmCheckIn{});
    desk(loan_desk::ConfirmCheckIn{});

    EXPECT_EQ(m_services->count("outbox"), 1);
    ASSERT_EQ(m_services->slips.size(), 1u);
    EXPECT_EQ(d().checkIn.slip.status, SlipStatus::Printing);
    EXPECT_EQ(d().checkIn.unitState, domain::UnitState::Cleaning);

    m_controller->onCompletion(
        PrintCompletion{d().checkIn.slip.ticket,
                        receipt::PrintResult{receipt::PrintOutcome::Printed, receipt::PrinterCondition::Ready, 1, ""}});
    EXPECT_EQ(d().checkIn.slip.status, SlipStatus::Printed);
}

TEST_F(LoanDeskFlowTest, TheSameLoanCannotBeCheckedInTwiceFromTwoScreens)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10));
    desk(loan_desk::StartCheckIn{});
    apply(Scanned{"LAP-WI-001"});
    desk(loan_desk::SetCondition{domain::ReturnCondition::Fine});
    const CheckInState pending = d().checkIn; // the same loan opened a second time, before the first confirm
    desk(loan_desk::ConfirmCheckIn{});
    ASSERT_EQ(d().checkIn.phase, DeskPhase::Done);
    const auto stored = m_services->count("outbox");

    desk(loan_desk::StartCheckIn{});
    m_state.staff.desk.checkIn = pending;
    m_state.staff.desk.checkIn.eventId.clear();
    desk(loan_desk::ConfirmCheckIn{});
    EXPECT_EQ(d().checkIn.phase, DeskPhase::Failed);
    EXPECT_EQ(d().checkIn.errorKey, "desk.checkin.already_returned");
    EXPECT_EQ(m_services->count("outbox"), stored);
}

TEST_F(LoanDeskFlowTest, AServerRowPulledAgainBeforeTheCheckInIsSentStaysClosed)
{
    const std::string id = serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10));
    desk(loan_desk::StartCheckIn{});
    apply(Scanned{"LAP-WI-001"});
    desk(loan_desk::SetCondition{domain::ReturnCondition::NeedsCleaning});
    desk(loan_desk::ConfirmCheckIn{});
    ASSERT_EQ(d().checkIn.phase, DeskPhase::Done);
    serverLoan(id, "LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10), "Jan Wiśniewski",
               "600100200");

    desk(loan_desk::ShowLoans{});
    EXPECT_TRUE(d().loans.empty());
}

TEST_F(LoanDeskFlowTest, WithoutAStaffSessionTheDeskDoesNothing)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10));
    m_state.staff.session.reset();
    desk(loan_desk::ShowLoans{});
    EXPECT_NE(m_state.router.current(), ScreenId::StaffLoans);
    EXPECT_TRUE(d().loans.empty());
}

// --- extension ----------------------------------------------------------------------------------

TEST_F(LoanDeskFlowTest, ExtensionStopsAtTheTypesMaximumAndStoresTheNewDueDateWithItsEvent)
{
    // Crutches: at most 90 days, so this loan can run until start + 89.
    const Date start = kToday.plusDays(-60);
    const std::string id =
        localLoan("LAP-KL-001", "kule-lokciowe", start, kToday.plusDays(-30), "Ewa Lis", "600000001");
    serverLoan(id, "LAP-KL-001", "kule-lokciowe", start, kToday.plusDays(-30), "Ewa Lis", "600000001");
    desk(loan_desk::ShowLoans{});
    desk(loan_desk::SelectLoan{id});
    ASSERT_TRUE(d().extend.loan);
    EXPECT_EQ(d().extend.maxDue, start.plusDays(89));

    desk(loan_desk::ShiftDue{-1});
    EXPECT_EQ(d().extend.newDue, kToday.plusDays(-30)); // never before the current due date
    desk(loan_desk::ShiftDue{7});
    desk(loan_desk::ConfirmExtension{});
    EXPECT_EQ(d().extend.errorKey, "desk.extend.in_past"); // still overdue: pick a longer one
    EXPECT_EQ(m_services->count("outbox"), 0);

    for (int i = 0; i < 5; ++i)
        desk(loan_desk::ShiftDue{14});
    EXPECT_EQ(d().extend.newDue, start.plusDays(89));
    EXPECT_TRUE(d().extend.atMax);
    desk(loan_desk::ShiftDue{-1});
    EXPECT_EQ(d().extend.newDue, start.plusDays(88));
    EXPECT_FALSE(d().extend.atMax);
    desk(loan_desk::ShiftDue{7});
    EXPECT_EQ(d().extend.newDue, start.plusDays(89));

    desk(loan_desk::ConfirmExtension{});
    desk(loan_desk::ConfirmExtension{});
    ASSERT_EQ(d().extend.phase, DeskPhase::Done) << d().extend.errorKey;
    const std::string due = start.plusDays(89).iso();
    EXPECT_EQ(text("SELECT due_date FROM loans WHERE id = ?1", id), due);
    EXPECT_EQ(text("SELECT due_date FROM staff_loans WHERE loan_id = ?1", id), due);
    const std::vector<OutboxRow> events = outbox();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, "loan.extended");
    EXPECT_EQ(events[0].payload["due"], due);
    EXPECT_EQ(events[0].payload["staff_id"], kStaffId);
    ASSERT_EQ(d().loans.size(), 1u);
    EXPECT_EQ(d().loans[0].due.iso(), due);
}

TEST_F(LoanDeskFlowTest, ALoanAlreadyAtItsMaximumSaysSoAndCannotBeExtended)
{
    const Date start = kToday.plusDays(-10);
    const std::string id = serverLoan("LAP-KL-002", "kule-lokciowe", start, start.plusDays(89));
    desk(loan_desk::ShowLoans{});
    desk(loan_desk::SelectLoan{id});
    EXPECT_TRUE(d().extend.atMax);
    desk(loan_desk::ShiftDue{7});
    EXPECT_EQ(d().extend.newDue, start.plusDays(89));
    desk(loan_desk::ConfirmExtension{});
    EXPECT_EQ(d().extend.errorKey, "desk.extend.choose_date");
    EXPECT_EQ(m_services->count("outbox"), 0);
}

// --- units --------------------------------------------------------------------------------------

TEST_F(LoanDeskFlowTest, UnitsListEveryUnitWithTheDueDateOfThoseOnLoan)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-10), kToday.plusDays(10));
    desk(loan_desk::ShowUnits{});
    ASSERT_EQ(d().units.size(), m_catalog.units.size());
    EXPECT_EQ(d().units[0].inventoryNumber, "LAP-WI-001");
    EXPECT_EQ(d().units[0].state, domain::UnitState::OnLoan);
    ASSERT_TRUE(d().units[0].due);
    EXPECT_EQ(*d().units[0].due, kToday.plusDays(10));
    EXPECT_FALSE(d().units[1].due);
}

TEST_F(LoanDeskFlowTest, CleaningDoneMakesTheUnitAvailableWithAnEventNamingTheStaffMember)
{
    ASSERT_EQ(unitState("LAP-WI-003"), "cleaning");
    desk(loan_desk::ShowUnits{});
    desk(loan_desk::FinishCleaning{"LAP-WI-003"});
    desk(loan_desk::FinishCleaning{"LAP-WI-003"}); // a double tap on a stale button

    EXPECT_EQ(unitState("LAP-WI-003"), "available");
    const std::vector<OutboxRow> events = outbox();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, "unit.state_changed");
    EXPECT_EQ(events[0].payload["inventory_number"], "LAP-WI-003");
    EXPECT_EQ(events[0].payload["state"], "available");
    EXPECT_EQ(events[0].payload["staff_id"], kStaffId);
    EXPECT_EQ(d().unitsMessageKey, "desk.units.already_changed");
    EXPECT_TRUE(m_controller->takeCatalogueReload());
}

TEST_F(LoanDeskFlowTest, RepairDoneSendsTheUnitToCleaningNotStraightToLending)
{
    ASSERT_EQ(unitState("LAP-LR-003"), "repair");
    desk(loan_desk::ShowUnits{});
    desk(loan_desk::FinishCleaning{"LAP-LR-003"}); // not in cleaning: nothing happens
    EXPECT_EQ(unitState("LAP-LR-003"), "repair");
    desk(loan_desk::FinishRepair{"LAP-LR-003"});
    EXPECT_EQ(unitState("LAP-LR-003"), "cleaning");
    EXPECT_EQ(d().unitsMessageKey, "desk.units.now_cleaning");
    const std::vector<OutboxRow> events = outbox();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].payload["state"], "cleaning");
}

TEST_F(LoanDeskFlowTest, WithoutADatabaseTheDeskSaysSoInsteadOfCrashing)
{
    m_controller->attachStaff(FlowDeps{nullptr, &m_tr, &m_clock, "Test kiosk"});
    desk(loan_desk::ShowLoans{});
    EXPECT_EQ(d().listErrorKey, "desk.error.no_database");
    desk(loan_desk::StartCheckIn{});
    type("lap-wi-001");
    desk(loan_desk::FindUnit{});
    EXPECT_EQ(d().checkIn.errorKey, "desk.error.no_database");
}

TEST(LoanDeskStore, NormalisesWhatIsTypedOrScanned)
{
    EXPECT_EQ(normaliseInventoryNumber("  lap-wi-001\r\n"), "LAP-WI-001");
    EXPECT_EQ(normaliseInventoryNumber(""), "");
    EXPECT_EQ(normaliseInventoryNumber("   "), "");
}

// --- a USB keyboard ----------------------------------------------------------------------------

TEST_F(LoanDeskFlowTest, AUsbKeyboardTypesTheNumberAndEnterFindsTheUnit)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-20), kToday.plusDays(-2));
    apply(TypeText{"LAP"}); // the menu has no field
    EXPECT_TRUE(d().checkIn.number.buffer.empty());
    EXPECT_FALSE(m_controller->loanDesk().onType(TypeText{"LAP"}));

    desk(loan_desk::StartCheckIn{});
    apply(TypeText{"lap-xx-1\x01"}); // a control character is refused as by the field, the rest stays
    EXPECT_EQ(d().checkIn.number.buffer.text(), "lap-xx-1");
    apply(SubmitField{}); // Enter: looked up like "Szukaj"
    EXPECT_EQ(d().checkIn.errorKey, "desk.checkin.unknown");
    apply(EraseText{}); // editing the number takes the message away
    EXPECT_TRUE(d().checkIn.errorKey.empty());
    EXPECT_EQ(d().checkIn.number.buffer.text(), "LAP-XX-");

    while (!d().checkIn.number.buffer.empty())
        apply(EraseText{});
    apply(TypeText{"lap-wi-0012"});
    apply(EraseText{});
    apply(SubmitField{});
    ASSERT_TRUE(d().checkIn.loan) << d().checkIn.errorKey;
    EXPECT_EQ(d().checkIn.loan->inventoryNumber, "LAP-WI-001");
    EXPECT_EQ(d().checkIn.loan->daysOverdue, 2);
}

TEST_F(LoanDeskFlowTest, AUsbKeyboardTypesTheNotesOnlyOnceTheyAreTapped)
{
    serverLoan("LAP-WI-001", "wozek-inwalidzki", kToday.plusDays(-20), kToday.plusDays(5));
    desk(loan_desk::StartCheckIn{});
    apply(Scanned{"LAP-WI-001"});
    ASSERT_TRUE(d().checkIn.loan);

    // Found: the condition comes first, no field has the focus, the number stays as found.
    EXPECT_FALSE(m_controller->loanDesk().onType(TypeText{"x"}));
    apply(TypeText{"x"});
    EXPECT_TRUE(d().checkIn.notes.buffer.empty());
    EXPECT_EQ(d().checkIn.number.buffer.text(), "LAP-WI-001");

    desk(loan_desk::Focus{DeskField::Notes});
    apply(TypeText{"pęknięta rą"});
    apply(EraseText{}); // one whole letter
    EXPECT_EQ(d().checkIn.notes.buffer.text(), "pęknięta r");
    apply(TypeText{std::string(kReturnNotesMax, 'a')}); // the notes' limit holds for typing too
    EXPECT_EQ(d().checkIn.notes.buffer.length(), kReturnNotesMax);

    apply(SubmitField{}); // Enter in the notes confirms nothing
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckIn);
    EXPECT_EQ(d().checkIn.phase, DeskPhase::Editing);
    EXPECT_EQ(m_services->count("outbox"), 0);

    desk(loan_desk::SetCondition{domain::ReturnCondition::Fine});
    desk(loan_desk::ConfirmCheckIn{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckInDone);
    EXPECT_FALSE(m_controller->loanDesk().onType(TypeText{"x"}));
    EXPECT_FALSE(m_controller->loanDesk().onSubmit());
}

} // namespace

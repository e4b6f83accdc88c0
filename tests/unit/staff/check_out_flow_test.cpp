// Check-out driven through the Controller on the real Łapy catalogue imported into a real temporary
// kiosk database, with pick-ups written as the server's staff_pickups rows and this kiosk's own
// reservations: what the pick-ups list shows, every refusal of a unit, the borrower's validation,
// the due-date limits, and what Confirm stores (the loan, its outbox event, the unit's state and the
// reservation's hand-over in one transaction, once) and prints (two copies, never the PESEL).
#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/staff/check_out_writer.hpp"
#include "shared/domain/codes.hpp"
#include "shared/rules/loan_period.hpp"
#include "shared/util/uuid.hpp"
#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/pesel.hpp"
#include "shared/validate/phone.hpp"
#include "shared/validate/postal_code.hpp"
#include "tests/unit/staff/staff_test_fixture.hpp"

#include <algorithm>
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
const char* kStaffId = "s-maria";
const char* kValidPesel = "44051401359";
const char* kPhone = "600123456";

Key actionKey(KeyAction action)
{
    Key k;
    k.action = action;
    return k;
}

class CheckOutFlowTest : public okienko::testing::StaffFlowFixture
{
  protected:
    CheckOutFlowTest() : StaffFlowFixture("check-out-flow", "Kiosk testowy", true) {}

    void SetUp() override
    {
        ASSERT_TRUE(m_tr.loadDirectory(std::string(OKIENKO_SOURCE_DIR) + "/assets/i18n").ok());
        StaffFlowFixture::SetUp();
        openStaffMenu(kStaffId, "Maria Wiśniewska");
    }

    void co(check_out::Action a) { apply(CheckOutIntent{std::move(a)}); }
    CheckOutState& c() { return m_state.staff.checkOut; }

    void serverPickup(const std::string& id, const std::string& code, const std::string& type, Date day,
                      const std::string& status = "held", const std::string& name = "Jan Kowalski", int days = 30)
    {
        exec("INSERT INTO staff_pickups VALUES ('" + id + "', '" + code + "', '" + type + "', '" + day.iso() + "', " +
             std::to_string(days) + ", '" + status + "', '" + name + "', '" + kPhone + "', 0)");
    }
    void localReservation(const std::string& id, const std::string& code, const std::string& type, Date day,
                          const std::string& status, bool erased = false)
    {
        const std::string person = erased ? "NULL, NULL, NULL, NULL, NULL"
                                          : "'Ewa Lis', '501222333', 'Polna 5', "
                                            "'18-100', 'Łapy'";
        exec("INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, person_name, "
             "person_phone, address_street, address_postal_code, address_city, residency_declared, "
             "clause_acknowledged, language, kiosk_id, created_at, erased_at) VALUES ('" +
             id + "', '" + code + "', '" + type + "', '" + day.iso() + "', 14, '" + status + "', " + person +
             ", 1, 1, 'pl', 'test-kiosk', 1, " + (erased ? "5" : "NULL") + ")");
    }

    /// Taps the keys that type `s` into the focused field (switching the keyboard page as needed).
    void type(const std::string& s)
    {
        const bool keypad = c().person.focus == PersonField::Phone || c().person.focus == PersonField::PostalCode ||
                            c().person.focus == PersonField::Pesel;
        std::size_t i = 0;
        while (i < s.size())
        {
            std::size_t len = 1;
            while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80)
                ++len;
            std::string ch = s.substr(i, len);
            if (c().person.focus == PersonField::InventoryNumber && ch.size() == 1 && ch[0] >= 'A' && ch[0] <= 'Z')
                ch[0] = static_cast<char>(ch[0] - 'A' + 'a'); // the flow upper-cases what the keys type
            bool found = false;
            for (int attempt = 0; attempt < 2 && !found; ++attempt)
            {
                const KeyboardLayout& layout = keypad ? numericKeypad() : m_state.keyboard.state.layout();
                std::optional<Key> pageKey;
                std::optional<Key> hit;
                for (const KeyRow& row : layout.rows)
                    for (const Key& k : row)
                    {
                        if (k.action == KeyAction::SwitchPage)
                            pageKey = k;
                        if (!hit && (k.text == ch || (ch == " " && k.action == KeyAction::Space)))
                            hit = k;
                    }
                if (hit)
                {
                    co(check_out::Press{*hit});
                    found = true;
                }
                else if (pageKey)
                    co(check_out::Press{*pageKey});
            }
            if (!found)
                ADD_FAILURE() << "no key types " << ch;
            i += len;
        }
    }
    void fill(PersonField f, const std::string& s)
    {
        co(check_out::Focus{f});
        type(s);
    }
    /// Unit step: types the number and presses "Dalej".
    void enterUnit(const std::string& number)
    {
        co(check_out::Focus{PersonField::InventoryNumber});
        while (!c().inventory.buffer.empty())
            co(check_out::Press{actionKey(KeyAction::Backspace)});
        type(number);
        co(check_out::SubmitUnit{});
    }
    /// The borrower's fields, all valid.
    void fillBorrower(bool name = true)
    {
        if (name)
        {
            fill(PersonField::Name, "jan kowalski");
            fill(PersonField::Phone, kPhone);
        }
        fill(PersonField::Street, "polna 5");
        fill(PersonField::PostalCode, "18100");
        fill(PersonField::City, "łapy");
    }
    /// Menu → check-out → LAP-KL-001 (walk-in) → borrower → ID checked.
    void walkInUpToConfirm(const std::string& pesel = {})
    {
        co(check_out::Start{});
        enterUnit("LAP-KL-001");
        ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan) << c().unitErrorKey;
        fillBorrower();
        if (!pesel.empty())
            fill(PersonField::Pesel, pesel);
        co(check_out::ToggleIdChecked{});
    }
    std::vector<std::string> errorKeys(PersonField f)
    {
        std::vector<std::string> out;
        for (const PersonFieldError& e : c().person.errors)
            if (e.field == f)
                out.push_back(e.messageKey);
        return out;
    }
    static bool slipContains(const receipt::Slip& slip, const std::string& needle)
    {
        for (const std::string& t : slip.allText())
            if (t.find(needle) != std::string::npos)
                return true;
        return false;
    }
};

TEST_F(CheckOutFlowTest, NothingHappensWithoutAStaffSession)
{
    m_state.staff.session.reset();
    m_state.router.reset(ScreenId::Home);
    co(check_out::Start{});
    co(check_out::ShowPickups{});
    EXPECT_EQ(m_state.router.current(), ScreenId::Home);
    EXPECT_FALSE(m_controller->checkOut().onScan("LAP-KL-001"));
}

TEST_F(CheckOutFlowTest, PickupsUniteServerAndLocalRowsDedupedOldestFirstUpToTomorrow)
{
    serverPickup("r-today", "R-TODAY", "wozek-inwalidzki", kToday);
    serverPickup("r-late", "R-LATE", "kule-lokciowe", kToday.plusDays(-3), "confirmed");
    serverPickup("r-tomorrow", "R-TMRW", "balkonik", kToday.plusDays(1));
    serverPickup("r-later", "R-LATER", "balkonik", kToday.plusDays(2));
    // The same reservation at this kiosk and at the server: one row, the server's status.
    localReservation("r-today", "R-TODAY", "wozek-inwalidzki", kToday, "provisional");
    localReservation("r-local", "R-LOCAL", "rolator", kToday, "provisional");
    localReservation("r-erased", "R-ERASED", "rolator", kToday, "held", true);
    localReservation("r-done", "R-DONE", "rolator", kToday, "picked-up");
    localReservation("r-gone", "R-GONE", "rolator", kToday, "cancelled");

    co(check_out::ShowPickups{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffPickups);
    EXPECT_TRUE(c().pickupsErrorKey.empty());
    std::vector<std::string> ids;
    for (const PickupRow& r : c().pickups)
        ids.push_back(r.reservationId);
    ASSERT_EQ(ids.size(), 4u);
    EXPECT_EQ(ids[0], "r-late"); // overdue first
    EXPECT_EQ(ids[3], "r-tomorrow");
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), "r-local") != ids.end());
    const auto today = std::find_if(c().pickups.begin(), c().pickups.end(),
                                    [](const PickupRow& r) { return r.reservationId == "r-today"; });
    ASSERT_NE(today, c().pickups.end());
    EXPECT_EQ(today->status, domain::ReservationStatus::Held);
    EXPECT_EQ(today->name, "Jan Kowalski");
}

TEST_F(CheckOutFlowTest, AnEmptyPickupListIsEmptyNotAnError)
{
    co(check_out::ShowPickups{});
    EXPECT_TRUE(c().pickups.empty());
    EXPECT_TRUE(c().pickupsErrorKey.empty());
}

TEST_F(CheckOutFlowTest, ATappedPickupStartsCheckOutWithItsReservationAndPrefillsNameAndPhone)
{
    serverPickup("r-1", "R-AAA", "kule-lokciowe", kToday, "held", "Jan Kowalski", 14);
    co(check_out::ShowPickups{});
    co(check_out::ChoosePickup{"r-1"});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutUnit);
    ASSERT_TRUE(c().reservation.has_value());
    enterUnit("LAP-KL-002");
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan);
    EXPECT_EQ(c().person.name.buffer.text(), "Jan Kowalski");
    EXPECT_EQ(c().person.phone.buffer.text(), kPhone);
    EXPECT_FALSE(c().walkIn);
    // The reservation's own period: the ledger counted exactly those days.
    EXPECT_EQ(c().due, rules::dueDateFor(kToday, 14));
    // Back goes to the list as it was.
    apply(GoBack{});
    apply(GoBack{});
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffPickups);
    EXPECT_EQ(c().pickups.size(), 1u);
}

TEST_F(CheckOutFlowTest, EveryUnitStateThatCannotBeLentIsRefusedWithItsOwnMessage)
{
    co(check_out::Start{});
    const std::pair<domain::UnitState, const char*> cases[] = {
        {domain::UnitState::OnLoan, "checkout.unit.error.on_loan"},
        {domain::UnitState::Cleaning, "checkout.unit.error.cleaning"},
        {domain::UnitState::Repair, "checkout.unit.error.repair"},
        {domain::UnitState::Retired, "checkout.unit.error.retired"},
    };
    for (const auto& [state, key] : cases)
    {
        exec("UPDATE equipment_units SET state = '" + std::string(domain::toCode(state)) +
             "' WHERE inventory_number = 'LAP-WI-001'");
        enterUnit("LAP-WI-001");
        EXPECT_EQ(c().unitErrorKey, key);
        EXPECT_EQ(c().unitErrorNumber, "LAP-WI-001");
        EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutUnit);
        EXPECT_FALSE(m_tr.tr(domain::Language::Pl, key).empty());
        EXPECT_TRUE(m_tr.hasTranslation(domain::Language::Pl, key)) << key;
    }
    enterUnit("LAP-XX-999");
    EXPECT_EQ(c().unitErrorKey, "checkout.unit.error.unknown");
    EXPECT_EQ(c().unitErrorNumber, "LAP-XX-999");
    co(check_out::SubmitUnit{});
    co(check_out::Press{actionKey(KeyAction::Clear)});
    while (!c().inventory.buffer.empty())
        co(check_out::Press{actionKey(KeyAction::Backspace)});
    co(check_out::SubmitUnit{});
    EXPECT_EQ(c().unitErrorKey, "checkout.unit.error.empty");
    EXPECT_EQ(m_services->count("loans"), 0);
}

TEST_F(CheckOutFlowTest, AUnitWithAnOpenLoanAtTheServerIsRefusedEvenIfItsStateSaysAvailable)
{
    exec("INSERT INTO staff_loans VALUES ('l-1', 'LAP-KL-003', 'kule-lokciowe', '2024-01-01', '2024-01-30', 'A B', "
         "'600000000', 0)");
    co(check_out::Start{});
    enterUnit("LAP-KL-003");
    EXPECT_EQ(c().unitErrorKey, "checkout.unit.error.on_loan");
}

TEST_F(CheckOutFlowTest, TheNumberIsFoundIgnoringCaseAndBlanksAndOnlyLettersDigitsAndDashAreTyped)
{
    co(check_out::Start{});
    type("lap-kl-001");
    EXPECT_EQ(c().inventory.buffer.text(), "LAP-KL-001");
    type("ą ");
    EXPECT_EQ(c().inventory.buffer.text(), "LAP-KL-001");
    co(check_out::SubmitUnit{});
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan);
    EXPECT_EQ(c().inventoryNumber, "LAP-KL-001");

    // A scan of a lower-case label with blanks around it.
    m_state.staff.checkOut = CheckOutState{};
    m_state.router.reset(ScreenId::StaffMenu);
    co(check_out::Start{});
    apply(Scanned{"  lap-wi-002 "});
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan);
    EXPECT_EQ(c().inventoryNumber, "LAP-WI-002");
    EXPECT_EQ(c().typeId, "wozek-inwalidzki");
}

TEST_F(CheckOutFlowTest, AScanIsTakenOnlyOnTheUnitStep)
{
    auto& flow = m_controller->checkOut();
    EXPECT_FALSE(flow.onScan("LAP-KL-001")); // menu
    co(check_out::Start{});
    EXPECT_FALSE(flow.onScan("OKIENKO-STAFF:s-other")); // a badge is the entry flow's
    EXPECT_TRUE(flow.onScan("LAP-ZZ-000"));
    EXPECT_EQ(c().unitErrorKey, "checkout.unit.error.unknown");
    EXPECT_TRUE(flow.onScan("LAP-KL-001"));
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan);
    EXPECT_FALSE(flow.onScan("LAP-KL-002")); // the loan step does not swap the unit
    EXPECT_EQ(c().inventoryNumber, "LAP-KL-001");
}

TEST_F(CheckOutFlowTest, AUnitOfAnotherTypeThanTheChosenReservationIsRefused)
{
    serverPickup("r-wheel", "R-WHEEL", "wozek-inwalidzki", kToday);
    co(check_out::ShowPickups{});
    co(check_out::ChoosePickup{"r-wheel"});
    enterUnit("LAP-KL-001");
    EXPECT_EQ(c().unitErrorKey, "checkout.unit.error.type_mismatch");
    EXPECT_EQ(c().unitErrorType, "kule-lokciowe");
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutUnit);
    enterUnit("LAP-WI-001");
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan);
    ASSERT_TRUE(c().reservation.has_value());
    EXPECT_EQ(c().reservation->reservationId, "r-wheel");
}

TEST_F(CheckOutFlowTest, TheLoanStepOffersThePickupsOfTheUnitsTypeAndAskForAChoice)
{
    serverPickup("r-kl", "R-KL", "kule-lokciowe", kToday.plusDays(3), "held", "Anna Nowak");
    serverPickup("r-wi", "R-WI", "wozek-inwalidzki", kToday);
    co(check_out::Start{});
    enterUnit("LAP-KL-001");
    ASSERT_EQ(c().candidates.size(), 1u);
    EXPECT_EQ(c().candidates[0].reservationId, "r-kl");
    EXPECT_FALSE(c().walkIn);
    fillBorrower();
    co(check_out::ToggleIdChecked{});
    co(check_out::Confirm{});
    EXPECT_TRUE(c().reservationError);
    EXPECT_EQ(m_services->count("loans"), 0);
    co(check_out::ChooseReservation{"r-kl"});
    EXPECT_EQ(c().person.name.buffer.text(), "Anna Nowak");
    co(check_out::ChooseWalkIn{});
    EXPECT_FALSE(c().reservation.has_value());
    EXPECT_TRUE(c().walkIn);
    // Without any pick-up of the type, walk-in is chosen by itself.
    m_state.router.reset(ScreenId::StaffMenu);
    co(check_out::Start{});
    enterUnit("LAP-BA-001");
    EXPECT_TRUE(c().candidates.empty());
    EXPECT_TRUE(c().walkIn);
}

TEST_F(CheckOutFlowTest, EveryBorrowerFieldShowsThePreciseReasonItWasRefused)
{
    co(check_out::Start{});
    enterUnit("LAP-KL-001");
    fill(PersonField::Phone, "12345");
    fill(PersonField::PostalCode, "181");
    fill(PersonField::Street, "x");
    co(check_out::Confirm{});
    EXPECT_EQ(errorKeys(PersonField::Name), std::vector<std::string>{"input.empty.name"});
    EXPECT_EQ(errorKeys(PersonField::Phone),
              std::vector<std::string>{std::string(validate::messageKey(validate::normalisePhone("12345").error()))});
    EXPECT_EQ(
        errorKeys(PersonField::PostalCode),
        std::vector<std::string>{std::string(validate::messageKey(validate::normalisePostalCode("181").error()))});
    EXPECT_EQ(errorKeys(PersonField::Street), std::vector<std::string>{std::string(validate::messageKey(
                                                  validate::validateFreeText("x", 2, 60).error().error))});
    EXPECT_EQ(errorKeys(PersonField::City).size(), 1u);
    EXPECT_TRUE(errorKeys(PersonField::Pesel).empty()); // optional
    EXPECT_TRUE(c().idError);
    EXPECT_EQ(c().person.focus, PersonField::Name);
    EXPECT_EQ(m_services->count("loans"), 0);
    // Typing into a field answers its message.
    fill(PersonField::Name, "jan");
    EXPECT_TRUE(errorKeys(PersonField::Name).empty());
    EXPECT_FALSE(errorKeys(PersonField::Phone).empty());
}

TEST_F(CheckOutFlowTest, TheIdCheckIsRequired)
{
    walkInUpToConfirm();
    co(check_out::ToggleIdChecked{}); // off again
    co(check_out::Confirm{});
    EXPECT_TRUE(c().idError);
    EXPECT_EQ(m_services->count("loans"), 0);
    co(check_out::ToggleIdChecked{});
    EXPECT_FALSE(c().idError);
    co(check_out::Confirm{});
    EXPECT_EQ(m_services->count("loans"), 1);
}

TEST_F(CheckOutFlowTest, ABadPeselIsRefusedWithItsReason)
{
    walkInUpToConfirm("44051401358");
    co(check_out::Confirm{});
    EXPECT_EQ(
        errorKeys(PersonField::Pesel),
        std::vector<std::string>{std::string(validate::messageKey(validate::validatePesel("44051401358").error()))});
    EXPECT_EQ(m_services->count("loans"), 0);
    fill(PersonField::Pesel, "1");
    co(check_out::Confirm{});
    EXPECT_EQ(errorKeys(PersonField::Pesel).size(), 1u); // 12 digits do not fit: still the same 11
}

TEST_F(CheckOutFlowTest, APeselLeftIsNeverShownAgainComingBackStartsItAnew)
{
    walkInUpToConfirm(kValidPesel);
    EXPECT_EQ(c().pesel.buffer.text(), kValidPesel);
    co(check_out::Focus{PersonField::City});
    EXPECT_EQ(c().pesel.buffer.text(), kValidPesel); // kept (the screen masks it)
    co(check_out::Focus{PersonField::Pesel});
    EXPECT_TRUE(c().pesel.buffer.empty());
    co(check_out::Confirm{});
    EXPECT_EQ(c().phase, CheckOutPhase::Done);
    EXPECT_EQ(text("SELECT pesel FROM loans"), "<null>"); // optional: none given
    EXPECT_EQ(Json::parse(text("SELECT payload FROM outbox")).count("pesel"), 0u);
}

TEST_F(CheckOutFlowTest, AGoodPeselIsStoredAndSentButNeverPrinted)
{
    walkInUpToConfirm(kValidPesel);
    co(check_out::Confirm{});
    ASSERT_EQ(c().phase, CheckOutPhase::Done) << c().errorKey;
    EXPECT_EQ(text("SELECT pesel FROM loans"), kValidPesel);
    const Json payload = Json::parse(text("SELECT payload FROM outbox"));
    EXPECT_EQ(payload.value("pesel", ""), kValidPesel);
    ASSERT_EQ(m_services->slips.size(), 2u);
    for (const receipt::Slip& slip : m_services->slips)
    {
        EXPECT_FALSE(slipContains(slip, kValidPesel));
        EXPECT_FALSE(slipContains(slip, "4405"));
        EXPECT_FALSE(slipContains(slip, kPhone)); // the agreement does not need the phone
        EXPECT_TRUE(slipContains(slip, text("SELECT borrower_name FROM loans"))); // signed, so named
    }
    // Nothing typed stays in memory after the loan is stored.
    EXPECT_TRUE(c().pesel.buffer.empty());
    EXPECT_TRUE(c().person.name.buffer.empty());
}

TEST_F(CheckOutFlowTest, TheDueDateStartsAtTheTypesDefaultAndStaysBetweenTomorrowAndTheMaximum)
{
    walkInUpToConfirm();
    const domain::EquipmentType* t = m_catalog.findEquipmentType("kule-lokciowe");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(c().due, rules::defaultDueDate(*t, kToday));
    for (int i = 0; i < 40; ++i)
        co(check_out::ShiftDue{7});
    EXPECT_EQ(c().due, rules::dueDateFor(kToday, t->maxLoanDays));
    for (int i = 0; i < 400; ++i)
        co(check_out::ShiftDue{-1});
    EXPECT_EQ(c().due, kToday.plusDays(1));
    co(check_out::ShiftDue{1});
    EXPECT_EQ(c().due, kToday.plusDays(2));
    co(check_out::Confirm{});
    EXPECT_EQ(text("SELECT due_date FROM loans"), kToday.plusDays(2).iso());
    EXPECT_EQ(text("SELECT start_date FROM loans"), kToday.iso());
}

TEST_F(CheckOutFlowTest, ConfirmStoresTheLoanItsEventTheUnitAndTheHandOverTogether)
{
    serverPickup("r-1", "R-AAA", "kule-lokciowe", kToday);
    const std::string localId = newUuid();
    localReservation(localId, "R-LOC", "kule-lokciowe", kToday, "held");
    exec("INSERT INTO staff_pickups VALUES ('" + localId + "', 'R-LOC', 'kule-lokciowe', '" + kToday.iso() +
         "', 14, 'held', 'Ewa Lis', '501222333', 0)");
    co(check_out::ShowPickups{});
    co(check_out::ChoosePickup{localId});
    enterUnit("LAP-KL-001");
    fillBorrower(false);
    co(check_out::ToggleIdChecked{});
    co(check_out::Confirm{});
    ASSERT_EQ(c().phase, CheckOutPhase::Done) << c().errorKey;
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutDone);

    EXPECT_EQ(m_services->count("loans"), 1);
    EXPECT_EQ(text("SELECT staff_id FROM loans"), kStaffId);
    EXPECT_EQ(text("SELECT reservation_id FROM loans"), localId);
    EXPECT_EQ(text("SELECT borrower_name FROM loans"), "Ewa Lis");
    EXPECT_EQ(text("SELECT id FROM loans"), c().loanId);
    EXPECT_EQ(m_services->count("outbox"), 1);
    EXPECT_EQ(text("SELECT type FROM outbox"), "loan.checked_out");
    EXPECT_EQ(text("SELECT id FROM outbox"), c().loanId);
    EXPECT_EQ(text("SELECT subject_table || ':' || subject_id FROM outbox"), "loans:" + c().loanId);
    const Json payload = Json::parse(text("SELECT payload FROM outbox"));
    EXPECT_NE(payload.dump().find(kStaffId), std::string::npos);
    EXPECT_EQ(text("SELECT state FROM equipment_units WHERE inventory_number = 'LAP-KL-001'"),
              domain::toCode(domain::UnitState::OnLoan));
    EXPECT_EQ(text("SELECT status FROM reservations WHERE id = '" + localId + "'"),
              domain::toCode(domain::ReservationStatus::PickedUp));
    EXPECT_EQ(m_services->count("staff_pickups"), 1); // only the other reservation's row is left
    EXPECT_EQ(m_services->outboxSignals, 1);
    EXPECT_TRUE(m_controller->takeCatalogueReload());
    EXPECT_FALSE(m_controller->takeCatalogueReload());
    EXPECT_EQ(c().doneInventory, "LAP-KL-001");

    // The unit is now refused, and the reservation is no longer awaiting hand-over.
    co(check_out::Next{});
    enterUnit("LAP-KL-001");
    EXPECT_EQ(c().unitErrorKey, "checkout.unit.error.on_loan");
    m_state.router.reset(ScreenId::StaffMenu);
    co(check_out::ShowPickups{});
    ASSERT_EQ(c().pickups.size(), 1u);
    EXPECT_EQ(c().pickups[0].reservationId, "r-1");
}

TEST_F(CheckOutFlowTest, ASecondConfirmNeverMakesASecondLoan)
{
    walkInUpToConfirm();
    co(check_out::Confirm{});
    co(check_out::Confirm{});
    ASSERT_EQ(c().phase, CheckOutPhase::Done);
    // Even back on the loan step (a stale screen), Done refuses.
    m_state.router.push(ScreenId::StaffCheckOutLoan);
    co(check_out::Confirm{});
    EXPECT_EQ(m_services->count("loans"), 1);
    EXPECT_EQ(m_services->count("outbox"), 1);
    EXPECT_EQ(m_services->slips.size(), 2u);
    EXPECT_EQ(m_services->outboxSignals, 1);
}

TEST_F(CheckOutFlowTest, AFailedWriteLeavesNothingHalfWrittenAndConfirmMayBeRetried)
{
    serverPickup("r-1", "R-AAA", "kule-lokciowe", kToday);
    co(check_out::ShowPickups{});
    co(check_out::ChoosePickup{"r-1"});
    enterUnit("LAP-KL-001");
    fillBorrower(false);
    co(check_out::ToggleIdChecked{});
    // The outbox refuses the event (a constraint failure at its INSERT, after the loan and the
    // unit were already written inside the transaction).
    exec("CREATE TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'refused'); END");
    co(check_out::Confirm{});
    EXPECT_EQ(c().phase, CheckOutPhase::Failed);
    EXPECT_EQ(c().errorKey, "checkout.error.storage");
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan);
    EXPECT_EQ(m_services->count("loans"), 0);
    EXPECT_EQ(m_services->count("outbox"), 0);
    EXPECT_EQ(m_services->count("staff_pickups"), 1);
    EXPECT_EQ(text("SELECT state FROM equipment_units WHERE inventory_number = 'LAP-KL-001'"), "available");
    EXPECT_TRUE(m_services->slips.empty());
    EXPECT_EQ(m_services->outboxSignals, 0);
    EXPECT_EQ(c().person.name.buffer.text(), "Jan Kowalski"); // kept for the retry

    exec("DROP TRIGGER refuse");
    co(check_out::Confirm{});
    EXPECT_EQ(c().phase, CheckOutPhase::Done);
    EXPECT_EQ(m_services->count("loans"), 1);
    EXPECT_EQ(m_services->count("staff_pickups"), 0);
}

TEST_F(CheckOutFlowTest, AUnitLentMeanwhileIsReportedAsTaken)
{
    walkInUpToConfirm();
    exec("UPDATE equipment_units SET state = 'repair' WHERE inventory_number = 'LAP-KL-001'");
    co(check_out::Confirm{});
    EXPECT_EQ(c().phase, CheckOutPhase::Failed);
    EXPECT_EQ(c().errorKey, "checkout.error.unit_taken");
    EXPECT_EQ(m_services->count("loans"), 0);
}

TEST_F(CheckOutFlowTest, TheAgreementIsPrintedTwiceOneCopyEachAndEachCopysOutcomeIsShown)
{
    walkInUpToConfirm();
    co(check_out::Confirm{});
    ASSERT_EQ(m_services->slips.size(), 2u);
    EXPECT_TRUE(slipContains(m_services->slips[0], m_tr.tr(domain::Language::Pl, "slip.agreement.copy_cus")));
    EXPECT_FALSE(slipContains(m_services->slips[0], m_tr.tr(domain::Language::Pl, "slip.agreement.copy_borrower")));
    EXPECT_TRUE(slipContains(m_services->slips[1], m_tr.tr(domain::Language::Pl, "slip.agreement.copy_borrower")));
    for (const receipt::Slip& slip : m_services->slips)
    {
        const auto signatures =
            std::count_if(slip.blocks.begin(), slip.blocks.end(),
                          [](const receipt::Block& b) { return b.kind == receipt::BlockKind::Signature; });
        EXPECT_EQ(signatures, 2);
        EXPECT_TRUE(slipContains(slip, "LAP-KL-001"));
        EXPECT_TRUE(slipContains(slip, "Maria Wiśniewska"));
    }
    ASSERT_EQ(c().copies[0].status, SlipStatus::Printing);
    ASSERT_EQ(c().copies[1].status, SlipStatus::Printing);
    EXPECT_NE(c().copies[0].ticket, c().copies[1].ticket);

    receipt::PrintResult jam;
    jam.outcome = receipt::PrintOutcome::Failed;
    jam.condition = receipt::PrinterCondition::PaperOut;
    m_controller->onCompletion(PrintCompletion{c().copies[1].ticket, jam});
    receipt::PrintResult ok;
    ok.outcome = receipt::PrintOutcome::Printed;
    m_controller->onCompletion(PrintCompletion{c().copies[0].ticket, ok});
    EXPECT_EQ(c().copies[0].status, SlipStatus::Printed);
    EXPECT_EQ(c().copies[1].status, SlipStatus::Failed);
    EXPECT_EQ(c().copies[1].messageKey, failedPrintMessageKey(jam));
    EXPECT_FALSE(c().copies[1].messageKey.empty());
}

TEST_F(CheckOutFlowTest, WithoutAPrinterTheLoanIsStoredAndTheScreenSaysSo)
{
    m_services->printerConfigured = false;
    walkInUpToConfirm();
    co(check_out::Confirm{});
    EXPECT_EQ(c().phase, CheckOutPhase::Done);
    EXPECT_FALSE(c().printed);
    EXPECT_EQ(m_services->count("loans"), 1);
}

TEST_F(CheckOutFlowTest, WithoutServicesNothingIsStoredAndTheScreenSaysWhy)
{
    m_controller->attachStaff(FlowDeps{nullptr, &m_tr, &m_clock, "Kiosk"});
    co(check_out::ShowPickups{});
    EXPECT_EQ(c().pickupsErrorKey, "checkout.error.no_services");
    co(check_out::Start{});
    enterUnit("LAP-KL-001");
    EXPECT_EQ(c().unitErrorKey, "checkout.error.no_services");
}

// --- a USB keyboard ----------------------------------------------------------------------------

TEST_F(CheckOutFlowTest, AUsbKeyboardTypesTheInventoryNumberAsTheKeysDoAndEnterLooksItUp)
{
    apply(TypeText{"LAP"}); // the menu has no field
    EXPECT_TRUE(c().inventory.buffer.empty());
    EXPECT_FALSE(m_controller->checkOut().onType(TypeText{"LAP"}));
    co(check_out::Start{});
    apply(TypeText{"lap-kl"});
    apply(TypeText{" ą_/ї"}); // blanks, letters with diacritics, symbols: never part of a number
    apply(TypeText{"-009"});
    EXPECT_EQ(c().inventory.buffer.text(), "LAP-KL-009");

    apply(SubmitField{}); // Enter: looked up like "Dalej"
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutUnit);
    EXPECT_EQ(c().unitErrorKey, "checkout.unit.error.unknown");
    apply(TypeText{"l"}); // after a refusal the first key starts a new number, as on screen
    EXPECT_EQ(c().inventory.buffer.text(), "L");
    EXPECT_TRUE(c().unitErrorKey.empty());
    apply(EraseText{});
    EXPECT_TRUE(c().inventory.buffer.empty());

    apply(TypeText{"LAP-KL-0031"});
    apply(EraseText{});
    apply(SubmitField{});
    EXPECT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan) << c().unitErrorKey;
    EXPECT_EQ(c().inventoryNumber, "LAP-KL-003");
}

TEST_F(CheckOutFlowTest, AUsbKeyboardTypesIntoTheFocusedBorrowerFieldThroughThatFieldsFilter)
{
    co(check_out::Start{});
    apply(TypeText{"LAP-KL-001"});
    apply(SubmitField{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutLoan) << c().unitErrorKey;
    ASSERT_EQ(c().person.focus, PersonField::Name);

    apply(TypeText{"Jan 2Kowalski!"}); // a name takes letters, blanks and hyphens only
    EXPECT_EQ(c().person.name.buffer.text(), "Jan Kowalski");
    apply(SubmitField{}); // Enter is the keyboard's Done: the next field
    ASSERT_EQ(c().person.focus, PersonField::Phone);
    apply(TypeText{"600 12a3-4567"}); // digits only, nine at most
    EXPECT_EQ(c().person.phone.buffer.text(), "600123456");
    apply(SubmitField{});
    apply(TypeText{"Polna 5/2"});
    EXPECT_EQ(c().person.street.buffer.text(), "Polna 5/2");
    apply(EraseText{});
    apply(EraseText{});
    EXPECT_EQ(c().person.street.buffer.text(), "Polna 5");
    apply(SubmitField{});
    apply(TypeText{"18-100"});
    EXPECT_EQ(c().person.postalCode.buffer.text(), "18100");
    apply(SubmitField{});
    apply(TypeText{"Łapy"});
    EXPECT_EQ(c().person.city.buffer.text(), "Łapy");
    apply(SubmitField{});
    ASSERT_EQ(c().person.focus, PersonField::Pesel);
    apply(TypeText{"4405140135x9"});
    EXPECT_EQ(c().pesel.buffer.text(), kValidPesel);
    apply(TypeText{"1"}); // eleven digits at most
    EXPECT_EQ(c().pesel.buffer.text(), kValidPesel);
    apply(EraseText{});
    EXPECT_EQ(c().pesel.buffer.text(), std::string(kValidPesel).substr(0, 10));
    EXPECT_EQ(c().inventory.buffer.text(), "LAP-KL-001"); // the unit step's number is left alone

    // Typing into a refused field takes its message away, and only that field's.
    co(check_out::Focus{PersonField::City});
    while (!c().person.city.buffer.empty())
        apply(EraseText{});
    co(check_out::Confirm{});
    ASSERT_FALSE(errorKeys(PersonField::City).empty());
    ASSERT_FALSE(errorKeys(PersonField::Pesel).empty());
    apply(TypeText{"Ł"});
    EXPECT_TRUE(errorKeys(PersonField::City).empty());
    EXPECT_FALSE(errorKeys(PersonField::Pesel).empty());
}

TEST_F(CheckOutFlowTest, BackOnTheUnitStepTypesTheNumberNotTheBorrowersName)
{
    co(check_out::Start{});
    enterUnit("LAP-KL-001");
    ASSERT_EQ(c().person.focus, PersonField::Name);
    apply(GoBack{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutUnit);
    co(check_out::Press{actionKey(KeyAction::Backspace)}); // an on-screen key
    EXPECT_EQ(c().inventory.buffer.text(), "LAP-KL-00");
    apply(TypeText{"2"}); // and a USB keyboard
    EXPECT_EQ(c().inventory.buffer.text(), "LAP-KL-002");
    EXPECT_EQ(c().person.name.buffer.text(), "");
}

TEST_F(CheckOutFlowTest, AfterTheLoanIsStoredTheKeyboardChangesNothing)
{
    walkInUpToConfirm();
    co(check_out::Confirm{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutDone);
    const CheckOutState before = c();
    EXPECT_FALSE(m_controller->checkOut().onType(TypeText{"x"}));
    apply(TypeText{"x"});
    apply(EraseText{});
    apply(SubmitField{});
    EXPECT_EQ(c(), before);
    EXPECT_EQ(m_services->count("loans"), 1);
}

} // namespace

TEST_F(CheckOutFlowTest, AfterEachHandOverTheBorrowerIsAskedForARatingOfTheHandOver)
{
    walkInUpToConfirm();
    co(check_out::Confirm{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutDone);
    EXPECT_EQ(m_state.requests.feedback.flow, FlowId::CheckOut);
    EXPECT_FALSE(m_state.requests.feedback.ratingDone);
    // The rating itself is the Feedback flow's, the same as after every flow: the UI script
    // tests/ui/staff_checkout_rating_pl.kiosk taps it on this screen in the real kiosk.
    m_state.requests.feedback.ratingDone = true;
    // The next hand-over asks again.
    co(check_out::Next{});
    co(check_out::Start{});
    enterUnit("LAP-KL-002");
    fillBorrower();
    co(check_out::ToggleIdChecked{});
    co(check_out::Confirm{});
    ASSERT_EQ(m_state.router.current(), ScreenId::StaffCheckOutDone) << c().errorKey;
    EXPECT_FALSE(m_state.requests.feedback.ratingDone);
}

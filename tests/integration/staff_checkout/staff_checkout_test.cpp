// Check-out end to end: the real okienko-kiosk binary, headless, on a kiosk database seeded before
// it starts with a staff member (real argon2id PIN hash, by okienko-test-seed), reservations awaiting
// hand-over as the server sends them and one of this kiosk's own. A staff badge and PIN log in; the
// script reads today's pick-ups, picks the overdue one, is refused a unit of another type and a unit
// in cleaning, scans the right unit, completes the borrower (a wrong PESEL first), confirms, and sees
// both copies of the agreement printed through a private cupsd. Then the test reads what really
// happened: one loan with the staff member's id, one loan.checked_out event, the unit on loan, the
// hand-over recorded, and two ESC/POS jobs without the PESEL in them.
#include "tests/integration/kiosk_online/kiosk_script_run.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kOverdue = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e01"; // crutches, due to be picked up on 27.02
const std::string kToday = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e02";   // wheelchair, today
const std::string kTomorrow = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e03";
const std::string kLater = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e04";
const std::string kLocal = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e05"; // made at this kiosk, offline
const std::string kPesel = "44051401359";
constexpr double kBody = 24; // ESC/POS 80 mm body text, dots

std::string shot(const std::string& name)
{
    return "screenshot \"" + std::string(OKIENKO_CHECKOUT_SHOT_DIR) + "/" + name + ".png\"\n";
}

/// The headless kiosk's day is Monday 2 March 2026.
std::string script()
{
    return R"S(expect-screen attract
scan "OKIENKO-STAFF:s-anna"
expect-screen staff-pin
type "482193"
tap-id staff-pin-ok
expect-screen staff-menu
tap-id staff-menu-pickups
expect-screen staff-pickups
expect "Dziś i zaległe"
expect "R-KL1-AAA · Kule łokciowe (para)"
expect "ZALEGŁY — odbiór był 27.02.2026"
expect "R-WI1-BBB · Wózek inwalidzki"
expect "R-LOC-EEE"
expect "do potwierdzenia"
expect "Jutro"
expect "R-BA1-CCC"
expect-not "R-BA1-DDD"
expect-not "⟦"
)S" + shot("checkout-pickups") +
           R"S(tap-id pickup-)S" + kOverdue + R"S(
expect-screen staff-checkout-unit
expect "Rezerwacja R-KL1-AAA"
scan "LAP-WI-001"
expect "LAP-WI-001 to Wózek inwalidzki"
expect "rezerwacja R-KL1-AAA dotyczy: Kule łokciowe (para)"
scan "LAP-KL-004"
expect "LAP-KL-004 jest w czyszczeniu — oznacz czyszczenie jako zakończone."
type "LAP-XX-001"
tap-id checkout-unit-next
expect "Nie ma egzemplarza o numerze LAP-XX-001."
)S" + shot("checkout-unit-refused") +
           R"S(scan "LAP-KL-001"
expect-screen staff-checkout-loan
expect "Wydanie LAP-KL-001 — Kule łokciowe (para)"
expect "Jan Kowalski"
expect "600 123 456"
tap-id checkout-field-street
type "Polna 5"
tap-id checkout-field-postal
type "18100"
tap-id checkout-field-city
type "Łapy"
tap-id checkout-field-pesel
type "44051401358"
tap-id checkout-confirm
expect "Ten numer PESEL jest niepoprawny. Sprawdź każdą cyfrę."
expect "Sprawdź dowód tożsamości wypożyczającego i zaznacz to."
key backspace
type "9"
tap-id checkout-field-city
expect "•••••••••59"
expect-not ")S" +
           kPesel + R"S("
tap-id checkout-id-checked
expect "15.03.2026 (14 dni)"
tap-id checkout-due-plus7
expect "22.03.2026 (21 dni)"
expect-not "⟦"
)S" + shot("checkout-loan") +
           R"S(tap-id checkout-confirm
expect-screen staff-checkout-done
expect "Wydano LAP-KL-001 — zwrot do 22.03.2026"
wait 8000
expect "Egzemplarz dla CUS: wydrukowano"
expect "Egzemplarz dla wypożyczającego: wydrukowano"
expect-not "⟦"
)S" + shot("checkout-done") +
           R"S(tap-id checkout-next
expect-screen staff-checkout-unit
scan "LAP-KL-001"
expect "LAP-KL-001 jest wypożyczony — najpierw przyjmij zwrot."
tap-id staff-to-menu
expect-screen staff-menu
tap-id staff-menu-pickups
expect-not "R-KL1-AAA"
tap-id staff-to-menu
tap-id staff-menu-logout
expect-screen attract
)S";
}

using Texts = std::vector<std::string>;

class StaffCheckOutTest : public ::testing::Test
{
  protected:
    void SetUp() override { ASSERT_TRUE(m_kiosk.start()) << m_kiosk.error(); }

    test::ScriptedKiosk m_kiosk{"checkout-test", "Check-out test kiosk", "okienko-staff-checkout"};
};

TEST_F(StaffCheckOutTest, APickupIsLentOnceWithTheStaffMembersIdAndTheAgreementPrintsTwiceWithoutThePesel)
{
    {
        auto db = test::seedKioskDatabase(m_kiosk.dataDir("checkout"), {"s-anna", "Anna Nowak", "equipment", "482193"});
        ASSERT_TRUE(db.ok()) << db.error().message;
        test::insertRows(db.value(),
                         "INSERT INTO staff_pickups(reservation_id, code, type_id, pick_up_date, loan_days, status, "
                         "person_name, person_phone) VALUES (?1, ?2, ?3, ?4, 14, ?5, ?6, '600123456')",
                         {{kOverdue, "R-KL1-AAA", "kule-lokciowe", "2026-02-27", "held", "Jan Kowalski"},
                          {kToday, "R-WI1-BBB", "wozek-inwalidzki", "2026-03-02", "confirmed", "Ewa Lis"},
                          {kTomorrow, "R-BA1-CCC", "balkonik", "2026-03-03", "held", "Adam Nowicki"},
                          {kLater, "R-BA1-DDD", "balkonik", "2026-03-10", "held", "Olga Bondar"}});
        ASSERT_TRUE(db.value()
                        .exec("INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, "
                              "person_name, person_phone, address_street, address_postal_code, address_city, "
                              "residency_declared, clause_acknowledged, language, kiosk_id, created_at) VALUES ('" +
                              kLocal +
                              "', 'R-LOC-EEE', 'rolator', '2026-03-02', 30, 'provisional', 'Zofia Mazur', "
                              "'501222333', 'Leśna 1', '18-100', 'Łapy', 1, 1, 'pl', 'checkout-test', 1)")
                        .ok());
    }

    const std::string data =
        m_kiosk.run("checkout", "receipt", script(),
                    {.displayExtra = "panel_width_mm = 268.0\nui_scale = 1.0\n",
                     .timeLimit = 240s,
                     .failureShot = std::string(OKIENKO_CHECKOUT_SHOT_DIR) + "/checkout-failure.png"});
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(m_kiosk.lastOutput().find("Kowalski"), std::string::npos) << "no borrower's name in the log";
    EXPECT_EQ(m_kiosk.lastOutput().find(kPesel), std::string::npos) << "no PESEL in the log";

    auto db = test::openKioskDatabase(data);
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_EQ(test::queryInt(db.value(), "SELECT COUNT(*) FROM loans"), 1);
    const Texts loanIds =
        test::queryTexts(db.value(), "SELECT id FROM loans WHERE inventory_number = ?1", "LAP-KL-001");
    ASSERT_EQ(loanIds.size(), 1u);
    const std::string& loanId = loanIds.front();
    EXPECT_EQ(test::queryTexts(db.value(), "SELECT staff_id FROM loans WHERE id = ?1", loanId), Texts{"s-anna"});
    EXPECT_EQ(test::queryTexts(db.value(), "SELECT reservation_id FROM loans WHERE id = ?1", loanId), Texts{kOverdue});
    EXPECT_EQ(test::queryTexts(db.value(), "SELECT due_date FROM loans WHERE id = ?1", loanId), Texts{"2026-03-22"});
    EXPECT_EQ(test::queryTexts(db.value(), "SELECT pesel FROM loans WHERE id = ?1", loanId), Texts{kPesel});
    ASSERT_EQ(test::queryInt(db.value(), "SELECT COUNT(*) FROM outbox"), 1);
    EXPECT_EQ(test::queryTexts(db.value(), "SELECT type FROM outbox WHERE id = ?1", loanId), Texts{"loan.checked_out"});
    EXPECT_EQ(test::queryTexts(db.value(), "SELECT subject_table FROM outbox WHERE id = ?1", loanId), Texts{"loans"});
    const Texts payloads = test::queryTexts(db.value(), "SELECT payload FROM outbox WHERE id = ?1", loanId);
    ASSERT_EQ(payloads.size(), 1u);
    const auto payload = nlohmann::json::parse(payloads.front());
    EXPECT_EQ(payload["staff_id"], "s-anna");
    EXPECT_EQ(payload["inventory_number"], "LAP-KL-001");
    EXPECT_EQ(payload["reservation_id"], kOverdue);
    EXPECT_EQ(
        test::queryTexts(db.value(), "SELECT state FROM equipment_units WHERE inventory_number = ?1", "LAP-KL-001"),
        Texts{"on-loan"});
    EXPECT_TRUE(
        test::queryTexts(db.value(), "SELECT code FROM staff_pickups WHERE reservation_id = ?1", kOverdue).empty());
    EXPECT_EQ(test::queryInt(db.value(), "SELECT COUNT(*) FROM staff_pickups"), 3);

    // Two jobs, one per copy, each naming the borrower (who signs it) and neither showing the PESEL.
    const std::vector<std::string> files = m_kiosk.cupsd().capturedFiles();
    ASSERT_EQ(files.size(), 2u);
    int cusCopies = 0;
    int borrowerCopies = 0;
    for (const std::string& file : files)
    {
        const auto job = receipt::test::decodeEscPos(test::readFile(file));
        ASSERT_EQ(job.error, "") << file;
        ASSERT_FALSE(job.pages.empty());
        EXPECT_TRUE(test::anyPageShowsText(job.pages, "Jan Kowalski", kBody)) << file;
        EXPECT_FALSE(test::anyPageShowsText(job.pages, kPesel, kBody)) << file;
        cusCopies += test::anyPageShowsText(job.pages, "Egzemplarz dla CUS", kBody) ? 1 : 0;
        borrowerCopies += test::anyPageShowsText(job.pages, "Egzemplarz dla wypożyczającego", kBody) ? 1 : 0;
    }
    EXPECT_EQ(cusCopies, 1);
    EXPECT_EQ(borrowerCopies, 1);
}

} // namespace

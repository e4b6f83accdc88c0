// The loan desk end to end: the real okienko-kiosk binary, headless, on a kiosk database seeded
// before it starts with a staff member (real argon2id PIN hash, by okienko-test-seed) and open loans
// as the server sends them (one overdue). A staff badge and PIN log in; the script reads the overdue
// list, checks the overdue unit in by scanning it (needs cleaning), sees the return confirmation
// printed through a private cupsd, extends another loan, and marks the cleaning done. Then the test
// reads what really happened: the events (each with the staff member's id), the unit's state, the
// server rows, and the ESC/POS job the capture backend received.
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

const std::string kOverdueLoan = "0b7f1c1e-8a44-4d55-9a0e-2f5b7c9d1e01";
const std::string kOnTimeLoan = "0b7f1c1e-8a44-4d55-9a0e-2f5b7c9d1e02";
constexpr double kBody = 24; // ESC/POS 80 mm body text, dots

std::string shot(const std::string& name)
{
    return "screenshot \"" + std::string(OKIENKO_DESK_SHOT_DIR) + "/" + name + ".png\"\n";
}

/// The headless kiosk's day is Monday 2 March 2026: the overdue loan was due on 20 February.
std::string script()
{
    return R"(expect-screen attract
scan "OKIENKO-STAFF:s-anna"
expect-screen staff-pin
type "482193"
tap-id staff-pin-ok
expect-screen staff-menu
tap-id staff-menu-overdue
expect-screen staff-overdue
expect "Jan Wiśniewski"
expect "Telefon: 600 100 200"
expect "Dni po terminie: 10"
expect "LAP-WI-001 · Wózek inwalidzki"
expect-not "Ewa Lis"
)" + shot("desk-overdue") +
           R"(tap-id staff-to-menu
expect-screen staff-menu
tap-id staff-menu-checkin
expect-screen staff-checkin
)" + shot("desk-checkin-empty") +
           R"(type "LAP-XX-1"
tap-id desk-find
expect "W katalogu nie ma sprzętu o numerze LAP-XX-1."
scan "LAP-WI-001"
expect "Jan Wiśniewski"
expect "Dni po terminie: 10"
tap-id desk-confirm-checkin
expect "Wybierz stan sprzętu."
tap-id desk-cond-cleaning
)" + shot("desk-checkin-loan") +
           R"(tap-id desk-confirm-checkin
expect-screen staff-checkin-done
expect "LAP-WI-001 przyjęty — do czyszczenia"
wait 6000
expect "Potwierdzenie zwrotu wydrukowane."
)" + shot("desk-checkin-done") +
           R"(tap-id staff-to-menu
tap-id staff-menu-loans
expect-screen staff-loans
expect-not "LAP-WI-001"
expect "Ewa Lis"
)" + shot("desk-loans") +
           R"(tap-id desk-loan-LAP-KL-001
expect "Przedłużenie wypożyczenia"
tap-id desk-due-plus14
tap-id desk-due-minus1
)" + shot("desk-extend") +
           R"(tap-id desk-confirm-extend
expect "Przedłużono do 02.04.2026."
tap-id desk-extend-back
expect "Termin zwrotu: 02.04.2026"
tap-id staff-to-menu
tap-id staff-menu-units
expect-screen staff-units
expect "LAP-WI-001 — w czyszczeniu"
expect "LAP-KL-001 — wypożyczony do 02.04.2026"
)" + shot("desk-units") +
           R"(tap-id desk-clean-done-LAP-WI-001
expect "LAP-WI-001 jest dostępny do wypożyczenia."
expect "LAP-WI-001 — dostępny"
)" + shot("desk-units-done") +
           R"(tap-id staff-to-menu
tap-id staff-menu-logout
expect-screen attract
)";
}

using Texts = std::vector<std::string>;

class StaffDeskTest : public ::testing::Test
{
  protected:
    void SetUp() override { ASSERT_TRUE(m_kiosk.start()) << m_kiosk.error(); }

    test::ScriptedKiosk m_kiosk{"desk-test", "Desk test kiosk", "okienko-staff-desk"};
};

TEST_F(StaffDeskTest, OverdueCheckInExtensionAndCleaningDoneAreStoredWithTheStaffMembersId)
{
    {
        auto db = test::seedKioskDatabase(m_kiosk.dataDir("desk"), {"s-anna", "Anna Nowak", "equipment", "482193"});
        ASSERT_TRUE(db.ok()) << db.error().message;
        test::insertRows(
            db.value(),
            "INSERT INTO staff_loans(loan_id, inventory_number, type_id, start_date, due_date, "
            "borrower_name, borrower_phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            {{kOverdueLoan, "LAP-WI-001", "wozek-inwalidzki", "2025-12-22", "2026-02-20", "Jan Wiśniewski",
              "600100200"},
             {kOnTimeLoan, "LAP-KL-001", "kule-lokciowe", "2026-02-20", "2026-03-20", "Ewa Lis", "600300400"}});
    }

    const std::string data = m_kiosk.run("desk", "receipt", script(),
                                         {.displayExtra = "panel_width_mm = 268.0\nui_scale = 1.0\n",
                                          .timeLimit = 240s,
                                          .failureShot = std::string(OKIENKO_DESK_SHOT_DIR) + "/desk-failure.png"});
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(m_kiosk.lastOutput().find("Wiśniewski"), std::string::npos) << "no borrower's name in the log";
    EXPECT_EQ(m_kiosk.lastOutput().find("600100200"), std::string::npos) << "no borrower's phone in the log";

    auto db = test::openKioskDatabase(data);
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_EQ(test::queryTexts(db.value(), "SELECT type FROM outbox ORDER BY seq"),
              (Texts{"loan.checked_in", "loan.extended", "unit.state_changed"}));
    const Texts payloads = test::queryTexts(db.value(), "SELECT payload FROM outbox ORDER BY seq");
    ASSERT_EQ(payloads.size(), 3u);
    const auto checkIn = nlohmann::json::parse(payloads[0]);
    EXPECT_EQ(checkIn["loan_id"], kOverdueLoan);
    EXPECT_EQ(checkIn["condition"], "needs-cleaning");
    EXPECT_EQ(checkIn["returned_on"], "2026-03-02");
    EXPECT_EQ(checkIn["staff_id"], "s-anna");
    const auto extension = nlohmann::json::parse(payloads[1]);
    EXPECT_EQ(extension["loan_id"], kOnTimeLoan);
    EXPECT_EQ(extension["due"], "2026-04-02");
    EXPECT_EQ(extension["staff_id"], "s-anna");
    const auto cleaned = nlohmann::json::parse(payloads[2]);
    EXPECT_EQ(cleaned["inventory_number"], "LAP-WI-001");
    EXPECT_EQ(cleaned["state"], "available");
    EXPECT_EQ(cleaned["staff_id"], "s-anna");
    EXPECT_EQ(
        test::queryTexts(db.value(), "SELECT state FROM equipment_units WHERE inventory_number = ?1", "LAP-WI-001"),
        Texts{"available"});
    EXPECT_TRUE(
        test::queryTexts(db.value(), "SELECT loan_id FROM staff_loans WHERE loan_id = ?1", kOverdueLoan).empty());
    EXPECT_EQ(test::queryTexts(db.value(), "SELECT due_date FROM staff_loans WHERE loan_id = ?1", kOnTimeLoan),
              Texts{"2026-04-02"});

    // The return confirmation: one job, with the unit's inventory number on it, and no borrower.
    const std::vector<std::string> files = m_kiosk.cupsd().capturedFiles();
    ASSERT_EQ(files.size(), 1u);
    const auto job = receipt::test::decodeEscPos(test::readFile(files.front()));
    ASSERT_EQ(job.error, "");
    ASSERT_FALSE(job.pages.empty());
    EXPECT_TRUE(test::anyPageShowsText(job.pages, "LAP-WI-001", kBody));
    EXPECT_FALSE(test::anyPageShowsText(job.pages, "Wiśniewski", kBody));
}

} // namespace

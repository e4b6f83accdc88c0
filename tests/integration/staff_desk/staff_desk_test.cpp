// The loan desk end to end: the real okienko-kiosk binary, headless, on a kiosk database seeded
// before it starts with a staff member (real argon2id PIN hash, by okienko-test-seed) and open loans
// as the server sends them (one overdue). A staff badge and PIN log in; the script reads the overdue
// list, checks the overdue unit in by scanning it (needs cleaning), sees the return confirmation
// printed through a private cupsd, extends another loan, and marks the cleaning done. Then the test
// reads what really happened: the events (each with the staff member's id), the unit's state, the
// server rows, and the ESC/POS job the capture backend received.
#include "kiosk/receipt/bitmap.hpp"
#include "kiosk/receipt/font_set.hpp"
#include "shared/db/database.hpp"
#include "shared/db/statement.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
const std::string kOverdueLoan = "0b7f1c1e-8a44-4d55-9a0e-2f5b7c9d1e01";
const std::string kOnTimeLoan = "0b7f1c1e-8a44-4d55-9a0e-2f5b7c9d1e02";
constexpr double kBody = 24; // ESC/POS 80 mm body text, dots

std::string kioskToml(const std::string& dataDir, const std::string& queue)
{
    return "[kiosk]\nid = \"desk-test\"\nname = \"Desk test kiosk\"\n"
           "[display]\nfullscreen = false\nwidth = 1080\nheight = 1920\npanel_width_mm = 268.0\n"
           "renderer = \"software\"\nui_scale = 1.0\n"
           "[idle]\ntimeout_seconds = 90\nwarning_seconds = 30\n"
           "[data]\ndirectory = \"" +
           dataDir + "\"\nassets = \"" + kAssets + "\"\ncatalog = \"" + kAssets +
           "/catalog/lapy.json\"\n"
           "[printer]\nqueue = \"" +
           queue + "\"\nformat = \"escpos-80\"\ndeadline_seconds = 8\n";
}

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
type "4821"
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
           R"(type "lap-xx-1"
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

struct Event
{
    std::string type;
    nlohmann::json payload;
};

std::vector<Event> events(db::Database& db)
{
    std::vector<Event> out;
    auto st = db.prepare("SELECT type, payload FROM outbox ORDER BY seq");
    EXPECT_TRUE(st.ok());
    while (st.ok())
    {
        auto step = st.value().step();
        if (!step.ok() || step.value() != db::Step::Row)
            break;
        out.push_back({st.value().columnText(0).value(), nlohmann::json::parse(st.value().columnText(1).value())});
    }
    return out;
}

std::string textOf(db::Database& db, const std::string& sql, const std::string& arg)
{
    auto st = db.prepare(sql);
    if (!st.ok() || !st.value().bind(1, arg).ok())
        return "?";
    auto step = st.value().step();
    if (!step.ok() || step.value() != db::Step::Row)
        return "(none)";
    auto v = st.value().columnText(0);
    return v.ok() ? v.value() : "?";
}

class StaffDeskTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_cupsd.start()) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("receipt", "capture"));
    }

    test::TempDir m_dir{"okienko-staff-desk"};
    test::PrivateCupsd m_cupsd;
};

TEST_F(StaffDeskTest, OverdueCheckInExtensionAndCleaningDoneAreStoredWithTheStaffMembersId)
{
    const std::string data = m_dir.file("data");
    const std::string dbPath = data + "/kiosk.sqlite3";
    const test::ProcessResult seeded = test::runProcess(
        {OKIENKO_TEST_SEED_BINARY, "--db", dbPath, "--staff", "s-anna", "Anna Nowak", "equipment", "4821"}, {}, 60s);
    ASSERT_EQ(seeded.exitCode, 0) << seeded.output;
    {
        auto db = db::Database::open(dbPath);
        ASSERT_TRUE(db.ok()) << db.error().message;
        for (const auto& [id, unit, type, start, due, name, phone] : std::vector<
                 std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string>>{
                 {kOverdueLoan, "LAP-WI-001", "wozek-inwalidzki", "2025-12-22", "2026-02-20", "Jan Wiśniewski",
                  "600100200"},
                 {kOnTimeLoan, "LAP-KL-001", "kule-lokciowe", "2026-02-20", "2026-03-20", "Ewa Lis", "600300400"}})
        {
            auto st =
                db.value().prepare("INSERT INTO staff_loans(loan_id, inventory_number, type_id, start_date, "
                                   "due_date, borrower_name, borrower_phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            ASSERT_TRUE(st.ok()) << st.error().message;
            int i = 0;
            for (const std::string* v : {&id, &unit, &type, &start, &due, &name, &phone})
                ASSERT_TRUE(st.value().bind(++i, *v).ok());
            ASSERT_TRUE(st.value().run().ok());
        }
    }

    const std::string config = m_dir.file("desk.toml");
    const std::string path = m_dir.file("desk.kiosk");
    ASSERT_TRUE(test::writeFile(config, kioskToml(data, "receipt")));
    ASSERT_TRUE(test::writeFile(path, script()));
    const test::ProcessResult r =
        test::runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", config, "--script", path, "--failure-shot",
                          std::string(OKIENKO_DESK_SHOT_DIR) + "/desk-failure.png"},
                         {{"CUPS_SERVER", m_cupsd.socketPath()}}, 240s);
    ASSERT_FALSE(r.timedOut);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("Wiśniewski"), std::string::npos) << "no borrower's name in the log";
    EXPECT_EQ(r.output.find("600100200"), std::string::npos) << "no borrower's phone in the log";

    auto db = db::Database::open(dbPath, db::OpenOptions{.readOnly = true, .create = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    const std::vector<Event> stored = events(db.value());
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[0].type, "loan.checked_in");
    EXPECT_EQ(stored[0].payload["loan_id"], kOverdueLoan);
    EXPECT_EQ(stored[0].payload["condition"], "needs-cleaning");
    EXPECT_EQ(stored[0].payload["returned_on"], "2026-03-02");
    EXPECT_EQ(stored[0].payload["staff_id"], "s-anna");
    EXPECT_EQ(stored[1].type, "loan.extended");
    EXPECT_EQ(stored[1].payload["loan_id"], kOnTimeLoan);
    EXPECT_EQ(stored[1].payload["due"], "2026-04-02");
    EXPECT_EQ(stored[1].payload["staff_id"], "s-anna");
    EXPECT_EQ(stored[2].type, "unit.state_changed");
    EXPECT_EQ(stored[2].payload["inventory_number"], "LAP-WI-001");
    EXPECT_EQ(stored[2].payload["state"], "available");
    EXPECT_EQ(stored[2].payload["staff_id"], "s-anna");
    EXPECT_EQ(textOf(db.value(), "SELECT state FROM equipment_units WHERE inventory_number = ?1", "LAP-WI-001"),
              "available");
    EXPECT_EQ(textOf(db.value(), "SELECT loan_id FROM staff_loans WHERE loan_id = ?1", kOverdueLoan), "(none)");
    EXPECT_EQ(textOf(db.value(), "SELECT due_date FROM staff_loans WHERE loan_id = ?1", kOnTimeLoan), "2026-04-02");

    // The return confirmation: one job, with the unit's inventory number on it, and no borrower.
    const std::vector<std::string> files = m_cupsd.capturedFiles();
    ASSERT_EQ(files.size(), 1u);
    const auto job = receipt::test::decodeEscPos(test::readFile(files.front()));
    ASSERT_EQ(job.error, "");
    ASSERT_FALSE(job.pages.empty());
    auto fonts = receipt::FontSet::load(kAssets + "/fonts");
    ASSERT_TRUE(fonts.ok()) << fonts.error();
    bool unitShown = false;
    bool nameShown = false;
    for (const receipt::Bitmap& page : job.pages)
        for (receipt::FontStyle style : {receipt::FontStyle::Regular, receipt::FontStyle::Bold})
        {
            unitShown = unitShown || page.contains(receipt::rasterizeText("LAP-WI-001", fonts.value(), style, kBody));
            nameShown = nameShown || page.contains(receipt::rasterizeText("Wiśniewski", fonts.value(), style, kBody));
        }
    EXPECT_TRUE(unitShown);
    EXPECT_FALSE(nameShown);
}

} // namespace

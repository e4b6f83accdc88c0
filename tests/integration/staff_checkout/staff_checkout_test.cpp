// Check-out end to end: the real okienko-kiosk binary, headless, on a kiosk database seeded before
// it starts with a staff member (real argon2id PIN hash, by okienko-test-seed), reservations awaiting
// hand-over as the server sends them and one of this kiosk's own. A staff badge and PIN log in; the
// script reads today's pick-ups, picks the overdue one, is refused a unit of another type and a unit
// in cleaning, scans the right unit, completes the borrower (a wrong PESEL first), confirms, and sees
// both copies of the agreement printed through a private cupsd. Then the test reads what really
// happened: one loan with the staff member's id, one loan.checked_out event, the unit on loan, the
// hand-over recorded, and two ESC/POS jobs without the PESEL in them.
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
#include <tuple>
#include <vector>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
const std::string kOverdue = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e01"; // crutches, due to be picked up on 27.02
const std::string kToday = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e02";   // wheelchair, today
const std::string kTomorrow = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e03";
const std::string kLater = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e04";
const std::string kLocal = "5d0c3a9e-1f2b-4c6d-8e7f-0a1b2c3d4e05"; // made at this kiosk, offline
const std::string kPesel = "44051401359";
constexpr double kBody = 24; // ESC/POS 80 mm body text, dots

std::string kioskToml(const std::string& dataDir, const std::string& queue)
{
    return "[kiosk]\nid = \"checkout-test\"\nname = \"Check-out test kiosk\"\n"
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
    return "screenshot \"" + std::string(OKIENKO_CHECKOUT_SHOT_DIR) + "/" + name + ".png\"\n";
}

/// The headless kiosk's day is Monday 2 March 2026.
std::string script()
{
    return R"S(expect-screen attract
scan "OKIENKO-STAFF:s-anna"
expect-screen staff-pin
type "4821"
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
type "lap-xx-001"
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

std::string textOf(db::Database& db, const std::string& sql, const std::string& arg)
{
    auto st = db.prepare(sql);
    if (!st.ok() || !st.value().bind(1, arg).ok())
        return "?";
    auto step = st.value().step();
    if (!step.ok() || step.value() != db::Step::Row)
        return "(none)";
    auto v = st.value().columnOptionalText(0);
    return v.ok() ? v.value().value_or("(null)") : "?";
}

std::int64_t countOf(db::Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    if (!st.ok() || !st.value().step().ok())
        return -1;
    auto n = st.value().columnInt64(0);
    return n.ok() ? n.value() : -1;
}

class StaffCheckOutTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_cupsd.start()) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("receipt", "capture"));
    }

    test::TempDir m_dir{"okienko-staff-checkout"};
    test::PrivateCupsd m_cupsd;
};

TEST_F(StaffCheckOutTest, APickupIsLentOnceWithTheStaffMembersIdAndTheAgreementPrintsTwiceWithoutThePesel)
{
    const std::string data = m_dir.file("data");
    const std::string dbPath = data + "/kiosk.sqlite3";
    const test::ProcessResult seeded = test::runProcess(
        {OKIENKO_TEST_SEED_BINARY, "--db", dbPath, "--staff", "s-anna", "Anna Nowak", "equipment", "4821"}, {}, 60s);
    ASSERT_EQ(seeded.exitCode, 0) << seeded.output;
    {
        auto db = db::Database::open(dbPath);
        ASSERT_TRUE(db.ok()) << db.error().message;
        using Row = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;
        for (const auto& [id, code, type, day, status, name] :
             std::vector<Row>{{kOverdue, "R-KL1-AAA", "kule-lokciowe", "2026-02-27", "held", "Jan Kowalski"},
                              {kToday, "R-WI1-BBB", "wozek-inwalidzki", "2026-03-02", "confirmed", "Ewa Lis"},
                              {kTomorrow, "R-BA1-CCC", "balkonik", "2026-03-03", "held", "Adam Nowicki"},
                              {kLater, "R-BA1-DDD", "balkonik", "2026-03-10", "held", "Olga Bondar"}})
        {
            auto st = db.value().prepare("INSERT INTO staff_pickups(reservation_id, code, type_id, pick_up_date, "
                                         "loan_days, status, person_name, person_phone) VALUES (?1, ?2, ?3, ?4, 14, "
                                         "?5, ?6, '600123456')");
            ASSERT_TRUE(st.ok()) << st.error().message;
            int i = 0;
            for (const std::string* v : {&id, &code, &type, &day, &status, &name})
                ASSERT_TRUE(st.value().bind(++i, *v).ok());
            ASSERT_TRUE(st.value().run().ok());
        }
        ASSERT_TRUE(db.value()
                        .exec("INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, "
                              "person_name, person_phone, address_street, address_postal_code, address_city, "
                              "residency_declared, clause_acknowledged, language, kiosk_id, created_at) VALUES ('" +
                              kLocal +
                              "', 'R-LOC-EEE', 'rolator', '2026-03-02', 30, 'provisional', 'Zofia Mazur', "
                              "'501222333', 'Leśna 1', '18-100', 'Łapy', 1, 1, 'pl', 'checkout-test', 1)")
                        .ok());
    }

    const std::string config = m_dir.file("checkout.toml");
    const std::string path = m_dir.file("checkout.kiosk");
    ASSERT_TRUE(test::writeFile(config, kioskToml(data, "receipt")));
    ASSERT_TRUE(test::writeFile(path, script()));
    const test::ProcessResult r =
        test::runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", config, "--script", path, "--failure-shot",
                          std::string(OKIENKO_CHECKOUT_SHOT_DIR) + "/checkout-failure.png"},
                         {{"CUPS_SERVER", m_cupsd.socketPath()}}, 240s);
    ASSERT_FALSE(r.timedOut);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("Kowalski"), std::string::npos) << "no borrower's name in the log";
    EXPECT_EQ(r.output.find(kPesel), std::string::npos) << "no PESEL in the log";

    auto db = db::Database::open(dbPath, db::OpenOptions{.readOnly = true, .create = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_EQ(countOf(db.value(), "SELECT COUNT(*) FROM loans"), 1);
    const std::string loanId = textOf(db.value(), "SELECT id FROM loans WHERE inventory_number = ?1", "LAP-KL-001");
    EXPECT_EQ(textOf(db.value(), "SELECT staff_id FROM loans WHERE id = ?1", loanId), "s-anna");
    EXPECT_EQ(textOf(db.value(), "SELECT reservation_id FROM loans WHERE id = ?1", loanId), kOverdue);
    EXPECT_EQ(textOf(db.value(), "SELECT due_date FROM loans WHERE id = ?1", loanId), "2026-03-22");
    EXPECT_EQ(textOf(db.value(), "SELECT pesel FROM loans WHERE id = ?1", loanId), kPesel);
    ASSERT_EQ(countOf(db.value(), "SELECT COUNT(*) FROM outbox"), 1);
    EXPECT_EQ(textOf(db.value(), "SELECT type FROM outbox WHERE id = ?1", loanId), "loan.checked_out");
    EXPECT_EQ(textOf(db.value(), "SELECT subject_table FROM outbox WHERE id = ?1", loanId), "loans");
    const auto payload = nlohmann::json::parse(textOf(db.value(), "SELECT payload FROM outbox WHERE id = ?1", loanId));
    EXPECT_EQ(payload["staff_id"], "s-anna");
    EXPECT_EQ(payload["inventory_number"], "LAP-KL-001");
    EXPECT_EQ(payload["reservation_id"], kOverdue);
    EXPECT_EQ(textOf(db.value(), "SELECT state FROM equipment_units WHERE inventory_number = ?1", "LAP-KL-001"),
              "on-loan");
    EXPECT_EQ(textOf(db.value(), "SELECT code FROM staff_pickups WHERE reservation_id = ?1", kOverdue), "(none)");
    EXPECT_EQ(countOf(db.value(), "SELECT COUNT(*) FROM staff_pickups"), 3);

    // Two jobs, one per copy, each naming the borrower (who signs it) and neither showing the PESEL.
    const std::vector<std::string> files = m_cupsd.capturedFiles();
    ASSERT_EQ(files.size(), 2u);
    auto fonts = receipt::FontSet::load(kAssets + "/fonts");
    ASSERT_TRUE(fonts.ok()) << fonts.error();
    int cusCopies = 0;
    int borrowerCopies = 0;
    for (const std::string& file : files)
    {
        const auto job = receipt::test::decodeEscPos(test::readFile(file));
        ASSERT_EQ(job.error, "") << file;
        ASSERT_FALSE(job.pages.empty());
        bool name = false;
        bool pesel = false;
        bool cus = false;
        bool borrower = false;
        for (const receipt::Bitmap& page : job.pages)
            for (receipt::FontStyle style : {receipt::FontStyle::Regular, receipt::FontStyle::Bold})
            {
                name = name || page.contains(receipt::rasterizeText("Jan Kowalski", fonts.value(), style, kBody));
                pesel = pesel || page.contains(receipt::rasterizeText(kPesel, fonts.value(), style, kBody));
                cus = cus || page.contains(receipt::rasterizeText("Egzemplarz dla CUS", fonts.value(), style, kBody));
                borrower = borrower || page.contains(receipt::rasterizeText("Egzemplarz dla wypożyczającego",
                                                                            fonts.value(), style, kBody));
            }
        EXPECT_TRUE(name) << file;
        EXPECT_FALSE(pesel) << file;
        cusCopies += cus ? 1 : 0;
        borrowerCopies += borrower ? 1 : 0;
    }
    EXPECT_EQ(cusCopies, 1);
    EXPECT_EQ(borrowerCopies, 1);
}

} // namespace

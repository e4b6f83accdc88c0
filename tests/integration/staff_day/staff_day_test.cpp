// A day of the equipment service across the real parts: okienko-central (its own CA, the Łapy
// catalogue, a kiosk, an equipment staff member with a PIN and a coordinator, all added with its
// command line), the real okienko-kiosk binary run headless on scripts against it (one data folder,
// a 5-second sync interval, a private cupsd capturing the slips) and the coordinators' panel over
// HTTPS. A resident reserves crutches online for today; the staff member, known to the kiosk only
// through the server, logs in with badge and PIN, finds the reservation in today's pick-ups and
// lends a unit (two agreement copies printed); the server then holds the open loan and the kiosk
// only the server's name and phone; the unit comes back "needs cleaning"; the coordinator marks the
// cleaning done in the panel and the kiosk's staff screen shows the unit available again. No
// borrower's name, phone or PESEL appears in either program's log.
//
// The scripted kiosk's clock starts on Monday 2 March 2026 (kiosk/platform/main.cpp); every script
// first advances it to the real local date, the date the server judges holds and loans by.
#include "kiosk/receipt/bitmap.hpp"
#include "kiosk/receipt/font_set.hpp"
#include "shared/db/database.hpp"
#include "shared/db/statement.hpp"
#include "shared/util/date.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
const std::string kUnit = "LAP-KL-001";
const std::string kName = "Halina Wróblewska";
const std::string kPhone = "600123456";
const std::string kPesel = "44051401359";
const std::string kStaffPin = "573018";
const std::string kCoordinatorPassword = "koordynacja-2026";
/// The headless kiosk's first day (kiosk/platform/main.cpp).
const Date kScriptStart{2026, 3, 2};
constexpr double kBody = 24; // ESC/POS 80 mm body text, dots

Date localToday()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

/// "23.11.2026", as the kiosk writes dates.
std::string dotted(Date d)
{
    char out[16];
    std::snprintf(out, sizeof out, "%02d.%02d.%04d", d.day, d.month, d.year);
    return out;
}

/// The first column of the first row of `sql` (with `arg` bound to ?1 when not empty) as text (an
/// integer in decimal); "(none)" without a row, "(null)" for NULL, "?" when the query fails.
std::string scalar(const std::string& dbPath, const std::string& sql, const std::string& arg = "")
{
    auto db = db::Database::open(dbPath, db::OpenOptions{.readOnly = true, .create = false});
    if (!db.ok())
        return "?";
    auto st = db.value().prepare(sql);
    if (!st.ok() || (!arg.empty() && !st.value().bind(1, arg).ok()))
        return "?";
    auto step = st.value().step();
    if (!step.ok())
        return "?";
    if (step.value() != db::Step::Row)
        return "(none)";
    if (auto v = st.value().columnOptionalText(0); v.ok())
        return v.value().value_or("(null)");
    auto n = st.value().columnInt64(0);
    return n.ok() ? std::to_string(n.value()) : "?";
}

/// The table row of `inventory` on the panel's units page ("" when it is not there).
std::string unitRow(const std::string& page, const std::string& inventory)
{
    const auto at = page.find("<tr id=\"u-" + inventory + "\">");
    if (at == std::string::npos)
        return {};
    return page.substr(at, page.find("</tr>", at) - at);
}

class StaffDayTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        m_today = localToday();
        if (m_today < kScriptStart)
            GTEST_SKIP() << "the system clock is before the scripted kiosk's first day";
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_central = std::make_unique<test::CentralProcess>(m_ca);
        const std::string token = m_central->prepare(test::readFile(kAssets + "/catalog/lapy.json"), "staff-day");
        ASSERT_FALSE(token.empty()) << test::readFile(m_central->dir() + "/admin.log");
        ASSERT_TRUE(test::writeFile(m_dir.file("token"), token + "\n"));
        std::string id;
        ASSERT_EQ(m_central->admin({"add-staff", "--name", "Marta Wydawczyni", "--role", "equipment"}, &id,
                                   std::string(kStaffPin) + "\nsprzet-2026-haslo\n"),
                  0)
            << test::readFile(m_central->dir() + "/admin.log");
        while (!id.empty() && (id.back() == '\n' || id.back() == '\r'))
            id.pop_back();
        ASSERT_FALSE(id.empty());
        m_staffId = id;
        ASSERT_FALSE(test::addStaff(*m_central, "Anna Koordynator", "coordinator", kCoordinatorPassword).empty());
        ASSERT_TRUE(m_central->start()) << test::readFile(m_central->logPath());
        ASSERT_TRUE(m_cupsd.start()) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("receipt", "capture"));
        ASSERT_TRUE(test::writeFile(m_dir.file("kiosk.toml"), kioskToml()));
    }

    std::string kioskToml() const
    {
        return "[kiosk]\nid = \"staff-day\"\nname = \"Kiosk dnia\"\n"
               "[display]\nfullscreen = false\nwidth = 1080\nheight = 1920\npanel_width_mm = 268.0\n"
               "renderer = \"software\"\nui_scale = 1.0\n"
               "[idle]\ntimeout_seconds = 90\nwarning_seconds = 30\n"
               "[data]\ndirectory = \"" +
               m_dir.file("data") + "\"\nassets = \"" + kAssets + "\"\ncatalog = \"" + kAssets +
               "/catalog/lapy.json\"\n"
               "[printer]\nqueue = \"receipt\"\nformat = \"escpos-80\"\ndeadline_seconds = 8\n"
               "[server]\nurl = \"https://127.0.0.1:" +
               std::to_string(m_central->port()) + "\"\nca_file = \"" + m_ca.caCert() + "\"\ntoken_file = \"" +
               m_dir.file("token") + "\"\ntimeout_seconds = 3\nsync_interval_seconds = 5\n";
    }

    /// Runs the kiosk on the script `lines`, its clock first moved to today at 9:00; the script must pass.
    void runKiosk(const std::string& name, const std::vector<std::string>& lines)
    {
        std::string body;
        for (const std::string& line : lines)
            body += line + "\n";
        const std::string script = "advance-clock " +
                                   std::to_string((m_today.toDays() - kScriptStart.toDays()) * 86400) +
                                   "\nexpect-screen attract\n" + body;
        const std::string path = m_dir.file(name + ".kiosk");
        ASSERT_TRUE(test::writeFile(path, script));
        const auto started = std::chrono::steady_clock::now();
        const test::ProcessResult r = test::runProcess(
            {OKIENKO_KIOSK_BINARY, "--headless", "--config", m_dir.file("kiosk.toml"), "--script", path,
             "--failure-shot", std::string(OKIENKO_STAFF_DAY_SHOT_DIR) + "/" + name + "-failure.png"},
            {{"CUPS_SERVER", m_cupsd.socketPath()}}, 120s);
        std::printf("[staff-day] kiosk run %s: %.1f s\n", name.c_str(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        m_kioskLog += r.output;
        ASSERT_FALSE(r.timedOut) << r.output;
        ASSERT_EQ(r.exitCode, 0) << r.output << "\nserver log:\n" << test::readFile(m_central->logPath());
    }

    std::string kioskDb() const { return m_dir.file("data") + "/kiosk.sqlite3"; }
    std::string kiosk(const std::string& sql, const std::string& arg = "") const { return scalar(kioskDb(), sql, arg); }
    std::string server(const std::string& sql, const std::string& arg = "") const
    {
        return scalar(m_central->databasePath(), sql, arg);
    }
    std::string serverUnitState(const std::string& inventory) const
    {
        return server("SELECT COALESCE(s.state, u.state) FROM equipment_units u LEFT JOIN unit_states s ON "
                      "s.inventory_number = u.inventory_number WHERE u.inventory_number = ?1",
                      inventory);
    }

    std::unique_ptr<test::PanelClient> coordinator()
    {
        auto b = std::make_unique<test::PanelClient>(m_central->port(), m_ca.caCert());
        auto r = b->login("Anna Koordynator", kCoordinatorPassword);
        EXPECT_TRUE(r && r->status == 303) << (r ? r->body : std::string("no response"));
        return b;
    }

    /// The script lines of a badge and PIN login, then `then`.
    std::vector<std::string> loggedIn(std::vector<std::string> then) const
    {
        std::vector<std::string> lines{"scan \"OKIENKO-STAFF:" + m_staffId + "\"", "expect-screen staff-pin",
                                       "type \"" + kStaffPin + "\"", "tap-id staff-pin-ok", "expect-screen staff-menu"};
        lines.insert(lines.end(), then.begin(), then.end());
        return lines;
    }

    Date m_today;
    test::TestCa m_ca;
    std::unique_ptr<test::CentralProcess> m_central;
    test::PrivateCupsd m_cupsd;
    test::TempDir m_dir{"okienko-staff-day"};
    std::string m_staffId;
    std::string m_kioskLog;
};

TEST_F(StaffDayTest, AReservationIsLentReturnedCleanedAndAvailableAgainAcrossKioskServerAndPanel)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string today = m_today.iso();
    // The crutches' default loan of 30 days, kept at hand-over; the pick-up day is the first of them.
    const Date due = DateRange{m_today, 30}.last();
    auto quoted = [](const std::string& text)
    {
        return "\"" + text + "\"";
    };

    // 1. A resident reserves crutches for today; the server holds them while the resident waits.
    ASSERT_NO_FATAL_FAILURE(runKiosk("reserve", {"wait 4000",
                                                 "expect \"Online · ostatnia synchronizacja \"",
                                                 "tap \"Dotknij ekranu, aby rozpocząć\"",
                                                 "tap-id home-equipment",
                                                 "tap-id eq-type-kule-lokciowe",
                                                 "expect-screen equipment-dates",
                                                 "tap-id day-" + today,
                                                 "tap-id eq-next",
                                                 "tap-id eq-clause-ok",
                                                 "tap-id eq-field-name",
                                                 "type " + quoted(kName),
                                                 "tap-id eq-field-phone",
                                                 "type " + quoted(kPhone),
                                                 "tap-id eq-field-street",
                                                 "type \"Polna 5\"",
                                                 "tap-id eq-field-postal",
                                                 "type \"18100\"",
                                                 "tap-id eq-field-city",
                                                 "type \"Łapy\"",
                                                 "tap-id eq-residency",
                                                 "tap-id eq-person-next",
                                                 "expect-screen equipment-summary",
                                                 "tap-id eq-confirm",
                                                 "wait 2500",
                                                 "expect-screen equipment-done",
                                                 "expect \"Sprzęt jest zarezerwowany\"",
                                                 "wait 3000"}));
    const std::string reservationId = kiosk("SELECT id FROM reservations");
    const std::string code = kiosk("SELECT code FROM reservations");
    ASSERT_EQ(code.rfind("R-", 0), 0U) << code;
    EXPECT_EQ(kiosk("SELECT status FROM reservations"), "held");
    EXPECT_EQ(kiosk("SELECT pick_up_date FROM reservations"), today);
    EXPECT_EQ(server("SELECT status FROM reservations WHERE id = ?1", reservationId), "held");
    EXPECT_EQ(server("SELECT person_name FROM reservations WHERE id = ?1", reservationId), kName)
        << "the reservation.created event reached the server";
    EXPECT_EQ(kiosk("SELECT erased_at IS NOT NULL AND person_name IS NULL FROM reservations"), "1")
        << "the kiosk erased the resident's data once the server acknowledged it";

    // 2. The staff member (PIN hash from the server) lends a unit for it; two agreement copies print.
    EXPECT_EQ(kiosk("SELECT name FROM staff WHERE id = ?1", m_staffId), "Marta Wydawczyni");
    EXPECT_EQ(kiosk("SELECT substr(pin_hash, 1, 10) FROM staff WHERE id = ?1", m_staffId), "$argon2id$");
    // The first pull, at start, brings the pick-up.
    std::vector<std::string> checkOut = loggedIn(
        {"tap-id staff-menu-pickups", "expect-screen staff-pickups", "expect \"Dziś i zaległe\"",
         "expect " + quoted(code + " · Kule łokciowe (para)"), "expect-not \"⟦\"", "tap-id pickup-" + reservationId,
         "expect-screen staff-checkout-unit", "expect " + quoted("Rezerwacja " + code), "scan " + quoted(kUnit),
         "expect-screen staff-checkout-loan", "expect \"Wydanie LAP-KL-001 — Kule łokciowe (para)\"",
         "expect " + quoted(kName), "expect \"600 123 456\"", "tap-id checkout-field-street", "type \"Polna 5\"",
         "tap-id checkout-field-postal", "type \"18100\"", "tap-id checkout-field-city", "type \"Łapy\"",
         "tap-id checkout-field-pesel", "type " + quoted(kPesel), "tap-id checkout-field-city",
         "tap-id checkout-id-checked", "expect " + quoted(dotted(due) + " (30 dni)"), "tap-id checkout-confirm",
         "expect-screen staff-checkout-done", "expect " + quoted("Wydano LAP-KL-001 — zwrot do " + dotted(due)),
         "wait 6500", "expect \"Egzemplarz dla CUS: wydrukowano\"",
         "expect \"Egzemplarz dla wypożyczającego: wydrukowano\"", "tap-id staff-to-menu", "tap-id staff-menu-loans",
         "expect-screen staff-loans",
         // Not due for 29 days: listed without the borrower.
         "expect " + quoted(kUnit), "tap-id staff-to-menu", "tap-id staff-menu-logout", "expect-screen attract"});
    checkOut.insert(checkOut.begin(), "wait 4000");
    ASSERT_NO_FATAL_FAILURE(runKiosk("check-out", checkOut));
    // The resident's slip and the two copies of the agreement, each copy naming the borrower (who
    // signs it) and none showing the PESEL.
    const std::vector<std::string> jobs = m_cupsd.capturedFiles();
    ASSERT_EQ(jobs.size(), 3U);
    auto fonts = receipt::FontSet::load(kAssets + "/fonts");
    ASSERT_TRUE(fonts.ok()) << fonts.error();
    int cusCopies = 0;
    int borrowerCopies = 0;
    for (const std::string& file : jobs)
    {
        const auto job = receipt::test::decodeEscPos(test::readFile(file));
        ASSERT_EQ(job.error, "") << file;
        auto shows = [&](const std::string& text)
        {
            for (const receipt::Bitmap& page : job.pages)
                for (receipt::FontStyle style : {receipt::FontStyle::Regular, receipt::FontStyle::Bold})
                    if (page.contains(receipt::rasterizeText(text, fonts.value(), style, kBody)))
                        return true;
            return false;
        };
        EXPECT_FALSE(shows(kPesel)) << file;
        const bool cus = shows("Egzemplarz dla CUS");
        const bool borrower = shows("Egzemplarz dla wypożyczającego");
        if (cus || borrower)
        {
            EXPECT_TRUE(shows(kName)) << file;
        }
        cusCopies += cus ? 1 : 0;
        borrowerCopies += borrower ? 1 : 0;
    }
    EXPECT_EQ(cusCopies, 1);
    EXPECT_EQ(borrowerCopies, 1);

    // 3. The server holds the open loan; the kiosk keeps only the server's name and phone.
    const std::string loanId = kiosk("SELECT id FROM loans WHERE inventory_number = ?1", kUnit);
    ASSERT_EQ(loanId.size(), 36U) << loanId;
    EXPECT_EQ(server("SELECT returned_on IS NULL FROM loans WHERE id = ?1", loanId), "1");
    EXPECT_EQ(server("SELECT staff_id FROM loans WHERE id = ?1", loanId), m_staffId);
    EXPECT_EQ(server("SELECT reservation_id FROM loans WHERE id = ?1", loanId), reservationId);
    EXPECT_EQ(server("SELECT due_date FROM loans WHERE id = ?1", loanId), due.iso());
    // [retention] store_pesel is off by default: the PESEL was checked at the desk, never stored here.
    EXPECT_EQ(server("SELECT COALESCE(pesel, 'none') FROM loans WHERE id = ?1", loanId), "none");
    EXPECT_EQ(server("SELECT status FROM reservations WHERE id = ?1", reservationId), "picked-up");
    EXPECT_EQ(serverUnitState(kUnit), "on-loan");
    {
        auto panel = coordinator();
        auto page = panel->get("/panel/loans");
        ASSERT_TRUE(page);
        ASSERT_EQ(page->status, 200);
        EXPECT_NE(page->body.find(kUnit), std::string::npos);
        EXPECT_NE(page->body.find(kName), std::string::npos);
        EXPECT_NE(page->body.find("600 123 456"), std::string::npos);
        EXPECT_NE(page->body.find("Marta Wydawczyni"), std::string::npos) << "who lent it";
    }
    EXPECT_EQ(kiosk("SELECT erased_at IS NOT NULL FROM loans WHERE id = ?1", loanId), "1");
    EXPECT_EQ(kiosk("SELECT COALESCE(borrower_name, '') || COALESCE(borrower_phone, '') || "
                    "COALESCE(address_street, '') || COALESCE(pesel, '') FROM loans WHERE id = ?1",
                    loanId),
              "");
    // Due in 29 days: the staff feed carries the loan (an early return can be checked in) without the
    // borrower's name and phone, which come only 3 days before the due date (docs/privacy.md).
    EXPECT_EQ(kiosk("SELECT borrower_name || borrower_phone FROM staff_loans WHERE loan_id = ?1", loanId), "");
    EXPECT_EQ(kiosk("SELECT COUNT(*) FROM staff_pickups"), "0");
    EXPECT_EQ(kiosk("SELECT state FROM equipment_units WHERE inventory_number = ?1", kUnit), "on-loan");

    // 4. The unit comes back needing cleaning.
    ASSERT_NO_FATAL_FAILURE(runKiosk(
        "check-in",
        loggedIn({"tap-id staff-menu-checkin", "expect-screen staff-checkin", "scan " + quoted(kUnit),
                  "tap-id desk-cond-cleaning", "tap-id desk-confirm-checkin", "expect-screen staff-checkin-done",
                  "expect \"LAP-KL-001 przyjęty — do czyszczenia\"", "wait 6500", "tap-id staff-to-menu",
                  "tap-id staff-menu-units", "expect-screen staff-units", "expect \"LAP-KL-001 — w czyszczeniu\"",
                  "tap-id staff-to-menu", "tap-id staff-menu-logout", "expect-screen attract"})));
    EXPECT_EQ(server("SELECT returned_on FROM loans WHERE id = ?1", loanId), today);
    EXPECT_EQ(server("SELECT return_condition FROM loans WHERE id = ?1", loanId), "needs-cleaning");
    EXPECT_EQ(serverUnitState(kUnit), "cleaning");
    EXPECT_EQ(kiosk("SELECT COUNT(*) FROM staff_loans WHERE loan_id = ?1", loanId), "0");
    EXPECT_EQ(kiosk("SELECT returned_on FROM loans WHERE id = ?1", loanId), today);
    auto panel = coordinator();
    {
        auto page = panel->get("/panel/units");
        ASSERT_TRUE(page);
        ASSERT_EQ(page->status, 200);
        const std::string row = unitRow(page->body, kUnit);
        EXPECT_NE(row.find("do czyszczenia"), std::string::npos) << row;
        EXPECT_NE(row.find("aria-label=\"Czyszczenie zakończone: LAP-KL-001\""), std::string::npos) << row;
    }

    // 5. The coordinator marks the cleaning done; the kiosk's next pull makes the unit available.
    {
        auto done = panel->post("/panel/units/state", {{"inventory", kUnit}, {"action", "cleaning-done"}});
        ASSERT_TRUE(done);
        ASSERT_EQ(done->status, 303) << done->body;
    }
    EXPECT_EQ(serverUnitState(kUnit), "available");
    std::vector<std::string> units =
        loggedIn({"tap-id staff-menu-units", "expect-screen staff-units", "expect \"LAP-KL-001 — dostępny\"",
                  "expect-not \"LAP-KL-001 — w czyszczeniu\"", "tap-id staff-to-menu", "tap-id staff-menu-logout",
                  "expect-screen attract"});
    units.insert(units.begin(), "wait 4000");
    ASSERT_NO_FATAL_FAILURE(runKiosk("units", units));
    EXPECT_EQ(kiosk("SELECT state FROM equipment_units WHERE inventory_number = ?1", kUnit), "available");

    // 6. Neither program logged the borrower.
    const std::string serverLog =
        test::readFile(m_central->logPath()) + test::readFile(m_central->dir() + "/admin.log");
    for (const std::string& secret :
         {std::string("Wróblewsk"), kPhone, std::string("600 123 456"), kPesel, std::string("Polna 5")})
    {
        EXPECT_EQ(m_kioskLog.find(secret), std::string::npos) << secret << " in the kiosk's log:\n" << m_kioskLog;
        EXPECT_EQ(serverLog.find(secret), std::string::npos) << secret << " in the server's log:\n" << serverLog;
    }
    std::printf("[staff-day] the whole day: %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

} // namespace

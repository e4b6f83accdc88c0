// The equipment reservation end to end: the real okienko-kiosk binary, headless, walks a script
// through the whole flow and prints through a private cupsd. Then the test reads what really
// happened: the kiosk database (exactly one reservation and its one outbox event), the ESC/POS job
// the capture backend received (the code in large type, the phone only masked), and — with a
// printer out of paper — that the resident is told so while the code stays on screen.
#include "tests/integration/kiosk_online/kiosk_script_run.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using test::anyPageShows;
using test::slipFonts;

/// ESC/POS 80 mm: body text 24 dots; the code is bold at 2.2× (slip_layout.cpp).
constexpr double kBody = 24;
constexpr double kCodeSize = kBody * 2.2;

/// List → next month's 17th → clause → personal data → summary → Confirm.
const std::string kReserve = R"(tap "Dotknij ekranu, aby rozpocząć"
tap-id home-equipment
tap-id eq-type-kule-lokciowe
tap "Następny"
tap "17"
tap-id eq-next
tap-id eq-clause-ok
tap-id eq-field-name
type "Anna Kowalska"
tap-id eq-field-phone
type "600123456"
tap-id eq-field-street
type "Polna 5"
tap-id eq-field-postal
type "18100"
tap-id eq-field-city
type "Łapy"
tap-id eq-residency
tap-id eq-person-next
expect-screen equipment-summary
tap-id eq-confirm
expect-screen equipment-done
expect "R-"
)";

struct Stored
{
    std::vector<std::string> ids;
    std::vector<std::string> codes;
};

Stored reservations(db::Database& db)
{
    return {test::queryTexts(db, "SELECT id FROM reservations ORDER BY rowid"),
            test::queryTexts(db, "SELECT code FROM reservations ORDER BY rowid")};
}

class FlowsEquipmentTest : public ::testing::Test
{
  protected:
    void SetUp() override { ASSERT_TRUE(m_kiosk.start()) << m_kiosk.error(); }

    test::ScriptedKiosk m_kiosk{"flows-test", "Flows test kiosk", "okienko-flows-equipment"};
};

TEST_F(FlowsEquipmentTest, OneReservationOneEventAndAPrintedSlipWithTheCodeButNotThePhone)
{
    const std::string script =
        kReserve + R"(# The summary, and with it Confirm, is gone: Back leads home, so no second request can follow.
wait 6000
expect "Kwit wydrukowany — odbierz go z drukarki."
key escape
expect-screen home
# The service page prints its information sheet on the same printer.
tap "Szukaj"
type "wypozyczalnia"
tap "Wypożyczalnia sprzętu rehabilitacyjnego"
expect-screen service-page
tap-id service-print
wait 6000
expect "Wydrukowano — odbierz kartkę z drukarki."
)";
    const std::string data = m_kiosk.run("printed", "receipt", script);

    auto db = test::openKioskDatabase(data);
    ASSERT_TRUE(db.ok()) << db.error().message;
    const Stored stored = reservations(db.value());
    ASSERT_EQ(stored.ids.size(), 1u);
    const std::string& code = stored.codes.front();
    ASSERT_EQ(code.rfind("R-", 0), 0u) << code;
    EXPECT_EQ(test::queryInt(db.value(), "SELECT COUNT(*) FROM outbox WHERE id = ?1", stored.ids.front()), 1);
    EXPECT_EQ(test::queryInt(db.value(), "SELECT COUNT(*) FROM outbox WHERE type = ?1", "reservation.created"), 1);

    const std::vector<std::string> files = m_kiosk.cupsd().capturedFiles();
    ASSERT_EQ(files.size(), 2u) << "the reservation slip and the service sheet";
    const receipt::Bitmap codeInLargeType =
        receipt::rasterizeText(code, slipFonts(), receipt::FontStyle::Bold, kCodeSize);
    const receipt::Bitmap masked =
        receipt::rasterizeText("600 *** *56", slipFonts(), receipt::FontStyle::Regular, kBody);
    int slips = 0;
    int sheets = 0;
    for (const std::string& file : files)
    {
        const auto job = receipt::test::decodeEscPos(test::readFile(file));
        ASSERT_EQ(job.error, "") << file;
        ASSERT_FALSE(job.pages.empty());
        for (const char* full : {"600123456", "600 123 456", "600-123-456"})
        {
            EXPECT_FALSE(anyPageShows(job.pages, rasterizeText(full, slipFonts(), receipt::FontStyle::Regular, kBody)));
            EXPECT_FALSE(anyPageShows(job.pages, rasterizeText(full, slipFonts(), receipt::FontStyle::Bold, kBody)));
        }
        if (anyPageShows(job.pages, codeInLargeType))
        {
            ++slips;
            // The masked phone is found at the size the full one was looked for: that search could succeed.
            EXPECT_TRUE(anyPageShows(job.pages, masked));
        }
        else if (anyPageShows(job.pages,
                              rasterizeText("Wypożyczalnia", slipFonts(), receipt::FontStyle::Bold, kBody * 1.35)))
            ++sheets;
    }
    EXPECT_EQ(slips, 1) << "exactly one slip shows the reservation code in large type";
    EXPECT_EQ(sheets, 1) << "the service sheet starts with the service's name";
}

TEST_F(FlowsEquipmentTest, PrinterOutOfPaperIsSaidOnScreenAndTheCodeStaysVisible)
{
    const std::string script = kReserve + R"(wait 10000
expect "Nie udało się wydrukować kwitu. Zapisz kod z ekranu"
expect "W drukarce skończył się papier."
expect "R-"
)";
    const std::string data = m_kiosk.run("nopaper", "nopaper", script);
    EXPECT_TRUE(m_kiosk.cupsd().capturedFiles().empty());
    auto db = test::openKioskDatabase(data);
    ASSERT_TRUE(db.ok()) << db.error().message;
    const Stored stored = reservations(db.value());
    ASSERT_EQ(stored.ids.size(), 1u) << "the reservation is stored whether or not the slip prints";
    EXPECT_EQ(test::queryInt(db.value(), "SELECT COUNT(*) FROM outbox WHERE id = ?1", stored.ids.front()), 1);
}

} // namespace

// The equipment reservation end to end: the real okienko-kiosk binary, headless, walks a script
// through the whole flow and prints through a private cupsd. Then the test reads what really
// happened: the kiosk database (exactly one reservation and its one outbox event), the ESC/POS job
// the capture backend received (the code in large type, the phone only masked), and — with a
// printer out of paper — that the resident is told so while the code stays on screen.
#include "kiosk/receipt/bitmap.hpp"
#include "kiosk/receipt/font_set.hpp"
#include "shared/db/database.hpp"
#include "shared/db/statement.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
/// ESC/POS 80 mm: body text 24 dots; the code is bold at 2.2× (slip_layout.cpp).
constexpr double kBody = 24;
constexpr double kCodeSize = kBody * 2.2;

std::string kioskToml(const std::string& dataDir, const std::string& queue)
{
    return "[kiosk]\nid = \"flows-test\"\nname = \"Flows test kiosk\"\n"
           "[display]\nfullscreen = false\nwidth = 1080\nheight = 1920\nrenderer = \"software\"\n"
           "[idle]\ntimeout_seconds = 90\nwarning_seconds = 30\n"
           "[data]\ndirectory = \"" +
           dataDir + "\"\nassets = \"" + kAssets + "\"\ncatalog = \"" + kAssets +
           "/catalog/lapy.json\"\n"
           "[printer]\nqueue = \"" +
           queue + "\"\nformat = \"escpos-80\"\ndeadline_seconds = 8\n";
}

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

const receipt::FontSet& fonts()
{
    static receipt::FontSet set = []
    {
        auto loaded = receipt::FontSet::load(kAssets + "/fonts");
        if (!loaded)
            throw std::runtime_error(loaded.error());
        return std::move(loaded).value();
    }();
    return set;
}

struct Stored
{
    std::vector<std::string> ids;
    std::vector<std::string> codes;
};

Stored reservations(db::Database& db)
{
    Stored out;
    auto st = db.prepare("SELECT id, code FROM reservations ORDER BY rowid");
    EXPECT_TRUE(st.ok());
    if (!st.ok())
        return out;
    for (;;)
    {
        auto step = st.value().step();
        if (!step.ok() || step.value() == db::Step::Done)
            break;
        out.ids.push_back(st.value().columnText(0).value());
        out.codes.push_back(st.value().columnText(1).value());
    }
    return out;
}

std::int64_t countWhere(db::Database& db, const std::string& sql, const std::string& arg)
{
    auto st = db.prepare(sql);
    if (!st.ok() || !st.value().bind(1, arg).ok() || !st.value().step().ok())
        return -1;
    auto n = st.value().columnInt64(0);
    return n.ok() ? n.value() : -1;
}

bool anyPageContains(const std::vector<receipt::Bitmap>& pages, const receipt::Bitmap& needle)
{
    for (const receipt::Bitmap& p : pages)
        if (p.contains(needle))
            return true;
    return false;
}

class FlowsEquipmentTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_cupsd.start()) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("receipt", "capture"));
        ASSERT_TRUE(m_cupsd.addQueue("nopaper", "nopaper"));
    }

    /// Runs the kiosk with a fresh data folder `name` and `script`; returns the data folder.
    std::string runKiosk(const std::string& name, const std::string& queue, const std::string& script)
    {
        const std::string data = m_dir.file(name);
        const std::string config = m_dir.file(name + ".toml");
        const std::string path = m_dir.file(name + ".kiosk");
        EXPECT_TRUE(test::writeFile(config, kioskToml(data, queue)));
        EXPECT_TRUE(test::writeFile(path, script));
        const test::ProcessResult r =
            test::runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", config, "--script", path,
                              "--failure-shot", m_dir.file(name + "-failure.png")},
                             {{"CUPS_SERVER", m_cupsd.socketPath()}}, 180s);
        EXPECT_FALSE(r.timedOut);
        EXPECT_EQ(r.exitCode, 0) << r.output;
        return data;
    }

    test::TempDir m_dir{"okienko-flows-equipment"};
    test::PrivateCupsd m_cupsd;
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
    const std::string data = runKiosk("printed", "receipt", script);

    auto db = db::Database::open(data + "/kiosk.sqlite3", db::OpenOptions{.readOnly = true, .create = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    const Stored stored = reservations(db.value());
    ASSERT_EQ(stored.ids.size(), 1u);
    const std::string& code = stored.codes.front();
    ASSERT_EQ(code.rfind("R-", 0), 0u) << code;
    EXPECT_EQ(countWhere(db.value(), "SELECT COUNT(*) FROM outbox WHERE id = ?1", stored.ids.front()), 1);
    EXPECT_EQ(countWhere(db.value(), "SELECT COUNT(*) FROM outbox WHERE type = ?1", "reservation.created"), 1);

    const std::vector<std::string> files = m_cupsd.capturedFiles();
    ASSERT_EQ(files.size(), 2u) << "the reservation slip and the service sheet";
    const receipt::Bitmap codeInLargeType = receipt::rasterizeText(code, fonts(), receipt::FontStyle::Bold, kCodeSize);
    const receipt::Bitmap masked = receipt::rasterizeText("600 *** *56", fonts(), receipt::FontStyle::Regular, kBody);
    int slips = 0;
    int sheets = 0;
    for (const std::string& file : files)
    {
        const auto job = receipt::test::decodeEscPos(test::readFile(file));
        ASSERT_EQ(job.error, "") << file;
        ASSERT_FALSE(job.pages.empty());
        for (const char* full : {"600123456", "600 123 456", "600-123-456"})
        {
            EXPECT_FALSE(anyPageContains(job.pages, rasterizeText(full, fonts(), receipt::FontStyle::Regular, kBody)));
            EXPECT_FALSE(anyPageContains(job.pages, rasterizeText(full, fonts(), receipt::FontStyle::Bold, kBody)));
        }
        if (anyPageContains(job.pages, codeInLargeType))
        {
            ++slips;
            // The masked phone is found at the size the full one was looked for: that search could succeed.
            EXPECT_TRUE(anyPageContains(job.pages, masked));
        }
        else if (anyPageContains(job.pages,
                                 rasterizeText("Wypożyczalnia", fonts(), receipt::FontStyle::Bold, kBody * 1.35)))
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
    const std::string data = runKiosk("nopaper", "nopaper", script);
    EXPECT_TRUE(m_cupsd.capturedFiles().empty());
    auto db = db::Database::open(data + "/kiosk.sqlite3", db::OpenOptions{.readOnly = true, .create = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    const Stored stored = reservations(db.value());
    ASSERT_EQ(stored.ids.size(), 1u) << "the reservation is stored whether or not the slip prints";
    EXPECT_EQ(countWhere(db.value(), "SELECT COUNT(*) FROM outbox WHERE id = ?1", stored.ids.front()), 1);
}

} // namespace

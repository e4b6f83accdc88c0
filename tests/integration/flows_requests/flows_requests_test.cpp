// The callback and counselling flows end to end: the real okienko-kiosk binary, headless, walks a
// script through both flows and prints through a private cupsd's capture queue. The test then reads
// what really happened: the kiosk database (one request row and one outbox event per request), the
// ESC/POS jobs (each with its code in large type; the callback slip without the full number; the
// counselling slip without any kind's name) and, with a printer out of paper, the done screen's
// message while the code stays visible.
#include "kiosk/receipt/bitmap.hpp"
#include "kiosk/receipt/font_set.hpp"
#include "shared/db/database.hpp"
#include "shared/db/statement.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
/// ESC/POS 80 mm body text is 24 dots high; the reference code is bold at 2.2× (slip_layout.cpp).
constexpr double kBodyDots = 24;
constexpr double kCodeDots = kBodyDots * 2.2;
/// The kind names of the Łapy catalogue, as a slip in Polish would spell them.
const std::vector<std::string> kKindNames = {"Pomoc psychologiczna", "Poradnictwo rodzinne", "Terapia uzależnień",
                                             "psychologiczna", "uzależnień"};

std::string configFor(const std::string& dataDir, const std::string& queue)
{
    std::string t;
    t += "[kiosk]\nid = \"requests-test\"\nname = \"Requests test kiosk\"\n";
    t += "[display]\nfullscreen = false\nwidth = 1080\nheight = 1920\nrenderer = \"software\"\n";
    t += "[idle]\ntimeout_seconds = 90\nwarning_seconds = 30\n";
    t += "[data]\ndirectory = \"" + dataDir + "\"\nassets = \"" + kAssets + "\"\ncatalog = \"" + kAssets +
         "/catalog/lapy.json\"\n";
    t += "[printer]\nqueue = \"" + queue + "\"\nformat = \"escpos-80\"\ndeadline_seconds = 8\n";
    return t;
}

/// Callback for 600 123 457, tomorrow afternoon; Send; the done screen with the code.
const std::string kCallback = R"(tap "Dotknij ekranu, aby rozpocząć"
tap-id home-callback
type "600123457"
tap-id next
tap-id day-tomorrow
tap-id part-afternoon
tap-id next
tap-id topic-none
tap-id next
tap-id consent
tap-id send
expect-screen callback-done
expect "T-"
)";

/// Addiction therapy, "contact me", name and phone; Send; the done screen with the code.
const std::string kCounselling = R"(tap-id home-counselling
tap-id kind-addiction
tap-id slot-contact-me
type "Anna Nowak"
tap-id field-phone
type "600123456"
tap-id next
tap-id consent
tap-id send
expect-screen counselling-done
expect "S-"
)";

const receipt::FontSet& slipFonts()
{
    static const receipt::FontSet set = []
    {
        auto loaded = receipt::FontSet::load(kAssets + "/fonts");
        if (!loaded)
            throw std::runtime_error(loaded.error());
        return std::move(loaded).value();
    }();
    return set;
}

receipt::Bitmap body(const std::string& text, receipt::FontStyle style = receipt::FontStyle::Regular)
{
    return receipt::rasterizeText(text, slipFonts(), style, kBodyDots);
}

bool printed(const receipt::test::DecodedJob& job, const receipt::Bitmap& needle)
{
    for (const receipt::Bitmap& page : job.pages)
        if (page.contains(needle))
            return true;
    return false;
}

/// One text column of a query with one bound argument, every row.
std::vector<std::string> texts(db::Database& db, const std::string& sql, const std::string& arg = "")
{
    std::vector<std::string> out;
    auto st = db.prepare(sql);
    EXPECT_TRUE(st.ok()) << sql;
    if (!st.ok() || (!arg.empty() && !st.value().bind(1, arg).ok()))
        return out;
    for (;;)
    {
        auto step = st.value().step();
        if (!step.ok() || step.value() == db::Step::Done)
            break;
        auto v = st.value().columnText(0);
        out.push_back(v.ok() ? v.value() : std::string());
    }
    return out;
}

class FlowsRequestsTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_cupsd.start()) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("receipt", "capture"));
        ASSERT_TRUE(m_cupsd.addQueue("nopaper", "nopaper"));
    }

    /// Runs the kiosk on a fresh data folder `name`, printing to `queue`; returns the folder.
    std::string runKiosk(const std::string& name, const std::string& queue, const std::string& script)
    {
        const std::string data = m_dir.file(name);
        const std::string config = m_dir.file(name + ".toml");
        const std::string scriptPath = m_dir.file(name + ".kiosk");
        EXPECT_TRUE(test::writeFile(config, configFor(data, queue)));
        EXPECT_TRUE(test::writeFile(scriptPath, script));
        const test::ProcessResult r =
            test::runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", config, "--script", scriptPath,
                              "--failure-shot", m_dir.file(name + "-failure.png")},
                             {{"CUPS_SERVER", m_cupsd.socketPath()}}, 180s);
        EXPECT_FALSE(r.timedOut);
        EXPECT_EQ(r.exitCode, 0) << r.output;
        return data;
    }

    test::TempDir m_dir{"okienko-flows-requests"};
    test::PrivateCupsd m_cupsd;
};

TEST_F(FlowsRequestsTest, EachRequestIsOneRowOneEventAndADiscreetSlipWithItsCode)
{
    const std::string script = kCallback + R"(wait 6000
expect "Weź wydrukowane potwierdzenie."
# The form and its Send are gone: Back leads home, never to a second request.
key escape
expect-screen home
)" + kCounselling + R"(wait 6000
expect "Weź wydrukowane potwierdzenie."
key escape
expect-screen home
)";
    const std::string data = runKiosk("printed", "receipt", script);

    auto opened = db::Database::open(data + "/kiosk.sqlite3", db::OpenOptions{.readOnly = true, .create = false});
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db::Database& db = opened.value();
    const std::vector<std::string> callbackIds = texts(db, "SELECT id FROM callback_requests");
    const std::vector<std::string> callbackCodes = texts(db, "SELECT code FROM callback_requests");
    const std::vector<std::string> counsellingIds = texts(db, "SELECT id FROM counselling_requests");
    const std::vector<std::string> counsellingCodes = texts(db, "SELECT code FROM counselling_requests");
    ASSERT_EQ(callbackIds.size(), 1u);
    ASSERT_EQ(counsellingIds.size(), 1u);
    EXPECT_EQ(texts(db, "SELECT id FROM outbox WHERE type = 'callback.requested'"), callbackIds);
    EXPECT_EQ(texts(db, "SELECT id FROM outbox WHERE type = 'counselling.requested'"), counsellingIds);
    EXPECT_EQ(texts(db, "SELECT day FROM callback_requests"), std::vector<std::string>{"2026-03-03"})
        << "the script clock starts on Monday 2 March 2026: tomorrow is Tuesday";
    const std::string callbackCode = callbackCodes.front();
    const std::string counsellingCode = counsellingCodes.front();
    ASSERT_EQ(callbackCode.rfind("T-", 0), 0u) << callbackCode;
    ASSERT_EQ(counsellingCode.rfind("S-", 0), 0u) << counsellingCode;

    const std::vector<std::string> files = m_cupsd.capturedFiles();
    ASSERT_EQ(files.size(), 2u) << "one slip per request";
    int callbackSlips = 0;
    int counsellingSlips = 0;
    for (const std::string& file : files)
    {
        const receipt::test::DecodedJob job = receipt::test::decodeEscPos(test::readFile(file));
        ASSERT_EQ(job.error, "") << file;
        ASSERT_FALSE(job.pages.empty()) << file;
        const bool isCallback =
            printed(job, receipt::rasterizeText(callbackCode, slipFonts(), receipt::FontStyle::Bold, kCodeDots));
        const bool isCounselling =
            printed(job, receipt::rasterizeText(counsellingCode, slipFonts(), receipt::FontStyle::Bold, kCodeDots));
        EXPECT_NE(isCallback, isCounselling) << "each slip carries exactly one of the two codes: " << file;
        if (isCallback)
        {
            ++callbackSlips;
            // The masked number and the date are found at body size: a search that can succeed.
            EXPECT_TRUE(printed(job, body("600 *** *57")));
            EXPECT_TRUE(printed(job, body("03.03.2026,")));
            for (const char* full : {"600123457", "600 123 457", "600-123-457", "123457"})
            {
                EXPECT_FALSE(printed(job, body(full))) << full;
                EXPECT_FALSE(printed(job, body(full, receipt::FontStyle::Bold))) << full;
            }
        }
        if (isCounselling)
        {
            ++counsellingSlips;
            EXPECT_TRUE(printed(job, body("600 *** *56")));
            for (const std::string& name : kKindNames)
            {
                EXPECT_FALSE(printed(job, body(name))) << name;
                EXPECT_FALSE(printed(job, body(name, receipt::FontStyle::Bold))) << name;
            }
        }
    }
    EXPECT_EQ(callbackSlips, 1);
    EXPECT_EQ(counsellingSlips, 1);
}

TEST_F(FlowsRequestsTest, PrinterOutOfPaperIsSaidOnTheDoneScreenAndTheCodeStays)
{
    const std::string script = kCallback + R"(wait 10000
expect "Nie udało się wydrukować potwierdzenia. Zapisz lub zapamiętaj kod z ekranu — prośba jest przyjęta."
expect "T-"
key escape
)" + kCounselling + R"(wait 10000
expect "Nie udało się wydrukować potwierdzenia."
expect "S-"
)";
    const std::string data = runKiosk("nopaper", "nopaper", script);
    EXPECT_TRUE(m_cupsd.capturedFiles().empty());
    auto opened = db::Database::open(data + "/kiosk.sqlite3", db::OpenOptions{.readOnly = true, .create = false});
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db::Database& db = opened.value();
    const std::vector<std::string> callbackCodes = texts(db, "SELECT code FROM callback_requests");
    ASSERT_EQ(callbackCodes.size(), 1u) << "stored whether or not the slip prints";
    EXPECT_EQ(texts(db, "SELECT code FROM counselling_requests").size(), 1u);
    EXPECT_EQ(texts(db, "SELECT id FROM outbox WHERE type = 'callback.requested'"),
              texts(db, "SELECT id FROM callback_requests"));
}

} // namespace

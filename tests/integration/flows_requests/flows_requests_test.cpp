// The callback and counselling flows end to end: the real okienko-kiosk binary, headless, walks a
// script through both flows and prints through a private cupsd's capture queue. The test then reads
// what really happened: the kiosk database (one request row and one outbox event per request), the
// ESC/POS jobs (each with its code in large type; the callback slip without the full number; the
// counselling slip without any kind's name) and, with a printer out of paper, the done screen's
// message while the code stays visible.
#include "tests/integration/kiosk_online/kiosk_script_run.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
using test::anyPageShows;
using test::queryTexts;
using test::slipFonts;

/// ESC/POS 80 mm body text is 24 dots high; the reference code is bold at 2.2× (slip_layout.cpp).
constexpr double kBodyDots = 24;
constexpr double kCodeDots = kBodyDots * 2.2;
/// The kind names of the Łapy catalogue, as a slip in Polish would spell them.
const std::vector<std::string> kKindNames = {"Pomoc psychologiczna", "Poradnictwo rodzinne", "Terapia uzależnień",
                                             "psychologiczna", "uzależnień"};

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

receipt::Bitmap body(const std::string& text, receipt::FontStyle style = receipt::FontStyle::Regular)
{
    return receipt::rasterizeText(text, slipFonts(), style, kBodyDots);
}

class FlowsRequestsTest : public ::testing::Test
{
  protected:
    void SetUp() override { ASSERT_TRUE(m_kiosk.start()) << m_kiosk.error(); }

    test::ScriptedKiosk m_kiosk{"requests-test", "Requests test kiosk", "okienko-flows-requests"};
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
    const std::string data = m_kiosk.run("printed", "receipt", script);

    auto opened = test::openKioskDatabase(data);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db::Database& db = opened.value();
    const std::vector<std::string> callbackIds = queryTexts(db, "SELECT id FROM callback_requests");
    const std::vector<std::string> callbackCodes = queryTexts(db, "SELECT code FROM callback_requests");
    const std::vector<std::string> counsellingIds = queryTexts(db, "SELECT id FROM counselling_requests");
    const std::vector<std::string> counsellingCodes = queryTexts(db, "SELECT code FROM counselling_requests");
    ASSERT_EQ(callbackIds.size(), 1u);
    ASSERT_EQ(counsellingIds.size(), 1u);
    EXPECT_EQ(queryTexts(db, "SELECT id FROM outbox WHERE type = 'callback.requested'"), callbackIds);
    EXPECT_EQ(queryTexts(db, "SELECT id FROM outbox WHERE type = 'counselling.requested'"), counsellingIds);
    EXPECT_EQ(queryTexts(db, "SELECT day FROM callback_requests"), std::vector<std::string>{"2026-03-03"})
        << "the script clock starts on Monday 2 March 2026: tomorrow is Tuesday";
    const std::string callbackCode = callbackCodes.front();
    const std::string counsellingCode = counsellingCodes.front();
    ASSERT_EQ(callbackCode.rfind("T-", 0), 0u) << callbackCode;
    ASSERT_EQ(counsellingCode.rfind("S-", 0), 0u) << counsellingCode;

    const std::vector<std::string> files = m_kiosk.cupsd().capturedFiles();
    ASSERT_EQ(files.size(), 2u) << "one slip per request";
    int callbackSlips = 0;
    int counsellingSlips = 0;
    for (const std::string& file : files)
    {
        const receipt::test::DecodedJob job = receipt::test::decodeEscPos(test::readFile(file));
        ASSERT_EQ(job.error, "") << file;
        ASSERT_FALSE(job.pages.empty()) << file;
        const bool isCallback = anyPageShows(
            job.pages, receipt::rasterizeText(callbackCode, slipFonts(), receipt::FontStyle::Bold, kCodeDots));
        const bool isCounselling = anyPageShows(
            job.pages, receipt::rasterizeText(counsellingCode, slipFonts(), receipt::FontStyle::Bold, kCodeDots));
        EXPECT_NE(isCallback, isCounselling) << "each slip carries exactly one of the two codes: " << file;
        if (isCallback)
        {
            ++callbackSlips;
            // The masked number and the date are found at body size: a search that can succeed.
            EXPECT_TRUE(anyPageShows(job.pages, body("600 *** *57")));
            EXPECT_TRUE(anyPageShows(job.pages, body("03.03.2026,")));
            for (const char* full : {"600123457", "600 123 457", "600-123-457", "123457"})
            {
                EXPECT_FALSE(anyPageShows(job.pages, body(full))) << full;
                EXPECT_FALSE(anyPageShows(job.pages, body(full, receipt::FontStyle::Bold))) << full;
            }
        }
        if (isCounselling)
        {
            ++counsellingSlips;
            EXPECT_TRUE(anyPageShows(job.pages, body("600 *** *56")));
            for (const std::string& name : kKindNames)
            {
                EXPECT_FALSE(anyPageShows(job.pages, body(name))) << name;
                EXPECT_FALSE(anyPageShows(job.pages, body(name, receipt::FontStyle::Bold))) << name;
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
    const std::string data = m_kiosk.run("nopaper", "nopaper", script);
    EXPECT_TRUE(m_kiosk.cupsd().capturedFiles().empty());
    auto opened = test::openKioskDatabase(data);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db::Database& db = opened.value();
    const std::vector<std::string> callbackCodes = queryTexts(db, "SELECT code FROM callback_requests");
    ASSERT_EQ(callbackCodes.size(), 1u) << "stored whether or not the slip prints";
    EXPECT_EQ(queryTexts(db, "SELECT code FROM counselling_requests").size(), 1u);
    EXPECT_EQ(queryTexts(db, "SELECT id FROM outbox WHERE type = 'callback.requested'"),
              queryTexts(db, "SELECT id FROM callback_requests"));
}

} // namespace

// The kiosk's status line against the real server: okienko-central serves HTTPS with a throwaway CA,
// the real okienko-kiosk binary runs headless with an automation script, first shows
// "Online · ostatnia synchronizacja HH:MM" on the attract and home screens, and — once the test
// stops the server — "Offline — zgłoszenia zostaną wysłane później" within one sync interval.
#include "kiosk/app/app_services.hpp"
#include "shared/db/database.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <atomic>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <thread>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";

class KioskOnlineTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_central = std::make_unique<test::CentralProcess>(m_ca);
        const std::string token = m_central->prepare(test::readFile(kAssets + "/catalog/lapy.json"), "online-test");
        ASSERT_FALSE(token.empty()) << "okienko-central could not be prepared; see " << m_central->dir();
        ASSERT_TRUE(test::writeFile(m_dir.file("token"), token + "\n"));
        ASSERT_TRUE(m_central->start()) << "okienko-central did not start; log: " << m_central->logPath();
        m_config = m_dir.file("kiosk.toml");
        ASSERT_TRUE(
            test::writeFile(m_config, test::onlineKioskToml("online-test", m_dir.file("data"), kAssets,
                                                            m_central->port(), m_ca.caCert(), m_dir.file("token"))));
    }

    test::ProcessResult runKiosk(const std::string& script, std::chrono::milliseconds limit,
                                 const std::function<bool()>& stopWhen = {})
    {
        const std::string path = m_dir.file("script.kiosk");
        EXPECT_TRUE(test::writeFile(path, script));
        return test::runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", m_config, "--script", path,
                                 "--failure-shot", m_dir.file("failure.png")},
                                {}, limit, stopWhen);
    }

    test::TestCa m_ca;
    std::unique_ptr<test::CentralProcess> m_central;
    test::TempDir m_dir{"kiosk-online"};
    std::string m_config;
};

TEST_F(KioskOnlineTest, AKioskTrustingAnotherCaStaysOffline)
{
    test::TestCa other("Another CA");
    ASSERT_TRUE(other.make()) << other.error();
    ASSERT_TRUE(
        test::writeFile(m_config, test::onlineKioskToml("online-test", m_dir.file("data"), kAssets, m_central->port(),
                                                        other.caCert(), m_dir.file("token"))));
    const auto r = runKiosk("wait 3000\n"
                            "expect \"Offline — zgłoszenia zostaną wysłane później\"\n"
                            "expect-not \"Online\"\n",
                            60s);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("[sync] offline (tls"), std::string::npos) << r.output;
}

TEST_F(KioskOnlineTest, ShowsOnlineThenOfflineWithinASyncIntervalAfterTheServerStops)
{
    const std::string marker = m_dir.file("online.png");
    // The screenshot is the signal to stop the server; then one sync interval (5 s) and a margin.
    const std::string script = "wait 3000\n"
                               "expect \"Online · ostatnia synchronizacja \"\n"
                               "expect-not \"Offline\"\n"
                               "tap-id start\n"
                               "expect-screen home\n"
                               "expect \"Online · ostatnia synchronizacja \"\n"
                               "screenshot " +
                               marker +
                               "\n"
                               "wait 8000\n"
                               "expect \"Offline — zgłoszenia zostaną wysłane później\"\n"
                               "expect-not \"Online ·\"\n";
    test::ProcessResult result;
    std::thread kiosk([&] { result = runKiosk(script, 90s); });
    bool stopped = false;
    for (int i = 0; i < 600 && !stopped; ++i)
    {
        if (std::filesystem::exists(marker))
        {
            m_central->kill(SIGTERM);
            stopped = true;
        }
        else
        {
            std::this_thread::sleep_for(50ms);
        }
    }
    kiosk.join();
    EXPECT_TRUE(stopped) << "the kiosk never showed the online status";
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("[sync] online"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("[sync] offline"), std::string::npos) << result.output;
}

/// The rating after the equipment service, end to end: a resident reserves crutches at the kiosk,
/// rates the visit 5 on the completion screen, and the next sync brings the rating to the server,
/// counted under the equipment flow (the panel's "Zadowolenie według usługi" reads exactly this).
TEST_F(KioskOnlineTest, AnEquipmentRatingReachesTheServerWithItsFlowAndScore)
{
    const std::string script = "wait 2000\n"
                               "tap-id start\n"
                               "tap-id home-equipment\n"
                               "expect-screen equipment-types\n"
                               "tap-id eq-type-kule-lokciowe\n"
                               "expect-screen equipment-dates\n"
                               "tap \"Następny\"\n"
                               "tap \"17\"\n"
                               "tap-id eq-next\n"
                               "tap-id eq-clause-ok\n"
                               "expect-screen equipment-person\n"
                               "tap-id eq-field-name\n"
                               "type \"Anna Kowalska\"\n"
                               "tap-id eq-field-phone\n"
                               "type \"600123456\"\n"
                               "tap-id eq-field-street\n"
                               "type \"Polna 5\"\n"
                               "tap-id eq-field-postal\n"
                               "type \"18100\"\n"
                               "tap-id eq-field-city\n"
                               "type \"Łapy\"\n"
                               "tap-id eq-residency\n"
                               "tap-id eq-person-next\n"
                               "expect-screen equipment-summary\n"
                               "tap-id eq-confirm\n"
                               "expect-screen equipment-done\n"
                               "expect \"Jak oceniasz tę wizytę przy kiosku?\"\n"
                               "tap-id rate-5\n"
                               "expect \"Dziękujemy za ocenę!\"\n"
                               "screenshot " +
                               m_dir.file("rated.png") +
                               "\n"
                               // At most this long for the sync; the test ends the kiosk once the row is there.
                               "wait 30000\n";
    const auto ratings = [&]
    {
        auto central = db::Database::open(m_central->databasePath());
        if (!central.ok())
            return std::string("none");
        auto st = central->prepare("SELECT group_concat(flow || ':' || rating, ',') FROM usage_events WHERE kind = "
                                   "'rating'");
        if (!st.ok() || !st->step().ok())
            return std::string("none");
        auto text = st->columnOptionalText(0);
        return text.ok() ? text->value_or("none") : std::string("none");
    };
    // Polled until the server has the row (the script's last wait is the deadline), not a fixed wait.
    const test::ProcessResult result =
        runKiosk(script, 90s, [&] { return std::filesystem::exists(m_dir.file("rated.png")) && ratings() != "none"; });
    EXPECT_TRUE(result.stopped) << "the rating did not reach the server within 30 s\n" << result.output;
    EXPECT_EQ(ratings(), "equipment:5") << result.output;
}

/// AppServices against the same real server, without a window: the sync worker's first round
/// replaces the seed catalogue with the server's and says so; an online hold runs on the
/// fast-path worker; every completion wakes the UI.
TEST(AppServicesOnlineTest, PullsTheServersCatalogueAndHoldsOnline)
{
    test::TestCa ca;
    ASSERT_TRUE(ca.make()) << ca.error();
    test::CentralProcess central(ca);
    const std::string token = central.prepare(test::testCatalogJson(1), "services-test");
    ASSERT_FALSE(token.empty());
    ASSERT_TRUE(central.start());
    test::TempDir dir("services-online");
    ASSERT_TRUE(test::writeFile(dir.file("token"), token));

    kiosk::KioskConfig c;
    c.kiosk.id = "services-test";
    c.data.directory = dir.file("data");
    c.data.assets = kAssets;
    c.data.catalog = kAssets + "/catalog/lapy.json";
    c.server.url = "https://127.0.0.1:" + std::to_string(central.port());
    c.server.caFile = ca.caCert();
    c.server.tokenFile = dir.file("token");
    c.server.timeoutSeconds = 5;
    c.server.syncIntervalSeconds = 5;

    kiosk::AppServices services(c);
    ASSERT_TRUE(services.problems().empty()) << services.problems().front();
    auto seeded = services.loadCatalogue();
    ASSERT_TRUE(seeded.ok());
    EXPECT_EQ(seeded.value().municipality.id, "lapy");
    std::atomic<int> wakes{0};
    services.start([&] { ++wakes; });
    ASSERT_TRUE(services.online()) << (services.problems().empty() ? "" : services.problems().front());

    protocol::HoldRequest hold;
    hold.reservationId = newUuid();
    hold.typeId = "wozek-testowy";
    hold.pickUpDate = Date::fromDays(static_cast<std::int64_t>(std::time(nullptr) / 86400) + 2);
    hold.loanDays = 7;
    services.requestHold(hold);

    bool online = false;
    bool catalogueChanged = false;
    std::optional<kiosk::HoldCompletion> held;
    // Up to 40 s: on a loaded CI machine the first round can time out once and back off; the loop
    // ends as soon as all three have arrived (well under a second on an idle machine).
    for (int i = 0; i < 800 && !(online && catalogueChanged && held); ++i)
    {
        for (const kiosk::Completion& done : services.takeCompletions())
        {
            if (const auto* s = std::get_if<kiosk::SyncCompletion>(&done))
            {
                online = online || s->status.connectivity == sync::Connectivity::Online;
                catalogueChanged = catalogueChanged || s->catalogueChanged;
            }
            else if (const auto* h = std::get_if<kiosk::HoldCompletion>(&done))
            {
                held = *h;
            }
        }
        std::this_thread::sleep_for(50ms);
    }
    EXPECT_TRUE(online);
    EXPECT_TRUE(catalogueChanged) << "the server's catalogue differs from the seed: the kiosk must reload";
    auto stored = services.loadCatalogue();
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored.value().municipality.id, "testowo") << "the kiosk must show what the server sent";
    ASSERT_TRUE(held.has_value());
    EXPECT_EQ(held->reservationId, hold.reservationId);
    EXPECT_EQ(held->outcome.kind, sync::HoldOutcome::Kind::Held) << held->outcome.error;
    EXPECT_GE(wakes.load(), 2);
    services.stop();
}

} // namespace

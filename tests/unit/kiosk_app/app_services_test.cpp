// AppServices on real files: the kiosk database is created and seeded from the configured
// catalogue once, what is stored (e.g. a catalogue the server sent) wins over the seed afterwards,
// a standalone kiosk answers the fast paths at once as "offline" through the completion queue and
// wakes the UI, and the sync settings come from kiosk.toml and the token file.
#include "kiosk/app/app_services.hpp"
#include "kiosk/store/kiosk_schema.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <gtest/gtest.h>
#include <sodium.h>
#include <string>
#include <thread>

namespace
{

using namespace okienko;
using namespace okienko::kiosk;

const std::string kSeed = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json";

class AppServicesTest : public ::testing::Test
{
  protected:
    KioskConfig config() const
    {
        KioskConfig c;
        c.kiosk.id = "test-kiosk";
        c.data.directory = m_dir.file("data/nested");
        c.data.assets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
        c.data.catalog = kSeed;
        return c;
    }

    test::TempDir m_dir{"app-services"};
};

TEST_F(AppServicesTest, AnUnreadableSeedIsAProblemAndLeavesNoCatalogue)
{
    KioskConfig c = config();
    c.data.catalog = m_dir.file("missing.json");
    AppServices services(c);
    ASSERT_FALSE(services.problems().empty());
    EXPECT_NE(services.problems().front().find("missing.json"), std::string::npos);
    EXPECT_FALSE(services.loadCatalogue().ok());
}

TEST_F(AppServicesTest, AnUnopenableDatabaseIsAProblemNotACrash)
{
    ASSERT_TRUE(test::writeFile(m_dir.file("file"), "not a directory"));
    KioskConfig c = config();
    c.data.directory = m_dir.file("file/sub"); // a directory below a regular file
    AppServices services(c);
    EXPECT_FALSE(services.problems().empty());
    EXPECT_FALSE(services.database().isOpen());
    EXPECT_FALSE(services.loadCatalogue().ok());
}

TEST_F(AppServicesTest, FirstStartCreatesTheDirectoryAndSeedsTheCatalogue)
{
    AppServices services(config());
    EXPECT_TRUE(services.problems().empty()) << services.problems().front();
    EXPECT_TRUE(std::filesystem::exists(config().data.databasePath()));
    auto stored = services.loadCatalogue();
    ASSERT_TRUE(stored.ok()) << stored.error();
    auto seed = catalog::loadCatalogFile(kSeed);
    ASSERT_TRUE(seed.ok());
    EXPECT_TRUE(stored.value() == seed.value());
    EXPECT_EQ(services.kioskId(), "test-kiosk");
}

TEST_F(AppServicesTest, WithAServerTheStoredCatalogueWinsOverTheSeedOnTheNextStart)
{
    KioskConfig c = config();
    c.server.url = "https://127.0.0.1:1"; // never started: only the choice of catalogue matters
    {
        AppServices first(c);
        ASSERT_TRUE(first.problems().empty());
    }
    // What a sync would do: the server's catalogue replaces the seed in the database.
    auto changed = catalog::loadCatalogFile(kSeed);
    ASSERT_TRUE(changed.ok());
    ASSERT_FALSE(changed.value().announcements.empty());
    changed.value().announcements.clear();
    {
        auto db = kiosk::openKioskDatabase(config().data.databasePath().string());
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(catalog::importCatalog(db.value(), changed.value()).ok());
    }
    AppServices second(c);
    auto stored = second.loadCatalogue();
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored.value().announcements.empty()) << "the seed must not overwrite the stored catalogue";
    EXPECT_TRUE(stored.value() == changed.value());
}

TEST_F(AppServicesTest, AStandaloneKioskFollowsAnEditedSeedFile)
{
    {
        AppServices first(config());
        ASSERT_TRUE(first.problems().empty());
    }
    auto edited = catalog::loadCatalogFile(kSeed);
    ASSERT_TRUE(edited.ok());
    edited.value().announcements.clear();
    {
        auto db = kiosk::openKioskDatabase(config().data.databasePath().string());
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(catalog::importCatalog(db.value(), edited.value()).ok());
    }
    // No server: the file is the only source, so what is stored follows it.
    AppServices second(config());
    auto stored = second.loadCatalogue();
    ASSERT_TRUE(stored.ok());
    auto seed = catalog::loadCatalogFile(kSeed);
    ASSERT_TRUE(seed.ok());
    EXPECT_TRUE(stored.value() == seed.value());
}

TEST_F(AppServicesTest, AStandaloneKioskKeepsTheUnitStatesStaffSetAcrossARestart)
{
    {
        AppServices first(config());
        ASSERT_TRUE(first.problems().empty());
        ASSERT_TRUE(first.database()
                        .exec("UPDATE equipment_units SET state = 'cleaning' WHERE inventory_number = "
                              "(SELECT inventory_number FROM equipment_units ORDER BY position LIMIT 1)")
                        .ok());
    }
    AppServices second(config());
    ASSERT_TRUE(second.problems().empty());
    auto stored = second.loadCatalogue();
    ASSERT_TRUE(stored.ok());
    ASSERT_FALSE(stored.value().units.empty());
    EXPECT_EQ(stored.value().units.front().state, domain::UnitState::Cleaning)
        << "the seed file must not put a unit in cleaning back into lending";
}

TEST_F(AppServicesTest, AStandaloneKioskAnswersFastPathsOfflineThroughTheQueueAndWakesTheUi)
{
    AppServices services(config());
    std::atomic<int> wakes{0};
    services.start([&] { ++wakes; });
    EXPECT_FALSE(services.online());
    EXPECT_FALSE(services.canPrint());
    EXPECT_FALSE(services.print(receipt::Slip{}).has_value());
    services.outboxChanged(); // no sync worker: nothing to do, nothing to crash

    protocol::HoldRequest hold;
    hold.reservationId = "11111111-1111-4111-8111-111111111111";
    services.requestHold(hold);
    protocol::CounsellingBookRequest book;
    book.requestId = "22222222-2222-4222-8222-222222222222";
    services.requestBooking(book);

    const std::vector<Completion> done = services.takeCompletions();
    ASSERT_EQ(done.size(), 2u);
    const auto* h = std::get_if<HoldCompletion>(&done[0]);
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h->reservationId, hold.reservationId);
    EXPECT_EQ(h->outcome.kind, sync::HoldOutcome::Kind::Offline);
    const auto* b = std::get_if<BookCompletion>(&done[1]);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->requestId, book.requestId);
    EXPECT_EQ(b->outcome.kind, sync::BookOutcome::Kind::Offline);
    EXPECT_EQ(wakes.load(), 2);
    EXPECT_TRUE(services.takeCompletions().empty()) << "completions are handed over once";
}

// A PIN hash with the server's limits (kPinHashCost: t=4, 256 MiB) takes most of a second to
// check: the UI thread only hands it to the fast-path worker and keeps drawing frames ("Sprawdzam
// PIN…" turns) until the completion wakes it. Timing here only bounds the hand-over from above by a
// wide margin and counts frames; what one check costs is bench/pin_hash_bench's business.
TEST_F(AppServicesTest, APinCheckRunsOnTheWorkerWhileTheUiKeepsDrawing)
{
    ASSERT_GE(sodium_init(), 0);
    const std::string pin = "482193";
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    ASSERT_EQ(crypto_pwhash_str(hash.data(), pin.data(), pin.size(), 4, std::size_t{256} << 20), 0);
    AppServices services(config());
    std::atomic<int> wakes{0};
    services.start([&] { ++wakes; });

    const auto asked = std::chrono::steady_clock::now();
    const std::uint64_t ticket = services.verifyPin({PinCandidate{"s-anna", hash.data()}}, pin);
    EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(100)) << "the UI thread waited";

    int frames = 0;
    std::vector<Completion> done;
    const auto deadline = asked + std::chrono::seconds(30);
    while (done.empty() && std::chrono::steady_clock::now() < deadline)
    {
        ++frames; // one 60 Hz frame of the PIN screen while "Sprawdzam PIN…" turns
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
        done = services.takeCompletions();
    }
    ASSERT_EQ(done.size(), 1u);
    const auto* answer = std::get_if<PinCompletion>(&done[0]);
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(answer->ticket, ticket);
    EXPECT_EQ(answer->staffId, std::optional<std::string>("s-anna"));
    EXPECT_GE(frames, 3) << "frames kept coming while the worker checked";
    EXPECT_EQ(wakes.load(), 1);
}

TEST_F(AppServicesTest, AServerWithoutAReadableTokenDisablesSyncWithAReason)
{
    KioskConfig c = config();
    c.server.url = "https://127.0.0.1:1";
    c.server.caFile = m_dir.file("ca.crt");
    c.server.tokenFile = m_dir.file("no-token");
    AppServices services(c);
    services.start([] {});
    EXPECT_FALSE(services.online());
    bool named = false;
    for (const std::string& p : services.problems())
        named = named || p.find("no-token") != std::string::npos;
    EXPECT_TRUE(named) << "the problem must name the token file";
}

TEST(MakeSyncConfigTest, ReadsTheTokenTrimmedAndTakesTheIntervals)
{
    test::TempDir dir("sync-config");
    KioskConfig c;
    c.data.directory = dir.path();
    c.server.url = "https://central.example:8443";
    c.server.caFile = dir.file("ca.crt");
    c.server.tokenFile = dir.file("token");
    c.server.timeoutSeconds = 7;
    c.server.syncIntervalSeconds = 15;

    c.server.caFile.clear();
    ASSERT_TRUE(test::writeFile(c.server.tokenFile.string(), "abc\n"));
    auto noCa = makeSyncConfig(c);
    ASSERT_FALSE(noCa.ok()) << "without a CA file the server cannot be verified";
    EXPECT_NE(noCa.error().find("ca_file"), std::string::npos);
    c.server.caFile = dir.file("ca.crt");
    ASSERT_EQ(std::remove(c.server.tokenFile.c_str()), 0);
    EXPECT_FALSE(makeSyncConfig(c).ok()) << "a missing token file must be refused";
    ASSERT_TRUE(test::writeFile(c.server.tokenFile.string(), " \n"));
    EXPECT_FALSE(makeSyncConfig(c).ok()) << "an empty token must be refused";
    ASSERT_TRUE(test::writeFile(c.server.tokenFile.string(), "abc.DEF-123\n"));
    auto sc = makeSyncConfig(c);
    ASSERT_TRUE(sc.ok()) << sc.error();
    EXPECT_EQ(sc.value().https.bearerToken, "abc.DEF-123");
    EXPECT_EQ(sc.value().https.baseUrl, c.server.url);
    EXPECT_EQ(sc.value().https.caFile, c.server.caFile.string());
    EXPECT_EQ(sc.value().databasePath, (std::filesystem::path(dir.path()) / "kiosk.sqlite3").string());
    EXPECT_EQ(sc.value().https.totalTimeout, std::chrono::seconds(7));
    EXPECT_EQ(sc.value().pullInterval, std::chrono::seconds(15));
    EXPECT_EQ(sc.value().heartbeatInterval, std::chrono::seconds(15));
    EXPECT_LE(sc.value().backoff.cap, std::chrono::seconds(75));
}

TEST(HeartbeatPrinterStateTest, MapsEveryConditionToAProtocolValue)
{
    using receipt::PrinterCondition;
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::Ready), "ok");
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::PaperLow), "ok");
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::PaperOut), "no-paper");
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::CupsUnavailable), "offline");
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::QueueMissing), "offline");
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::Jam), "error");
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::Paused), "error");
    EXPECT_EQ(heartbeatPrinterState(PrinterCondition::Unknown), "unknown");
}

} // namespace

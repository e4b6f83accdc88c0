// End-to-end: a callback posted through the kiosk API as a kiosk would, worked by a coordinator in
// headless Chromium (callback_flow.cjs), and the status update then served to that kiosk by
// GET /api/v1/changes; then a unit a kiosk put in "cleaning" is marked cleaned on the units page and
// the kiosk learns it is available; an idea a kiosk sent is read on the idea box's page, marked
// answered and filtered out of the new ones. The public catalogue in the same browser: without
// script, and axe-core's WCAG 2.0/2.1 A and AA rules over its pages in Polish and Ukrainian
// (public_a11y.cjs). Skips only when Debian's chromium is not installed.
#include "shared/catalog/activity_rows.hpp"
#include "shared/db/database.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/catalogue_lists.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace okienko;

namespace
{
constexpr const char* kChromium = "/usr/bin/chromium";

std::string shellQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

int run(const std::string& command)
{
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// npm ci in the build tree's node directory once (playwright-core and axe-core from the lock file).
::testing::AssertionResult nodeModulesInstalled()
{
    const std::string nodeDir = OKIENKO_E2E_NODE_DIR;
    if (std::filesystem::exists(nodeDir + "/node_modules/playwright-core/package.json") &&
        std::filesystem::exists(nodeDir + "/node_modules/axe-core/axe.min.js"))
        return ::testing::AssertionSuccess();
    if (run("cd " + shellQuote(nodeDir) + " && npm ci --no-audit --no-fund --loglevel=error > npm-ci.log 2>&1") == 0)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << okienko::test::readFile(nodeDir + "/npm-ci.log");
}

/// The base64 SHA-256 of the server key's SPKI: the one key Chromium is told to trust.
std::string serverSpki(const okienko::test::TestCa& ca, const std::string& dir)
{
    const std::string spkiFile = dir + "/spki.txt";
    if (run("openssl x509 -in " + shellQuote(ca.serverCert()) +
            " -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | "
            "openssl base64 -A > " +
            shellQuote(spkiFile)) != 0)
        return {};
    return okienko::test::readFile(spkiFile);
}

Date today()
{
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}
/// Chromium present (else skipped), the node modules installed, a CA made for the server.
class EndToEnd : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (!std::filesystem::exists(kChromium))
            GTEST_SKIP() << kChromium << " is not installed (scripts/bootstrap installs it)";
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(nodeModulesInstalled());
        ASSERT_TRUE(ca.make()) << ca.error();
    }

    const std::string nodeDir = OKIENKO_E2E_NODE_DIR;
    okienko::test::TestCa ca;
};

class PanelEndToEnd : public EndToEnd
{
};

class PublicEndToEnd : public EndToEnd
{
};
} // namespace

TEST_F(PanelEndToEnd, CoordinatorMarksACallbackDoneAndTheKioskLearnsIt)
{
    // The deployed shape: the packaged nginx site in front of the server (decision 0007).
    okienko::test::CentralProcess server(ca, {}, okienko::test::Deployment::BehindFront);
    const std::string token = server.prepare(okienko::test::testCatalogJson(2));
    ASSERT_FALSE(token.empty());
    ASSERT_FALSE(okienko::test::addStaff(server, "Anna Koordynator", "coordinator", "haslo-e2e-2024").empty());
    ASSERT_TRUE(server.start()) << server.startError() << okienko::test::readFile(server.logPath());

    // The kiosk's side: a callback request as the sync worker sends it.
    domain::CallbackRequest c;
    c.id = newUuid();
    c.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "kiosk-1").value();
    c.phone = "600700800";
    c.day = today();
    c.dayPart = domain::DayPart::Afternoon;
    c.firstName = "Zofia";
    c.createdAt = static_cast<std::int64_t>(std::time(nullptr));
    httplib::SSLClient kiosk("127.0.0.1", server.port());
    kiosk.set_ca_cert_path(ca.caCert().c_str());
    kiosk.enable_server_certificate_verification(true);
    kiosk.set_default_headers({{"Authorization", "Bearer " + token}});
    auto posted = kiosk.Post("/api/v1/events", protocol::encodeEventBatch({protocol::makeCallbackRequested(c)}),
                             "application/json");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 200) << posted->body;
    // Staff at a kiosk took a unit back dirty: it waits for cleaning.
    protocol::UnitStateChange dirty;
    dirty.inventoryNumber = "TST-WT-001";
    dirty.state = domain::UnitState::Cleaning;
    dirty.staffId = "st-kiosk";
    auto cleaning = kiosk.Post("/api/v1/events",
                               protocol::encodeEventBatch({protocol::makeUnitStateChanged(
                                   newUuid(), static_cast<std::int64_t>(std::time(nullptr)), dirty)}),
                               "application/json");
    ASSERT_TRUE(cleaning);
    ASSERT_EQ(cleaning->status, 200) << cleaning->body;
    ASSERT_NE(cleaning->body.find("\"applied\""), std::string::npos) << cleaning->body;
    // A resident left an idea at the kiosk.
    domain::UsageEvent idea;
    idea.id = newUuid();
    idea.kind = domain::UsageKind::Idea;
    idea.flow = "idea";
    idea.area = domain::Area::Culture;
    idea.text = "Kino plenerowe w parku latem";
    idea.at = static_cast<std::int64_t>(std::time(nullptr));
    auto ideaPosted =
        kiosk.Post("/api/v1/events", protocol::encodeEventBatch({protocol::makeUsageEvent(idea)}), "application/json");
    ASSERT_TRUE(ideaPosted);
    ASSERT_NE(ideaPosted->body.find("\"applied\""), std::string::npos) << ideaPosted->body;

    // Chromium trusts the server's key (its SPKI hash), nothing else.
    const std::string spki = serverSpki(ca, server.dir());
    ASSERT_EQ(spki.size(), 44U) << spki;

    const char* shots = std::getenv("OKIENKO_E2E_SCREENSHOTS");
    const std::string env = "PANEL_URL=" + shellQuote("https://127.0.0.1:" + std::to_string(server.port())) +
                            " PANEL_USER=" + shellQuote("Anna Koordynator") + " PANEL_PASSWORD=haslo-e2e-2024" +
                            " SERVER_SPKI=" + shellQuote(spki) + " CALLBACK_CODE=" + shellQuote(c.code) +
                            " UNIT=TST-WT-001" + " IDEA=" + shellQuote(idea.text) +
                            " SCREENSHOT_DIR=" + shellQuote(shots != nullptr ? shots : "");
    const std::string log = server.dir() + "/e2e.log";
    const int rc = run("cd " + shellQuote(nodeDir) + " && " + env + " timeout 120 node callback_flow.cjs > " +
                       shellQuote(log) + " 2>&1");
    ASSERT_EQ(rc, 0) << okienko::test::readFile(log) << "\nserver log:\n" << okienko::test::readFile(server.logPath());

    // The kiosk's next pull carries the status of its own request.
    std::string last, unitState;
    std::string cursor;
    for (int page = 0; page < 20; ++page)
    {
        auto r = kiosk.Get(("/api/v1/changes?since=" + cursor).c_str());
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 200) << r->body;
        auto decoded = protocol::decodeChangesPage(r->body);
        ASSERT_TRUE(decoded.ok()) << r->body;
        for (const auto& change : decoded->changes)
            if (change.entity == protocol::entity::kCallbackRequest && change.id == c.id)
            {
                auto update = protocol::decodeRequestStatus(change.data);
                ASSERT_TRUE(update.ok());
                EXPECT_EQ(update->code, c.code);
                last = update->status;
            }
            else if (change.entity == protocol::entity::kUnit && change.id == "TST-WT-001")
                unitState = change.data.value("state", "");
        cursor = decoded->cursor;
        if (!decoded->more)
            break;
    }
    EXPECT_EQ(last, "done");
    EXPECT_EQ(unitState, "available");
    // The browser's choice is what the database holds, with who made it.
    db::OpenOptions readOnly;
    readOnly.readOnly = true;
    auto central = db::Database::open(server.databasePath(), readOnly);
    ASSERT_TRUE(central.ok());
    auto st = central->prepare("SELECT status FROM idea_statuses WHERE idea_id = ?1");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st->bind(1, idea.id).ok());
    ASSERT_TRUE(st->step().ok());
    auto status = st->columnOptionalText(0);
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->value_or("none"), "answered");
}

namespace
{
/// The schedule page's content: a weekly club from today (next week's meeting called off with its
/// reason), a cancelled duty hour and a partner's event
/// whose title has no Ukrainian text (shown in Polish, marked lang="pl"), as the panel stores them.
void seedSchedule(const std::string& dbPath)
{
    auto central = db::Database::open(dbPath);
    ASSERT_TRUE(central.ok());
    const Date today = okienko::test::localToday();
    domain::Activity club;
    club.id = "e2e-club";
    club.kind = domain::ActivityKind::Club;
    club.title = {"Klub Seniora", "Клуб літніх людей", "Seniors' club"};
    club.serviceId = "lapy-cas";
    club.place = "CAS, ul. Główna 1, sala 2";
    club.date = today;
    club.startMinute = 17 * 60;
    club.endMinute = 19 * 60;
    club.weekly = true;
    club.until = today.plusDays(28);
    club.capacity = 20;
    club.signUp.pl = "Zapisy: tel. 85 715 00 00";
    domain::Activity duty = club;
    club.cancelledDates = {{today.plusDays(7), "remont sali"}}; // next week's meeting called off on its own
    duty.id = "e2e-duty";
    duty.kind = domain::ActivityKind::Duty;
    duty.title = {"Dyżur psychologa", "Чергування психолога", "Psychologist on duty"};
    duty.weekly = false;
    duty.until.reset();
    duty.date = today.plusDays(1);
    duty.cancelled = true;
    domain::Activity reading = duty;
    reading.id = "e2e-reading";
    reading.kind = domain::ActivityKind::PartnerEvent;
    reading.title = {"Głośne czytanie dla dzieci", "", ""};
    reading.place = "Biblioteka Publiczna w Łapach";
    reading.cancelled = false;
    for (const auto& a : {club, duty, reading})
        ASSERT_TRUE(catalog::upsertActivity(*central, a).ok());
}
} // namespace

TEST_F(PublicEndToEnd, ThePublicCatalogueWorksWithoutScriptAndHasNoAccessibilityViolations)
{
    // The shipped Łapy catalogue, behind the packaged nginx site as deployed; axe's page loads are
    // many, so the per-address limit is raised.
    okienko::test::CentralProcess server(
        ca, "[public]\nrequests_per_second = 1000\nburst = 1000\ncontact_min_seconds = 0\n",
        okienko::test::Deployment::BehindFront);
    // With an area the catalogue adds (decision 0012), named by the home-care service, so its tile,
    // its page and the service's list of areas are checked too.
    nlohmann::ordered_json file = nlohmann::ordered_json::parse(
        okienko::test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json"));
    nlohmann::ordered_json areas = nlohmann::ordered_json::array();
    for (const auto& a : domain::shippedAreaDefinitions())
        areas.push_back(nlohmann::ordered_json::parse(protocol::encodeArea(a).dump()));
    areas.push_back({{"id", "15-opieka-w-domu"},
                     {"name", {{"pl", "Opieka w domu"}, {"uk", "Догляд удома"}, {"en", "Care at home"}}}});
    file["areas"] = areas;
    for (auto& s : file["services"])
        if (s["id"] == "lapy-uslugi-opiekuncze")
            s["areas"].push_back("15-opieka-w-domu");
    ASSERT_FALSE(server.prepare(file.dump()).empty());
    seedSchedule(server.databasePath());
    {
        // An approved partner institution keeping a service, for its public page (docs/partners.md).
        auto central = db::Database::open(server.databasePath(), db::OpenOptions{});
        ASSERT_TRUE(central.ok());
        ASSERT_TRUE(
            central
                ->exec("INSERT INTO institutions(id, name, kind, address, phone, email, profile, contact_name, "
                       "contact_public, status, language, created_at) VALUES ('biblioteka-lapy', 'Biblioteka "
                       "Miasta i Gminy Łapy', 'library', 'ul. Główna 1, 18-100 Łapy', '857 150 000', "
                       "'biblioteka@example.org', '{\"pl\":\"Wypożyczamy książki i prowadzimy zajęcia.\"}', "
                       "'Jan Bibliotekarz', 1, 'approved', 'pl', 0); INSERT INTO "
                       "institution_services(service_id, institution_id) VALUES ('lapy-cas', 'biblioteka-lapy')")
                .ok());
    }
    ASSERT_TRUE(server.start()) << server.startError() << okienko::test::readFile(server.logPath());
    const std::string spki = serverSpki(ca, server.dir());
    ASSERT_EQ(spki.size(), 44U) << spki;

    const char* shots = std::getenv("OKIENKO_E2E_SCREENSHOTS");
    const std::string env = "PUBLIC_URL=" + shellQuote("https://127.0.0.1:" + std::to_string(server.port())) +
                            " SERVER_SPKI=" + shellQuote(spki) +
                            " SCREENSHOT_DIR=" + shellQuote(shots != nullptr ? shots : "");
    const std::string log = server.dir() + "/e2e-public.log";
    const int rc = run("cd " + shellQuote(nodeDir) + " && " + env + " timeout 180 node public_a11y.cjs > " +
                       shellQuote(log) + " 2>&1");
    ASSERT_EQ(rc, 0) << okienko::test::readFile(log);
    EXPECT_NE(okienko::test::readFile(log).find("violations: 0"), std::string::npos) << okienko::test::readFile(log);
}

// The unified schedule end to end with the real binaries: a coordinator enters activities in the
// panel of a real okienko-central (HTTPS behind its nginx front, the shipped Łapy catalogue); the
// real okienko-kiosk syncs and shows them on its start screen and schedule screen in Polish and
// Ukrainian; a cancellation in the panel reaches the kiosk with its next sync, and with the server
// stopped the kiosk still shows what it last got. The public page and the JSON API show the same,
// with ETag round trips; the report counts the plan for the month beside the activity register.
#include "shared/util/warsaw_time.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;
using test::PanelClient;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
constexpr const char* kPassword = "haslo-koordynatora-7";

class ScheduleEndToEnd : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_central = std::make_unique<test::CentralProcess>(m_ca);
        const std::string token = m_central->prepare(test::readFile(kAssets + "/catalog/lapy.json"), "schedule-test");
        ASSERT_FALSE(token.empty()) << "okienko-central could not be prepared; see " << m_central->dir();
        ASSERT_FALSE(test::addStaff(*m_central, "Anna Koordynator", "coordinator", kPassword).empty());
        ASSERT_TRUE(test::writeFile(m_dir.file("token"), token + "\n"));
        ASSERT_TRUE(m_central->start()) << "okienko-central did not start; log: " << m_central->logPath();
        ASSERT_TRUE(test::writeFile(m_dir.file("kiosk.toml"),
                                    test::onlineKioskToml("schedule-test", m_dir.file("data"), kAssets,
                                                          m_central->port(), m_ca.caCert(), m_dir.file("token"))));
        m_panel = std::make_unique<PanelClient>(m_central->port(), m_ca.caCert());
        auto r = m_panel->login("Anna Koordynator", kPassword);
        ASSERT_TRUE(r && r->status == 303);
        ASSERT_TRUE(m_panel->get("/panel/schedule")); // the session's CSRF token
    }

    /// The kiosk runs `script` on a clock starting today at 9:00 (the server's dates).
    test::ProcessResult runKiosk(const std::string& name, const std::string& script)
    {
        const std::string path = m_dir.file(name + ".kiosk");
        EXPECT_TRUE(test::writeFile(path, script));
        return test::runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", m_dir.file("kiosk.toml"), "--script",
                                 path, "--script-day", m_today.iso(), "--failure-shot",
                                 m_dir.file("failed-" + name + ".png")},
                                {}, 90s);
    }

    std::string db(const std::string& sql) { return test::scalar(m_central->databasePath(), sql); }

    /// Enters the weekly Klub Seniora (today 17:00–19:00, four weeks) and tomorrow's workshop.
    void enterTwoActivities()
    {
        auto club = m_panel->postMultipart("/panel/schedule/save", {{"id", ""},
                                                                    {"kind", "club"},
                                                                    {"title_pl", "Klub Seniora"},
                                                                    {"title_uk", "Клуб літніх людей"},
                                                                    {"title_en", "Seniors' club"},
                                                                    {"service", "lapy-cas"},
                                                                    {"area", "11-aktywnosc-obywatelska"},
                                                                    {"place", "CAS, ul. Główna 1, sala 2"},
                                                                    {"date", m_today.iso()},
                                                                    {"start", "17:00"},
                                                                    {"end", "19:00"},
                                                                    {"weekly", "1"},
                                                                    {"until", m_today.plusDays(21).iso()},
                                                                    {"capacity", "20"},
                                                                    {"sign_up_pl", "Zapisy: tel. 85 715 00 00"},
                                                                    {"sign_up_uk", ""},
                                                                    {"sign_up_en", ""}});
        ASSERT_TRUE(club);
        ASSERT_EQ(club->status, 303) << club->body;
        EXPECT_EQ(club->get_header_value("Location"), "/panel/schedule?msg=added");
        auto workshop = m_panel->postMultipart("/panel/schedule/save", {{"id", ""},
                                                                        {"kind", "workshop"},
                                                                        {"title_pl", "Warsztaty komputerowe"},
                                                                        {"title_uk", "Комп’ютерні майстер-класи"},
                                                                        {"place", "CAS, sala komputerowa"},
                                                                        {"date", m_today.plusDays(1).iso()},
                                                                        {"start", "10:00"},
                                                                        {"end", "12:00"}});
        ASSERT_TRUE(workshop);
        ASSERT_EQ(workshop->status, 303) << workshop->body;
        m_clubId = db("SELECT id FROM activities WHERE title_pl = 'Klub Seniora'");
    }

    test::TestCa m_ca;
    std::unique_ptr<test::CentralProcess> m_central;
    std::unique_ptr<PanelClient> m_panel;
    test::TempDir m_dir{"schedule-e2e"};
    const Date m_today = test::localToday();
    std::string m_clubId;
};

} // namespace

TEST_F(ScheduleEndToEnd, PanelEntryReachesTheKioskAndItsCancellationFollows)
{
    // A form with an end before the start is refused at its field, nothing stored.
    auto bad = m_panel->postMultipart("/panel/schedule/save", {{"id", ""},
                                                               {"kind", "club"},
                                                               {"title_pl", "Klub Seniora"},
                                                               {"place", "CAS"},
                                                               {"date", m_today.iso()},
                                                               {"start", "19:00"},
                                                               {"end", "17:00"}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia"), std::string::npos);
    EXPECT_NE(bad->body.find("aria-describedby=\"blad-end\""), std::string::npos);
    EXPECT_EQ(db("SELECT COUNT(*) FROM activities"), "0");

    enterTwoActivities();
    ASSERT_FALSE(m_clubId.empty());
    EXPECT_EQ(db("SELECT COUNT(*) FROM panel_actions WHERE entity = 'activity' AND action = 'add'"), "2");
    auto page = m_panel->get("/panel/schedule");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("Klub Seniora"), std::string::npos);

    const auto seen = runKiosk("sync-pl-uk", "wait 4000\n"
                                             "expect-screen attract\n"
                                             "expect \"Najbliższe zajęcia\"\n"
                                             "expect \"Dziś 17:00 · Klub Seniora\"\n"
                                             "expect \"Jutro 10:00 · Warsztaty komputerowe\"\n"
                                             "expect-no-clip\n"
                                             "lang uk\n"
                                             "expect \"Сьогодні 17:00 · Клуб літніх людей\"\n"
                                             "tap-id start\n"
                                             "tap-id home-schedule\n"
                                             "expect-screen schedule\n"
                                             "expect \"17:00–19:00  Клуб літніх людей\"\n"
                                             "expect \"Зустріч клубу · CAS, ul. Główna 1, sala 2\"\n"
                                             "expect-no-clip\n"
                                             "lang pl\n"
                                             "expect \"17:00–19:00  Klub Seniora\"\n"
                                             "expect \"Liczba miejsc: 20\"\n"
                                             "tap-id schedule-day-1\n"
                                             "expect \"10:00–12:00  Warsztaty komputerowe\"\n");
    ASSERT_EQ(seen.exitCode, 0) << seen.output;

    auto cancelled = m_panel->postMultipart("/panel/schedule/cancel", {{"id", m_clubId}, {"action", "cancel"}});
    ASSERT_TRUE(cancelled);
    ASSERT_EQ(cancelled->status, 303);
    EXPECT_EQ(cancelled->get_header_value("Location"), "/panel/schedule?msg=cancelled");
    EXPECT_EQ(db("SELECT action FROM panel_actions WHERE entity_id = '" + m_clubId + "' ORDER BY id DESC LIMIT 1"),
              "cancel");

    const auto after = runKiosk("cancelled", "wait 4000\n"
                                             "expect-screen attract\n"
                                             "expect-not \"Klub Seniora\"\n"
                                             "expect \"Jutro 10:00 · Warsztaty komputerowe\"\n"
                                             "tap-id start\n"
                                             "tap-id home-schedule\n"
                                             "expect \"17:00–19:00  Klub Seniora\"\n"
                                             "expect \"Odwołane\"\n");
    EXPECT_EQ(after.exitCode, 0) << after.output;

    // Offline first: with the server gone the kiosk shows what it last got.
    m_central->kill(SIGTERM);
    const auto offline = runKiosk("offline", "wait 3000\n"
                                             "expect \"Offline\"\n"
                                             "expect \"Jutro 10:00 · Warsztaty komputerowe\"\n"
                                             "tap-id start\n"
                                             "tap-id home-schedule\n"
                                             "expect \"Odwołane\"\n");
    EXPECT_EQ(offline.exitCode, 0) << offline.output;
}

TEST_F(ScheduleEndToEnd, ThePublicPageTheApiAndTheReportShowTheSame)
{
    enterTwoActivities();
    auto& web = m_panel->raw();
    auto pl = web.Get("/public/pl/schedule");
    ASSERT_TRUE(pl);
    EXPECT_EQ(pl->status, 200);
    EXPECT_NE(pl->body.find("<h1>Zajęcia i wydarzenia</h1>"), std::string::npos);
    EXPECT_NE(pl->body.find("Klub Seniora"), std::string::npos);
    EXPECT_NE(pl->body.find("href=\"/public/pl/service/lapy-cas\""), std::string::npos);
    EXPECT_EQ(pl->body.find("<script"), std::string::npos);
    EXPECT_EQ(pl->body.find("st-"), std::string::npos); // who entered it is not public

    ASSERT_EQ(m_panel->postMultipart("/panel/schedule/cancel", {{"id", m_clubId}, {"action", "cancel"}})->status, 303);
    auto uk = web.Get("/public/uk/schedule");
    ASSERT_TRUE(uk);
    EXPECT_NE(uk->body.find("Клуб літніх людей"), std::string::npos);
    EXPECT_NE(uk->body.find("(Скасовано)"), std::string::npos);
    // The sign-up note has no Ukrainian text: shown in Polish, marked so.
    EXPECT_NE(uk->body.find("<span lang=\"pl\">Zapisy: tel. 85 715 00 00</span>"), std::string::npos);

    auto api = web.Get("/public/api/v1/schedule?from=" + m_today.iso() + "&days=28");
    ASSERT_TRUE(api);
    ASSERT_EQ(api->status, 200) << api->body;
    const auto doc = nlohmann::json::parse(api->body);
    ASSERT_EQ(doc["activities"].size(), 2u);
    ASSERT_EQ(doc["occurrences"].size(), 5u); // four Klub Seniora meetings and one workshop
    const auto& first = doc["occurrences"][0];
    EXPECT_EQ(first["date"], m_today.iso());
    EXPECT_EQ(first["start"], warsawTimestamp(m_today, 17 * 60));
    EXPECT_EQ(first["cancelled"], true);
    EXPECT_EQ(doc.dump().find("entered_by"), std::string::npos);
    const std::string etag = api->get_header_value("ETag");
    ASSERT_FALSE(etag.empty());
    auto again = web.Get("/public/api/v1/schedule?from=" + m_today.iso() + "&days=28", {{"If-None-Match", etag}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    auto badDays = web.Get("/public/api/v1/schedule?days=100");
    ASSERT_TRUE(badDays);
    EXPECT_EQ(badDays->status, 400);
    EXPECT_NE(badDays->body.find("bad_days"), std::string::npos);

    // The report for the month: the plan counted per day, the cancelled club left out.
    const Date tomorrow = m_today.plusDays(1);
    auto report = m_panel->get("/panel/report?period=month&year=" + std::to_string(tomorrow.year) +
                               "&month=" + std::to_string(tomorrow.month));
    ASSERT_TRUE(report);
    ASSERT_EQ(report->status, 200);
    EXPECT_NE(report->body.find("Harmonogram a odbyte zajęcia"), std::string::npos);
    EXPECT_NE(report->body.find("<th scope=\"row\">Warsztaty (CAS)</th><td class=\"num\">1</td><td "
                                "class=\"num\">0</td><td class=\"num\">0</td>"),
              std::string::npos)
        << report->body;
    EXPECT_NE(report->body.find("<th scope=\"row\">Spotkania klubów i grup (CAS)</th><td class=\"num\">0</td>"),
              std::string::npos);
}

TEST_F(ScheduleEndToEnd, OneDayCalledOffShowsOdwolaneOnTheKioskAndThePublicPagesAndOnlyThatDay)
{
    enterTwoActivities();
    auto page = m_panel->get("/panel/schedule");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("Odwołaj jeden dzień"), std::string::npos);

    // A day the club does not meet on is refused, with the reason in Polish; nothing changes.
    auto wrong = m_panel->postMultipart(
        "/panel/schedule/cancel-date",
        {{"id", m_clubId}, {"action", "cancel"}, {"date", m_today.plusDays(1).iso()}, {"reason", ""}});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 422);
    EXPECT_NE(wrong->body.find("odwołać można tylko dzień, w którym są w harmonogramie"), std::string::npos);
    EXPECT_EQ(db("SELECT cancelled_dates FROM activities WHERE id = '" + m_clubId + "'"), "[]");

    auto off = m_panel->postMultipart(
        "/panel/schedule/cancel-date",
        {{"id", m_clubId}, {"action", "cancel"}, {"date", m_today.iso()}, {"reason", "remont sali"}});
    ASSERT_TRUE(off);
    ASSERT_EQ(off->status, 303) << off->body;
    EXPECT_EQ(off->get_header_value("Location"), "/panel/schedule?msg=date-cancelled");
    EXPECT_EQ(db("SELECT action FROM panel_actions WHERE entity_id = '" + m_clubId + "' ORDER BY id DESC LIMIT 1"),
              "cancel-date " + m_today.iso());
    page = m_panel->get("/panel/schedule");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("remont sali"), std::string::npos);
    EXPECT_NE(page->body.find("Przywróć dzień"), std::string::npos);

    // The kiosk, after its sync: the start screen keeps today's meeting, marked, and the schedule
    // screen gives the reason; next week's meeting (the same series) is not called off.
    const auto seen = runKiosk("one-day-off", "wait 4000\n"
                                              "expect-screen attract\n"
                                              "expect \"Dziś 17:00 · Klub Seniora — Odwołane\"\n"
                                              "expect \"Jutro 10:00 · Warsztaty komputerowe\"\n"
                                              "expect-no-clip\n"
                                              "tap-id start\n"
                                              "tap-id home-schedule\n"
                                              "expect \"17:00–19:00  Klub Seniora\"\n"
                                              "expect \"Odwołane\"\n"
                                              "expect \"remont sali\"\n"
                                              "expect-no-clip\n");
    ASSERT_EQ(seen.exitCode, 0) << seen.output;

    auto& web = m_panel->raw();
    auto pl = web.Get("/public/pl/schedule");
    ASSERT_TRUE(pl);
    EXPECT_NE(pl->body.find("(Odwołane)</strong> remont sali"), std::string::npos) << pl->body;
    auto api = web.Get("/public/api/v1/schedule?from=" + m_today.iso() + "&days=14&kind=club");
    ASSERT_TRUE(api);
    ASSERT_EQ(api->status, 200);
    const auto doc = nlohmann::json::parse(api->body);
    ASSERT_EQ(doc["occurrences"].size(), 2u);
    EXPECT_EQ(doc["occurrences"][0]["cancelled"], true);
    EXPECT_EQ(doc["occurrences"][0]["cancel_reason"], "remont sali");
    EXPECT_EQ(doc["occurrences"][1]["cancelled"], false);
    EXPECT_TRUE(doc["occurrences"][1]["cancel_reason"].is_null());
    EXPECT_EQ(doc["activities"][0]["cancelled"], false) << "the series goes on";

    // Brought back: the public page no longer says so.
    auto back = m_panel->postMultipart("/panel/schedule/cancel-date",
                                       {{"id", m_clubId}, {"action", "restore"}, {"date", m_today.iso()}});
    ASSERT_TRUE(back);
    ASSERT_EQ(back->status, 303);
    pl = web.Get("/public/pl/schedule");
    ASSERT_TRUE(pl);
    EXPECT_EQ(pl->body.find("(Odwołane)"), std::string::npos);
}

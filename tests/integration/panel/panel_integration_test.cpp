// The coordinators' panel of the real okienko-central over real HTTPS (test CA): sessions and CSRF,
// lockout and per-IP slow-down, kiosk tokens and panel cookies kept apart, escaping of hostile
// data, the callback queue's status flowing back to the kiosk, kiosk health, the monitoring CSV for
// data sent through the kiosk API, and a unit lent twice by two offline kiosks on the conflicts list.
#include "shared/db/database.hpp"
#include "shared/domain/area.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <chrono>
#include <csignal>
#include <ctime>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::TestCa;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-1";
constexpr const char* kHostileName = "<script>alert(\"x\")</script> & 'Ewa'";

Date today()
{
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::int64_t count(const std::string& dbPath, const std::string& sql)
{
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dbPath, o);
    if (!d)
        return -1;
    auto st = d->prepare(sql);
    if (!st || !st->step())
        return -1;
    return st->columnInt64(0).value();
}

domain::CallbackRequest callback(const std::string& phone, Date day, domain::DayPart part)
{
    domain::CallbackRequest c;
    c.id = newUuid();
    c.code = rules::newReferenceCode(rules::ReferenceKind::Callback, "kiosk-1").value();
    c.phone = phone;
    c.day = day;
    c.dayPart = part;
    c.firstName = "Jan";
    c.createdAt = static_cast<std::int64_t>(std::time(nullptr));
    return c;
}

domain::UsageEvent usage(domain::UsageKind kind)
{
    domain::UsageEvent u;
    u.id = newUuid();
    u.kind = kind;
    u.flow = "callback";
    u.at = static_cast<std::int64_t>(std::time(nullptr));
    return u;
}

/// The test catalogue with an equipment type whose name looks like markup.
std::string hostileCatalog()
{
    auto doc = nlohmann::json::parse(okienko::test::testCatalogJson(2));
    doc["equipment_types"][0]["name"]["pl"] = kHostileName;
    return doc.dump();
}

class Panel : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca, "[callbacks]\nmax_failed_attempts = 3\n");
        m_token = m_server->prepare(hostileCatalog());
        ASSERT_FALSE(m_token.empty()) << okienko::test::readFile(m_server->dir() + "/admin.log");
        m_staffId = okienko::test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword);
        ASSERT_FALSE(m_staffId.empty());
        ASSERT_TRUE(m_server->start()) << okienko::test::readFile(m_server->logPath());
    }

    std::unique_ptr<PanelClient> browser() { return std::make_unique<PanelClient>(m_server->port(), m_ca.caCert()); }

    std::unique_ptr<PanelClient> loggedIn()
    {
        auto b = browser();
        auto r = b->login("Anna Koordynator", kPassword);
        EXPECT_TRUE(r);
        if (r)
        {
            EXPECT_EQ(r->status, 303) << r->body;
            EXPECT_EQ(r->get_header_value("Location"), "/panel/callbacks");
        }
        EXPECT_FALSE(b->sessionCookie().empty());
        b->get("/panel/callbacks"); // picks up the session's CSRF token
        return b;
    }

    std::unique_ptr<httplib::SSLClient> kiosk(const std::string& extraCookie = {})
    {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", m_server->port());
        c->set_ca_cert_path(m_ca.caCert().c_str());
        c->enable_server_certificate_verification(true);
        httplib::Headers h;
        if (extraCookie.empty())
            h.emplace("Authorization", "Bearer " + m_token);
        else
            h.emplace("Cookie", extraCookie);
        c->set_default_headers(h);
        return c;
    }

    void send(const std::vector<protocol::Event>& events)
    {
        auto r = kiosk()->Post("/api/v1/events", protocol::encodeEventBatch(events), "application/json");
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 200) << r->body;
        auto results = protocol::decodeEventResults(r->body);
        ASSERT_TRUE(results.ok());
        for (const auto& res : *results)
            ASSERT_EQ(res.status, protocol::EventStatus::Applied) << r->body;
    }

    /// Every status update for `id` that /api/v1/changes gives this kiosk, in order.
    std::vector<std::string> statusesFor(const std::string& id)
    {
        std::vector<std::string> out;
        std::string cursor;
        for (int page = 0; page < 50; ++page)
        {
            auto r = kiosk()->Get(("/api/v1/changes?since=" + cursor).c_str());
            if (!r || r->status != 200)
                break;
            auto decoded = protocol::decodeChangesPage(r->body);
            if (!decoded)
                break;
            for (const auto& c : decoded->changes)
                if (c.entity == protocol::entity::kCallbackRequest && c.id == id)
                    out.push_back(c.data.value("status", ""));
            cursor = decoded->cursor;
            if (!decoded->more)
                break;
        }
        return out;
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::string m_token;
    std::string m_staffId;
};
} // namespace

TEST_F(Panel, EveryPageAndActionRefusesWithoutASession)
{
    auto b = browser();
    for (const char* path : {"/panel/callbacks", "/panel/kiosks", "/panel/monitoring", "/panel/monitoring.csv",
                             "/panel/reservations", "/panel/", "/panel/nonexistent", "/"})
    {
        auto r = b->get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(r->get_header_value("Location"), "/panel/login") << path;
        EXPECT_EQ(r->body.find("Prośby o telefon</h1>"), std::string::npos) << path;
    }
    for (const char* path : {"/panel/callbacks/claim", "/panel/callbacks/attempt", "/panel/reservations/decide",
                             "/panel/counselling/decide", "/panel/conflicts/resolve", "/panel/logout"})
    {
        auto r = b->post(path, {{"id", "x"}, {"outcome", "done"}}, false);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(r->get_header_value("Location"), "/panel/login") << path;
    }
    // A made-up cookie is no session either.
    auto forged = b->raw().Get("/panel/callbacks",
                               {{"Cookie", "__Host-okienko_sesja=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}});
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 303);
    // The login page itself is public and labelled.
    auto login = b->get("/panel/login");
    ASSERT_TRUE(login);
    EXPECT_EQ(login->status, 200);
    EXPECT_NE(login->body.find("<label for=\"password\">"), std::string::npos);
    EXPECT_NE(login->get_header_value("Set-Cookie").find("HttpOnly"), std::string::npos);
}

TEST_F(Panel, SessionCookieIsHttpOnlySecureStrictAndStoredHashed)
{
    auto b = browser();
    ASSERT_TRUE(b->get("/panel/login"));
    auto r = b->post("/panel/login", {{"login", "Anna Koordynator"}, {"password", kPassword}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 303);
    std::string header;
    for (std::size_t i = 0; i < r->get_header_value_count("Set-Cookie"); ++i)
        if (r->get_header_value("Set-Cookie", i).rfind("__Host-okienko_sesja=", 0) == 0)
            header = r->get_header_value("Set-Cookie", i);
    EXPECT_NE(header.find("HttpOnly"), std::string::npos) << header;
    EXPECT_NE(header.find("Secure"), std::string::npos) << header;
    EXPECT_NE(header.find("SameSite=Strict"), std::string::npos) << header;
    ASSERT_GE(b->sessionCookie().size(), 43U);
    EXPECT_EQ(count(m_server->databasePath(),
                    "SELECT COUNT(*) FROM panel_sessions WHERE token_hash = '" + b->sessionCookie() + "'"),
              0);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM panel_sessions"), 1);
    // Logout ends it server-side: the same cookie no longer opens a page.
    ASSERT_TRUE(b->get("/panel/callbacks"));
    const std::string cookie = b->sessionCookie();
    auto out = b->post("/panel/logout", {});
    ASSERT_TRUE(out);
    EXPECT_EQ(out->status, 303);
    auto after = b->raw().Get("/panel/callbacks", {{"Cookie", "__Host-okienko_sesja=" + cookie}});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 303);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM panel_sessions"), 0);
}

TEST_F(Panel, PostWithoutOrWithWrongCsrfOrForeignOriginIs403AndChangesNothing)
{
    const auto c = callback("600100200", today(), domain::DayPart::Afternoon);
    send({protocol::makeCallbackRequested(c)});
    auto b = loggedIn();
    ASSERT_FALSE(b->csrf().empty());

    auto missing = b->post("/panel/callbacks/attempt", {{"id", c.id}, {"outcome", "done"}}, false);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 403);
    auto wrong =
        b->raw().Post("/panel/callbacks/attempt",
                      {{"Cookie", "__Host-okienko_sesja=" + b->sessionCookie()},
                       {"Origin", "https://127.0.0.1:" + std::to_string(m_server->port())}},
                      okienko::test::formEncode({{"id", c.id}, {"outcome", "done"}, {"csrf", "x" + b->csrf()}}),
                      "application/x-www-form-urlencoded");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 403);
    b->setOrigin("https://evil.example");
    auto foreign = b->post("/panel/callbacks/attempt", {{"id", c.id}, {"outcome", "done"}});
    ASSERT_TRUE(foreign);
    EXPECT_EQ(foreign->status, 403);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM callback_attempts"), 0);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM callback_requests WHERE status = 'received'"), 1);

    // The same request from the panel's own origin with its token goes through.
    b->setOrigin("https://127.0.0.1:" + std::to_string(m_server->port()));
    auto ok = b->post("/panel/callbacks/attempt", {{"id", c.id}, {"outcome", "done"}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 303);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM callback_attempts"), 1);
}

TEST_F(Panel, FiveFailedLoginsLockTheAccountEvenForTheRightPassword)
{
    for (int i = 0; i < 5; ++i)
    {
        auto b = browser();
        auto r = b->login("Anna Koordynator", "wrong-password-" + std::to_string(i));
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 401) << i;
        EXPECT_TRUE(b->sessionCookie().empty());
    }
    auto b = browser();
    auto locked = b->login("Anna Koordynator", kPassword);
    ASSERT_TRUE(locked);
    // The same answer as for an unknown account, so it tells nobody which accounts exist.
    EXPECT_EQ(locked->status, 401);
    EXPECT_TRUE(b->sessionCookie().empty());
    EXPECT_NE(locked->body.find("chwilowo zablokowane"), std::string::npos);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM panel_sessions"), 0);

    // Another account is not locked by it.
    ASSERT_FALSE(okienko::test::addStaff(*m_server, "Beata", "admin", "inne-haslo-123").empty());
    auto other = browser();
    auto ok = other->login("Beata", "inne-haslo-123");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 303);
    // Equipment staff have no panel even with the right password.
    ASSERT_FALSE(okienko::test::addStaff(*m_server, "Czesław", "equipment", "sprzet-haslo-1").empty());
    auto equipment = browser();
    auto refused = equipment->login("Czesław", "sprzet-haslo-1");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_TRUE(equipment->sessionCookie().empty());
}

TEST_F(Panel, ManyFailuresFromOneAddressAreSlowedDown)
{
    int throttled = 0;
    for (int i = 0; i < 12; ++i)
    {
        auto b = browser();
        auto r = b->login("nobody-" + std::to_string(i), "whatever-password");
        ASSERT_TRUE(r);
        if (r->status == 429)
        {
            ++throttled;
            EXPECT_FALSE(r->get_header_value("Retry-After").empty());
        }
        else
            EXPECT_EQ(r->status, 401);
    }
    EXPECT_GE(throttled, 1);
    // While slowed down, even the right password waits.
    auto b = browser();
    auto r = b->login("Anna Koordynator", kPassword);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 429);
}

TEST_F(Panel, KioskTokenCannotUseThePanelAndPanelCookieCannotUseTheApi)
{
    auto withToken = kiosk();
    for (const char* path : {"/panel/callbacks", "/panel/monitoring.csv", "/panel/login"})
    {
        auto r = withToken->Get(path);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 401) << path;
    }
    auto b = loggedIn();
    // Even together with a valid session, a bearer token on a panel request is refused.
    auto both = b->raw().Get("/panel/callbacks", {{"Cookie", "__Host-okienko_sesja=" + b->sessionCookie()},
                                                  {"Authorization", "Bearer " + m_token}});
    ASSERT_TRUE(both);
    EXPECT_EQ(both->status, 401);

    auto withCookie = kiosk("__Host-okienko_sesja=" + b->sessionCookie());
    auto changes = withCookie->Get("/api/v1/changes");
    ASSERT_TRUE(changes);
    EXPECT_EQ(changes->status, 401);
    auto events = withCookie->Post("/api/v1/events",
                                   protocol::encodeEventBatch({protocol::makeCallbackRequested(
                                       callback("600100201", today(), domain::DayPart::Morning))}),
                                   "application/json");
    ASSERT_TRUE(events);
    EXPECT_EQ(events->status, 401);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM callback_requests"), 0);
}

TEST_F(Panel, HostileLookingDataIsEscapedOnEveryPage)
{
    ASSERT_FALSE(okienko::test::addStaff(*m_server, kHostileName, "coordinator", kPassword).empty());
    auto c = callback("600100202", today(), domain::DayPart::Morning);
    c.equipmentTypeId = "wozek-testowy"; // the waiting list: the queue shows the type's name
    send({protocol::makeCallbackRequested(c)});

    auto b = browser();
    auto r = b->login(kHostileName, kPassword);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 303) << r->body;
    // The hostile staff member claims it, so their name is in the queue too.
    ASSERT_TRUE(b->get("/panel/callbacks"));
    ASSERT_TRUE(b->post("/panel/callbacks/claim", {{"id", c.id}}));
    for (const char* path : {"/panel/callbacks", "/panel/kiosks", "/panel/monitoring", "/panel/reservations"})
    {
        auto page = b->get(path);
        ASSERT_TRUE(page) << path;
        ASSERT_EQ(page->status, 200) << path;
        EXPECT_EQ(page->body.find("<script"), std::string::npos) << path;
        EXPECT_NE(page->body.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ewa&#39;"),
                  std::string::npos)
            << path;
        EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
    }
    auto queue = b->get("/panel/callbacks");
    ASSERT_TRUE(queue);
    EXPECT_NE(queue->body.find("lista oczekujących: &lt;script&gt;"), std::string::npos);
}

TEST_F(Panel, QueueIsOrderedByWindowThenArrivalAndDoneFlowsBackToTheKiosk)
{
    const Date d = today();
    const auto tomorrowMorning = callback("600100210", d.plusDays(1), domain::DayPart::Morning);
    const auto todayAfternoonFirst = callback("600100211", d, domain::DayPart::Afternoon);
    const auto todayAfternoonSecond = callback("600100212", d, domain::DayPart::Afternoon);
    send({protocol::makeCallbackRequested(tomorrowMorning)});
    send({protocol::makeCallbackRequested(todayAfternoonFirst)});
    send({protocol::makeCallbackRequested(todayAfternoonSecond)});

    auto b = loggedIn();
    auto page = b->get("/panel/callbacks");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const auto p1 = page->body.find(todayAfternoonFirst.code);
    const auto p2 = page->body.find(todayAfternoonSecond.code);
    const auto p3 = page->body.find(tomorrowMorning.code);
    ASSERT_NE(p1, std::string::npos);
    ASSERT_NE(p2, std::string::npos);
    ASSERT_NE(p3, std::string::npos);
    EXPECT_LT(p1, p2);
    EXPECT_LT(p2, p3);
    EXPECT_NE(page->body.find("<th scope=\"col\">Telefon</th>"), std::string::npos);

    auto done = b->post("/panel/callbacks/attempt", {{"id", todayAfternoonFirst.id}, {"outcome", "done"}});
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, 303);
    EXPECT_EQ(done->get_header_value("Location"), "/panel/callbacks?msg=done");
    const auto statuses = statusesFor(todayAfternoonFirst.id);
    ASSERT_FALSE(statuses.empty());
    EXPECT_EQ(statuses.back(), "done");
    auto after = b->get("/panel/callbacks");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->body.find(todayAfternoonFirst.code), std::string::npos);
    EXPECT_NE(after->body.find(todayAfternoonSecond.code), std::string::npos);
}

TEST_F(Panel, ThirdFailedAttemptClosesTheRequestWithAReason)
{
    const auto c = callback("600100220", today(), domain::DayPart::Morning);
    send({protocol::makeCallbackRequested(c)});
    auto b = loggedIn();
    for (int i = 0; i < 2; ++i)
    {
        auto r = b->post("/panel/callbacks/attempt", {{"id", c.id}, {"outcome", "no-answer"}, {"note", "poczta"}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->get_header_value("Location"), "/panel/callbacks?msg=attempt");
    }
    EXPECT_EQ(statusesFor(c.id).back(), "received");
    auto last = b->post("/panel/callbacks/attempt", {{"id", c.id}, {"outcome", "no-answer"}});
    ASSERT_TRUE(last);
    EXPECT_EQ(last->get_header_value("Location"), "/panel/callbacks?msg=closed");
    EXPECT_EQ(statusesFor(c.id).back(), "closed");
    EXPECT_EQ(count(m_server->databasePath(),
                    "SELECT COUNT(*) FROM callback_requests WHERE status = 'closed' AND closed_reason <> '' "
                    "AND failed_attempts = 3"),
              1);
    EXPECT_EQ(count(m_server->databasePath(), "SELECT COUNT(*) FROM callback_attempts"), 3);
    // A closed request takes no more attempts.
    auto more = b->post("/panel/callbacks/attempt", {{"id", c.id}, {"outcome", "done"}});
    ASSERT_TRUE(more);
    EXPECT_EQ(more->get_header_value("Location"), "/panel/callbacks?msg=not-open");
    EXPECT_EQ(statusesFor(c.id).back(), "closed");
}

TEST_F(Panel, KioskHealthShowsTheLatestHeartbeat)
{
    protocol::Heartbeat h;
    h.kioskVersion = "0.9.7";
    h.uptimeS = 7200;
    h.outboxDepth = 17;
    h.outboxOldestAgeS = 5400;
    h.printerState = "no-paper";
    auto r = kiosk()->Post("/api/v1/heartbeat", protocol::encodeHeartbeat(h), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    auto b = loggedIn();
    auto page = b->get("/panel/kiosks");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("kiosk-1"), std::string::npos);
    EXPECT_NE(page->body.find("0.9.7"), std::string::npos);
    EXPECT_NE(page->body.find("brak papieru"), std::string::npos);
    EXPECT_NE(page->body.find(">17<"), std::string::npos);
    EXPECT_NE(page->body.find("90 min"), std::string::npos);
}

TEST_F(Panel, KiosksPageNamesKiosksAndListsARevokedOneAsRevokedNotSilent)
{
    const std::string enrolment = m_server->dir() + "/hol-2.enrol";
    ASSERT_EQ(m_server->admin({"enrol-kiosk", "--id", "hol-2", "--name", "Hol <b>II</b>", "--url",
                               "https://127.0.0.1:" + std::to_string(m_server->port()), "--ca", m_ca.caCert(), "--out",
                               enrolment}),
              0);
    ASSERT_EQ(m_server->admin({"revoke-kiosk", "hol-2"}), 0);
    auto b = loggedIn();
    auto page = b->get("/panel/kiosks");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const std::string& body = page->body;
    const std::size_t revokedList = body.find("<caption>Kioski wyłączone (1)</caption>");
    ASSERT_NE(revokedList, std::string::npos) << body;
    // The kiosk in service stays in the health table; the revoked one is only in its own list,
    // by id and escaped name, as revoked, and not counted as silent.
    const std::size_t active = body.find("<th scope=\"row\">kiosk-1</th>");
    ASSERT_NE(active, std::string::npos) << body;
    EXPECT_LT(active, revokedList);
    const std::size_t revoked =
        body.find("<th scope=\"row\">hol-2</th><td>Hol &lt;b&gt;II&lt;/b&gt;</td><td>wyłączony ");
    EXPECT_NE(revoked, std::string::npos) << body;
    EXPECT_GT(revoked, revokedList);
    EXPECT_EQ(body.find("hol-2"), revoked + std::string("<th scope=\"row\">").size()) << body;
    EXPECT_EQ(body.find("<b>II</b>"), std::string::npos);
    EXPECT_EQ(body.find("brak sygnału", revokedList), std::string::npos);
}

TEST_F(Panel, MonitoringCsvCountsWhatKiosksSent)
{
    std::vector<protocol::Event> events;
    for (int i = 0; i < 3; ++i)
    {
        auto u = usage(domain::UsageKind::ServiceViewed);
        u.serviceId = "lapy-wypozyczalnia";
        events.push_back(protocol::makeUsageEvent(u));
    }
    auto viewedOther = usage(domain::UsageKind::ServiceViewed);
    viewedOther.serviceId = "lapy-cas";
    events.push_back(protocol::makeUsageEvent(viewedOther));
    for (int rating : {5, 4})
    {
        auto u = usage(domain::UsageKind::Rating);
        u.rating = rating;
        events.push_back(protocol::makeUsageEvent(u));
    }
    auto idea = usage(domain::UsageKind::Idea);
    idea.area = domain::Area::Disability;
    idea.text = "Więcej wózków";
    events.push_back(protocol::makeUsageEvent(idea));
    const auto first = callback("600100230", today(), domain::DayPart::Morning);
    const auto second = callback("600100231", today(), domain::DayPart::Morning);
    events.push_back(protocol::makeCallbackRequested(first));
    events.push_back(protocol::makeCallbackRequested(second));
    send(events);

    auto b = loggedIn();
    ASSERT_EQ(b->post("/panel/callbacks/attempt", {{"id", first.id}, {"outcome", "done"}})->status, 303);
    const std::string period = "from=" + today().plusDays(-1).iso() + "&to=" + today().iso();
    auto csv = b->get("/panel/monitoring.csv?" + period);
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200) << csv->body;
    EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
    const std::string& body = csv->body;
    ASSERT_EQ(body.rfind("\xEF\xBB\xBFSekcja;Wskaźnik;Szczegół;Wartość\r\n", 0), 0U) << body.substr(0, 60);
    auto has = [&](const std::string& line)
    {
        return body.find("\r\n" + line + "\r\n") != std::string::npos;
    };
    EXPECT_TRUE(has("Prośby o telefon;Zgłoszone;;2")) << body;
    EXPECT_TRUE(has("Prośby o telefon;Załatwione (rozmowa odbyta);;1")) << body;
    EXPECT_TRUE(has("Prośby o telefon;Próby połączeń;;1")) << body;
    EXPECT_TRUE(has("Korzystanie z kiosków;Najczęściej oglądane usługi;lapy-wypozyczalnia;3")) << body;
    EXPECT_TRUE(has("Korzystanie z kiosków;Najczęściej oglądane usługi;lapy-cas;1")) << body;
    EXPECT_LT(body.find("lapy-wypozyczalnia;3"), body.find("lapy-cas;1"));
    EXPECT_TRUE(has("Zadowolenie (oceny 1–5);Liczba ocen;prośba o telefon;2")) << body;
    EXPECT_TRUE(has("Zadowolenie (oceny 1–5);Średnia ocena;prośba o telefon;4,50")) << body;
    EXPECT_TRUE(has("Skrzynka pomysłów;Liczba pomysłów;6. wspieranie osób niepełnosprawnych;1")) << body;
    // The idea's text is personal-ish free text: counted, never exported.
    EXPECT_EQ(body.find("Więcej wózków"), std::string::npos);

    // A period before any of it counts nothing; a reversed period is refused.
    auto empty = b->get("/panel/monitoring.csv?from=2001-01-01&to=2001-01-31");
    ASSERT_TRUE(empty);
    EXPECT_NE(empty->body.find("\r\nProśby o telefon;Zgłoszone;;0\r\n"), std::string::npos);
    auto reversed = b->get("/panel/monitoring.csv?from=" + today().iso() + "&to=2001-01-01");
    ASSERT_TRUE(reversed);
    EXPECT_EQ(reversed->status, 400);
    auto html = b->get("/panel/monitoring?" + period);
    ASSERT_TRUE(html);
    EXPECT_NE(html->body.find("<th scope=\"row\">Zgłoszone</th>"), std::string::npos);
}

TEST_F(Panel, AUnitLentTwiceByTwoOfflineKiosksIsAConflictOnTheReservationsPage)
{
    std::string token2;
    ASSERT_EQ(m_server->admin({"add-kiosk", "kiosk-drugi"}, &token2), 0);
    while (!token2.empty() && (token2.back() == '\n' || token2.back() == '\r'))
        token2.pop_back();
    ASSERT_FALSE(token2.empty());

    auto loanOf = [](const std::string& name, const std::string& phone)
    {
        domain::Loan l;
        l.id = newUuid();
        l.inventoryNumber = "TST-WT-001";
        l.typeId = "wozek-testowy";
        l.borrower = {name, phone, {}};
        l.start = today();
        l.due = today().plusDays(14);
        l.staffId = "st-desk";
        l.createdAt = static_cast<std::int64_t>(std::time(nullptr));
        return l;
    };
    // Both kiosks were offline and each lent the same wheelchair; their outboxes arrive later.
    const auto first = loanOf("Jan Kowalski", "600100300");
    const auto second = loanOf("Ewa Nowak", "600100301");
    send({protocol::makeLoanCheckedOut(first)});
    // The server notices a kiosk added while serving on the next reload (at most once a second).
    int status = 0;
    for (int attempt = 0; attempt < 30 && status != 200; ++attempt)
    {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", m_server->port());
        c->set_ca_cert_path(m_ca.caCert().c_str());
        c->enable_server_certificate_verification(true);
        c->set_default_headers({{"Authorization", "Bearer " + token2}});
        auto r = c->Post("/api/v1/events", protocol::encodeEventBatch({protocol::makeLoanCheckedOut(second)}),
                         "application/json");
        ASSERT_TRUE(r);
        status = r->status;
        if (status == 200)
        {
            auto results = protocol::decodeEventResults(r->body);
            ASSERT_TRUE(results.ok());
            // A loan is a fact at the desk: it is applied, not refused.
            EXPECT_EQ((*results)[0].status, protocol::EventStatus::Applied) << r->body;
        }
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ASSERT_EQ(status, 200);
    EXPECT_EQ(count(m_server->databasePath(),
                    "SELECT COUNT(*) FROM conflicts WHERE kind = 'unit-lent-twice' AND entity = 'loan' AND "
                    "entity_id = '" +
                        second.id + "' AND resolved_at IS NULL"),
              1);

    auto b = loggedIn();
    auto page = b->get("/panel/reservations");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const auto table = page->body.find("Konflikty z kiosków pracujących offline");
    ASSERT_NE(table, std::string::npos);
    const std::string rest = page->body.substr(table);
    EXPECT_EQ(rest.find("Brak nierozwiązanych konfliktów"), std::string::npos);
    const auto row = rest.find("unit-lent-twice");
    ASSERT_NE(row, std::string::npos) << rest;
    const std::string line = rest.substr(row, rest.find("</tr>", row) - row);
    EXPECT_NE(line.find(second.id), std::string::npos) << line;     // which loan
    EXPECT_NE(line.find("TST-WT-001"), std::string::npos) << line;  // which unit
    EXPECT_NE(line.find("kiosk-drugi"), std::string::npos) << line; // which kiosk
    EXPECT_NE(line.find("/panel/conflicts/resolve"), std::string::npos) << line;

    // Marking it resolved takes it off the list.
    const std::string conflictId =
        std::to_string(count(m_server->databasePath(), "SELECT id FROM conflicts WHERE kind = 'unit-lent-twice'"));
    auto resolved = b->post("/panel/conflicts/resolve", {{"id", conflictId}});
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved->status, 303);
    EXPECT_EQ(resolved->get_header_value("Location"), "/panel/reservations?msg=resolved");
    auto after = b->get("/panel/reservations");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->body.find("unit-lent-twice"), std::string::npos);
}

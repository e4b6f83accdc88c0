// The public catalogue (/public/…) against the real okienko-central behind its nginx front, with the
// shipped Łapy catalogue: every page in pl/uk/en without a login, search with and without
// diacritics, the fee calculator's GET form and JSON route against shared/rules, ETag and 304, CORS,
// the rate limit, JSON errors, a walk of every public route over a database holding residents'
// personal data (the release fixture's rows and a contact-form request) in which none of it appears,
// and the contact form landing in the coordinators' callback queue with its spam defence.
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/database.hpp"
#include "shared/db/query.hpp"
#include "shared/rules/fee.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/public/partner_form_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/db_fixture.hpp"
#include "tests/support/test_ca.hpp"

#include <array>
#include <chrono>
#include <csignal>
#include <deque>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::TestCa;

namespace
{
const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
constexpr const char* kPassword = "haslo-koordynatora-2";
constexpr const char* kAllowedOrigin = "https://cus.lapy.example";
const char* const kLanguages[] = {"pl", "uk", "en"};

/// Personal data a walk of the public routes must never show: the release fixture's residents
/// (reservations, counselling, callbacks, loans, call notes) and the contact form's request below.
const char* const kPersonal[] = {"Jan Testowy",       "600 100 200", "600100200",       "Przykładowa 1",
                                 "Anna Przykładowa",  "600 300 400", "600300400",       "600 500 600",
                                 "600500600",         "600 700 800", "600700800",       "Zenobiusz",
                                 "601234567",         "601 234 567", "zenobiusz.tajny", "Sekretna sprawa Zenobiusza",
                                 "Zenobia Kontaktowa"};

std::string lapyJson()
{
    return test::readFile(kAssets + "/catalog/lapy.json");
}

std::unique_ptr<httplib::SSLClient> client(int port, const std::string& caPath)
{
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    c->set_ca_cert_path(caPath.c_str());
    c->enable_server_certificate_verification(true);
    c->set_connection_timeout(5, 0);
    c->set_read_timeout(30, 0);
    return c;
}

std::int64_t countRows(const std::string& dbPath, const std::string& sql)
{
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dbPath, o);
    if (!d)
        return -1;
    auto n = db::queryInt64(*d, sql);
    return n && n->has_value() ? **n : -1;
}

/// The hidden token of the contact form in `page`.
std::string formToken(const std::string& page)
{
    std::smatch m;
    return std::regex_search(page, m, std::regex("name=\"token\" value=\"([^\"]+)\"")) ? m[1].str() : "";
}

std::string formEncode(const std::map<std::string, std::string>& form)
{
    return test::formEncode(form);
}

class PublicSite : public ::testing::Test
{
  protected:
    /// `extraToml` goes after the [public] table of the default server.
    void start(const std::string& publicToml, bool withFixtureData = false)
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca, "[public]\n" + publicToml);
        if (withFixtureData)
        {
            ASSERT_TRUE(test::loadDump("server-0.1.0.dump", m_server->databasePath()));
        }
        ASSERT_FALSE(m_server->prepare(lapyJson()).empty()) << test::readFile(m_server->dir() + "/admin.log");
        ASSERT_FALSE(test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword).empty());
        ASSERT_TRUE(m_server->start()) << test::readFile(m_server->logPath());
        m_client = client(m_server->port(), m_ca.caCert());
    }

    void startDefault(bool withFixtureData = false)
    {
        start("cors_origins = [\"" + std::string(kAllowedOrigin) +
                  "\"]\nrequests_per_second = 10000\nburst = 10000\ncontact_min_seconds = 1\ncontact_per_hour = 100\n",
              withFixtureData);
    }

    httplib::Result get(const std::string& path, const httplib::Headers& headers = {})
    {
        return m_client->Get(path, headers);
    }

    httplib::Result postContact(const std::string& lang, std::map<std::string, std::string> form)
    {
        return m_client->Post("/public/" + lang + "/contact", formEncode(form), "application/x-www-form-urlencoded");
    }

    /// A token from the contact page, old enough to be accepted (contact_min_seconds = 1).
    std::string agedToken(const std::string& lang = "pl")
    {
        auto page = get("/public/" + lang + "/contact");
        EXPECT_TRUE(page && page->status == 200);
        const std::string token = page ? formToken(page->body) : "";
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        return token;
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::unique_ptr<httplib::SSLClient> m_client;
};

TEST_F(PublicSite, EveryPageAnswersInEveryLanguageWithoutALogin)
{
    startDefault();
    for (const char* lang : kLanguages)
        for (const std::string path : {"", "area/06-niepelnosprawnosc", "group/seniors", "search?q=wozek",
                                       "service/lapy-wypozyczalnia", "fee", "contact"})
        {
            auto r = get("/public/" + std::string(lang) + "/" + path);
            ASSERT_TRUE(r) << path;
            EXPECT_EQ(r->status, 200) << lang << " " << path;
            EXPECT_NE(r->body.find("<html lang=\"" + std::string(lang) + "\">"), std::string::npos) << path;
            EXPECT_NE(r->body.find("<main id=\"tresc\""), std::string::npos) << path;
            EXPECT_NE(r->body.find("class=\"skip\" href=\"#tresc\""), std::string::npos) << path;
            EXPECT_EQ(r->get_header_value("Set-Cookie"), "") << path;
            const std::string csp = r->get_header_value("Content-Security-Policy");
            EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << path;
            EXPECT_EQ(csp.find("script-src"), std::string::npos) << path;
            EXPECT_EQ(r->body.find("<script"), std::string::npos) << path;
        }
    auto home = get("/public/uk/");
    ASSERT_TRUE(home);
    // The 14 areas and the target groups in Ukrainian, "ЦСП" for the centre's words.
    EXPECT_NE(home->body.find("Соціальна допомога"), std::string::npos);
    EXPECT_NE(home->body.find("Люди похилого віку (60+)"), std::string::npos);
    int areaLinks = 0;
    for (auto at = home->body.find("href=\"/public/uk/area/"); at != std::string::npos;
         at = home->body.find("href=\"/public/uk/area/", at + 1))
        ++areaLinks;
    EXPECT_EQ(areaLinks, 14);
    auto css = get("/public/static/public.css");
    ASSERT_TRUE(css);
    EXPECT_EQ(css->status, 200);
    EXPECT_NE(css->body.find("@media print"), std::string::npos);
    auto root = get("/public");
    ASSERT_TRUE(root);
    EXPECT_EQ(root->status, 303);
    EXPECT_EQ(root->get_header_value("Location"), "/public/pl/");
    auto unknown = get("/public/pl/service/no-such-service");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    // The kiosk API still wants its token.
    auto api = get("/api/v1/changes");
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 401);
}

TEST_F(PublicSite, ServicePagesShowEveryFieldAndNeverTheCoordinatorsNote)
{
    startDefault();
    auto catalog = catalog::parseCatalog(lapyJson());
    ASSERT_TRUE(catalog.ok());
    int withNotes = 0;
    for (const auto& s : catalog->services)
    {
        auto page = get("/public/pl/service/" + s.id);
        ASSERT_TRUE(page);
        ASSERT_EQ(page->status, 200) << s.id;
        // The first line of each filled field is on the page (escaped as the page escapes it).
        for (const auto* field : {&s.deliveredBy, &s.place, &s.hours, &s.eligibility, &s.qualificationMode,
                                  &s.documents, &s.personalData, &s.capacity, &s.contact})
        {
            const std::string line = field->pl.substr(0, field->pl.find('\n')).substr(0, 30);
            if (line.find_first_of("<>&\"'") != std::string::npos || line.empty())
                continue;
            EXPECT_NE(page->body.find(line), std::string::npos) << s.id << ": " << line;
        }
        if (!s.internalNote.empty())
        {
            ++withNotes;
            EXPECT_EQ(page->body.find(s.internalNote.substr(0, 40)), std::string::npos) << s.id;
            auto json = get("/public/api/v1/services/" + s.id);
            ASSERT_TRUE(json);
            EXPECT_EQ(json->body.find("internal_note"), std::string::npos);
        }
    }
    auto home = get("/public/pl/");
    ASSERT_TRUE(home);
    if (!catalog->municipality.internalNote.empty())
    {
        EXPECT_EQ(home->body.find(catalog->municipality.internalNote.substr(0, 40)), std::string::npos);
    }
    RecordProperty("services_with_internal_notes", withNotes);
}

TEST_F(PublicSite, SearchFindsTheSameWithAndWithoutDiacritics)
{
    startDefault();
    for (const char* lang : kLanguages)
    {
        auto plain = get("/public/" + std::string(lang) + "/search?q=wozek");
        auto folded = get("/public/" + std::string(lang) + "/search?q=w%C3%B3zek");
        ASSERT_TRUE(plain && folded);
        EXPECT_EQ(plain->status, 200);
        const auto results = [](const std::string& body)
        {
            return body.substr(body.find("id=\"wyniki\""));
        };
        EXPECT_EQ(results(plain->body), results(folded->body)) << lang;
        EXPECT_NE(plain->body.find("href=\"/public/" + std::string(lang) + "/service/lapy-wypozyczalnia\""),
                  std::string::npos)
            << lang;
    }
    auto a = get("/public/api/v1/search?q=wozek");
    auto b = get("/public/api/v1/search?q=W%C3%B3ZEK");
    ASSERT_TRUE(a && b);
    auto ja = nlohmann::json::parse(a->body);
    auto jb = nlohmann::json::parse(b->body);
    EXPECT_EQ(ja["results"], jb["results"]);
    EXPECT_GE(ja["results"].size(), 2U);
    auto none = get("/public/pl/search?q=zzzyxq");
    ASSERT_TRUE(none);
    EXPECT_NE(none->body.find("Znalezione usługi: 0"), std::string::npos);
}

TEST_F(PublicSite, FeeCalculatorFormAndApiGiveTheKiosksRules)
{
    startDefault();
    auto catalog = catalog::parseCatalog(lapyJson());
    ASSERT_TRUE(catalog.ok());
    const domain::Service* sheltered = catalog->findService("lapy-mieszkanie-chronione");
    ASSERT_NE(sheltered, nullptr);
    const domain::FeeTable* table = catalog->findFeeTable(sheltered->fee.feeTableId);
    ASSERT_NE(table, nullptr);
    const std::pair<const char*, std::int64_t> incomes[] = {{"1010", 101000},    {"1010,01", 101001}, {"1515", 151500},
                                                            {"1515,01", 151501}, {"3000", 300000},    {"5050", 505000},
                                                            {"5050,01", 505001}, {"823", 82300},      {"4115", 411500}};
    for (const auto& [typed, grosze] : incomes)
        for (const auto& [household, type] : {std::pair{"single", rules::HouseholdType::Single},
                                              std::pair{"family", rules::HouseholdType::FamilyMember}})
        {
            auto expected = rules::assessShelteredHousingFee(*table, grosze, type);
            ASSERT_TRUE(expected.ok());
            const std::string query = "service=lapy-mieszkanie-chronione&household=" + std::string(household) +
                                      "&income=" + std::string(typed);
            auto json = get("/public/api/v1/fee?" + query);
            ASSERT_TRUE(json);
            ASSERT_EQ(json->status, 200) << json->body;
            auto j = nlohmann::json::parse(json->body);
            EXPECT_EQ(j["share_percent"], expected->sharePercent) << typed << " " << household;
            EXPECT_EQ(j["income_percent"], expected->incomePercent) << typed << " " << household;
            EXPECT_EQ(j["income_grosze"], grosze);
            const char* outcome = expected->outcome == rules::FeeOutcome::Free           ? "free"
                                  : expected->outcome == rules::FeeOutcome::ShareOfCosts ? "share-of-costs"
                                                                                         : "decided-individually";
            EXPECT_EQ(j["outcome"], outcome) << typed << " " << household;

            auto page = get("/public/pl/fee?" + query);
            ASSERT_TRUE(page);
            EXPECT_EQ(page->status, 200);
            std::string sentence;
            if (expected->outcome == rules::FeeOutcome::Free)
                sentence = "Pobyt w mieszkaniu chronionym będzie bezpłatny.";
            else if (expected->outcome == rules::FeeOutcome::ShareOfCosts)
                sentence = "Miesięczna odpłatność: " + std::to_string(expected->sharePercent) + "% kosztów";
            else
                sentence = "odpłatność ustala się indywidualnie";
            EXPECT_NE(page->body.find(sentence), std::string::npos) << typed << " " << household;
            EXPECT_NE(page->body.find((expected->incomePercentExact ? "Twój dochód to " : "Twój dochód to ponad ") +
                                      std::to_string(expected->incomePercent) + "% kryterium"),
                      std::string::npos)
                << typed << " " << household;
        }
    auto bad = get("/public/uk/fee?service=lapy-mieszkanie-chronione&household=single&income=abc");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_NE(bad->body.find("Введіть дохід у злотих"), std::string::npos);
    EXPECT_NE(bad->body.find("aria-invalid=\"true\""), std::string::npos);
}

TEST_F(PublicSite, JsonApiEtagCorsAndPreciseErrors)
{
    startDefault();
    auto first = get("/public/api/v1/services");
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200);
    const std::string etag = first->get_header_value("ETag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(nlohmann::json::parse(first->body)["services"].size(), 22U);
    auto again = get("/public/api/v1/services", {{"If-None-Match", etag}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
    auto other = get("/public/api/v1/services", {{"If-None-Match", "\"something-else\""}});
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 200);

    auto allowed = get("/public/api/v1/areas", {{"Origin", kAllowedOrigin}});
    ASSERT_TRUE(allowed);
    EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);
    EXPECT_EQ(nlohmann::json::parse(allowed->body)["areas"].size(), 14U);
    auto stranger = get("/public/api/v1/areas", {{"Origin", "https://evil.example"}});
    ASSERT_TRUE(stranger);
    EXPECT_EQ(stranger->status, 200);
    EXPECT_FALSE(stranger->has_header("Access-Control-Allow-Origin"));
    auto preflight = m_client->Options("/public/api/v1/areas",
                                       {{"Origin", kAllowedOrigin}, {"Access-Control-Request-Method", "GET"}});
    ASSERT_TRUE(preflight);
    EXPECT_EQ(preflight->status, 204);
    EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);

    const std::tuple<const char*, int, const char*> cases[] = {
        {"/public/api/v1/services/no-such-service", 404, "unknown_service"},
        {"/public/api/v1/services?area=15-nic", 400, "bad_area"},
        {"/public/api/v1/services?group=martians", 400, "bad_group"},
        {"/public/api/v1/services?colour=red", 400, "unknown_parameter"},
        {"/public/api/v1/search", 400, "missing_query"},
        {"/public/api/v1/search?q=wozek&lang=de", 400, "bad_lang"},
        {"/public/api/v1/search?q=wozek&limit=0", 400, "bad_limit"},
        {"/public/api/v1/fee?service=lapy-mieszkanie-chronione&household=single&income=12e3", 400, "bad_income"},
        {"/public/api/v1/fee?service=lapy-mieszkanie-chronione&household=couple&income=1000", 400, "bad_household"},
        {"/public/api/v1/fee?service=lapy-wypozyczalnia&household=single&income=1000", 400, "no_fee_table"},
        {"/public/api/v1/fee?service=nope&household=single&income=1000", 404, "unknown_service"},
        {"/public/api/v1/nothing-here", 404, "not_found"},
    };
    for (const auto& [path, status, code] : cases)
    {
        auto r = get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, status) << path << " " << r->body;
        auto j = nlohmann::json::parse(r->body, nullptr, false);
        ASSERT_FALSE(j.is_discarded()) << path;
        EXPECT_EQ(j["error"]["code"], code) << path;
        EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << path;
    }
    auto post = m_client->Post("/public/api/v1/services", "{}", "application/json");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
}

TEST_F(PublicSite, AClientOverItsRateGets429WithRetryAfter)
{
    start("requests_per_second = 0.01\nburst = 5\n");
    int answered = 0;
    for (int i = 0; i < 5; ++i)
    {
        auto r = get("/public/api/v1/areas");
        ASSERT_TRUE(r);
        answered += r->status == 200 ? 1 : 0;
    }
    EXPECT_EQ(answered, 5);
    auto last = get("/public/api/v1/areas");
    ASSERT_TRUE(last);
    EXPECT_EQ(last->status, 429);
    EXPECT_GE(std::stoi(last->get_header_value("Retry-After")), 1);
    EXPECT_EQ(nlohmann::json::parse(last->body)["error"]["code"], "rate_limited");
    auto page = get("/public/uk/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 429);
    EXPECT_NE(page->body.find("Забагато запитів"), std::string::npos);
}

TEST_F(PublicSite, TheContactFormLandsInTheCallbackQueueOnceAndRefusesRobots)
{
    startDefault();
    const std::string db = m_server->databasePath();
    const std::string token = agedToken();
    ASSERT_FALSE(token.empty());
    const std::map<std::string, std::string> form{{"token", token},
                                                  {"name", "Zenobiusz"},
                                                  {"phone", "601 234 567"},
                                                  {"email", "zenobiusz.tajny@Example.PL"},
                                                  {"service", "lapy-wypozyczalnia"},
                                                  {"topic", "Sekretna sprawa Zenobiusza"},
                                                  {"day_part", "afternoon"},
                                                  {"consent", "yes"},
                                                  {"website", ""}};
    auto sent = postContact("pl", form);
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303) << sent->body;
    EXPECT_EQ(sent->get_header_value("Location").rfind("/public/pl/contact/sent?code=T-", 0), 0U);
    // A double submit (the same form sent twice) updates the open request instead of adding one.
    auto twice = postContact("pl", form);
    ASSERT_TRUE(twice);
    ASSERT_EQ(twice->status, 303);
    EXPECT_NE(twice->get_header_value("Location").find("merged=1"), std::string::npos);
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM callback_requests"), 1);
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM callback_requests c JOIN kiosks k ON k.id = c.kiosk_id WHERE "
                            "k.kind = 'web' AND c.phone = '601234567' AND c.email = 'zenobiusz.tajny@example.pl' AND "
                            "c.day_part = 'afternoon' AND c.topic_service_id = 'lapy-wypozyczalnia'"),
              1);
    auto done = get(sent->get_header_value("Location"));
    ASSERT_TRUE(done);
    EXPECT_NE(done->body.find("Przyjęliśmy Twoją prośbę"), std::string::npos);

    // Robots: a filled honeypot, a form sent at once, a forged token. Nothing is stored.
    auto honeypot = form;
    honeypot["website"] = "http://spam.example";
    honeypot["phone"] = "602 000 001";
    auto trapped = postContact("pl", honeypot);
    ASSERT_TRUE(trapped);
    EXPECT_EQ(trapped->status, 400);
    auto fresh = get("/public/en/contact");
    ASSERT_TRUE(fresh);
    auto fast = form;
    fast["token"] = formToken(fresh->body);
    fast["phone"] = "602 000 002";
    auto tooFast = postContact("en", fast);
    ASSERT_TRUE(tooFast);
    EXPECT_EQ(tooFast->status, 400);
    EXPECT_NE(tooFast->body.find("The form was sent too quickly"), std::string::npos);
    auto forged = form;
    forged["token"] = "1700000000.00112233";
    forged["phone"] = "602 000 003";
    auto refused = postContact("pl", forged);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400);
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM callback_requests"), 1);

    // Precise reasons in the page's language, the typed values kept.
    auto invalid = postContact("uk", {{"token", token}, {"name", "Ol3g"}, {"email", "oleg@"}, {"topic", "?"}});
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->status, 400);
    EXPECT_NE(invalid->body.find("не можуть містити цифр"), std::string::npos);
    EXPECT_NE(invalid->body.find("Адреса електронної пошти неправильна"), std::string::npos);
    EXPECT_NE(invalid->body.find("Текст закороткий"), std::string::npos);
    EXPECT_NE(invalid->body.find("Позначте згоду"), std::string::npos);
    EXPECT_NE(invalid->body.find("value=\"Ol3g\""), std::string::npos);
    auto neither = postContact("pl", {{"token", token}, {"name", "Ola"}, {"topic", "Pytanie"}, {"consent", "yes"}});
    ASSERT_TRUE(neither);
    EXPECT_NE(neither->body.find("Podaj numer telefonu albo adres e-mail"), std::string::npos);
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM callback_requests"), 1);

    // The coordinator sees it in the callbacks queue, marked as the web form's.
    PanelClient coordinator(m_server->port(), m_ca.caCert());
    auto login = coordinator.login("Anna Koordynator", kPassword);
    ASSERT_TRUE(login);
    auto queue = coordinator.get("/panel/callbacks");
    ASSERT_TRUE(queue);
    EXPECT_EQ(queue->status, 200);
    EXPECT_NE(queue->body.find("formularz WWW"), std::string::npos);
    EXPECT_NE(queue->body.find("Zenobiusz"), std::string::npos);
    EXPECT_NE(queue->body.find("Sekretna sprawa Zenobiusza"), std::string::npos);
    EXPECT_NE(queue->body.find("zenobiusz.tajny@example.pl"), std::string::npos);
    // The web form's row is no kiosk: the kiosks page does not list it.
    auto kiosks = coordinator.get("/panel/kiosks");
    ASSERT_TRUE(kiosks);
    EXPECT_EQ(kiosks->body.find("formularz WWW"), std::string::npos);
    // Nothing the resident typed is in the server's log.
    const std::string log = test::readFile(m_server->logPath());
    for (const char* secret : {"Zenobiusz", "601234567", "601 234 567", "zenobiusz.tajny", "Sekretna"})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}

TEST_F(PublicSite, APerAddressLimitStopsAFloodOfContactForms)
{
    start("requests_per_second = 10000\nburst = 10000\ncontact_min_seconds = 0\ncontact_per_hour = 2\n");
    for (int i = 0; i < 3; ++i)
    {
        auto page = get("/public/pl/contact");
        ASSERT_TRUE(page);
        auto r = postContact("pl", {{"token", formToken(page->body)},
                                    {"name", "Ola"},
                                    {"phone", "60200010" + std::to_string(i)},
                                    {"topic", "Pytanie"},
                                    {"consent", "yes"}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, i < 2 ? 303 : 429) << i;
        if (i == 2)
        {
            EXPECT_FALSE(r->get_header_value("Retry-After").empty());
            EXPECT_NE(r->body.find("Z tego adresu wysłano już wiele zgłoszeń"), std::string::npos);
        }
    }
    EXPECT_EQ(countRows(m_server->databasePath(), "SELECT COUNT(*) FROM callback_requests"), 2);
}

TEST_F(PublicSite, NoPersonalDataOnAnyPublicRoute)
{
    startDefault(/*withFixtureData=*/true);
    const std::string db = m_server->databasePath();
    // The fixture's residents are in the database the public routes read from…
    ASSERT_GE(countRows(db, "SELECT COUNT(*) FROM reservations WHERE person_name = 'Jan Testowy'"), 1);
    ASSERT_GE(countRows(db, "SELECT COUNT(*) FROM callback_requests WHERE phone <> ''"), 2);
    // …and a request of the contact form too.
    auto sent = postContact("pl", {{"token", agedToken()},
                                   {"name", "Zenobiusz"},
                                   {"phone", "601 234 567"},
                                   {"email", "zenobiusz.tajny@example.pl"},
                                   {"topic", "Sekretna sprawa Zenobiusza"},
                                   {"consent", "yes"}});
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303);
    // …and an approved partner institution whose contact person is not marked public.
    auto partner = test::sendPartnerForm(*m_client, "pl", test::registrationForm("pl", "Zenobia Kontaktowa"));
    ASSERT_TRUE(partner);
    ASSERT_EQ(partner->status, 303);
    PanelClient coordinator(m_server->port(), m_ca.caCert());
    ASSERT_TRUE(coordinator.login("Anna Koordynator", kPassword));
    ASSERT_TRUE(coordinator.get("/panel/partners")); // the page whose form carries the CSRF token
    auto approved =
        coordinator.postMultipart("/panel/partners/institution/approve", {{"id", "fundacja-dobrzy-sasiedzi"}});
    ASSERT_TRUE(approved);
    ASSERT_EQ(approved->status, 200);

    // Walk every link of the public pages from each language's home, every JSON route, and the
    // pages and answers a query makes.
    std::deque<std::string> queue{"/public/pl/",
                                  "/public/uk/",
                                  "/public/en/",
                                  "/public/pl/contact/sent?code=T-1",
                                  "/public/pl/search?q=jan",
                                  "/public/pl/search?q=ewa",
                                  "/public/pl/search?q=600",
                                  "/public/uk/fee?service=lapy-mieszkanie-chronione&income=1000"};
    for (const std::string route :
         {"areas", "groups", "services", "centre", "search?q=jan", "search?q=testowy", "search?q=600", "institutions",
          "institutions/fundacja-dobrzy-sasiedzi", "fee?service=lapy-mieszkanie-chronione&household=family&income=900"})
        queue.push_back("/public/api/v1/" + route);
    auto services = get("/public/api/v1/services");
    ASSERT_TRUE(services);
    for (const auto& s : nlohmann::json::parse(services->body)["services"])
        queue.push_back("/public/api/v1/services/" + s["id"].get<std::string>());
    std::set<std::string> seen(queue.begin(), queue.end());
    int walked = 0;
    const std::regex link("href=\"(/public/[^\"#]*)\"");
    while (!queue.empty())
    {
        const std::string path = queue.front();
        queue.pop_front();
        auto r = get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_TRUE(r->status == 200 || r->status == 303) << path << " " << r->status;
        ++walked;
        for (const char* personal : kPersonal)
            EXPECT_EQ(r->body.find(personal), std::string::npos) << personal << " on " << path;
        for (auto it = std::sregex_iterator(r->body.begin(), r->body.end(), link); it != std::sregex_iterator(); ++it)
        {
            std::string next = (*it)[1].str();
            for (std::size_t at = next.find("&amp;"); at != std::string::npos; at = next.find("&amp;"))
                next.replace(at, 5, "&");
            if (seen.insert(next).second)
                queue.push_back(next);
        }
    }
    // 3 languages × (home, 14 areas, 9 groups, 22 services, search, fee, contact) and the API.
    EXPECT_GE(walked, 3 * (1 + 14 + 9 + 22 + 3) + 30);
    RecordProperty("routes_walked", walked);
}

} // namespace

// Decision 0012: the public pages and their JSON list the catalogue's active areas — an area the
// catalogue adds with its own names and page, one it retires off the list — and keep the act's
// areas as they were.
TEST_F(PublicSite, TheCatalogueAddsAnAreaAndRetiresOne)
{
    std::signal(SIGPIPE, SIG_IGN);
    ASSERT_TRUE(m_ca.make()) << m_ca.error();
    m_server = std::make_unique<CentralProcess>(m_ca, "[public]\nrequests_per_second = 10000\nburst = 10000\n");
    nlohmann::ordered_json file = nlohmann::ordered_json::parse(lapyJson());
    nlohmann::ordered_json areas = nlohmann::ordered_json::array();
    const std::vector<std::array<const char*, 4>> act{
        {"01-prorodzinna", "Polityka prorodzinna", "Сімейна політика", "Pro-family policy"},
        {"02-wspieranie-rodziny", "Wspieranie rodziny", "Підтримка сім’ї", "Family support"},
        {"03-piecza-zastepcza", "System pieczy zastępczej", "Система прийомної опіки", "Foster care system"},
        {"04-pomoc-spoleczna", "Pomoc społeczna", "Соціальна допомога", "Social assistance"},
        {"05-zdrowie", "Promocja i ochrona zdrowia", "Зміцнення та охорона здоров’я", "Health promotion"},
        {"06-niepelnosprawnosc", "Wspieranie osób niepełnosprawnych", "Підтримка осіб з інвалідністю", "Disability"},
        {"07-edukacja", "Edukacja publiczna", "Публічна освіта", "Public education"},
        {"08-bezrobocie", "Przeciwdziałanie bezrobociu", "Протидія безробіттю", "Counteracting unemployment"},
        {"09-kultura", "Kultura", "Культура", "Culture"},
        {"10-sport-turystyka", "Kultura fizyczna i turystyka", "Фізична культура і туризм", "Sport"},
        {"11-aktywnosc-obywatelska", "Pobudzanie aktywności obywatelskiej", "Громадянська активність", "Civic"},
        {"12-mieszkalnictwo", "Mieszkalnictwo", "Житлова політика", "Housing"},
        {"13-srodowisko", "Ochrona środowiska", "Охорона довкілля", "Environmental protection"},
        {"14-reintegracja", "Reintegracja zawodowa i społeczna", "Реінтеграція", "Reintegration"}};
    for (const auto& [id, pl, uk, en] : act)
        areas.push_back({{"id", id}, {"name", {{"pl", pl}, {"uk", uk}, {"en", en}}}});
    areas[12]["retired"] = true;
    areas.push_back({{"id", "15-opieka-w-domu"},
                     {"name", {{"pl", "Opieka w domu"}, {"uk", "Догляд удома"}, {"en", "Care at home"}}},
                     {"pictogram", "05-zdrowie"}});
    file["areas"] = areas;
    for (auto& s : file["services"])
    {
        nlohmann::ordered_json kept = nlohmann::ordered_json::array();
        for (const auto& a : s["areas"])
            if (a != "13-srodowisko")
                kept.push_back(a);
        s["areas"] = kept;
        if (s["id"] == "lapy-uslugi-opiekuncze")
            s["areas"].push_back("15-opieka-w-domu");
    }
    ASSERT_FALSE(m_server->prepare(file.dump()).empty()) << test::readFile(m_server->dir() + "/admin.log");
    ASSERT_TRUE(m_server->start()) << test::readFile(m_server->logPath());
    m_client = client(m_server->port(), m_ca.caCert());

    auto home = get("/public/uk/");
    ASSERT_TRUE(home);
    ASSERT_EQ(home->status, 200);
    EXPECT_NE(home->body.find("href=\"/public/uk/area/15-opieka-w-domu\">Догляд удома</a>"), std::string::npos);
    EXPECT_EQ(home->body.find("/public/uk/area/13-srodowisko"), std::string::npos);
    EXPECT_NE(home->body.find("Соціальна допомога"), std::string::npos); // the act's areas as they were
    int areaLinks = 0;
    for (auto at = home->body.find("href=\"/public/uk/area/"); at != std::string::npos;
         at = home->body.find("href=\"/public/uk/area/", at + 1))
        ++areaLinks;
    EXPECT_EQ(areaLinks, 14); // 13 of the act and the added one

    auto page = get("/public/pl/area/15-opieka-w-domu");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<h1>Obszar: Opieka w domu</h1>"), std::string::npos);
    EXPECT_NE(page->body.find("/public/pl/service/lapy-uslugi-opiekuncze"), std::string::npos);
    auto service = get("/public/en/service/lapy-uslugi-opiekuncze");
    ASSERT_TRUE(service);
    EXPECT_NE(service->body.find(">Care at home</a>"), std::string::npos);
    auto unknown = get("/public/pl/area/16-nic");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);

    auto json = get("/public/api/v1/areas");
    ASSERT_TRUE(json);
    const auto list = nlohmann::json::parse(json->body)["areas"];
    ASSERT_EQ(list.size(), 14U);
    EXPECT_EQ(list.back()["code"], "15-opieka-w-domu");
    EXPECT_TRUE(list.back()["number"].is_null());
    EXPECT_EQ(list.back()["name"]["uk"], "Догляд удома");
    EXPECT_EQ(list[3]["number"], 4);
    auto services = get("/public/api/v1/services?area=15-opieka-w-domu");
    ASSERT_TRUE(services);
    ASSERT_EQ(services->status, 200);
    ASSERT_EQ(nlohmann::json::parse(services->body)["services"].size(), 1U);
}

// A second site's public pages and API (decision 0015): its own catalogue under /public/site/<id>/,
// every link inside it, its contact form's requests in its own callback queue; the default site's
// pages unchanged; an unknown site, or a page of the other site's catalogue, not found.
TEST_F(PublicSite, ASecondSitesPagesApiAndContactFormAreItsOwn)
{
    startDefault();
    const std::string db = m_server->databasePath();
    std::string out;
    ASSERT_EQ(m_server->admin({"site", "add", "starachowice", "--name", "CUS w Starachowicach"}, &out), 0) << out;
    ASSERT_EQ(
        m_server->admin({"import-catalog", kAssets + "/catalog/starachowice.json", "--site", "starachowice", "--apply"},
                        &out),
        0)
        << out;

    for (const char* lang : kLanguages)
    {
        auto home = get("/public/site/starachowice/" + std::string(lang) + "/");
        ASSERT_TRUE(home);
        ASSERT_EQ(home->status, 200) << lang;
        EXPECT_NE(home->body.find("/public/site/starachowice/" + std::string(lang) + "/service/st-uslugi-opiekuncze"),
                  std::string::npos)
            << lang;
        // Every link stays in the site (the stylesheet is shared); no partner desk of its own yet.
        EXPECT_EQ(home->body.find("href=\"/public/" + std::string(lang) + "/"), std::string::npos) << lang;
        EXPECT_EQ(home->body.find("/institutions"), std::string::npos) << lang;
        EXPECT_EQ(home->body.find("lapy-"), std::string::npos) << lang;
    }
    auto home = get("/public/site/starachowice/pl/");
    EXPECT_NE(home->body.find("Centrum Usług Społecznych w Starachowicach"), std::string::npos);
    EXPECT_EQ(home->body.find("Łapach"), std::string::npos);
    auto service = get("/public/site/starachowice/uk/service/st-uslugi-opiekuncze");
    ASSERT_TRUE(service);
    EXPECT_EQ(service->status, 200);
    auto otherSites = get("/public/site/starachowice/pl/service/lapy-wypozyczalnia");
    ASSERT_TRUE(otherSites);
    EXPECT_EQ(otherSites->status, 404);
    auto bare = get("/public/site/starachowice");
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->status, 303);
    EXPECT_EQ(bare->get_header_value("Location"), "/public/site/starachowice/pl/");
    for (const char* path : {"/public/site/nowhere/pl/", "/public/site/Nie_Ma/pl/", "/public/site/default/pl/"})
    {
        auto r = get(path);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 404) << path;
    }
    // The default site's pages are Łapy's as before.
    auto lapy = get("/public/pl/");
    ASSERT_TRUE(lapy);
    EXPECT_NE(lapy->body.find("lapy-wypozyczalnia"), std::string::npos);
    EXPECT_EQ(lapy->body.find("st-uslugi-opiekuncze"), std::string::npos);

    auto services = get("/public/api/v1/site/starachowice/services");
    ASSERT_TRUE(services);
    ASSERT_EQ(services->status, 200) << services->body;
    const auto json = nlohmann::json::parse(services->body);
    ASSERT_EQ(json["services"].size(), 22u);
    for (const auto& s : json["services"])
        EXPECT_EQ(s["url"]["pl"].get<std::string>().rfind("/public/site/starachowice/pl/service/", 0), 0u) << s;
    auto unknown = get("/public/api/v1/site/nowhere/services");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_NE(unknown->body.find("unknown_site"), std::string::npos);

    // Its contact form lands in its own callback queue.
    auto page = get("/public/site/starachowice/pl/contact");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const std::string token = formToken(page->body);
    ASSERT_FALSE(token.empty());
    EXPECT_NE(page->body.find("action=\"/public/site/starachowice/pl/contact\""), std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto sent = m_client->Post("/public/site/starachowice/pl/contact",
                               formEncode({{"token", token},
                                           {"name", "Zenobia"},
                                           {"phone", "603 111 222"},
                                           {"service", "st-uslugi-opiekuncze"},
                                           {"topic", "Opieka dla mamy"},
                                           {"day_part", "morning"},
                                           {"consent", "yes"},
                                           {"website", ""}}),
                               "application/x-www-form-urlencoded");
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303) << sent->body;
    EXPECT_EQ(sent->get_header_value("Location").rfind("/public/site/starachowice/pl/contact/sent?code=", 0), 0u);
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM callback_requests WHERE site_id = 'starachowice' AND phone = "
                            "'603111222' AND topic_service_id = 'st-uslugi-opiekuncze'"),
              1);
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM callback_requests WHERE site_id = 'default'"), 0);
}

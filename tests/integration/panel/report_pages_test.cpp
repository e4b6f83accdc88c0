// The programme's report served by the real okienko-central behind its front (TLS, test CA), in
// Europe/Warsaw: Łapy's year and Starachowice's quarter with every indicator of the shipped
// catalogue, the inline SVG charts under the panel's unchanged Content-Security-Policy (no script,
// no style attribute), the evidence rows, CSV and PDF, and a coordinator's edit and entered value
// through the real forms, each audited. Prints how long each report took to produce.
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/database.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <gtest/gtest.h>
#include <httplib.h>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::scalar;
using okienko::test::TestCa;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-3";
constexpr const char* kCsp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                             "frame-ancestors 'none'; base-uri 'none'";

void exec(const std::string& dbPath, const std::string& sql)
{
    auto d = db::Database::open(dbPath, {});
    ASSERT_TRUE(d);
    auto st = d->exec(sql);
    ASSERT_TRUE(st) << st.error().describe();
}

std::vector<std::string> indicatorNames(const std::string& file)
{
    auto list = catalog::loadCatalogIndicatorsFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/" + file);
    std::vector<std::string> names;
    if (list)
        for (const auto& i : *list)
            names.push_back(i.name);
    return names;
}

class ReportPages : public ::testing::Test
{
  protected:
    void start(const std::string& file)
    {
        std::signal(SIGPIPE, SIG_IGN);
        setenv("TZ", "Europe/Warsaw", 1); // the server inherits the CUS's zone
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca);
        const std::string catalogue =
            okienko::test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/" + file);
        ASSERT_FALSE(m_server->prepare(catalogue).empty()) << okienko::test::readFile(m_server->dir() + "/admin.log");
        m_staffId = okienko::test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword);
        ASSERT_FALSE(m_staffId.empty());
        ASSERT_TRUE(m_server->start()) << m_server->startError() << okienko::test::readFile(m_server->logPath());
        m_panel = std::make_unique<PanelClient>(m_server->port(), m_ca.caCert());
        auto r = m_panel->login("Anna Koordynator", kPassword);
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 303);
    }

    httplib::Result timedGet(const std::string& path, const char* what)
    {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = m_panel->get(path);
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
        std::printf("[ figures  ] %s: %lld ms\n", what, static_cast<long long>(ms));
        return r;
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::unique_ptr<PanelClient> m_panel;
    std::string m_staffId;
};
} // namespace

TEST_F(ReportPages, LapysYearWithEveryIndicatorChartsEvidenceCsvPdfAndAnAuditedEdit)
{
    start("lapy.json");
    const std::string db = m_server->databasePath();
    exec(db, "INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, duration_minutes) "
             "VALUES ('s1', '[]', 'Psycholog', '1', '2024-01-31', 600, 60), ('s2', '[]', 'Psycholog', '1', "
             "'2024-02-01', 600, 90), ('s3', '[]', 'Psycholog', '1', '2025-01-01', 600, 30)");
    exec(db, "INSERT INTO activity_sessions(date, kind, group_name, hours, participants, created_by, created_at) "
             "VALUES ('2024-03-05', 'cas_group', 'Szachy', 2.5, 7, 'st', 0)");

    auto page = timedGet("/panel/report?period=year&year=2024", "Łapy, year 2024, page");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200) << page->body.substr(0, 500);
    EXPECT_EQ(page->get_header_value("Content-Security-Policy"), kCsp);
    const std::string& body = page->body;
    EXPECT_NE(body.find("<h2>Centrum Usług Społecznych w Łapach</h2>"), std::string::npos);
    EXPECT_NE(body.find("okres: rok 2024 (2024-01-01 – 2024-12-31)"), std::string::npos);
    for (const auto& name : indicatorNames("lapy.json"))
        EXPECT_NE(body.find("<th scope=\"row\">" + name), std::string::npos) << name;
    EXPECT_NE(body.find("<svg class=\"chart\" role=\"img\" aria-labelledby=\"bars-title bars-desc\""),
              std::string::npos);
    EXPECT_NE(body.find("<title id=\"bars-title\">Wykonanie wobec wartości docelowej</title>"), std::string::npos);
    EXPECT_NE(body.find("Liczba godzin dyżurów: 2,5 z 480."), std::string::npos) << "the chart's description";
    EXPECT_NE(body.find("<title id=\"trend-title-8\">Trend: Liczba godzin dyżurów</title>"), std::string::npos);
    EXPECT_NE(body.find("<td>02.2024</td><td class=\"num\">1,5</td>"), std::string::npos) << "the trend as numbers";
    EXPECT_EQ(body.find("<td class=\"num\">brak rejestru</td>"), std::string::npos)
        << "every register's table is in the database";
    // Nothing the CSP would block: no script anywhere, no inline style attribute or element.
    EXPECT_EQ(body.find("<script"), std::string::npos);
    EXPECT_EQ(body.find(" style="), std::string::npos);
    EXPECT_EQ(body.find("<style"), std::string::npos);
    auto css = m_panel->get("/panel/static/panel.css");
    ASSERT_TRUE(css);
    EXPECT_NE(css->body.find("@media print"), std::string::npos);
    if (const char* keep = std::getenv("OKIENKO_REPORT_HTML")) // to look at the page in a browser
    {
        std::string html = body;
        const std::string link = "<link rel=\"stylesheet\" href=\"/panel/static/panel.css\">";
        if (auto at = html.find(link); at != std::string::npos)
            html.replace(at, link.size(), "<style>" + css->body + "</style>");
        std::FILE* out = std::fopen(keep, "wb");
        if (out)
        {
            std::fwrite(html.data(), 1, html.size(), out);
            std::fclose(out);
        }
    }

    auto evidence = m_panel->get("/panel/report/evidence?indicator=pps-godziny-dyzurow&period=year&year=2024");
    ASSERT_TRUE(evidence);
    EXPECT_EQ(evidence->status, 200);
    EXPECT_NE(evidence->body.find("<td>2024-01-31</td><td>10:00</td><td>60</td>"), std::string::npos);
    EXPECT_EQ(evidence->body.find("2025-01-01"), std::string::npos);
    auto registerRows = m_panel->get("/panel/report/evidence?indicator=cas-godziny&period=year&year=2024");
    ASSERT_TRUE(registerRows);
    EXPECT_EQ(registerRows->body.find("Brak rejestru"), std::string::npos);
    EXPECT_NE(registerRows->body.find("<td>2024-03-05</td>"), std::string::npos) << "the register's row as evidence";
    EXPECT_NE(registerRows->body.find("<td>Szachy</td>"), std::string::npos);

    auto csv = timedGet("/panel/report.csv?period=year&year=2024", "Łapy, year 2024, CSV");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->status, 200);
    EXPECT_NE(csv->body.find("Poradnictwo specjalistyczne;Liczba godzin dyżurów;godzina;rok;480;2,5;1%;"),
              std::string::npos);
    auto pdf = timedGet("/panel/report.pdf?period=year&year=2024", "Łapy, year 2024, PDF");
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
    if (const char* keep = std::getenv("OKIENKO_COUNTY_REPORT")) // the page and the PDF, to look at
    {
        okienko::test::writeFile(std::string(keep) + ".html", body);
        okienko::test::writeFile(std::string(keep) + ".pdf", pdf->body);
    }

    // The coordinator changes the target through the form as a browser submits it.
    auto form = m_panel->get("/panel/indicators/edit?id=pps-godziny-dyzurow");
    ASSERT_TRUE(form);
    ASSERT_EQ(form->status, 200);
    auto fields = okienko::test::browserForm(form->body, "/panel/indicators/edit");
    EXPECT_EQ(fields.at("kind"), "automatic");
    EXPECT_EQ(fields.at("metric"), "counselling-duty-hours");
    fields["target"] = "500";
    auto saved = m_panel->postMultipart("/panel/indicators/edit", fields, false);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 303);
    EXPECT_EQ(saved->get_header_value("Location"), "/panel/indicators/edit?id=pps-godziny-dyzurow&msg=saved");
    EXPECT_EQ(scalar(db, "SELECT staff_id || ' ' || action FROM indicator_edits"), m_staffId + " update");
    auto stale = m_panel->postMultipart("/panel/indicators/edit", fields, false);
    ASSERT_TRUE(stale);
    EXPECT_EQ(stale->get_header_value("Location"), "/panel/indicators/edit?id=pps-godziny-dyzurow&msg=stale");
    fields = okienko::test::browserForm(m_panel->get("/panel/indicators/edit?id=pps-godziny-dyzurow")->body,
                                        "/panel/indicators/edit");
    fields["kind"] = "register";
    fields["register"] = "activity_sessions";
    fields["measure"] = "persons";
    auto refused = m_panel->postMultipart("/panel/indicators/edit", fields, false);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("$.how_counted.measure: unknown measure of this register"), std::string::npos);
    auto after = m_panel->get("/panel/report?period=year&year=2024");
    ASSERT_TRUE(after);
    EXPECT_NE(after->body.find("<td class=\"num\">500 / rok</td>"), std::string::npos);
}

TEST_F(ReportPages, StarachowicesQuarterWithAValueEnteredInTheForm)
{
    start("starachowice.json");
    auto before = timedGet("/panel/report?period=quarter&year=2025&quarter=1", "Starachowice, Q1 2025, page");
    ASSERT_TRUE(before);
    ASSERT_EQ(before->status, 200);
    EXPECT_NE(before->body.find("okres: I kwartał 2025 (2025-01-01 – 2025-03-31)"), std::string::npos);
    for (const auto& name : indicatorNames("starachowice.json"))
        EXPECT_NE(before->body.find("<th scope=\"row\">" + name), std::string::npos) << name;
    EXPECT_NE(before->body.find("<td class=\"num\">nie wprowadzono</td>"), std::string::npos);

    auto form = m_panel->get("/panel/indicators/edit?id=nowi-uzytkownicy");
    ASSERT_TRUE(form);
    auto fields = okienko::test::browserForm(form->body, "/panel/indicators/value");
    fields["year"] = "2025";
    fields["part"] = "1";
    fields["value"] = "14";
    auto saved = m_panel->postMultipart("/panel/indicators/value", fields, false);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->get_header_value("Location"), "/panel/indicators/edit?id=nowi-uzytkownicy&msg=value-saved");
    fields["part"] = "5";
    auto refused = m_panel->postMultipart("/panel/indicators/value", fields, false);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->get_header_value("Location"), "/panel/indicators/edit?id=nowi-uzytkownicy&msg=bad-value");
    EXPECT_EQ(
        scalar(m_server->databasePath(), "SELECT first_day || '..' || last_day || '=' || value FROM indicator_values"),
        "2025-01-01..2025-03-31=14.0");
    EXPECT_EQ(scalar(m_server->databasePath(), "SELECT count(*) FROM indicator_edits WHERE action = 'value'"), "1");

    auto after = m_panel->get("/panel/report?period=quarter&year=2025&quarter=1");
    ASSERT_TRUE(after);
    EXPECT_NE(after->body.find("Liczba nowych osób korzystających z CUS, wcześnie niekorzystających z pomocy MOPS"),
              std::string::npos);
    EXPECT_NE(after->body.find("<td class=\"num\">14</td>"), std::string::npos);
    auto pdf = timedGet("/panel/report.pdf?period=quarter&year=2025&quarter=1", "Starachowice, Q1 2025, PDF");
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->status, 200);
}

namespace
{
/// The report table's row of one indicator ("" when the page has none).
std::string indicatorRow(const std::string& page, const std::string& id)
{
    const auto at = page.find("<tr id=\"w-" + id + "\">");
    if (at == std::string::npos)
        return {};
    return page.substr(at, page.find("</tr>", at) - at);
}
} // namespace

TEST_F(ReportPages, ACountyCoordinatorSeesTheTotalOfItsSitesWithEachSitesFigureInTheReportAndMonitoring)
{
    start("starachowice.json");
    ASSERT_EQ(m_server->admin({"site", "rename", "default", "--name", "CUS w Starachowicach"}), 0);
    ASSERT_EQ(m_server->admin({"site", "add", "skarzysko", "--name", "CUS w Skarżysku-Kamiennej"}), 0);
    // Values entered in each site for 2025: providers counted at a time (`latest`: each site's
    // newest quarter, added up over the sites) and new users (a sum over quarters and sites).
    auto entered = [&](const char* indicator, const char* from, const char* to, int value, const char* site)
    {
        return "('" + std::string(indicator) + "', '" + from + "', '" + to + "', " + std::to_string(value) + ", '" +
               m_staffId + "', 0, '" + site + "')";
    };
    exec(m_server->databasePath(),
         "INSERT INTO indicator_values(indicator_id, first_day, last_day, value, staff_id, at, site_id) VALUES " +
             entered("uslugodawcy", "2025-01-01", "2025-03-31", 5, "default") + ", " +
             entered("uslugodawcy", "2025-04-01", "2025-06-30", 7, "default") + ", " +
             entered("uslugodawcy", "2025-01-01", "2025-03-31", 3, "skarzysko") + ", " +
             entered("nowi-uzytkownicy", "2025-01-01", "2025-03-31", 14, "default") + ", " +
             entered("nowi-uzytkownicy", "2025-04-01", "2025-06-30", 6, "skarzysko"));

    // An account of one site asking for every site gets its own site's report, with no choice.
    auto own = m_panel->get("/panel/report?period=year&year=2025&sites=all");
    ASSERT_TRUE(own);
    ASSERT_EQ(own->status, 200);
    EXPECT_NE(own->body.find("<h2>Centrum Usług Społecznych w Starachowicach</h2>"), std::string::npos);
    EXPECT_EQ(own->body.find("name=\"sites\""), std::string::npos);
    EXPECT_EQ(own->body.find("Razem"), std::string::npos);
    EXPECT_NE(indicatorRow(own->body, "uslugodawcy").find("<td class=\"num\">7</td>"), std::string::npos);
    EXPECT_NE(indicatorRow(own->body, "nowi-uzytkownicy").find("<td class=\"num\">14</td>"), std::string::npos);

    // A county coordinator: the site shown, or all of them added up.
    ASSERT_EQ(m_server->admin({"site", "grant", m_staffId, "skarzysko"}), 0);
    auto one = m_panel->get("/panel/report?period=year&year=2025");
    ASSERT_TRUE(one);
    EXPECT_NE(one->body.find("<select id=\"sites\" name=\"sites\">"), std::string::npos);
    EXPECT_NE(one->body.find("<option value=\"all\">wszystkie moje ośrodki — razem</option>"), std::string::npos);
    EXPECT_NE(indicatorRow(one->body, "uslugodawcy").find("<td class=\"num\">7</td>"), std::string::npos);

    auto total = timedGet("/panel/report?period=year&year=2025&sites=all", "two sites' total, year 2025, page");
    ASSERT_TRUE(total);
    ASSERT_EQ(total->status, 200);
    const std::string& body = total->body;
    EXPECT_NE(body.find("<h2>Razem: CUS w Starachowicach, CUS w Skarżysku-Kamiennej</h2>"), std::string::npos);
    EXPECT_NE(body.find("<option value=\"all\" selected>"), std::string::npos);
    EXPECT_NE(indicatorRow(body, "uslugodawcy").find("<td class=\"num\">10</td>"), std::string::npos)
        << indicatorRow(body, "uslugodawcy");
    EXPECT_NE(indicatorRow(body, "nowi-uzytkownicy").find("<td class=\"num\">20</td>"), std::string::npos)
        << indicatorRow(body, "nowi-uzytkownicy");
    EXPECT_NE(body.find("<th scope=\"col\" class=\"num\">CUS w Starachowicach</th><th scope=\"col\" "
                        "class=\"num\">CUS w Skarżysku-Kamiennej</th><th scope=\"col\" class=\"num\">Razem</th>"),
              std::string::npos);
    EXPECT_NE(body.find("<th scope=\"row\">Liczba usługodawców współpracujących z CUS i realizujących usługi "
                        "społeczne</th><td class=\"num\">7</td><td class=\"num\">3</td><td class=\"num\">10</td>"),
              std::string::npos);
    EXPECT_NE(body.find("href=\"/panel/report.csv?period=year&amp;year=2025&amp;sites=all\""), std::string::npos);

    auto csv = m_panel->get("/panel/report.csv?period=year&year=2025&sites=all");
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->body.find("\r\nOśrodki;Razem: CUS w Starachowicach, CUS w Skarżysku-Kamiennej;"), std::string::npos);
    EXPECT_NE(csv->body.find("\r\nCUS w Skarżysku-Kamiennej;Centrum Usług Społecznych;Liczba usługodawców "
                             "współpracujących z CUS i realizujących usługi społeczne;usługodawca;3;"),
              std::string::npos);
    auto evidence = m_panel->get("/panel/report/evidence?indicator=uslugodawcy&period=year&year=2025&sites=all");
    ASSERT_TRUE(evidence);
    EXPECT_EQ(evidence->status, 200);
    EXPECT_NE(evidence->body.find("Policzone wiersze (3)"), std::string::npos);
    auto pdf = m_panel->get("/panel/report.pdf?period=year&year=2025&sites=all");
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
    if (const char* keep = std::getenv("OKIENKO_COUNTY_REPORT")) // the page and the PDF, to look at
    {
        okienko::test::writeFile(std::string(keep) + ".html", body);
        okienko::test::writeFile(std::string(keep) + ".pdf", pdf->body);
    }
    EXPECT_NE(pdf->get_header_value("Content-Disposition").find("okienko-sprawozdanie-2025-01-01-2025-12-31.pdf"),
              std::string::npos);

    // Monitoring adds up the same way: callbacks received at a kiosk of each site.
    ASSERT_EQ(m_server->admin({"add-kiosk", "hol-skarzysko", "--site", "skarzysko"}), 0);
    auto callback = [](const char* id, const char* kiosk)
    {
        return "('" + std::string(id) + "', 'T-" + id + "', '600000000', '" + id +
               "', '2025-03-11', 'morning', 'new', 'pl', (SELECT id FROM kiosks WHERE name = '" + kiosk +
               "'), 1741608000, 1741608000)";
    };
    exec(m_server->databasePath(), "INSERT INTO callback_requests(id, code, phone, phone_key, day, day_part, status, "
                                   "language, kiosk_id, created_at, received_at) VALUES " +
                                       callback("c1", "kiosk-1") + ", " + callback("c2", "kiosk-1") + ", " +
                                       callback("c3", "hol-skarzysko"));
    auto monitoring = m_panel->get("/panel/monitoring?from=2025-01-01&to=2025-12-31&sites=all");
    ASSERT_TRUE(monitoring);
    ASSERT_EQ(monitoring->status, 200);
    EXPECT_NE(monitoring->body.find("<h2>Razem: CUS w Starachowicach, CUS w Skarżysku-Kamiennej</h2>"),
              std::string::npos);
    EXPECT_NE(monitoring->body.find("<th scope=\"row\">Zgłoszone</th><td></td><td class=\"num\">2</td><td "
                                    "class=\"num\">1</td><td class=\"num\">3</td></tr>"),
              std::string::npos);
    auto monitoringOne = m_panel->get("/panel/monitoring?from=2025-01-01&to=2025-12-31");
    ASSERT_TRUE(monitoringOne);
    EXPECT_NE(monitoringOne->body.find("<th scope=\"row\">Zgłoszone</th><td></td><td class=\"num\">2</td></tr>"),
              std::string::npos);
    auto monitoringCsv = m_panel->get("/panel/monitoring.csv?from=2025-01-01&to=2025-12-31&sites=all");
    ASSERT_TRUE(monitoringCsv);
    EXPECT_NE(monitoringCsv->body.find("Sekcja;Wskaźnik;Szczegół;Wartość;CUS w Starachowicach;CUS w "
                                       "Skarżysku-Kamiennej\r\n"),
              std::string::npos);
    EXPECT_NE(monitoringCsv->body.find("\r\nProśby o telefon;Zgłoszone;;3;2;1\r\n"), std::string::npos);

    // The other site shown: its own figures under its own name, not the catalogue's CUS.
    auto switched = m_panel->post("/panel/site", {{"site", "skarzysko"}, {"back", "/panel/report"}});
    ASSERT_TRUE(switched);
    EXPECT_EQ(switched->status, 303);
    auto other = m_panel->get("/panel/report?period=year&year=2025");
    ASSERT_TRUE(other);
    EXPECT_NE(other->body.find("<h2>CUS w Skarżysku-Kamiennej</h2>"), std::string::npos);
    EXPECT_NE(indicatorRow(other->body, "uslugodawcy").find("<td class=\"num\">3</td>"), std::string::npos);
    EXPECT_NE(indicatorRow(other->body, "nowi-uzytkownicy").find("<td class=\"num\">6</td>"), std::string::npos);
}

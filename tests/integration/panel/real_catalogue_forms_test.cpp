// The shipped catalogues (Łapy, Starachowice) edited through the panel of the real okienko-central
// over HTTPS: every service's and announcement's form, loaded and submitted unchanged as a browser
// submits it (multipart/form-data, every field, CR LF line breaks), is accepted and stores nothing
// new; a real-size text is saved; a form over server.max_body_bytes gets the panel's 413 page; a
// small urlencoded form still works. Prints the largest body sent.
#include "shared/db/database.hpp"
#include "shared/db/query.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::TestCa;
using Form = std::map<std::string, std::string>;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-1";

/// The ids linked from the catalogue page as `prefix` + id (ids are [a-z0-9-], never escaped).
std::vector<std::string> linkedIds(const std::string& page, const std::string& prefix)
{
    std::vector<std::string> ids;
    for (auto at = page.find(prefix); at != std::string::npos; at = page.find(prefix, at + 1))
    {
        const auto start = at + prefix.size();
        ids.push_back(page.substr(start, page.find('"', start) - start));
    }
    return ids;
}

/// The change-log rows of one catalogue entry, oldest first (seq and data).
std::vector<std::string> changeRows(const std::string& dbPath, const std::string& entity, const std::string& id)
{
    std::vector<std::string> rows;
    db::OpenOptions o;
    o.readOnly = true;
    auto d = db::Database::open(dbPath, o);
    EXPECT_TRUE(d.ok());
    if (!d)
        return rows;
    auto read = db::forEachRow(
        *d, "SELECT data FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY seq",
        [&](db::Row& row) { rows.push_back(row.text()); }, entity, id);
    EXPECT_TRUE(read.ok());
    return rows;
}

/// True when every POST form on `page` is sent as multipart/form-data.
bool postFormsAreMultipart(const std::string& page)
{
    for (auto at = page.find("<form"); at != std::string::npos; at = page.find("<form", at + 1))
    {
        const std::string tag = page.substr(at, page.find('>', at) - at);
        if (tag.find("method=\"post\"") != std::string::npos &&
            tag.find("enctype=\"multipart/form-data\"") == std::string::npos)
            return false;
    }
    return true;
}

class RealCatalogueForms : public ::testing::TestWithParam<std::string>
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        // Through the front, as deployed: its body limit must let every real form pass.
        m_server = std::make_unique<CentralProcess>(m_ca, std::string{}, okienko::test::Deployment::BehindFront);
        const std::string catalogue =
            okienko::test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/" + GetParam());
        ASSERT_FALSE(catalogue.empty());
        ASSERT_FALSE(m_server->prepare(catalogue).empty()) << okienko::test::readFile(m_server->dir() + "/admin.log");
        ASSERT_FALSE(okienko::test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword).empty());
        ASSERT_TRUE(m_server->start()) << m_server->startError() << okienko::test::readFile(m_server->logPath());
        m_panel = std::make_unique<PanelClient>(m_server->port(), m_ca.caCert());
        auto r = m_panel->login("Anna Koordynator", kPassword);
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 303) << r->body;
    }

    /// Loads the form of one entry, submits it unchanged as multipart and checks the answer and the
    /// store; returns the body size sent.
    std::size_t saveUnchanged(const std::string& entity, const std::string& id)
    {
        const std::string path = "/panel/catalog/" + entity;
        const auto before = changeRows(m_server->databasePath(), entity, id);
        auto page = m_panel->get(path + "?id=" + id);
        EXPECT_TRUE(page);
        if (!page)
            return 0;
        EXPECT_EQ(page->status, 200) << id;
        EXPECT_TRUE(postFormsAreMultipart(page->body)) << id;
        const Form form = okienko::test::browserForm(page->body, path);
        EXPECT_EQ(form.at("id"), id);
        EXPECT_TRUE(form.count("version") == 1 && form.count("csrf") == 1) << id;
        auto saved = m_panel->postMultipart(path, form, false);
        EXPECT_TRUE(saved);
        if (!saved)
            return 0;
        EXPECT_EQ(saved->status, 303) << entity << " " << id << ": " << saved->body.substr(0, 2000);
        EXPECT_EQ(saved->get_header_value("Location"), "/panel/catalog?msg=unchanged") << entity << " " << id;
        EXPECT_EQ(changeRows(m_server->databasePath(), entity, id), before) << entity << " " << id;
        return m_panel->lastBodyBytes();
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::unique_ptr<PanelClient> m_panel;
};

TEST_P(RealCatalogueForms, EveryServiceAndAnnouncementIsSavedUnchangedAsABrowserSubmitsIt)
{
    auto list = m_panel->get("/panel/catalog");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200);
    EXPECT_TRUE(postFormsAreMultipart(list->body));
    const auto services = linkedIds(list->body, "href=\"/panel/catalog/service?id=");
    const auto announcements = linkedIds(list->body, "href=\"/panel/catalog/announcement?id=");
    const auto file = nlohmann::json::parse(
        okienko::test::readFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/" + GetParam()));
    ASSERT_EQ(services.size(), file["services"].size());
    ASSERT_EQ(announcements.size(), file["announcements"].size());

    std::size_t largest = 0;
    std::string largestId;
    for (const auto& id : services)
    {
        const std::size_t bytes = saveUnchanged("service", id);
        if (bytes > largest)
        {
            largest = bytes;
            largestId = id;
        }
    }
    for (const auto& id : announcements)
        largest = std::max(largest, saveUnchanged("announcement", id));
    std::printf("%s: %zu services and %zu announcements saved unchanged; largest multipart body %zu bytes (%s)\n",
                GetParam().c_str(), services.size(), announcements.size(), largest, largestId.c_str());
    EXPECT_GT(largest, 8192U) << "the catalogue's forms should be over the library's urlencoded limit";

    // Why forms are multipart: the same form urlencoded (the browser default) never reaches the panel.
    auto largestPage = m_panel->get("/panel/catalog/service?id=" + largestId);
    ASSERT_TRUE(largestPage);
    const Form largestForm = okienko::test::browserForm(largestPage->body, "/panel/catalog/service");
    auto urlencoded = m_panel->post("/panel/catalog/service", largestForm, false);
    ASSERT_TRUE(urlencoded);
    std::printf("the same form urlencoded: %zu bytes, HTTP %d\n", okienko::test::formEncode(largestForm).size(),
                urlencoded->status);

    // The largest form with a real change is stored: the new text reaches the change log.
    auto page = m_panel->get("/panel/catalog/service?id=" + largestId);
    ASSERT_TRUE(page);
    Form form = okienko::test::browserForm(page->body, "/panel/catalog/service");
    form["description_pl"] += "\nZmiana zapisana z panelu.";
    auto saved = m_panel->postMultipart("/panel/catalog/service", form, false);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 303) << saved->body.substr(0, 2000);
    EXPECT_EQ(saved->get_header_value("Location"), "/panel/catalog?msg=saved");
    const auto rows = changeRows(m_server->databasePath(), "service", largestId);
    ASSERT_FALSE(rows.empty());
    const auto stored = nlohmann::json::parse(rows.back());
    EXPECT_EQ(stored["description"]["pl"].get<std::string>(), form["description_pl"]);
    auto shown = m_panel->get("/panel/catalog?msg=saved");
    ASSERT_TRUE(shown);
    EXPECT_NE(shown->body.find("Zapisano."), std::string::npos);
}

TEST_P(RealCatalogueForms, AFormOverTheBodyLimitGetsThePanelsRefusalAndASmallUrlencodedFormStillWorks)
{
    auto list = m_panel->get("/panel/catalog");
    ASSERT_TRUE(list);
    const std::string id = linkedIds(list->body, "href=\"/panel/catalog/service?id=").at(0);
    auto page = m_panel->get("/panel/catalog/service?id=" + id);
    ASSERT_TRUE(page);
    const Form original = okienko::test::browserForm(page->body, "/panel/catalog/service");
    const auto before = changeRows(m_server->databasePath(), "service", id);

    // 64 KiB in one field crosses the transport; the loader's own length rule answers it (422).
    Form longText = original;
    longText["description_pl"] = std::string(64 * 1024, 'a');
    auto refusedByRule = m_panel->postMultipart("/panel/catalog/service", longText, false);
    ASSERT_TRUE(refusedByRule);
    EXPECT_EQ(refusedByRule->status, 422);
    EXPECT_NE(refusedByRule->body.find("f-description_pl"), std::string::npos);

    // Over server.max_body_bytes (1 MiB by default): the panel's page, nothing stored.
    Form tooLarge = original;
    tooLarge["description_pl"] = std::string(1100 * 1024, 'a');
    auto refused = m_panel->postMultipart("/panel/catalog/service", tooLarge, false);
    ASSERT_TRUE(refused) << httplib::to_string(refused.error());
    EXPECT_EQ(refused->status, 413);
    EXPECT_NE(refused->get_header_value("Content-Type").find("text/html"), std::string::npos);
    EXPECT_NE(refused->body.find("Formularz za duży"), std::string::npos) << refused->body.substr(0, 500);
    EXPECT_FALSE(refused->get_header_value("Content-Security-Policy").empty());
    EXPECT_EQ(changeRows(m_server->databasePath(), "service", id), before);

    // A multipart post without the session's token is refused like any other.
    Form noToken = original;
    noToken["csrf"] = "zly-token";
    auto forged = m_panel->postMultipart("/panel/catalog/service", noToken, false);
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);

    // A small urlencoded form (an older page, a script) is still read.
    auto withdrawn = m_panel->post("/panel/catalog/announcement/withdraw", {{"id", "nie-ma"}, {"version", "0"}});
    ASSERT_TRUE(withdrawn);
    EXPECT_EQ(withdrawn->status, 303);
    EXPECT_EQ(withdrawn->get_header_value("Location"), "/panel/catalog?msg=not-found");
    auto logout = m_panel->post("/panel/logout", {});
    ASSERT_TRUE(logout);
    EXPECT_EQ(logout->status, 303);
}

INSTANTIATE_TEST_SUITE_P(ShippedCatalogues, RealCatalogueForms, ::testing::Values("lapy.json", "starachowice.json"),
                         [](const ::testing::TestParamInfo<std::string>& param)
                         { return param.param.substr(0, param.param.find('.')); });

} // namespace

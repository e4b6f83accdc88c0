// Panel's policy around the route table, without a server process: a logged-in staff member whose
// role the route does not allow gets 403; a coordinator gets the page; unknown pages get 404 and a
// POST without the session's CSRF token gets 403 before anything else, whether its fields came urlencoded or
// multipart; a body the HTTP library refused gets the panel's page. Every page of the coordinator
// runs its store queries against the real schema here.
#include "server/credentials.hpp"
#include "server/panel/panel.hpp"
#include "server/server_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <string>

using namespace okienko;
using namespace okienko::server;
using namespace okienko::server::panel;

namespace
{
const Now kNow{1'900'000'000, Date{2030, 3, 4}};

class PanelPolicy : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store);
        m_store = std::move(store).value();
        m_panel = std::make_unique<Panel>(
            *m_store, m_config, [] { return kNow; }, [] { return 0.0; });
    }

    /// A session cookie for a new staff member with `role`, stored as a login would store it.
    std::string sessionFor(domain::StaffRole role, const std::string& name)
    {
        auto id = m_store->addStaff(name, role, "", "", kNow);
        EXPECT_TRUE(id);
        const std::string cookie = "cookie-of-" + name;
        SqlitePanelStore panelStore(*m_store);
        EXPECT_TRUE(panelStore.openSession(*id, sha256Hex(cookie), "csrf-" + name, kNow.unix, 0, 0));
        return std::string(kSessionCookie) + "=" + cookie;
    }

    PanelResponse get(const std::string& path, const std::string& cookie)
    {
        PanelRequest r;
        r.method = "GET";
        r.path = path;
        r.cookie = cookie;
        r.host = "panel.test";
        return m_panel->handle(r);
    }

    test::TempDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Panel> m_panel;
};
} // namespace

TEST_F(PanelPolicy, ARoleTheRouteDoesNotAllowGets403)
{
    const std::string equipment = sessionFor(domain::StaffRole::Equipment, "Ewa Sprzęt");
    const PanelResponse r = get("/panel/callbacks", equipment);
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("Brak uprawnień"), std::string::npos);
    EXPECT_EQ(get("/panel/nope", equipment).status, 404);
}

TEST_F(PanelPolicy, ACoordinatorGetsThePage)
{
    const std::string coordinator = sessionFor(domain::StaffRole::Coordinator, "Anna Koordynator");
    const PanelResponse r = get("/panel/callbacks", coordinator);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("Anna Koordynator"), std::string::npos);
    for (const char* page : {"/panel/reservations", "/panel/loans", "/panel/kiosks", "/panel/monitoring"})
        EXPECT_EQ(get(page, coordinator).status, 200) << page;
    EXPECT_EQ(get("/panel/monitoring.csv", coordinator).status, 200);
}

TEST_F(PanelPolicy, WithoutASessionOnlyTheLoginAndTheStylesheetAnswer)
{
    EXPECT_EQ(get("/panel/login", "").status, 200);
    EXPECT_EQ(get("/panel/static/panel.css", "").status, 200);
    const PanelResponse r = get("/panel/nope", "");
    EXPECT_EQ(r.status, 303);
}

TEST_F(PanelPolicy, APostWithoutTheSessionsTokenIsRefusedBeforeRouting)
{
    PanelRequest r;
    r.method = "POST";
    r.path = "/panel/nope";
    r.cookie = sessionFor(domain::StaffRole::Coordinator, "Anna Koordynator");
    r.host = "panel.test";
    r.body = "csrf=wrong";
    EXPECT_EQ(m_panel->handle(r).status, 403);
    r.body = "csrf=csrf-Anna+Koordynator";
    EXPECT_EQ(m_panel->handle(r).status, 404);
}

TEST_F(PanelPolicy, AMultipartPostIsCheckedByItsOwnFieldsAndNotByTheBody)
{
    PanelRequest r;
    r.method = "POST";
    r.path = "/panel/nope";
    r.cookie = sessionFor(domain::StaffRole::Coordinator, "Anna Koordynator");
    r.host = "panel.test";
    r.body = "csrf=csrf-Anna+Koordynator"; // ignored: the adapter split the parts already
    r.multipartFields = std::map<std::string, std::string>{{"csrf", "wrong"}};
    EXPECT_EQ(m_panel->handle(r).status, 403);
    r.multipartFields = std::map<std::string, std::string>{{"csrf", "csrf-Anna Koordynator"}};
    EXPECT_EQ(m_panel->handle(r).status, 404);
}

TEST_F(PanelPolicy, ABodyTheLibraryRefusedGetsAPanelPageWithTheSecurityHeaders)
{
    const PanelResponse tooLarge = Panel::refusal(413);
    EXPECT_EQ(tooLarge.status, 413);
    EXPECT_NE(tooLarge.contentType.find("text/html"), std::string::npos);
    EXPECT_NE(tooLarge.body.find("Formularz za duży"), std::string::npos);
    EXPECT_NE(tooLarge.body.find("max_body_bytes"), std::string::npos);
    bool csp = false;
    for (const auto& [name, value] : tooLarge.headers)
        csp = csp || name == "Content-Security-Policy";
    EXPECT_TRUE(csp);
    EXPECT_EQ(Panel::refusal(400).status, 400);
}

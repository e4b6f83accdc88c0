// The panel's route table is complete: every route has roles and a handler of its method, no
// (method, path) is routed twice, and every page the README's page table lists is routed.
#include "server/panel/route_table.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>

using namespace okienko;
using namespace okienko::server::panel;

namespace
{
/// Every "GET /panel/…" and "POST /panel/…" in the README's page table, without its query.
std::set<std::pair<Method, std::string>> documentedRoutes()
{
    std::ifstream in(std::string(OKIENKO_SOURCE_DIR) + "/server/panel/README.md");
    std::stringstream text;
    text << in.rdbuf();
    std::set<std::pair<Method, std::string>> routes;
    const std::regex route(R"((GET|POST) (/panel[^\s`?\[,]*))");
    std::string line;
    bool inTable = false;
    while (std::getline(text, line))
    {
        if (line.rfind("| Page |", 0) == 0)
            inTable = true;
        else if (inTable && line.rfind("|", 0) != 0)
            break;
        if (!inTable)
            continue;
        for (std::sregex_iterator it(line.begin(), line.end(), route), end; it != end; ++it)
            routes.emplace((*it)[1] == "POST" ? Method::Post : Method::Get, (*it)[2].str());
    }
    return routes;
}
} // namespace

TEST(RouteTable, EveryRouteHasRolesAndAHandlerOfItsMethod)
{
    ASSERT_FALSE(panelRoutes().empty());
    for (const Route& r : panelRoutes())
    {
        SCOPED_TRACE(r.path);
        EXPECT_FALSE(r.roles.empty());
        if (r.method == Method::Get)
            EXPECT_TRUE(r.get != nullptr && r.post == nullptr);
        else
            EXPECT_TRUE(r.post != nullptr && r.get == nullptr);
    }
}

TEST(RouteTable, NoMethodAndPathIsRoutedTwice)
{
    std::set<std::pair<Method, std::string>> seen;
    for (const Route& r : panelRoutes())
        EXPECT_TRUE(seen.emplace(r.method, r.path).second) << r.path;
}

TEST(RouteTable, EveryPageOfTheReadmeIsRouted)
{
    const auto documented = documentedRoutes();
    ASSERT_GE(documented.size(), 20U) << "the README's page table was not found or not read";
    for (const auto& [method, path] : documented)
        EXPECT_NE(findRoute(method, path), nullptr) << (method == Method::Post ? "POST " : "GET ") << path;
}

TEST(RouteTable, OnlyTheLoginsTheStylesheetAndSettingAPartnersPasswordNeedNoSession)
{
    std::set<std::string> open;
    for (const Route& r : panelRoutes())
        if (!r.needsSession)
            open.insert(r.path);
    // A partner institution sets its first password with the one-time code, before any login.
    EXPECT_EQ(open, (std::set<std::string>{"/panel/login", "/panel/partner/password", "/panel/static/panel.css"}));
}

TEST(RouteTable, RolesDecideWhoMayUseARoute)
{
    const Route* callbacks = findRoute(Method::Get, "/panel/callbacks");
    ASSERT_NE(callbacks, nullptr);
    EXPECT_TRUE(roleAllowed(*callbacks, "coordinator"));
    EXPECT_FALSE(roleAllowed(*callbacks, "admin")); // residents' phone numbers
    EXPECT_FALSE(roleAllowed(*callbacks, "counsellor"));
    EXPECT_FALSE(roleAllowed(*callbacks, "equipment"));
    EXPECT_FALSE(roleAllowed(*callbacks, "no-such-role"));
    EXPECT_EQ(findRoute(Method::Post, "/panel/callbacks"), nullptr);
    EXPECT_EQ(findRoute(Method::Get, "/panel/callbacks/"), nullptr);
}

TEST(RouteTable, UnknownPagesGetThePanelsNotFoundTexts)
{
    EXPECT_EQ(notFoundPage(Method::Get, "/panel/nope").status, 404);
    EXPECT_NE(notFoundPage(Method::Get, "/panel/nope").body.find("Nie ma takiej strony w panelu."), std::string::npos);
    EXPECT_NE(notFoundPage(Method::Post, "/panel/nope").body.find("Nie ma takiej akcji."), std::string::npos);
    EXPECT_NE(notFoundPage(Method::Get, "/panel/catalog/x").body.find("Nie ma takiej strony w katalogu."),
              std::string::npos);
    EXPECT_EQ(roleRefusedPage().status, 403);
}

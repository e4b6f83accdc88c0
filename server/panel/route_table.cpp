// The route table. Today coordinators and admins may use every page; the roles issue narrows them.
#include "server/panel/route_table.hpp"

#include "server/panel/callbacks_pages.hpp"
#include "server/panel/catalog_pages.hpp"
#include "server/panel/kiosks_pages.hpp"
#include "server/panel/loans_pages.hpp"
#include "server/panel/login_pages.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/reservations_pages.hpp"
#include "server/panel/slots_pages.hpp"
#include "server/panel/units_pages.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>

namespace okienko::server::panel
{

namespace
{
const std::set<domain::StaffRole> kDesk{domain::StaffRole::Coordinator, domain::StaffRole::Admin};

Route get(std::string path, GetHandler handler, std::set<domain::StaffRole> roles = kDesk)
{
    return Route{Method::Get, std::move(path), std::move(roles), true, handler, nullptr};
}

Route post(std::string path, PostHandler handler, std::set<domain::StaffRole> roles = kDesk)
{
    return Route{Method::Post, std::move(path), std::move(roles), true, nullptr, handler};
}

/// A route that needs no session.
Route open(Route route)
{
    route.needsSession = false;
    return route;
}
} // namespace

const std::vector<Route>& panelRoutes()
{
    static const std::vector<Route> routes{
        open(get("/panel/static/panel.css", stylesheet)),
        open(get("/panel/login", loginPage)),
        open(post("/panel/login", loginAction)),
        post("/panel/logout", logoutAction),
        get("/", startPage),
        get("/panel", startPage),
        get("/panel/", startPage),
        // callbacks
        get("/panel/callbacks", callbacksPage),
        post("/panel/callbacks/claim", callbackClaimAction),
        post("/panel/callbacks/attempt", callbackAttemptAction),
        // reservations, conflicts, counselling
        get("/panel/reservations", reservationsPage),
        post("/panel/reservations/decide", reservationDecideAction),
        post("/panel/counselling/decide", counsellingDecideAction),
        post("/panel/conflicts/resolve", conflictResolveAction),
        // loans, units, duty slots
        get("/panel/loans", loansPage),
        get("/panel/units", unitsPage),
        post("/panel/units/state", unitStateAction),
        get("/panel/slots", slotsPage),
        post("/panel/slots/save", slotSaveAction),
        post("/panel/slots/withdraw", slotWithdrawAction),
        // catalogue and announcements
        get("/panel/catalog", catalogPage),
        get("/panel/catalog/service", servicePage),
        post("/panel/catalog/service", servicePost),
        get("/panel/catalog/announcement", announcementPage),
        post("/panel/catalog/announcement", announcementPost),
        post("/panel/catalog/announcement/withdraw", announcementWithdraw),
        // kiosks and monitoring
        get("/panel/kiosks", kiosksPage),
        get("/panel/monitoring", monitoringPage),
        get("/panel/monitoring.csv", monitoringCsv),
    };
    return routes;
}

const Route* findRoute(Method method, std::string_view path)
{
    const auto& routes = panelRoutes();
    auto it = std::find_if(routes.begin(), routes.end(),
                           [&](const Route& r) { return r.method == method && r.path == path; });
    return it == routes.end() ? nullptr : &*it;
}

bool roleAllowed(const Route& route, std::string_view role)
{
    auto parsed = domain::fromCode<domain::StaffRole>(role);
    return parsed && route.roles.count(*parsed) > 0;
}

PanelResponse notFoundPage(Method method, std::string_view path)
{
    const bool action = method == Method::Post;
    if (path == "/panel/catalog" || path.rfind("/panel/catalog/", 0) == 0)
        return messagePage(404, "Nie ma takiej strony",
                           action ? "Nie ma takiej akcji." : "Nie ma takiej strony w katalogu.", "/panel/catalog",
                           "Wróć do katalogu");
    return messagePage(404, "Nie ma takiej strony", action ? "Nie ma takiej akcji." : "Nie ma takiej strony w panelu.");
}

PanelResponse roleRefusedPage()
{
    return messagePage(403, "Brak uprawnień", "Twoje konto nie ma dostępu do tej strony panelu.");
}

} // namespace okienko::server::panel

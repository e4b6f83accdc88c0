// The route table and who may use each route (product.md §2). Coordinators work everything about
// residents' requests, equipment, the catalogue, kiosks and monitoring; counsellors see counselling
// requests (names and kinds: health data, RODO art. 9) and the duty hours; admins manage kiosks and
// staff accounts and reach no page with residents' data.
#include "server/panel/route_table.hpp"

#include "server/panel/callbacks_pages.hpp"
#include "server/panel/catalog_entries_pages.hpp"
#include "server/panel/catalog_import_pages.hpp"
#include "server/panel/catalog_pages.hpp"
#include "server/panel/counselling_register_pages.hpp"
#include "server/panel/ideas_pages.hpp"
#include "server/panel/kiosks_pages.hpp"
#include "server/panel/loans_pages.hpp"
#include "server/panel/login_pages.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/partner_account_pages.hpp"
#include "server/panel/partners_pages.hpp"
#include "server/panel/register_pages.hpp"
#include "server/panel/report_pages.hpp"
#include "server/panel/reservations_pages.hpp"
#include "server/panel/residents_pages.hpp"
#include "server/panel/schedule_pages.hpp"
#include "server/panel/site_pages.hpp"
#include "server/panel/slots_pages.hpp"
#include "server/panel/staff_pages.hpp"
#include "server/panel/units_pages.hpp"
#include "server/panel/waitlist_pages.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>

namespace okienko::server::panel
{

namespace
{
using Roles = std::set<domain::StaffRole>;
constexpr auto kCoordinator = domain::StaffRole::Coordinator;
constexpr auto kCounsellor = domain::StaffRole::Counsellor;
constexpr auto kAdmin = domain::StaffRole::Admin;
/// A partner institution's login: its own profile and services only (partner_scope), no residents.
const std::set<domain::StaffRole> kPartners{domain::StaffRole::Partner};
/// Residents' requests, equipment, the catalogue and the indicators.
const Roles kCoordinators{kCoordinator};
/// Counselling requests and duty hours.
const Roles kCounselling{kCoordinator, kCounsellor};
/// Kiosks' health: no residents' data on it.
const Roles kKiosks{kCoordinator, kAdmin};
/// Staff accounts: names and roles of staff, no residents.
const Roles kAdmins{kAdmin};
/// Registers without anyone's name (activity sessions, volunteer initiatives, sheltered-housing stays):
/// admins keep them too, as they may enter what the CUS ran.
const Roles kNamelessRegisters{kCoordinator, kAdmin};
/// Everyone with a panel: the routes that only lead elsewhere.
const Roles kEveryPanelRole{kCoordinator, kCounsellor, kAdmin, domain::StaffRole::Partner};
/// The CUS's own staff with a panel (not partner institutions).
const Roles kStaffWithPanel{kCoordinator, kCounsellor, kAdmin};

Route get(std::string path, GetHandler handler, Roles roles)
{
    return Route{Method::Get, std::move(path), std::move(roles), true, handler, nullptr};
}

Route post(std::string path, PostHandler handler, Roles roles)
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
        open(get("/panel/static/panel.css", stylesheet, kEveryPanelRole)),
        open(get("/panel/login", loginPage, kEveryPanelRole)),
        open(post("/panel/login", loginAction, kEveryPanelRole)),
        post("/panel/logout", logoutAction, kEveryPanelRole),
        // the site the panel shows, for an account that reaches several (decision 0011)
        post("/panel/site", siteSwitchAction, kEveryPanelRole),
        get("/", startPage, kEveryPanelRole),
        get("/panel", startPage, kEveryPanelRole),
        get("/panel/", startPage, kEveryPanelRole),
        // callbacks
        get("/panel/callbacks", callbacksPage, kCoordinators),
        post("/panel/callbacks/claim", callbackClaimAction, kCoordinators),
        post("/panel/callbacks/attempt", callbackAttemptAction, kCoordinators),
        // residents registered from a phone call, matched to services and told (names, contacts, needs)
        get("/panel/residents", residentsPage, kCoordinators),
        get("/panel/residents/new", residentNewPage, kCoordinators),
        post("/panel/residents/new", residentNewAction, kCoordinators),
        get("/panel/residents/resident", residentPage, kCoordinators),
        post("/panel/residents/mark", residentMarkAction, kCoordinators),
        post("/panel/residents/contact", residentContactAction, kCoordinators),
        post("/panel/residents/erase", residentEraseAction, kCoordinators),
        // the equipment waiting list (names and phones: coordinators)
        get("/panel/waiting-list", waitlistPage, kCoordinators),
        post("/panel/waiting-list/decide", waitlistDecideAction, kCoordinators),
        // reservations, conflicts, counselling: the page shows each section only to its roles
        get("/panel/reservations", reservationsPage, kCounselling),
        post("/panel/reservations/decide", reservationDecideAction, kCoordinators),
        post("/panel/counselling/decide", counsellingDecideAction, kCounselling),
        post("/panel/conflicts/resolve", conflictResolveAction, kCoordinators),
        // loans, units, duty slots (counsellors see them; coordinators publish them, product.md §5)
        get("/panel/loans", loansPage, kCoordinators),
        get("/panel/units", unitsPage, kCoordinators),
        post("/panel/units/state", unitStateAction, kCoordinators),
        get("/panel/slots", slotsPage, kCounselling),
        post("/panel/slots/save", slotSaveAction, kCoordinators),
        post("/panel/slots/withdraw", slotWithdrawAction, kCoordinators),
        // the activity schedule kiosks and the public pages show (issue 17)
        get("/panel/schedule", schedulePage, kCoordinators),
        post("/panel/schedule/save", scheduleSaveAction, kCoordinators),
        post("/panel/schedule/cancel", scheduleCancelAction, kCoordinators),
        post("/panel/schedule/cancel-date", scheduleCancelDateAction, kCoordinators),
        // catalogue and announcements
        get("/panel/catalog", catalogPage, kCoordinators),
        get("/panel/catalog/service", servicePage, kCoordinators),
        post("/panel/catalog/service", servicePost, kCoordinators),
        get("/panel/catalog/announcement", announcementPage, kCoordinators),
        post("/panel/catalog/announcement", announcementPost, kCoordinators),
        post("/panel/catalog/announcement/withdraw", announcementWithdraw, kCoordinators),
        // the whole catalogue: the CUS, services, fee tables, equipment, emergency numbers
        get("/panel/catalog/entries", catalogEntriesPage, kCoordinators),
        get("/panel/catalog/entry", catalogEntryPage, kCoordinators),
        post("/panel/catalog/entry", catalogEntryPost, kCoordinators),
        post("/panel/catalog/entry/retire", catalogEntryRetire, kCoordinators),
        post("/panel/catalog/entry/reactivate", catalogEntryReactivate, kCoordinators),
        get("/panel/catalog/import", catalogImportPage, kCoordinators),
        post("/panel/catalog/import/preview", catalogImportPreview, kCoordinators),
        post("/panel/catalog/import/apply", catalogImportApply, kCoordinators),
        // kiosks and monitoring
        get("/panel/kiosks", kiosksPage, kKiosks),
        get("/panel/monitoring", monitoringPage, kCoordinators),
        get("/panel/monitoring.csv", monitoringCsv, kCoordinators),
        // registers (docs/reporting.md): the counselling register names residents (coordinators and
        // counsellors), the volunteer club names volunteers (coordinators), the rest names nobody
        get("/panel/registers", registersIndexPage, kStaffWithPanel),
        get("/panel/registers/counselling", registerPage<RegisterId::Counselling>, kCounselling),
        post("/panel/registers/counselling/save", registerSave<RegisterId::Counselling>, kCounselling),
        post("/panel/registers/counselling/remove", registerRemove<RegisterId::Counselling>, kCounselling),
        post("/panel/registers/counselling/mark", counsellingMarkAction, kCounselling),
        get("/panel/registers/activities", registerPage<RegisterId::Activities>, kNamelessRegisters),
        post("/panel/registers/activities/save", registerSave<RegisterId::Activities>, kNamelessRegisters),
        post("/panel/registers/activities/remove", registerRemove<RegisterId::Activities>, kNamelessRegisters),
        get("/panel/registers/volunteer-members", registerPage<RegisterId::VolunteerMembers>, kCoordinators),
        post("/panel/registers/volunteer-members/save", registerSave<RegisterId::VolunteerMembers>, kCoordinators),
        post("/panel/registers/volunteer-members/remove", registerRemove<RegisterId::VolunteerMembers>, kCoordinators),
        get("/panel/registers/volunteer-initiatives", registerPage<RegisterId::VolunteerInitiatives>,
            kNamelessRegisters),
        post("/panel/registers/volunteer-initiatives/save", registerSave<RegisterId::VolunteerInitiatives>,
             kNamelessRegisters),
        post("/panel/registers/volunteer-initiatives/remove", registerRemove<RegisterId::VolunteerInitiatives>,
             kNamelessRegisters),
        get("/panel/registers/sheltered-housing", registerPage<RegisterId::ShelteredHousing>, kNamelessRegisters),
        post("/panel/registers/sheltered-housing/save", registerSave<RegisterId::ShelteredHousing>, kNamelessRegisters),
        post("/panel/registers/sheltered-housing/remove", registerRemove<RegisterId::ShelteredHousing>,
             kNamelessRegisters),
        // the idea box (what residents typed) and the ratings
        get("/panel/ideas", ideasPage, kCoordinators),
        post("/panel/ideas/status", ideaStatusAction, kCoordinators),
        // the programme's report and its indicators
        get("/panel/report", reportPage, kCoordinators),
        get("/panel/report.csv", reportCsv, kCoordinators),
        get("/panel/report.pdf", reportPdf, kCoordinators),
        get("/panel/report/evidence", reportEvidencePage, kCoordinators),
        get("/panel/indicators/edit", indicatorPage, kCoordinators),
        post("/panel/indicators/edit", indicatorPost, kCoordinators),
        post("/panel/indicators/value", indicatorValuePost, kCoordinators),
        // partner institutions: the coordinators' review queue, and each institution's own pages
        get("/panel/partners", partnersPage, kCoordinators),
        get("/panel/partners/institution", institutionReviewPage, kCoordinators),
        post("/panel/partners/institution/approve", institutionApproveAction, kCoordinators),
        post("/panel/partners/institution/code", institutionCodeAction, kCoordinators),
        post("/panel/partners/institution/reject", institutionRejectAction, kCoordinators),
        get("/panel/partners/proposal", proposalReviewPage, kCoordinators),
        post("/panel/partners/proposal/publish", proposalPublishAction, kCoordinators),
        post("/panel/partners/proposal/reject", proposalRejectAction, kCoordinators),
        get("/panel/partner", partnerHomePage, kPartners),
        post("/panel/partner/profile", partnerProfilePost, kPartners),
        get("/panel/partner/service", partnerServicePage, kPartners),
        post("/panel/partner/service", partnerServicePost, kPartners),
        open(get("/panel/partner/password", partnerPasswordPage, kPartners)),
        open(post("/panel/partner/password", partnerPasswordPost, kPartners)),
        // staff accounts
        get("/panel/staff", staffPage, kAdmins),
        post("/panel/staff/role", staffRoleAction, kAdmins),
        post("/panel/staff/active", staffActiveAction, kAdmins),
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

bool mayUse(std::string_view role, Method method, std::string_view path)
{
    const Route* route = findRoute(method, path);
    return route && roleAllowed(*route, role);
}

std::vector<NavItem> navFor(std::string_view role)
{
    std::vector<NavItem> allowed;
    for (const NavItem& item : panelNav())
        if (mayUse(role, Method::Get, item.path.view()))
            allowed.push_back(item);
    return allowed;
}

std::string startPathFor(std::string_view role)
{
    const std::vector<NavItem> nav = navFor(role);
    return nav.empty() ? std::string("/panel/login") : std::string(nav.front().path.view());
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

// The panel's routes in one table: method, exact path, the staff roles that may use it, and the
// handler — `PanelResponse f(const PageContext&)` for GET, `PanelResponse f(const PageContext&,
// const Form&)` for POST. A new page is a handler pair in its own file and one line here. Panel
// applies the policy around the table (method, session, CSRF and origin, roles).
#pragma once

#include "server/panel/page_parts.hpp"
#include "shared/domain/staff.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server::panel
{

enum class Method
{
    Get, ///< GET and HEAD
    Post
};

using GetHandler = PanelResponse (*)(const PageContext&);
using PostHandler = PanelResponse (*)(const PageContext&, const Form&);

struct Route
{
    Method method = Method::Get;
    std::string path;
    /// Who may use it once logged in. A route without a session (login, the stylesheet) is open to
    /// everyone; its roles say whom it serves.
    std::set<domain::StaffRole> roles;
    bool needsSession = true;
    GetHandler get = nullptr;   ///< set for Method::Get
    PostHandler post = nullptr; ///< set for Method::Post
};

/// Every route of the panel.
const std::vector<Route>& panelRoutes();

/// The route for `method` and exactly `path`; nullptr when there is none.
const Route* findRoute(Method method, std::string_view path);

/// True when a logged-in staff member whose role code is `role` may use `route`; an unknown role
/// code may use nothing.
bool roleAllowed(const Route& route, std::string_view role);

/// True when a staff member with role code `role` may use the route for `method` and `path`: a page
/// offers a form or link only to those who may use it.
bool mayUse(std::string_view role, Method method, std::string_view path);

/// The sections of the main navigation `role` may open, in order.
std::vector<NavItem> navFor(std::string_view role);

/// Where `role` lands after the login: its first section ("/panel/login" for a role with none).
std::string startPathFor(std::string_view role);

/// The 404 page for a path no route has (the catalogue's section has its own way back).
PanelResponse notFoundPage(Method method, std::string_view path);

/// The 403 page for a role the route does not allow.
PanelResponse roleRefusedPage();

} // namespace okienko::server::panel

// The panel's way in and out: the login form (with a double-submit CSRF cookie), the login POST
// (lockout, per-address slow-down, roles without a panel refused), logout, the stylesheet and the
// start page's redirect. The routes that need no session are here.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/static/panel.css (no session needed)
PanelResponse stylesheet(const PageContext& ctx);
/// GET /panel/login (no session needed): the form, or 303 to the start page when logged in.
PanelResponse loginPage(const PageContext& ctx);
/// POST /panel/login (no session needed; the login form's own CSRF cookie)
PanelResponse loginAction(const PageContext& ctx, const Form& form);
/// POST /panel/logout
PanelResponse logoutAction(const PageContext& ctx, const Form& form);
/// GET /, /panel, /panel/: 303 to the first section the role may open (coordinators: the callback queue).
PanelResponse startPage(const PageContext& ctx);

} // namespace okienko::server::panel

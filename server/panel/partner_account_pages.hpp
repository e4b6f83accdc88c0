// A partner institution's own pages in the panel (role partner): its profile, its services and its
// proposals (/panel/partner), a change of its profile (reviewed before it is published), a proposed
// new service or change of one of its own services (/panel/partner/service, reviewed likewise), and
// setting its password with the one-time code a coordinator handed over (/panel/partner/password,
// without a session). Every page is scoped by partner_scope: another institution's service is a
// 403, and no page here reads residents' data.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/partner
PanelResponse partnerHomePage(const PageContext& ctx);
/// POST /panel/partner/profile: a profile proposal; 422 with the problems at the fields.
PanelResponse partnerProfilePost(const PageContext& ctx, const Form& form);
/// GET /panel/partner/service[?id=…]: the form of one of its services, or of a new one.
PanelResponse partnerServicePage(const PageContext& ctx);
/// POST /panel/partner/service: a proposal; 422 with the loader's errors; 403 for a service not its own.
PanelResponse partnerServicePost(const PageContext& ctx, const Form& form);
/// GET /panel/partner/password: the form to set the password with the one-time code.
PanelResponse partnerPasswordPage(const PageContext& ctx);
/// POST /panel/partner/password (login, code, password, password2): 303 to the login when set.
PanelResponse partnerPasswordPost(const PageContext& ctx, const Form& form);

} // namespace okienko::server::panel

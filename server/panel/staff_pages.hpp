// Staff accounts for admins (/panel/staff): every account with its role and state, a role change
// and deactivation or reactivation, each written by LifecycleStore in one transaction with its
// audit row (the admin's id) and the member's change for kiosks; a role change or deactivation
// ends the member's panel sessions. Staff names only: no resident's data is on this page. New
// accounts, passwords and PINs stay on the command line (secrets are never typed into a form here).
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/staff
PanelResponse staffPage(const PageContext& ctx);
/// POST /panel/staff/role (id, role)
PanelResponse staffRoleAction(const PageContext& ctx, const Form& form);
/// POST /panel/staff/active (id, active = 0 or 1)
PanelResponse staffActiveAction(const PageContext& ctx, const Form& form);

} // namespace okienko::server::panel

// The header's site switcher (POST /panel/site): an account that reaches several sites (a county
// coordinator's) chooses the one the panel shows; every page then reads and changes that site's
// rows only (decision 0011).
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// POST /panel/site: `site` (one the account reaches), `back` (the section to return to).
PanelResponse siteSwitchAction(const PageContext& ctx, const Form& form);

} // namespace okienko::server::panel

// The panel's "Stan kiosków" page (/panel/kiosks): each kiosk's id and name with its last heartbeat
// — printer, outbox depth and oldest age, version, uptime, last sync — and an estimate of its clock
// skew; revoked kiosks in a list of their own. Read-only.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/kiosks
PanelResponse kiosksPage(const PageContext& ctx);

} // namespace okienko::server::panel

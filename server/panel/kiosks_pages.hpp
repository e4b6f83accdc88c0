// The panel's "Stan kiosków" page (/panel/kiosks): each kiosk's last heartbeat — printer, outbox
// depth and oldest age, version, uptime, last sync — and an estimate of its clock skew. Read-only.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/kiosks
PanelResponse kiosksPage(const PageContext& ctx);

} // namespace okienko::server::panel

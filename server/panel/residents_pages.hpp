// Residents registered from a phone call (/panel/residents…, coordinators only): the queue of
// residents to be told about a service that became available, the residents and their matches, the
// registration form, and the actions — mark told / not reachable / no longer interested, confirm a
// contact, erase on request. A sibling of the callback queue rather than part of it: a callback is
// the resident's request (its status goes back to the kiosk, it is de-duplicated by phone and closed
// after failed attempts), while this queue is the CUS's own message about one service, one row per
// resident and service, with other outcomes; mixing them would also change the callbacks' counts.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/residents: the queue "to be told" and the registered residents.
PanelResponse residentsPage(const PageContext& ctx);
/// GET /panel/residents/new: the registration form.
PanelResponse residentNewPage(const PageContext& ctx);
/// POST /panel/residents/new: registers, then shows the resident with the matching services.
PanelResponse residentNewAction(const PageContext& ctx, const Form& form);
/// GET /panel/residents/resident?id=N: needs, consent, matching services now, every match.
PanelResponse residentPage(const PageContext& ctx);
/// POST /panel/residents/mark: resident, service, outcome (told, unreachable, not-interested).
PanelResponse residentMarkAction(const PageContext& ctx, const Form& form);
/// POST /panel/residents/contact: the resident confirmed their needs on the phone.
PanelResponse residentContactAction(const PageContext& ctx, const Form& form);
/// POST /panel/residents/erase: erases the resident's data on request (confirm=1 required).
PanelResponse residentEraseAction(const PageContext& ctx, const Form& form);

} // namespace okienko::server::panel

// The panel's "Rezerwacje i poradnictwo" page (/panel/reservations): equipment reservations to
// confirm or reject (a conflict can only be rejected: confirming it would lend a unit twice),
// unresolved conflicts from kiosks that worked offline, and counselling requests to confirm,
// cancel (freeing the slot on every kiosk) or move to another free slot of their kind.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/reservations
PanelResponse reservationsPage(const PageContext& ctx);
/// POST /panel/reservations/decide (id, action=confirm|reject)
PanelResponse reservationDecideAction(const PageContext& ctx, const Form& form);
/// POST /panel/counselling/decide (id, action=confirm|cancel|move, slot for move, return=slots to
/// go back to the duty-hours page)
PanelResponse counsellingDecideAction(const PageContext& ctx, const Form& form);
/// POST /panel/conflicts/resolve (id)
PanelResponse conflictResolveAction(const PageContext& ctx, const Form& form);

} // namespace okienko::server::panel

// The equipment waiting list (/panel/waiting-list): each type's queue in order — who waits since
// when for which period, the unit held for the first one and until when — and each entry's
// outcome (offered, taken, declined, expired, withdrawn) with who recorded it. A coordinator
// records the resident's answer to an offer, or withdraws an entry; every change is audited and a
// declined or withdrawn offer passes the unit to the next in the queue.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/waiting-list
PanelResponse waitlistPage(const PageContext& ctx);
/// POST /panel/waiting-list/decide (id, outcome = taken | declined | withdrawn, optional back = callbacks)
PanelResponse waitlistDecideAction(const PageContext& ctx, const Form& form);

/// "LAP-WI-001 zatrzymany do 09.12.2026 14:00" and the two answers to the offer, for the callback queue.
Html waitlistOfferControls(const PageContext& ctx, const std::string& entryId, const std::string& code);

/// "oczekuje", "zaproponowano", "przyjęto", "odmówiono", "wygasło", "wycofano".
std::string waitlistStatusLabel(const std::string& status);

} // namespace okienko::server::panel

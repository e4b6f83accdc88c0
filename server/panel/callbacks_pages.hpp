// The panel's callback queue (/panel/callbacks): open callback requests by window (day, then
// morning/afternoon) in order of arrival, claiming one, and recording a call attempt (no answer,
// wrong number, done; optional note). A request is done on a `done` attempt and closes itself
// after the configured number of failed attempts; its kiosk gets the new status.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/callbacks
PanelResponse callbacksPage(const PageContext& ctx);
/// POST /panel/callbacks/claim (id)
PanelResponse callbackClaimAction(const PageContext& ctx, const Form& form);
/// POST /panel/callbacks/attempt (id, outcome, optional note)
PanelResponse callbackAttemptAction(const PageContext& ctx, const Form& form);

/// The opening of a one-button POST form about the row `id`, up to its own fields (also used by
/// the reservations page).
Html inlinePostForm(const PanelSession& session, Markup action, const std::string& id);

} // namespace okienko::server::panel

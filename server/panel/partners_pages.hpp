// The coordinators' review queue of partner institutions (/panel/partners…): registrations from the
// public form and proposals (new services, changes to an institution's services, profile changes)
// waiting for review; one registration with approve (its login is made and a one-time code to set
// the password is shown once) or reject with a reason; one proposal edited in the service's §8
// fields and published into the catalogue (kiosks get it at their next sync, the public pages at
// once) or rejected with a reason. Coordinators only; every decision audited (panel_actions: who,
// when; a publication also in catalog_edits).
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/partners: what waits, and the institutions decided.
PanelResponse partnersPage(const PageContext& ctx);
/// GET /panel/partners/institution?id=…: a registration with its contact person and decisions.
PanelResponse institutionReviewPage(const PageContext& ctx);
/// POST /panel/partners/institution/approve (id): 200 with the login and its one-time code.
PanelResponse institutionApproveAction(const PageContext& ctx, const Form& form);
/// POST /panel/partners/institution/code (id): a new one-time code for an approved institution.
PanelResponse institutionCodeAction(const PageContext& ctx, const Form& form);
/// POST /panel/partners/institution/reject (id, reason): 303; 422 without a reason.
PanelResponse institutionRejectAction(const PageContext& ctx, const Form& form);
/// GET /panel/partners/proposal?id=…: the proposal in the service's form (or the profile's change).
PanelResponse proposalReviewPage(const PageContext& ctx);
/// POST /panel/partners/proposal/publish (id, service_id for a new service, the fields): 303 when
/// published; 422 with the loader's errors at the top and the typed values kept; 409 for an id taken.
PanelResponse proposalPublishAction(const PageContext& ctx, const Form& form);
/// POST /panel/partners/proposal/reject (id, reason): 303; 422 without a reason.
PanelResponse proposalRejectAction(const PageContext& ctx, const Form& form);

} // namespace okienko::server::panel

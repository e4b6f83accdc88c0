// Who may act for a partner institution: the one check every page that lets an institution enter
// something calls (its profile and services here; its events in the activity schedules later) — a
// coordinator for any institution, a partner's login only for its own approved institution, and
// only for the catalogue services that institution keeps; every other role for none.
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/store/partner_views.hpp"

#include <optional>
#include <string>

namespace okienko::server::panel
{

/// The approved institution of the session's partner login; nullopt for any other session (and on
/// a database error, so nothing is shown).
std::optional<Institution> partnerInstitution(const PageContext& ctx);

/// True when the session may enter or change entries of institution `institutionId`.
bool mayActForInstitution(const PageContext& ctx, const std::string& institutionId);

/// True when the session may propose changes to catalogue service `serviceId`: a coordinator
/// always, a partner when its institution keeps the service.
bool mayActForService(const PageContext& ctx, const std::string& serviceId);

} // namespace okienko::server::panel

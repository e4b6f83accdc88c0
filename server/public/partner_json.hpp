// The partner institutions in the public JSON API (/public/api/v1/institutions[/{id}],
// docs/public-api.md): approved institutions only, their profile and published services; the
// contact person's name only when the institution marked it public, never the registration's other
// data (status, reason, language, login).
#pragma once

#include "server/public/public_catalog.hpp"
#include "server/public/public_json.hpp"
#include "server/store/partner_views.hpp"

#include <string_view>
#include <vector>

namespace okienko::server::pub
{

/// The answer for `route` ("institutions" or "institutions/{id}"); 404 for an unknown id.
JsonAnswer institutionsJson(const std::vector<Institution>& approved, const CatalogSnapshot& snapshot,
                            std::string_view route);

} // namespace okienko::server::pub

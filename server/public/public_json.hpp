// The read-only JSON API of the public catalogue (/public/api/v1/…, docs/public-api.md): areas,
// target groups, services (filtered by area or group), one service, search with the kiosk's
// folding, the fee calculator and the centre's contact details. Every answer is built from the
// catalogue snapshot only, so nothing personal can be in it; coordinators' notes (internal_note)
// are never read. Each bad parameter is a 400 with a precise reason, an unknown id a 404.
#pragma once

#include "server/public/public_catalog.hpp"

#include <map>
#include <string>
#include <string_view>

namespace okienko::server::pub
{

struct JsonAnswer
{
    int status = 200;
    std::string body;
};

/// {"error":{"code":…,"message":…}} with `status`.
JsonAnswer jsonError(int status, const std::string& code, const std::string& message);

/// The answer for `route` (the path after "/public/api/v1/") with its query parameters.
JsonAnswer answerJson(const CatalogSnapshot& snapshot, std::string_view route,
                      const std::map<std::string, std::string>& query);

} // namespace okienko::server::pub

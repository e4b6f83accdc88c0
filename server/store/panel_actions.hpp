// The audit row of a coordinator's action (panel_actions: who, what, which entity, when), written
// inside the caller's transaction by every panel action of the store.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace okienko::server
{

/// `site`: the site of the row acted on (the session's); an audit row naming a kiosk, a staff
/// account or a site takes that one's site in the schema (server migration 18) whatever is given.
Status<db::Error> recordPanelAction(db::Database& d, const std::string& staffId, std::string_view entity,
                                    const std::string& entityId, const std::string& action, std::int64_t now,
                                    std::string_view site = "default");

} // namespace okienko::server

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

Status<db::Error> recordPanelAction(db::Database& d, const std::string& staffId, std::string_view entity,
                                    const std::string& entityId, const std::string& action, std::int64_t now);

} // namespace okienko::server

// The panel_actions audit row.
#include "server/store/panel_actions.hpp"

#include "shared/db/query.hpp"

namespace okienko::server
{

Status<db::Error> recordPanelAction(db::Database& d, const std::string& staffId, std::string_view entity,
                                    const std::string& entityId, const std::string& action, std::int64_t now,
                                    std::string_view site)
{
    return db::exec(d,
                    "INSERT INTO panel_actions(staff_id, entity, entity_id, action, at, site_id) VALUES (?,?,?,?,?,?)",
                    staffId, entity, entityId, action, now, site);
}

} // namespace okienko::server

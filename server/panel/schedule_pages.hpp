// The activity schedule in the panel (/panel/schedule): coordinators enter dated activities — CAS
// workshops, club meetings, counselling duty hours, partners' events — once or weekly until a date,
// change them and call them off (or back on). Every save goes through ActivityStore (checked by
// shared/rules' activity checks, whose Polish messages are shown at their fields; published to kiosks;
// audited). The form is read here; partners' own form (later) uses the same store.
#pragma once

#include "server/panel/page_parts.hpp"

#include <map>
#include <string>

namespace okienko::server::panel
{

PanelResponse schedulePage(const PageContext& ctx);
PanelResponse scheduleSaveAction(const PageContext& ctx, const std::map<std::string, std::string>& form);
PanelResponse scheduleCancelAction(const PageContext& ctx, const std::map<std::string, std::string>& form);

/// POST /panel/schedule/cancel-date: one date of a weekly activity called off (id, date, reason,
/// action=cancel) or brought back (action=restore); audited and published to kiosks.
PanelResponse scheduleCancelDateAction(const PageContext& ctx, const std::map<std::string, std::string>& form);

} // namespace okienko::server::panel

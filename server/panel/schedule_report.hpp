// The report's "plan and what took place" table: per kind of the schedule, the occurrences planned
// in the period (the schedule: activities not cancelled, weekly series expanded) beside the sessions
// entered in the activity_sessions register where the register counts that kind (workshops ↔
// workshop, club meetings ↔ CAS groups). The schedule is the plan, the register is what happened;
// neither stands in for the other (docs/reporting.md, "The schedule and the register").
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/server_store.hpp"
#include "server/store/site_scope.hpp"
#include "shared/domain/activity.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::server::panel
{

struct PlanVersusHeld
{
    domain::ActivityKind kind = domain::ActivityKind::Workshop;
    double planned = 0;
    double cancelledDates = 0;  ///< of `planned`, single dates called off: not held
    std::string registerKind;   ///< the activity_sessions kind it is compared with; "" none
    std::optional<double> held; ///< none: no register kind, or the register's table is missing
};

/// One row per schedule kind for [from, to].
Result<std::vector<PlanVersusHeld>, db::Error> planVersusHeld(ServerStore& store, const SiteScope& scope, Date from,
                                                              Date to);

/// The table (with its heading) for the report page.
Html planVersusHeldSection(const std::vector<PlanVersusHeld>& rows);

} // namespace okienko::server::panel

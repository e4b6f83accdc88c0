// The schedule on the public pages (docs/public-api.md): /public/{lang}/schedule, the next two weeks
// by day as plain HTML (no script; a cancelled activity says so in words), and the JSON answer of
// /public/api/v1/schedule — the activities with their recurrence and every occurrence in the period
// with its Europe/Warsaw offset (RFC 3339), so a site can show it without knowing the zone's rules.
// Built from the activities table only: it holds nobody's personal data, and who entered an activity
// is left out.
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/public/public_catalog.hpp"
#include "server/public/public_json.hpp"
#include "shared/domain/activity.hpp"

#include <map>
#include <string>
#include <vector>

namespace okienko::server::pub
{

/// Days the page shows, today included.
inline constexpr int kSchedulePageDays = 14;
/// The API's longest period, in days.
inline constexpr int kScheduleApiMaxDays = 62;

/// The page's main part: the occurrences of `activities` from `today` for kSchedulePageDays.
panel::Html schedulePage(const CatalogSnapshot& snapshot, domain::Language lang,
                         const std::vector<domain::Activity>& activities, Date today);

/// GET /public/api/v1/schedule[?from=YYYY-MM-DD][&days=1…62][&kind=…]; from defaults to `today`,
/// days to 14. 400 for a bad or unknown parameter.
JsonAnswer scheduleJson(const std::vector<domain::Activity>& activities,
                        const std::map<std::string, std::string>& query, Date today);

} // namespace okienko::server::pub

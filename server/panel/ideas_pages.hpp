// The idea box and satisfaction page (/panel/ideas): the ideas residents left at the kiosks (text,
// area, language, date), each marked read / answered / forwarded by a coordinator (audited), filtered
// by status and period; and the ratings given after each service, counted per score.
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/store/indicator_views.hpp"
#include "server/store/register_views.hpp"

#include <vector>

namespace okienko::server::panel
{

/// GET /panel/ideas[?status=new|read|answered|forwarded&from=&to=]
PanelResponse ideasPage(const PageContext& ctx);
/// POST /panel/ideas/status (id, status, and the filter to return to): 303 with a message code.
PanelResponse ideaStatusAction(const PageContext& ctx, const Form& form);

/// "Zadowolenie według usługi": per flow, how many ratings of each score 1–5, their total and mean;
/// a table with the heading whose id is "zadowolenie" (for the report as well as this page).
Html satisfactionTable(const std::vector<RatingSummary>& ratings);

} // namespace okienko::server::panel

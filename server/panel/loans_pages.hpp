// The panel's "Wypożyczenia" page (/panel/loans): open loans with the overdue ones first, and loans
// returned in the last 30 days with their condition. Read-only; loans start and end at the kiosk.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// How far back "recently returned" reaches, in days.
inline constexpr int kRecentReturnDays = 30;

/// GET /panel/loans[?zalegle=1]: `zalegle=1` lists only overdue open loans (and no returns).
PanelResponse loansPage(const PageContext& ctx);

} // namespace okienko::server::panel

// What the site-isolation tests compare: every row of one site as text — the rows of the
// site-owned tables with that site_id, the rows of its kiosks in tables keyed by kiosk (events,
// kiosk_cursors), and every row of the tables without a site (the catalogue, the units' states…)
// — and the difference between two such texts, reported line by line. Shared by the kiosk API's
// and the panel's isolation tests.
#pragma once

#include "server/server_store.hpp"

#include <set>
#include <string>

namespace okienko::test
{

/// Every row of `site` as text; the tables in `leaveOut` are not read.
std::string siteRows(server::ServerStore& store, const std::string& site, const std::set<std::string>& leaveOut = {});

/// A gtest failure, naming `what`, for each row that differs between `before` and `after`.
void expectSameRows(const std::string& before, const std::string& after, const std::string& what);

} // namespace okienko::test

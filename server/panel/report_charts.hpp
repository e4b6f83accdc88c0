// The report's charts as inline SVG drawn on the server: no script and no style attribute, so they
// fit the panel's Content-Security-Policy (default-src 'none'; style-src 'self'). Each chart has a
// <title> and a <desc> and the same numbers are in the report's tables.
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/panel/report_model.hpp"

#include <string>
#include <vector>

namespace okienko::server::panel
{

/// Bars of actual against target, one row per indicator that has a target; empty when none has.
Html targetBarsSvg(const std::vector<ReportLine>& lines);

/// A line of the indicator's trend over its periods (`idSuffix` keeps the title/desc ids unique).
Html trendLineSvg(const ReportLine& line, const std::string& idSuffix);

} // namespace okienko::server::panel

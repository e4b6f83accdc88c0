// The report pages (/panel/report): the chosen period's indicators with target, actual, share and
// trend, charts as inline SVG, the evidence behind each number, CSV and PDF exports; and the
// indicator pages (/panel/indicators/…), where a coordinator changes target, evidence and how an
// indicator is counted, or enters the value of an indicator counted by hand — each change audited.
#pragma once

#include "server/panel/page_parts.hpp"

namespace okienko::server::panel
{

/// GET /panel/report?period=year&year=2024 (| quarter&quarter=Q | month&month=M | custom&from&to).
PanelResponse reportPage(const PageContext& ctx);
/// GET /panel/report.csv with the same period: the indicator lines and the ratings.
PanelResponse reportCsv(const PageContext& ctx);
/// GET /panel/report.pdf with the same period: the printable report.
PanelResponse reportPdf(const PageContext& ctx);
/// GET /panel/report/evidence?indicator=ID&<period>: the rows the number was counted from.
PanelResponse reportEvidencePage(const PageContext& ctx);
/// GET /panel/indicators/edit?id=ID: the indicator's form and its entered values.
PanelResponse indicatorPage(const PageContext& ctx);
/// POST /panel/indicators/edit: target, evidence, how counted.
PanelResponse indicatorPost(const PageContext& ctx, const Form& form);
/// POST /panel/indicators/value: the value of an entered indicator for one of its periods.
PanelResponse indicatorValuePost(const PageContext& ctx, const Form& form);

} // namespace okienko::server::panel

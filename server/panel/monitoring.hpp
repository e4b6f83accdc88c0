// The panel's "Monitoring" page (/panel/monitoring) and its CSV export (/panel/monitoring.csv):
// the indicators of product.md §9 / seeds-digest §5 that the server's own data can count for a
// period, worded from the store's counts, for the CUS's reports.
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/store/report_views.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::server::panel
{

/// One line of the report: section, indicator, detail (a service, flow or area; may be empty) and
/// the value, already formatted (Polish decimal comma for averages).
struct IndicatorRow
{
    std::string section;
    std::string indicator;
    std::string detail;
    std::string value;
};

/// The report's lines for the store's counts, in report order; an area the catalogue added is named
/// as `catalogue` names it (by its id without one).
std::vector<IndicatorRow> indicatorRows(const MonitoringCounts& counts, const domain::Catalog* catalogue = nullptr);

/// The days `from` … `to` inclusive in the server's local time zone.
ReportPeriod reportPeriod(Date from, Date to);

/// CSV for Polish Excel: UTF-8 with a BOM (else Excel reads it as Windows-1250), ';' as the
/// separator (Polish Excel's list separator, since ',' is the decimal comma), CRLF line ends,
/// text cells as csvTextCell, the value column as csvValueCell. First line: "Sekcja;Wskaźnik;Szczegół;Wartość".
std::string indicatorsCsv(const std::vector<IndicatorRow>& rows, Date from, Date to);

/// A text cell: quoted when it contains ';', '"', CR or LF; a cell beginning with '=', '+', '-', '@',
/// tab or CR (a formula to Excel and LibreOffice) is prefixed with "'" and always quoted.
std::string csvTextCell(const std::string& text);
/// A value cell: a number ("12", "-3", "4,50") bare so it stays a number, anything else as csvTextCell.
std::string csvValueCell(const std::string& value);

/// "6. wspieranie osób niepełnosprawnych" for an area code (numbered as in the CUS act); the code
/// itself when unknown; "bez wskazanego obszaru" for "".
std::string areaLabel(const std::string& code);
/// The same, and an area `catalogue` added by its Polish name (decision 0012).
std::string areaLabel(const std::string& code, const domain::Catalog& catalogue);

/// "wypożyczalnia sprzętu" for a flow code (ratings are given per flow); the code itself when unknown.
std::string flowLabel(const std::string& flow);

/// Unix seconds of local midnight starting `day`.
std::int64_t localMidnight(Date day);

/// GET /panel/monitoring[?from=YYYY-MM-DD&to=YYYY-MM-DD] (default: this month so far).
PanelResponse monitoringPage(const PageContext& ctx);
/// GET /panel/monitoring.csv with the same period; 400 for a period that does not parse.
PanelResponse monitoringCsv(const PageContext& ctx);

} // namespace okienko::server::panel

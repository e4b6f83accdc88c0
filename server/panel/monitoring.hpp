// The monitoring indicators of product.md §9 / seeds-digest §5 that the server's own data can
// count for a period, and their CSV export for the CUS's reports.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

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

/// Counts for the days `from` … `to` inclusive (the server's local time zone).
Result<std::vector<IndicatorRow>, db::Error> computeIndicators(db::Database& d, Date from, Date to);

/// CSV for Polish Excel: UTF-8 with a BOM (else Excel reads it as Windows-1250), ';' as the
/// separator (Polish Excel's list separator, since ',' is the decimal comma), CRLF line ends,
/// fields quoted when they contain ';', '"', CR or LF. First line: "Sekcja;Wskaźnik;Szczegół;Wartość".
std::string indicatorsCsv(const std::vector<IndicatorRow>& rows, Date from, Date to);

/// "6. wspieranie osób niepełnosprawnych" for an area code (numbered as in the CUS act); the code
/// itself when unknown; "bez wskazanego obszaru" for "".
std::string areaLabel(const std::string& code);

/// Unix seconds of local midnight starting `day`.
std::int64_t localMidnight(Date day);

} // namespace okienko::server::panel

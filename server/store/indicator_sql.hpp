// The SQL behind every "how counted" of an indicator (docs/reporting.md, "The register contract"):
// one statement per automatic metric and per register measure, each counting over the days ?1 … ?2
// (ISO dates, inclusive, local calendar days), activity_sessions' measures also narrowed by ?3, the
// kinds as ",a,b," ('' for all). Kept in one place so the registers' tables, when they arrive, are
// wired by editing this file only.
#pragma once

#include <string_view>
#include <vector>

namespace okienko::server
{

struct MeasureSql
{
    std::string_view name;     ///< the metric or the measure
    std::string_view count;    ///< one row, one REAL column
    std::string_view evidence; ///< the rows counted, at most kMaxEvidenceRows + 1, all TEXT columns
    std::string_view columns;  ///< the evidence's column names, '|'-separated
};

struct RegisterSql
{
    std::string_view name;
    std::vector<std::string_view> tables; ///< all must exist, else "brak rejestru"
    bool byKinds = false;                 ///< binds ?3
    std::vector<MeasureSql> measures;
};

/// The automatic metrics' SQL, over the server's own tables.
const std::vector<MeasureSql>& automaticSql();
/// The registers' SQL.
const std::vector<RegisterSql>& registerSql();

} // namespace okienko::server

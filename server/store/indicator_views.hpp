// What the report and indicator pages read and ask of the store: the indicators with their
// version and last edit, one measurement of an indicator over a period (or why there is none), the
// rows a number was counted from, the satisfaction ratings, and a coordinator's edits.
#pragma once

#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/indicator.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

struct IndicatorView
{
    domain::Indicator indicator;
    std::int64_t version = 0;
    std::string editedBy; ///< the coordinator of the latest edit; "" when never edited
    std::int64_t editedAt = 0;
};

/// Why an indicator has a number or not: never a made-up value.
enum class MeasureState
{
    Value,
    NoRegister, ///< the register's table is not in this database ("brak rejestru")
    NotEntered, ///< an entered indicator without a value for the period
};

struct IndicatorMeasurement
{
    MeasureState state = MeasureState::Value;
    double value = 0;
};

/// The rows behind a number: column names and texts, at most kMaxEvidenceRows.
struct EvidenceTable
{
    MeasureState state = MeasureState::Value;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    bool truncated = false;
};
inline constexpr int kMaxEvidenceRows = 2000;

/// The ratings residents gave after one flow in a period: how many of each score 1–5.
struct RatingSummary
{
    std::string flow;
    std::int64_t count = 0;
    double average = 0;
    std::array<std::int64_t, 5> byScore{};
};

/// A coordinator's change of an indicator's target, evidence document and how it is counted.
struct IndicatorEdit
{
    std::string id;
    std::int64_t version = 0;
    std::optional<double> target;
    std::string evidence;
    domain::IndicatorCounting counting;
    std::string staffId;
    std::int64_t now = 0;
};

enum class IndicatorSaveResult
{
    Saved,
    Unchanged,
    Invalid,
    Stale,
    NotFound,
};

struct IndicatorSaveOutcome
{
    IndicatorSaveResult result = IndicatorSaveResult::NotFound;
    catalog::CatalogErrors errors; ///< Invalid: the loader's reasons, paths into the indicator
};

/// A value a coordinator enters for an "entered" indicator and one of its periods.
struct IndicatorValueEntry
{
    std::string id;
    std::string firstDay, lastDay; ///< "YYYY-MM-DD", the indicator's period
    double value = 0;
    std::string staffId;
    std::int64_t now = 0;
};

} // namespace okienko::server

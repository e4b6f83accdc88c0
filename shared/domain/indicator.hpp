// An indicator of the CUS's programme (docs/catalog-format.md, `indicators`): what the plan or the
// programme counts, its target, the document that proves it and how the server counts it, with the
// seed's own sentence as its source. The vocabulary of "how counted" lives here so the catalogue
// loader and the server's report agree on it: an automatic metric from the server's own rows, a
// measure of a named register, or a value a coordinator enters per period.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::domain
{

/// The period one target is set for.
enum class IndicatorPeriod
{
    Year,
    Quarter,
    Month,
};

enum class CountingKind
{
    Automatic, ///< from requests, loans and slots the server already holds
    Register,  ///< from rows of a named register (docs/reporting.md)
    Entered,   ///< a coordinator enters the value per period
};

/// How values entered for an indicator add up over a report's period: the sum of the values
/// entered for periods inside it (counts of new things: new users, new services), or the value
/// entered for the latest period inside it (counts of what exists at a time: providers, volunteers).
enum class IndicatorAggregation
{
    Sum,
    Latest,
};

/// How an indicator is counted. `measure` is an automatic metric for Automatic, a measure of
/// `registerName` for Register, and empty for Entered; `kinds` narrows activity_sessions.
struct IndicatorCounting
{
    CountingKind kind = CountingKind::Entered;
    std::string registerName;
    std::string measure;
    std::vector<std::string> kinds;

    friend bool operator==(const IndicatorCounting&, const IndicatorCounting&) = default;
};

struct Indicator
{
    std::string id;
    std::string name;    ///< Polish, as the seed words it
    std::string service; ///< the service or area it belongs to
    std::string unit;    ///< "osoba", "godzina", …
    IndicatorPeriod period = IndicatorPeriod::Year;
    std::optional<double> target; ///< none when the seed gives none
    std::string evidence;         ///< "dokument potwierdzający"
    IndicatorCounting counting;
    IndicatorAggregation aggregation = IndicatorAggregation::Sum; ///< of entered values only
    std::string source;                                           ///< the seed's sentence, quoted

    friend bool operator==(const Indicator&, const Indicator&) = default;
};

std::string_view indicatorPeriodCode(IndicatorPeriod period);
std::optional<IndicatorPeriod> parseIndicatorPeriod(std::string_view code);
std::string_view countingKindCode(CountingKind kind);
/// "sum", "latest".
std::string_view aggregationCode(IndicatorAggregation aggregation);
std::optional<IndicatorAggregation> parseAggregation(std::string_view code);
std::optional<CountingKind> parseCountingKind(std::string_view code);

/// The automatic metrics the server counts (docs/reporting.md).
const std::vector<std::string_view>& automaticMetrics();
/// The registers an indicator may name.
const std::vector<std::string_view>& registerNames();
/// The measures of one register; empty for an unknown register.
std::vector<std::string_view> registerMeasures(std::string_view registerName);
/// The kinds of rows of activity_sessions ("cas-group", "workshop", "thematic").
const std::vector<std::string_view>& activityKinds();
/// The kinds an indicator's `kinds` may name for a register: activity_sessions' above, the schedule's
/// ("workshop", "club", "duty", "partner-event") for activity_schedule; empty for the other registers,
/// which `kinds` does not narrow.
std::vector<std::string_view> registerKinds(std::string_view registerName);

} // namespace okienko::domain

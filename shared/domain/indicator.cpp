// The codes of indicators and the vocabulary of "how counted".
#include "shared/domain/indicator.hpp"

#include "shared/domain/activity.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace okienko::domain
{

namespace
{
template <typename E, std::size_t N>
std::optional<E> byCode(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code)
{
    for (const auto& [value, text] : table)
        if (text == code)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view codeOf(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, text] : table)
        if (v == value)
            return text;
    return "";
}

constexpr std::array<std::pair<IndicatorPeriod, std::string_view>, 3> kPeriods{
    {{IndicatorPeriod::Year, "year"}, {IndicatorPeriod::Quarter, "quarter"}, {IndicatorPeriod::Month, "month"}}};
constexpr std::array<std::pair<CountingKind, std::string_view>, 3> kKinds{
    {{CountingKind::Automatic, "automatic"}, {CountingKind::Register, "register"}, {CountingKind::Entered, "entered"}}};
constexpr std::array<std::pair<IndicatorAggregation, std::string_view>, 2> kAggregations{
    {{IndicatorAggregation::Sum, "sum"}, {IndicatorAggregation::Latest, "latest"}}};
} // namespace

std::string_view aggregationCode(IndicatorAggregation aggregation)
{
    return codeOf(kAggregations, aggregation);
}

std::optional<IndicatorAggregation> parseAggregation(std::string_view code)
{
    return byCode(kAggregations, code);
}

std::string_view indicatorPeriodCode(IndicatorPeriod period)
{
    return codeOf(kPeriods, period);
}

std::optional<IndicatorPeriod> parseIndicatorPeriod(std::string_view code)
{
    return byCode(kPeriods, code);
}

std::string_view countingKindCode(CountingKind kind)
{
    return codeOf(kKinds, kind);
}

std::optional<CountingKind> parseCountingKind(std::string_view code)
{
    return byCode(kKinds, code);
}

const std::vector<std::string_view>& automaticMetrics()
{
    static const std::vector<std::string_view> metrics{
        "counselling-meetings", "counselling-persons",  "counselling-duty-hours", "equipment-borrowers",
        "equipment-loans",      "catalog-new-services", "residents-matched"};
    return metrics;
}

const std::vector<std::string_view>& registerNames()
{
    static const std::vector<std::string_view> names{"counselling_register", "activity_sessions", "volunteer_club",
                                                     "sheltered_housing", "activity_schedule"};
    return names;
}

std::vector<std::string_view> registerMeasures(std::string_view registerName)
{
    if (registerName == "counselling_register")
        return {"held-meetings", "persons", "hours", "walk-ins"};
    if (registerName == "activity_sessions")
        return {"sessions", "hours", "participants", "distinct-groups"};
    if (registerName == "volunteer_club")
        return {"members", "members-joined", "initiatives"};
    if (registerName == "sheltered_housing")
        return {"residents", "flats"};
    // The plan, not what happened: occurrences of the schedule not cancelled (docs/reporting.md).
    if (registerName == "activity_schedule")
        return {"planned", "planned-hours", "cancelled"};
    return {};
}

const std::vector<std::string_view>& activityKinds()
{
    static const std::vector<std::string_view> kinds{"cas-group", "workshop", "thematic"};
    return kinds;
}

std::vector<std::string_view> registerKinds(std::string_view registerName)
{
    if (registerName == "activity_sessions")
        return activityKinds();
    if (registerName == "activity_schedule")
    {
        std::vector<std::string_view> kinds;
        for (ActivityKind k : allActivityKinds())
            kinds.push_back(activityKindCode(k));
        return kinds;
    }
    return {};
}

} // namespace okienko::domain

// Writing and reading the indicators table.
#include "server/store/indicator_rows.hpp"

#include "shared/db/query.hpp"

#include <utility>

namespace okienko::server
{

protocol::Json indicatorFileJson(const domain::Indicator& indicator)
{
    using protocol::Json;
    Json entry{{"id", indicator.id},
               {"name", indicator.name},
               {"service", indicator.service},
               {"unit", indicator.unit},
               {"period", std::string(domain::indicatorPeriodCode(indicator.period))},
               {"evidence", indicator.evidence},
               {"source", indicator.source}};
    entry["target"] = indicator.target ? Json(*indicator.target) : Json(nullptr);
    Json how{{"kind", std::string(domain::countingKindCode(indicator.counting.kind))}};
    if (indicator.counting.kind == domain::CountingKind::Automatic)
        how["metric"] = indicator.counting.measure;
    if (indicator.counting.kind == domain::CountingKind::Register)
    {
        how["register"] = indicator.counting.registerName;
        how["measure"] = indicator.counting.measure;
        if (!indicator.counting.kinds.empty())
            how["kinds"] = indicator.counting.kinds;
    }
    entry["how_counted"] = how;
    if (indicator.counting.kind == domain::CountingKind::Entered &&
        indicator.aggregation != domain::IndicatorAggregation::Sum)
        entry["aggregation"] = std::string(domain::aggregationCode(indicator.aggregation));
    return entry;
}

std::string joinKinds(const std::vector<std::string>& kinds)
{
    if (kinds.empty())
        return "";
    std::string out = ",";
    for (const auto& k : kinds)
        out += k + ",";
    return out;
}

namespace
{
std::vector<std::string> splitKinds(const std::string& joined)
{
    std::vector<std::string> out;
    std::string current;
    for (char c : joined)
    {
        if (c != ',')
            current.push_back(c);
        else if (!current.empty())
            out.push_back(std::exchange(current, {}));
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}
} // namespace

Status<db::Error> replaceIndicators(db::Database& d, const std::vector<domain::Indicator>& indicators)
{
    if (auto st = db::exec(d, "DELETE FROM indicators"); !st)
        return st;
    std::int64_t position = 0;
    for (const auto& i : indicators)
    {
        if (auto st = db::exec(d,
                               "INSERT INTO indicators(id, position, name, service, unit, period, target, evidence, "
                               "counting, register_name, measure, kinds, source, aggregation) VALUES (?, ?, ?, ?, ?, "
                               "?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               i.id, position++, i.name, i.service, i.unit,
                               std::string(domain::indicatorPeriodCode(i.period)), i.target, i.evidence,
                               std::string(domain::countingKindCode(i.counting.kind)), i.counting.registerName,
                               i.counting.measure, joinKinds(i.counting.kinds), i.source,
                               std::string(domain::aggregationCode(i.aggregation)));
            !st)
            return st;
    }
    return {};
}

Result<std::vector<IndicatorView>, db::Error> readIndicators(db::Database& d, const std::string& id)
{
    std::vector<IndicatorView> out;
    bool bad = false;
    auto st = db::forEachRow(
        d,
        "SELECT i.id, i.name, i.service, i.unit, i.period, i.target, i.evidence, i.counting, i.register_name, "
        "i.measure, i.kinds, i.source, i.version, COALESCE(s.name, ''), COALESCE(e.at, 0), i.aggregation FROM "
        "indicators i "
        // The definition's latest edit: an entered value is one site's (decision 0011), not the definition's.
        "LEFT JOIN indicator_edits e ON e.id = (SELECT MAX(x.id) FROM indicator_edits x WHERE x.indicator_id = i.id "
        "AND x.action <> 'value') "
        "LEFT JOIN staff s ON s.id = e.staff_id WHERE (?1 = '' OR i.id = ?1) ORDER BY i.position",
        [&](db::Row& r)
        {
            IndicatorView v;
            auto& i = v.indicator;
            i.id = r.text();
            i.name = r.text();
            i.service = r.text();
            i.unit = r.text();
            auto period = domain::parseIndicatorPeriod(r.text());
            i.target = r.optionalReal();
            i.evidence = r.text();
            auto kind = domain::parseCountingKind(r.text());
            i.counting.registerName = r.text();
            i.counting.measure = r.text();
            i.counting.kinds = splitKinds(r.text());
            i.source = r.text();
            v.version = r.int64();
            v.editedBy = r.text();
            v.editedAt = r.int64();
            auto aggregation = domain::parseAggregation(r.text());
            if (!period || !kind || !aggregation)
                bad = true;
            else
            {
                i.period = *period;
                i.counting.kind = *kind;
                i.aggregation = *aggregation;
            }
            out.push_back(std::move(v));
        },
        id);
    if (!st)
        return makeErr(st.error());
    if (bad)
        return makeErr(db::Error{db::ErrorKind::BadData, 0, "an indicator's period or counting kind does not decode",
                                 "indicators"});
    return out;
}

} // namespace okienko::server

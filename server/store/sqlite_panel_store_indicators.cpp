// The report's queries and the indicator edits on SQLite. Every measurement runs the statement of
// indicator_sql for the indicator's metric or register measure over the period's days; a register
// whose tables are not in this database is "brak rejestru", an entered indicator without a value is
// "nie wprowadzono" — never a number made up. Edits are checked with the catalogue loader's rules
// for one indicator and written with their indicator_edits audit row in one transaction.
#include "server/store/indicator_rows.hpp"
#include "server/store/indicator_sql.hpp"
#include "server/store/site_scoped_sql.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/json_reader.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace okienko::server
{

namespace
{
using protocol::Json;

/// Whether each register's tables exist, asked once per snapshot.
class RegisterPresence
{
  public:
    explicit RegisterPresence(db::Database& d) : m_db(d) {}

    Result<bool, db::Error> present(const RegisterSql& reg)
    {
        auto it = m_known.find(std::string(reg.name));
        if (it != m_known.end())
            return it->second;
        bool all = true;
        for (auto table : reg.tables)
        {
            auto found =
                db::exists(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", std::string(table));
            if (!found)
                return makeErr(found.error());
            all = all && *found;
        }
        m_known[std::string(reg.name)] = all;
        return all;
    }

  private:
    db::Database& m_db;
    std::map<std::string, bool> m_known;
};

const RegisterSql* findRegister(const std::string& name)
{
    for (const auto& r : registerSql())
        if (r.name == name)
            return &r;
    return nullptr;
}

const MeasureSql* findMeasure(const std::vector<MeasureSql>& list, const std::string& name)
{
    for (const auto& m : list)
        if (m.name == name)
            return &m;
    return nullptr;
}

/// The statement an indicator is counted by and whether it binds the kinds; nullptr for entered
/// indicators and NoRegister when its register is missing.
struct Counting
{
    MeasureState state = MeasureState::Value;
    const MeasureSql* sql = nullptr;
    bool byKinds = false;
};

Result<Counting, db::Error> countingOf(const domain::Indicator& ind, RegisterPresence& registers)
{
    Counting c;
    switch (ind.counting.kind)
    {
    case domain::CountingKind::Automatic:
        c.sql = findMeasure(automaticSql(), ind.counting.measure);
        break;
    case domain::CountingKind::Register:
        if (const RegisterSql* reg = findRegister(ind.counting.registerName))
        {
            auto present = registers.present(*reg);
            if (!present)
                return makeErr(present.error());
            if (!*present)
            {
                c.state = MeasureState::NoRegister;
                return c;
            }
            c.sql = findMeasure(reg->measures, ind.counting.measure);
            c.byKinds = reg->byKinds;
        }
        break;
    case domain::CountingKind::Entered:
        break;
    }
    if (ind.counting.kind != domain::CountingKind::Entered && c.sql == nullptr)
        c.state = MeasureState::NoRegister; // a code the loader refuses, from an older database
    return c;
}

/// The indicator's number over `period`, counted over the rows of `scope`'s sites.
Result<IndicatorMeasurement, db::Error> measure(db::Database& d, const domain::Indicator& ind,
                                                const ReportPeriod& period, RegisterPresence& registers,
                                                const SiteScope& scope)
{
    auto counting = countingOf(ind, registers);
    if (!counting)
        return makeErr(counting.error());
    if (counting->state != MeasureState::Value)
        return IndicatorMeasurement{counting->state, 0};
    if (ind.counting.kind == domain::CountingKind::Entered)
    {
        IndicatorMeasurement m{MeasureState::NotEntered, 0};
        // Values entered for periods inside the report's: their sum, or the latest one's value (a
        // count of what exists at a time is not added up over quarters) — each site's latest, added
        // up over the sites of a county's total.
        const bool latest = ind.aggregation == domain::IndicatorAggregation::Latest;
        auto st = db::forEachRow(
            d,
            latest ? "SELECT COUNT(*), COALESCE(SUM(value), 0.0) FROM (SELECT value, ROW_NUMBER() OVER (PARTITION BY "
                     "site_id ORDER BY last_day DESC, first_day DESC) AS newest FROM indicator_values WHERE "
                     "indicator_id = ? AND first_day >= ? AND last_day <= ? AND site_id IN (SELECT value FROM "
                     "json_each(?))) WHERE newest = 1"
                   : "SELECT COUNT(*), COALESCE(SUM(value), 0.0) FROM indicator_values WHERE indicator_id = ? AND "
                     "first_day >= ? AND last_day <= ? AND site_id IN (SELECT value FROM json_each(?))",
            [&](db::Row& r)
            {
                const std::int64_t n = r.int64();
                const double sum = r.real();
                if (n > 0)
                    m = IndicatorMeasurement{MeasureState::Value, sum};
            },
            ind.id, period.firstDay, period.lastDay, scope.bound());
        if (!st)
            return makeErr(st.error());
        return m;
    }
    IndicatorMeasurement m;
    auto read = [&](db::Row& r)
    {
        m.value = r.optionalReal().value_or(0);
    };
    // ?3 is bound for every statement (unused but by the kinds' measures), the sites at ?4.
    auto st = db::forEachRow(d, siteScopedSql(counting->sql->count, scope, "?4"), read, period.firstDay, period.lastDay,
                             counting->byKinds ? joinKinds(ind.counting.kinds) : std::string(), scope.bound());
    if (!st)
        return makeErr(st.error());
    return m;
}

std::vector<std::string> splitColumns(std::string_view columns)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= columns.size())
    {
        const std::size_t bar = columns.find('|', start);
        out.emplace_back(columns.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos)
            break;
        start = bar + 1;
    }
    return out;
}

std::string numberText(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}
} // namespace

Result<std::vector<IndicatorView>, db::Error> SqlitePanelStore::indicators()
{
    std::vector<IndicatorView> out;
    auto st = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto rows = readIndicators(d);
            if (!rows)
                return makeErr(rows.error());
            out = std::move(rows).value();
            return {};
        });
    if (!st)
        return makeErr(st.error());
    return out;
}

Result<std::vector<std::vector<IndicatorMeasurement>>, db::Error>
SqlitePanelStore::measureIndicators(const std::vector<domain::Indicator>& indicators,
                                    const std::vector<std::vector<ReportPeriod>>& periods)
{
    std::vector<std::vector<IndicatorMeasurement>> out;
    auto st = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            out.assign(indicators.size(), {});
            RegisterPresence registers(d);
            for (std::size_t i = 0; i < indicators.size() && i < periods.size(); ++i)
                for (const auto& period : periods[i])
                {
                    auto m = measure(d, indicators[i], period, registers, m_scope);
                    if (!m)
                        return makeErr(m.error());
                    out[i].push_back(*m);
                }
            return {};
        });
    if (!st)
        return makeErr(st.error());
    return out;
}

Result<EvidenceTable, db::Error> SqlitePanelStore::indicatorEvidence(const domain::Indicator& ind,
                                                                     const ReportPeriod& period)
{
    return readView<EvidenceTable>(
        m_store,
        [&](db::Database& d, EvidenceTable& t) -> Status<db::Error>
        {
            auto addRow = [&](std::vector<std::string> row)
            {
                if (static_cast<int>(t.rows.size()) >= kMaxEvidenceRows)
                    t.truncated = true;
                else
                    t.rows.push_back(std::move(row));
            };
            if (ind.counting.kind == domain::CountingKind::Entered)
            {
                t.columns = {"Od", "Do", "Wartość", "Wprowadził(a)", "Kiedy"};
                return db::forEachRow(
                    d,
                    "SELECT v.first_day, v.last_day, v.value, COALESCE(s.name, v.staff_id), strftime('%Y-%m-%d %H:%M', "
                    "v.at, 'unixepoch', 'localtime') FROM "
                    "indicator_values v LEFT JOIN staff s ON s.id = v.staff_id WHERE v.indicator_id = ? AND "
                    "v.first_day >= ? AND v.last_day <= ? AND " +
                        m_scope.clause("v.site_id") + " ORDER BY v.first_day",
                    [&](db::Row& r) {
                        addRow({r.text(), r.text(), numberText(r.real()), r.text(), r.text()});
                    },
                    ind.id, period.firstDay, period.lastDay, m_scope.bound());
            }
            RegisterPresence registers(d);
            auto counting = countingOf(ind, registers);
            if (!counting)
                return makeErr(counting.error());
            t.state = counting->state;
            if (counting->state != MeasureState::Value)
                return {};
            t.columns = splitColumns(counting->sql->columns);
            const std::size_t width = t.columns.size();
            auto read = [&](db::Row& r)
            {
                std::vector<std::string> row;
                for (std::size_t c = 0; c < width; ++c)
                    row.push_back(r.optionalText().value_or(""));
                addRow(std::move(row));
            };
            return db::forEachRow(d, siteScopedSql(counting->sql->evidence, m_scope, "?4"), read, period.firstDay,
                                  period.lastDay, counting->byKinds ? joinKinds(ind.counting.kinds) : std::string(),
                                  m_scope.bound());
        });
}

Result<std::vector<RatingSummary>, db::Error> SqlitePanelStore::ratingSummaries(const ReportPeriod& period)
{
    return readAll(
        m_store,
        "SELECT flow, COUNT(*), AVG(rating), SUM(rating = 1), SUM(rating = 2), SUM(rating = 3), "
        "SUM(rating = 4), SUM(rating = 5) FROM usage_events WHERE kind = 'rating' AND rating BETWEEN 1 AND 5 AND "
        "at >= ? AND at < ? AND " +
            m_scope.clause("site_id") + " GROUP BY flow ORDER BY flow",
        [](db::Row& r)
        {
            RatingSummary s;
            s.flow = r.text();
            s.count = r.int64();
            s.average = r.real();
            for (auto& n : s.byScore)
                n = r.int64();
            return s;
        },
        period.start, period.end, m_scope.bound());
}

Result<IndicatorSaveOutcome, db::Error> SqlitePanelStore::saveIndicator(const IndicatorEdit& edit)
{
    // The indicators' definitions are the programme's, one list for every site (decision 0015): kept by
    // the default site's coordinators; another site's coordinator finds none to change.
    if (!m_scope.contains(kDefaultSite))
    {
        IndicatorSaveOutcome none;
        none.result = IndicatorSaveResult::NotFound;
        return none;
    }
    return writeWithOutcome(
        m_store, IndicatorSaveOutcome{},
        [&](db::Database& d, IndicatorSaveOutcome& out) -> Status<db::Error>
        {
            auto stored = readIndicators(d, edit.id);
            if (!stored)
                return makeErr(stored.error());
            if (stored->empty())
                return {};
            const IndicatorView& current = stored->front();
            if (current.version != edit.version)
            {
                out.result = IndicatorSaveResult::Stale;
                return {};
            }
            domain::Indicator changed = current.indicator;
            changed.target = edit.target;
            changed.evidence = edit.evidence;
            changed.counting = edit.counting;
            // The loader's rules for one indicator, so what the panel stores an import would accept.
            const Json entry = indicatorFileJson(changed);
            auto checked = catalog::parseIndicatorEntry(entry.dump());
            if (!checked)
            {
                out.result = IndicatorSaveResult::Invalid;
                out.errors = checked.error();
                return {};
            }
            if (*checked == current.indicator)
            {
                out.result = IndicatorSaveResult::Unchanged;
                return {};
            }
            if (auto st = db::exec(d,
                                   "UPDATE indicators SET target = ?, evidence = ?, counting = ?, register_name = ?, "
                                   "measure = ?, kinds = ?, version = version + 1 WHERE id = ?",
                                   checked->target, checked->evidence,
                                   std::string(domain::countingKindCode(checked->counting.kind)),
                                   checked->counting.registerName, checked->counting.measure,
                                   joinKinds(checked->counting.kinds), edit.id);
                !st)
                return st;
            out.result = IndicatorSaveResult::Saved;
            return db::exec(d,
                            "INSERT INTO indicator_edits(indicator_id, action, staff_id, data, at) VALUES (?, "
                            "'update', ?, ?, ?)",
                            edit.id, edit.staffId, entry.dump(), edit.now);
        });
}

Result<bool, db::Error> SqlitePanelStore::enterIndicatorValue(const IndicatorValueEntry& entry)
{
    return writeWithOutcome(
        m_store, false,
        [&](db::Database& d, bool& saved) -> Status<db::Error>
        {
            auto found = db::exists(d, "SELECT 1 FROM indicators WHERE id = ? AND counting = 'entered'", entry.id);
            if (!found)
                return makeErr(found.error());
            if (!*found)
                return {};
            if (auto st =
                    db::exec(d,
                             "INSERT INTO indicator_values(indicator_id, first_day, last_day, value, staff_id, "
                             "at, site_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(site_id, indicator_id, "
                             "first_day) DO UPDATE SET last_day = excluded.last_day, value = excluded.value, "
                             "staff_id = excluded.staff_id, at = excluded.at",
                             entry.id, entry.firstDay, entry.lastDay, entry.value, entry.staffId, entry.now, site());
                !st)
                return st;
            saved = true;
            const Json data{{"first_day", entry.firstDay}, {"last_day", entry.lastDay}, {"value", entry.value}};
            return db::exec(d,
                            "INSERT INTO indicator_edits(indicator_id, action, staff_id, data, at) VALUES (?, 'value', "
                            "?, ?, ?)",
                            entry.id, entry.staffId, data.dump(), entry.now);
        });
}

} // namespace okienko::server

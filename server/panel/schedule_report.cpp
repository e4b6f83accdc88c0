// The plan-and-held table (see schedule_report.hpp). Both numbers come from the report's own
// statements (store/indicator_sql), so the table and an indicator counted from either agree.
#include "server/panel/schedule_report.hpp"

#include "server/store/indicator_sql.hpp"
#include "server/store/site_scoped_sql.hpp"
#include "shared/db/query.hpp"

namespace okienko::server::panel
{
namespace
{

const MeasureSql* measureOf(std::string_view registerName, std::string_view measure)
{
    for (const RegisterSql& r : registerSql())
        if (r.name == registerName)
            for (const MeasureSql& m : r.measures)
                if (m.name == measure)
                    return &m;
    return nullptr;
}

/// The register's kind a schedule kind is compared with ("" none): the register writes the
/// catalogue's "cas-group" as cas_group and its statements compare them so.
std::string registerKindOf(domain::ActivityKind kind)
{
    switch (kind)
    {
    case domain::ActivityKind::Workshop:
        return "workshop";
    case domain::ActivityKind::Club:
        return "cas-group";
    case domain::ActivityKind::Duty:
    case domain::ActivityKind::PartnerEvent:
        return "";
    }
    return "";
}

const char* kindLabel(domain::ActivityKind kind)
{
    switch (kind)
    {
    case domain::ActivityKind::Workshop:
        return "Warsztaty (CAS)";
    case domain::ActivityKind::Club:
        return "Spotkania klubów i grup (CAS)";
    case domain::ActivityKind::Duty:
        return "Dyżury doradcze";
    case domain::ActivityKind::PartnerEvent:
        return "Wydarzenia partnerów";
    }
    return "";
}

Result<double, db::Error> count(db::Database& d, std::string_view sql, Date from, Date to, const std::string& kinds,
                                const SiteScope& scope)
{
    auto v = db::queryOne(
        d, siteScopedSql(sql, scope, "?4"), [](db::Row& r) { return r.real(); }, from.iso(), to.iso(), kinds,
        scope.bound());
    if (!v)
        return makeErr(v.error());
    return v->value_or(0.0);
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

Result<std::vector<PlanVersusHeld>, db::Error> planVersusHeld(ServerStore& store, const SiteScope& scope, Date from,
                                                              Date to)
{
    const MeasureSql* planned = measureOf("activity_schedule", "planned");
    const MeasureSql* held = measureOf("activity_sessions", "sessions");
    const MeasureSql* cancelled = measureOf("activity_schedule", "cancelled");
    std::vector<PlanVersusHeld> rows;
    auto st = store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            rows.clear();
            auto registerTable =
                db::queryOne(d, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'activity_sessions'",
                             [](db::Row& r) { return r.integer(); });
            if (!registerTable)
                return makeErr(registerTable.error());
            for (domain::ActivityKind k : domain::allActivityKinds())
            {
                PlanVersusHeld row;
                row.kind = k;
                auto p =
                    count(d, planned->count, from, to, "," + std::string(domain::activityKindCode(k)) + ",", scope);
                if (!p)
                    return makeErr(p.error());
                row.planned = *p;
                auto c =
                    count(d, cancelled->count, from, to, "," + std::string(domain::activityKindCode(k)) + ",", scope);
                if (!c)
                    return makeErr(c.error());
                row.cancelledDates = *c;
                row.registerKind = registerKindOf(k);
                if (!row.registerKind.empty() && registerTable->has_value())
                {
                    auto h = count(d, held->count, from, to, "," + row.registerKind + ",", scope);
                    if (!h)
                        return makeErr(h.error());
                    row.held = *h;
                }
                rows.push_back(row);
            }
            return {};
        });
    if (!st)
        return makeErr(st.error());
    return rows;
}

Html planVersusHeldSection(const std::vector<PlanVersusHeld>& rows)
{
    Html out;
    out << "<h2 id=\"plan\">Harmonogram a odbyte zajęcia</h2>\n<p>Harmonogram to plan (zajęcia nieodwołane, "
           "cykle rozpisane na dni); rejestr zajęć to to, co się odbyło. Porównanie tam, gdzie rejestr liczy ten "
           "rodzaj. Dzień odwołany pojedynczo był w planie i się nie odbył: liczy się do zaplanowanych, a nie do "
           "odbytych.</p>\n<table aria-labelledby=\"plan\"><thead><tr><th scope=\"col\">Rodzaj</th><th scope=\"col\" "
           "class=\"num\">Zaplanowane (harmonogram)</th><th scope=\"col\" class=\"num\">W tym odwołane dni</th>"
           "<th scope=\"col\" class=\"num\">Odbyte (rejestr zajęć)</th></tr></thead><tbody>";
    for (const PlanVersusHeld& r : rows)
    {
        out << "<tr><th scope=\"row\">" << std::string(kindLabel(r.kind)) << "</th><td class=\"num\">"
            << number(r.planned) << "</td><td class=\"num\">" << number(r.cancelledDates) << "</td><td class=\"num\">";
        if (r.held)
            out << number(*r.held);
        else if (r.registerKind.empty())
            out << "— (rejestr nie liczy tego rodzaju)";
        else
            out << "brak rejestru";
        out << "</td></tr>";
    }
    return out << "</tbody></table>\n";
}

} // namespace okienko::server::panel

// The monitoring page and CSV: counts from the store, worded here (sections, indicators, labels
// of flows and areas, the Polish decimal comma), shown as a table or written for Polish Excel.
#include "server/panel/monitoring.hpp"

#include "server/panel/counted_sites.hpp"
#include "server/residents/resident_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/domain/area.hpp"
#include "shared/text/percent_encode.hpp"

#include <cstdio>
#include <ctime>
#include <initializer_list>
#include <map>
#include <string_view>
#include <utility>

namespace okienko::server::panel
{

std::int64_t localMidnight(Date day)
{
    std::tm t{};
    t.tm_year = day.year - 1900;
    t.tm_mon = day.month - 1;
    t.tm_mday = day.day;
    t.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&t));
}

namespace
{
const char* const kAreaNames[] = {"polityka prorodzinna",
                                  "wspieranie rodziny",
                                  "system pieczy zastępczej",
                                  "pomoc społeczna",
                                  "promocja i ochrona zdrowia",
                                  "wspieranie osób niepełnosprawnych",
                                  "edukacja publiczna",
                                  "przeciwdziałanie bezrobociu",
                                  "kultura",
                                  "kultura fizyczna i turystyka",
                                  "pobudzanie aktywności obywatelskiej",
                                  "mieszkalnictwo",
                                  "ochrona środowiska",
                                  "reintegracja zawodowa i społeczna"};

} // namespace

std::string areaLabel(const std::string& code)
{
    if (code.empty())
        return "bez wskazanego obszaru";
    auto area = domain::parseArea(code);
    const auto n = area ? domain::actNumber(*area) : std::nullopt;
    if (!n)
        return code; // an area the catalogue added is counted under its own id (decision 0012)
    return std::to_string(*n) + ". " + kAreaNames[static_cast<std::size_t>(*n - 1)];
}

std::string areaLabel(const std::string& code, const domain::Catalog& catalogue)
{
    const auto area = domain::parseArea(code);
    if (area && !domain::actNumber(*area))
        if (const auto* def = catalogue.findArea(*area))
            return def->name.pl;
    return areaLabel(code);
}

std::string flowLabel(const std::string& flow)
{
    static const std::map<std::string, std::string> labels{{"equipment", "wypożyczalnia sprzętu"},
                                                           {"counselling", "poradnictwo specjalistyczne"},
                                                           {"callback", "prośba o telefon"},
                                                           {"catalog", "katalog usług"},
                                                           {"check_out", "wypożyczalnia sprzętu — wydanie"}};
    auto it = labels.find(flow);
    return it == labels.end() ? flow : it->second;
}

namespace
{

std::string decimalComma(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    for (char& c : s)
        if (c == '.')
            c = ',';
    return s;
}

/// A whole number or a decimal-comma number ("12", "-3", "4,50"): written bare so Excel reads a number.
bool isCsvNumber(const std::string& v)
{
    std::size_t i = (!v.empty() && v[0] == '-') ? 1 : 0;
    std::size_t digits = 0;
    bool comma = false;
    for (; i < v.size(); ++i)
    {
        if (v[i] >= '0' && v[i] <= '9')
            ++digits;
        else if (v[i] == ',' && !comma && digits > 0)
            comma = true;
        else
            return false;
    }
    return digits > 0 && v.back() != ',';
}
} // namespace

std::string csvTextCell(const std::string& v)
{
    // OWASP "CSV injection": a cell Excel or LibreOffice could read as a formula gets a leading
    // apostrophe (shown as text, never evaluated) and is always quoted.
    const bool formulaLike = !v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos;
    if (!formulaLike && v.find_first_of(";\"\r\n") == std::string::npos)
        return v;
    std::string out = formulaLike ? "\"'" : "\"";
    for (char c : v)
    {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    return out + "\"";
}

std::string csvValueCell(const std::string& v)
{
    return isCsvNumber(v) ? v : csvTextCell(v);
}

std::vector<IndicatorRow> indicatorRows(const MonitoringCounts& m, const domain::Catalog* catalogue)
{
    std::vector<IndicatorRow> rows;
    auto add = [&](const char* section, const char* indicator, std::string detail, std::string value)
    {
        rows.push_back({section, indicator, std::move(detail), std::move(value)});
    };
    // A section's plain counts, one row per indicator, in the order given.
    auto counts = [&](const char* section, std::initializer_list<std::pair<const char*, std::int64_t>> indicators)
    {
        for (const auto& [indicator, n] : indicators)
            add(section, indicator, "", std::to_string(n));
    };
    // One row per service in a top-services list, most first.
    auto services = [&](const char* section, const char* indicator, const std::vector<NamedCount>& top)
    {
        for (const auto& s : top)
            add(section, indicator, s.name, std::to_string(s.count));
    };

    counts("Wypożyczalnia sprzętu rehabilitacyjnego",
           {{"Liczba osób korzystających z usługi (różni wypożyczający)", m.borrowers},
            {"Wypożyczenia rozpoczęte", m.loansStarted},
            {"Rezerwacje złożone w kioskach", m.reservations},
            {"Osoby, które zarezerwowały sprzęt", m.reservingPersons}});
    counts("Punkt poradnictwa specjalistycznego",
           {{"Liczba spotkań w zakresie poradnictwa (umówione terminy)", m.meetings},
            {"Liczba osób korzystających z poradnictwa", m.personsCounselled},
            {"Zgłoszenia z kiosków", m.counsellingRequests}});
    counts("Prośby o telefon", {{"Zgłoszone", m.callbacksReceived},
                                {"Załatwione (rozmowa odbyta)", m.callbacksDone},
                                {"Zamknięte bez kontaktu", m.callbacksClosed},
                                {"Próby połączeń", m.callAttempts}});

    const char* kUsage = "Korzystanie z kiosków";
    services(kUsage, "Najczęściej oglądane usługi", m.mostViewed);
    services(kUsage, "Najczęściej wyszukiwane usługi", m.mostSearched);
    counts(kUsage, {{"Wyszukiwania ogółem", m.searches}, {"Sprawy doprowadzone do końca", m.finishedFlows}});

    const char* kRatings = "Zadowolenie (oceny 1–5)";
    for (const auto& r : m.ratings)
    {
        const std::string flow = flowLabel(r.flow);
        add(kRatings, "Liczba ocen", flow, std::to_string(r.count));
        add(kRatings, "Średnia ocena", flow, decimalComma(r.average));
    }
    for (const auto& idea : m.ideasByArea)
        add("Skrzynka pomysłów", "Liczba pomysłów",
            catalogue != nullptr ? areaLabel(idea.name, *catalogue) : areaLabel(idea.name), std::to_string(idea.count));
    return rows;
}

ReportPeriod reportPeriod(Date from, Date to)
{
    return ReportPeriod{from.iso(), to.iso(), localMidnight(from), localMidnight(to.plusDays(1))};
}

std::string indicatorsCsv(const std::vector<IndicatorRow>& rows, Date from, Date to)
{
    std::string out = "\xEF\xBB\xBF";
    out += "Sekcja;Wskaźnik;Szczegół;Wartość\r\n";
    out += "Okres;Początek okresu;;" + from.iso() + "\r\n";
    out += "Okres;Koniec okresu;;" + to.iso() + "\r\n";
    for (const auto& r : rows)
        out += csvTextCell(r.section) + ";" + csvTextCell(r.indicator) + ";" + csvTextCell(r.detail) + ";" +
               csvValueCell(r.value) + "\r\n";
    return out;
}

namespace
{
/// The period of ?from=&to= (default: this month so far), or the reason it is refused, and
/// whether a county's total was asked for (`sites=all`).
struct RequestedPeriod
{
    Date from, to;
    std::string error;
    bool allSites = false;
};

RequestedPeriod requestedPeriod(const PageContext& ctx)
{
    RequestedPeriod p{Date{ctx.now.today.year, ctx.now.today.month, 1}, ctx.now.today, {}};
    p.allSites = fieldValue(ctx.request.query, "sites") == "all";
    const std::string fromText = fieldValue(ctx.request.query, "from");
    const std::string toText = fieldValue(ctx.request.query, "to");
    if (fromText.empty() && toText.empty())
        return p;
    auto f = parseIsoDate(fromText);
    auto t = parseIsoDate(toText);
    if (!f || !t)
        p.error = "Podaj obie daty w formacie RRRR-MM-DD.";
    else if (*t < *f)
        p.error = "Data końcowa jest wcześniejsza niż początkowa.";
    else if (t->toDays() - f->toDays() > 3700)
        p.error = "Okres może mieć najwyżej 10 lat.";
    else
    {
        p.from = *f;
        p.to = *t;
    }
    return p;
}

Result<std::vector<IndicatorRow>, db::Error> loadIndicators(const PageContext& ctx, const RequestedPeriod& p,
                                                            const SiteScope& scope)
{
    const ReportPeriod period = reportPeriod(p.from, p.to);
    SqlitePanelStore counted(ctx.store, scope);
    auto counts = counted.monitoringCounts(period);
    if (!counts)
        return makeErr(counts.error());
    auto overview = counted.catalogOverview();
    if (!overview)
        return makeErr(overview.error());
    auto rows = indicatorRows(*counts, overview->catalogue ? &*overview->catalogue : nullptr);
    auto residentCounts =
        residents::ResidentStore(ctx.store, scope).counts(period.firstDay, period.lastDay, period.start, period.end);
    if (!residentCounts)
        return makeErr(residentCounts.error());
    const char* kResidents = "Mieszkańcy zapisani z rozmów telefonicznych";
    for (const auto& [indicator, n] : {std::pair{"Zapisani w okresie", residentCounts->registered},
                                       std::pair{"Mieszkańcy dopasowani do usług", residentCounts->matched},
                                       std::pair{"Dopasowania (mieszkaniec–usługa)", residentCounts->matches},
                                       std::pair{"Poinformowani o nowej usłudze", residentCounts->told},
                                       std::pair{"Wysłane e-maile", residentCounts->emailsSent}})
        rows.push_back({kResidents, indicator, "", std::to_string(n)});
    return rows;
}

/// The figures counted, and for a county's total each site's own value of every total row ("—"
/// where a site has no such row: a flow or area it never saw).
struct MonitoringFigures
{
    CountedSites sites;
    std::vector<IndicatorRow> rows;
    std::vector<std::vector<std::string>> bySite; ///< [site][row]
};

Result<MonitoringFigures, db::Error> loadFigures(const PageContext& ctx, const RequestedPeriod& p)
{
    MonitoringFigures f{countedSites(ctx.session, p.allSites), {}, {}};
    auto rows = loadIndicators(ctx, p, f.sites.scope);
    if (!rows)
        return makeErr(rows.error());
    f.rows = std::move(rows).value();
    for (const auto& site : f.sites.total)
    {
        auto own = loadIndicators(ctx, p, SiteScope::one(site.id));
        if (!own)
            return makeErr(own.error());
        std::map<std::string, std::string> byKey;
        for (const auto& row : *own)
            byKey[row.section + '\n' + row.indicator + '\n' + row.detail] = row.value;
        std::vector<std::string> values;
        for (const auto& row : f.rows)
        {
            auto found = byKey.find(row.section + '\n' + row.indicator + '\n' + row.detail);
            values.push_back(found == byKey.end() ? "—" : found->second);
        }
        f.bySite.push_back(std::move(values));
    }
    return f;
}

Html renderMonitoring(const RequestedPeriod& p, const MonitoringFigures& f, const PanelSession& session)
{
    Html body;
    body << "<form method=\"get\" action=\"/panel/monitoring\" class=\"inline\"><fieldset><legend>Okres</legend>"
            "<label for=\"from\">Od</label> <input id=\"from\" name=\"from\" type=\"date\" required value=\""
         << p.from.iso()
         << "\"> <label for=\"to\">Do</label> <input id=\"to\" name=\"to\" type=\"date\" required value=\""
         << p.to.iso() << "\"> " << sitesChoice(session, f.sites.isTotal())
         << "<button type=\"submit\">Pokaż</button></fieldset></form>\n";
    if (!p.error.empty())
        body << "<p class=\"flash error\" role=\"alert\">" << p.error << "</p>\n";
    if (f.sites.isTotal())
        body << "<h2>" << f.sites.totalName() << "</h2>\n";
    body << "<p><a href=\"/panel/monitoring.csv?from=" << text::percentEncode(p.from.iso())
         << "&amp;to=" << text::percentEncode(p.to.iso()) << (f.sites.isTotal() ? Markup("&amp;sites=all") : Markup(""))
         << "\">Pobierz CSV (Excel)</a></p>\n<table>\n<caption>Wskaźniki za okres " << p.from.iso() << " – "
         << p.to.iso()
         << "</caption>\n<thead><tr><th scope=\"col\">Obszar</th><th scope=\"col\">Wskaźnik</th>"
            "<th scope=\"col\">Szczegół</th>";
    for (const auto& site : f.sites.total)
        body << "<th scope=\"col\" class=\"num\">" << site.name << "</th>";
    body << "<th scope=\"col\" class=\"num\">" << (f.sites.isTotal() ? Markup("Razem") : Markup("Wartość"))
         << "</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < f.rows.size(); ++i)
    {
        const auto& row = f.rows[i];
        body << "<tr><td>" << row.section << "</td><th scope=\"row\">" << row.indicator << "</th><td>" << row.detail
             << "</td>";
        for (const auto& values : f.bySite)
            body << "<td class=\"num\">" << values[i] << "</td>";
        body << "<td class=\"num\">" << row.value << "</td></tr>\n";
    }
    body << "</tbody>\n</table>\n<p class=\"muted\">Spotkania w poradnictwie liczone są z terminów umówionych "
            "przez kiosk (data terminu w okresie); osoby — po numerze telefonu, a bez numeru po nazwisku.</p>\n";
    return body;
}

/// A county's total for Excel: the columns of indicatorsCsv, then each site's value.
std::string totalCsv(const MonitoringFigures& f, const RequestedPeriod& p)
{
    std::string out = "\xEF\xBB\xBF";
    out += "Sekcja;Wskaźnik;Szczegół;Wartość";
    for (const auto& site : f.sites.total)
        out += ";" + csvTextCell(site.name);
    out += "\r\nOkres;Początek okresu;;" + p.from.iso() + "\r\nOkres;Koniec okresu;;" + p.to.iso() + "\r\nOśrodki;" +
           csvTextCell(f.sites.totalName()) + ";;\r\n";
    for (std::size_t i = 0; i < f.rows.size(); ++i)
    {
        const auto& r = f.rows[i];
        out += csvTextCell(r.section) + ";" + csvTextCell(r.indicator) + ";" + csvTextCell(r.detail) + ";" +
               csvValueCell(r.value);
        for (const auto& values : f.bySite)
            out += ";" + csvValueCell(values[i]);
        out += "\r\n";
    }
    return out;
}
} // namespace

PanelResponse monitoringPage(const PageContext& ctx)
{
    const RequestedPeriod period = requestedPeriod(ctx);
    auto figures = loadFigures(ctx, period);
    if (!figures)
        return messagePage(503, "Błąd", "Nie udało się policzyć wskaźników.");
    return htmlPage(pageFrame(ctx, "Monitoring", "/panel/monitoring"), renderMonitoring(period, *figures, ctx.session));
}

PanelResponse monitoringCsv(const PageContext& ctx)
{
    const RequestedPeriod period = requestedPeriod(ctx);
    if (!period.error.empty())
        return messagePage(400, "Błędny okres", period.error);
    auto figures = loadFigures(ctx, period);
    if (!figures)
        return messagePage(503, "Błąd", "Nie udało się policzyć wskaźników.");
    PanelResponse r;
    r.body =
        figures->sites.isTotal() ? totalCsv(*figures, period) : indicatorsCsv(figures->rows, period.from, period.to);
    r.contentType = "text/csv; charset=utf-8";
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"okienko-wskazniki-" + period.from.iso() +
                                                      "-" + period.to.iso() + ".csv\"");
    return r;
}

} // namespace okienko::server::panel

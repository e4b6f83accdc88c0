// Load through PanelStore (report_model's loadReport), render with Html; the CSV and the PDF come
// from the same ReportData as the page. Edits are post/redirect/get; a refused edit shows the form
// again with the loader's reason.
#include "server/panel/report_pages.hpp"

#include "server/panel/counted_sites.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/report_charts.hpp"
#include "server/panel/report_model.hpp"
#include "server/panel/report_pdf.hpp"
#include "server/panel/schedule_report.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/text/percent_encode.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <variant>

namespace okienko::server::panel
{

namespace
{
constexpr const char* kNav = "/panel/report";

const std::map<std::string, FlashMessage> kMessages{
    {"saved", {"Zapisano wskaźnik.", false}},
    {"unchanged", {"Nic nie zmieniono: wskaźnik był już taki.", false}},
    {"value-saved", {"Zapisano wartość za okres.", false}},
    {"stale", {"Wskaźnik zmienił ktoś inny w międzyczasie; formularz pokazuje obecny stan.", true}},
    {"bad-value",
     {"Wartość musi być liczbą od 0 do 1 000 000 000, a okres — rokiem (i kwartałem albo miesiącem).", true}},
    {"error", {"Nie udało się zapisać. Spróbuj ponownie.", true}},
};

PanelResponse storeError()
{
    return messagePage(503, "Błąd", "Nie udało się policzyć wskaźników.", kNav, "Wróć do sprawozdania");
}

std::optional<IndicatorView> findIndicator(const std::vector<IndicatorView>& all, const std::string& id)
{
    auto it = std::find_if(all.begin(), all.end(), [&](const IndicatorView& v) { return v.indicator.id == id; });
    if (it == all.end())
        return std::nullopt;
    return *it;
}

/// A decimal number from a form ("7,5" or "7.5"), 0 … 1e9; nullopt otherwise.
std::optional<double> parseAmount(std::string text)
{
    std::replace(text.begin(), text.end(), ',', '.');
    if (text.empty() || text.size() > 16 || text.find_first_not_of("0123456789.") != std::string::npos ||
        std::count(text.begin(), text.end(), '.') > 1 || text.front() == '.' || text.back() == '.')
        return std::nullopt;
    const double v = std::strtod(text.c_str(), nullptr);
    if (!(v >= 0 && v <= 1e9))
        return std::nullopt;
    return v;
}

Html periodForm(const ReportRequest& r, const PanelSession& session)
{
    Html f;
    auto option = [&](const std::string& value, const std::string& label, bool selected)
    {
        f << "<option value=\"" << value << "\"" << (selected ? Markup(" selected") : Markup("")) << ">" << label
          << "</option>";
    };
    f << "<form method=\"get\" action=\"/panel/report\" class=\"inline no-print\"><fieldset><legend>Okres</legend>"
         "<label for=\"period\">Rodzaj</label> <select id=\"period\" name=\"period\">";
    option("year", "rok", r.kind == "year");
    option("quarter", "kwartał", r.kind == "quarter");
    option("month", "miesiąc", r.kind == "month");
    option("custom", "własny (od–do)", r.kind == "custom");
    f << "</select> <label for=\"year\">Rok</label> <input id=\"year\" name=\"year\" inputmode=\"numeric\" size=\"4\" "
         "value=\""
      << r.year << "\"> <label for=\"quarter\">Kwartał</label> <select id=\"quarter\" name=\"quarter\">";
    for (int q = 1; q <= 4; ++q)
        option(std::to_string(q), std::to_string(q), r.quarter == q);
    f << "</select> <label for=\"month\">Miesiąc</label> <select id=\"month\" name=\"month\">";
    for (int m = 1; m <= 12; ++m)
        option(std::to_string(m), std::to_string(m), r.month == m);
    f << "</select> <label for=\"from\">Od</label> <input id=\"from\" name=\"from\" type=\"date\" value=\""
      << r.from.iso() << "\"> <label for=\"to\">Do</label> <input id=\"to\" name=\"to\" type=\"date\" value=\""
      << r.to.iso() << "\"> ";
    f << sitesChoice(session, r.allSites) << "<button type=\"submit\">Pokaż</button></fieldset></form>\n";
    return f;
}

/// The rows of an evidence table under `caption`.
Html evidenceTable(const Html& caption, const EvidenceTable& table)
{
    Html t;
    t << "<table><caption>" << caption << "</caption><thead><tr>";
    for (const auto& c : table.columns)
        t << "<th scope=\"col\">" << c << "</th>";
    t << "</tr></thead><tbody>";
    for (const auto& row : table.rows)
    {
        t << "<tr>";
        for (const auto& cell : row)
            t << "<td>" << cell << "</td>";
        t << "</tr>";
    }
    t << "</tbody></table>\n";
    return t;
}

std::string evidenceHref(const ReportRequest& r, const std::string& id)
{
    return "/panel/report/evidence?indicator=" + text::percentEncode(id) + "&" + reportQuery(r);
}

Html trendTable(const ReportLine& line)
{
    Html t;
    t << "<details><summary>Trend w liczbach</summary><table class=\"trend-numbers\"><thead><tr>"
         "<th scope=\"col\">Okres</th><th scope=\"col\" class=\"num\">Wartość</th></tr></thead><tbody>";
    for (const auto& p : line.trend)
        t << "<tr><td>" << p.label << "</td><td class=\"num\">" << measurementText(p.value) << "</td></tr>";
    t << "</tbody></table></details>";
    return t;
}

/// A county's total beside each site's own figure, one row per indicator.
Html sitesTable(const ReportData& d)
{
    Html t;
    t << "<table class=\"report\"><caption>Wykonanie w poszczególnych ośrodkach i razem</caption><thead><tr>"
         "<th scope=\"col\">Wskaźnik</th>";
    for (const auto& site : d.sites)
        t << "<th scope=\"col\" class=\"num\">" << site.siteName << "</th>";
    t << "<th scope=\"col\" class=\"num\">Razem</th></tr></thead><tbody>";
    for (std::size_t i = 0; i < d.lines.size(); ++i)
    {
        t << "<tr><th scope=\"row\">" << d.lines[i].view.indicator.name << "</th>";
        for (const auto& site : d.sites)
            t << "<td class=\"num\">" << measurementText(site.actuals.at(i)) << "</td>";
        t << "<td class=\"num\">" << measurementText(d.lines[i].actual) << "</td></tr>";
    }
    t << "</tbody></table>\n";
    return t;
}

Html renderReport(const ReportData& d, const std::string& error, const PanelSession& session)
{
    const ReportRequest& r = d.request;
    Html body;
    body << periodForm(r, session);
    if (!error.empty())
        body << "<p class=\"flash error\" role=\"alert\">" << error << "</p>\n";
    body << "<section class=\"report-head\"><h2>"
         << (d.cusName.empty() ? std::string("Centrum Usług Społecznych") : d.cusName) << "</h2><p>"
         << d.municipalityName << "</p><p><strong>Sprawozdanie z realizacji wskaźników — okres: " << periodLabel(r)
         << " (" << r.from.iso() << " – " << r.to.iso() << ")</strong></p><p class=\"wording\">"
         << std::string(kProgrammeWording) << "</p></section>\n";
    const std::string query = reportQuery(r);
    body << "<p class=\"no-print\"><a href=\"/panel/report.csv?" << query
         << "\">Pobierz CSV (Excel)</a> · <a href=\"/panel/report.pdf?" << query
         << "\">Pobierz PDF do sprawozdania</a> · wydruk strony z przeglądarki ma własny układ do druku</p>\n";
    if (d.lines.empty())
        body << "<p>Katalog nie ma wskaźników. Dodaj je do pliku katalogu (klucz „indicators”) i zaimportuj go.</p>\n";
    body << targetBarsSvg(d.lines);
    body << "<table class=\"report\">\n<caption>Wskaźniki za okres " << periodLabel(r)
         << "</caption>\n<thead><tr><th scope=\"col\">Usługa</th><th scope=\"col\">Wskaźnik</th><th "
            "scope=\"col\">Jednostka</th><th scope=\"col\" class=\"num\">Wartość docelowa</th><th scope=\"col\" "
            "class=\"num\">Wykonanie</th><th scope=\"col\" class=\"num\">% celu</th><th scope=\"col\">Trend</th>"
            "<th scope=\"col\">Dokument potwierdzający i dowód</th></tr></thead>\n<tbody>\n";
    std::size_t n = 0;
    for (const auto& line : d.lines)
    {
        const auto& ind = line.view.indicator;
        body << "<tr id=\"w-" << ind.id << "\"><td>" << ind.service << "</td><th scope=\"row\">" << ind.name
             << "<br><a class=\"no-print\" href=\"/panel/indicators/edit?id=" << text::percentEncode(ind.id)
             << "\">Zmień cel lub sposób liczenia</a></th><td>" << ind.unit << "</td><td class=\"num\">"
             << targetText(ind.target) << " / " << periodWord(ind.period) << "</td><td class=\"num\">"
             << measurementText(line.actual) << "</td><td class=\"num\">" << percentText(line.actual, ind.target)
             << "</td><td>" << trendLineSvg(line, std::to_string(++n)) << trendTable(line) << "</td><td>"
             << ind.evidence << "<br><small>" << countingText(ind.counting) << "</small><br><a href=\""
             << evidenceHref(r, ind.id) << "\">Pokaż policzone wiersze</a></td></tr>\n";
    }
    body << "</tbody>\n</table>\n";
    if (!d.sites.empty())
        body << sitesTable(d);
    body << "<h2>Zadowolenie odbiorców usług</h2>\n";
    if (d.ratings.empty())
        body << "<p>Brak ocen w tym okresie.</p>\n";
    else
    {
        body << "<table><caption>Oceny 1–5 zostawione w kioskach</caption><thead><tr><th scope=\"col\">Usługa</th>"
                "<th scope=\"col\" class=\"num\">Liczba ocen</th><th scope=\"col\" class=\"num\">Średnia</th>";
        for (int s = 1; s <= 5; ++s)
            body << "<th scope=\"col\" class=\"num\">Ocena " << s << "</th>";
        body << "</tr></thead><tbody>";
        for (const auto& rating : d.ratings)
        {
            body << "<tr><th scope=\"row\">" << ratingFlowLabel(rating.flow) << "</th><td class=\"num\">"
                 << rating.count << "</td><td class=\"num\">" << plainNumber(rating.average) << "</td>";
            for (auto c : rating.byScore)
                body << "<td class=\"num\">" << c << "</td>";
            body << "</tr>";
        }
        body << "</tbody></table>\n";
    }
    body << "<h2>Lista oczekujących na sprzęt</h2>\n";
    if (d.waitlist.empty())
        body << "<p>Nikt nie zapisał się na listę oczekujących.</p>\n";
    else
    {
        body << "<table><caption>Zapisy w kioskach, propozycje zwróconych egzemplarzy i ich wyniki (mediana: od "
                "zapisu do propozycji)</caption><thead><tr><th scope=\"col\">Sprzęt</th><th scope=\"col\">W "
                "okresie</th></tr></thead><tbody>";
        for (const auto& w : d.waitlist)
            body << "<tr><th scope=\"row\">" << w.typeName << "</th><td>" << waitlistSummaryText(w) << "</td></tr>";
        body << "</tbody></table>\n";
    }
    body << "<p class=\"muted\">Granice okresu liczone są w czasie lokalnym (Europa/Warszawa). „brak rejestru”: "
            "tabela rejestru nie istnieje jeszcze w tej bazie; „nie wprowadzono”: koordynator nie wpisał wartości "
            "za ten okres.</p>\n";
    return body;
}

/// The sites a report counts; an account of one site asking for `sites=all` gets its own site's.
CountedSites reportSites(const PageContext& ctx, ReportRequest& request)
{
    CountedSites sites = countedSites(ctx.session, request.allSites);
    request.allSites = sites.isTotal();
    return sites;
}

/// The report of `sites`, headed by the sites it counts: a site's own name (the catalogue names only
/// the CUS whose catalogue it is), or for a county's total every site's name, with each site's
/// figures beside the total.
Result<ReportData, db::Error> load(const PageContext& ctx, ReportRequest& request, const CountedSites& sites)
{
    SqlitePanelStore counted(ctx.store, sites.scope);
    auto data = loadReport(counted, request);
    if (!data)
        return data;
    if (sites.total.empty())
    {
        if (ctx.session.siteId != kDefaultSite && !ctx.session.siteName.empty())
        {
            data->cusName = ctx.session.siteName;
            data->municipalityName.clear();
        }
        return data;
    }
    for (const auto& site : sites.total)
    {
        SqlitePanelStore one(ctx.store, SiteScope::one(site.id));
        auto actuals = measureWholePeriod(one, data->lines, request);
        if (!actuals)
            return makeErr(actuals.error());
        data->sites.push_back({site.name, std::move(actuals).value()});
    }
    data->cusName = sites.totalName();
    data->municipalityName =
        "Suma wskaźników ośrodków dostępnych dla konta (" + std::to_string(sites.total.size()) + ")";
    return data;
}

Result<ReportData, db::Error> load(const PageContext& ctx, ReportRequest& request)
{
    request = parseReportRequest(ctx.request.query, ctx.now.today);
    return load(ctx, request, reportSites(ctx, request));
}

/// The report for an export, or the page that refuses it (a period that does not parse, a store
/// failure): an export never falls back to another period.
std::variant<ReportData, PanelResponse> loadForExport(const PageContext& ctx)
{
    ReportRequest request;
    auto data = load(ctx, request);
    if (!request.error.empty())
        return messagePage(400, "Błędny okres", request.error, kNav, "Wróć do sprawozdania");
    if (!data)
        return storeError();
    return std::move(data).value();
}

/// A file to save: "okienko-sprawozdanie-<from>-<to>.<extension>".
PanelResponse download(std::string body, const char* contentType, const ReportRequest& r, const char* extension)
{
    PanelResponse response;
    response.body = std::move(body);
    response.contentType = contentType;
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"okienko-sprawozdanie-" + r.from.iso() +
                                                             "-" + r.to.iso() + "." + extension + "\"");
    return response;
}
} // namespace

PanelResponse reportPage(const PageContext& ctx)
{
    ReportRequest request;
    request = parseReportRequest(ctx.request.query, ctx.now.today);
    const CountedSites sites = reportSites(ctx, request);
    auto data = load(ctx, request, sites);
    if (!data)
        return storeError();
    Html body = renderReport(*data, request.error, ctx.session);
    auto plan = planVersusHeld(ctx.store, sites.scope, request.from, request.to);
    if (!plan)
        return storeError();
    body << planVersusHeldSection(*plan);
    return htmlPage(pageFrame(ctx, "Sprawozdanie", kNav), body);
}

PanelResponse reportCsv(const PageContext& ctx)
{
    auto loaded = loadForExport(ctx);
    if (auto* refused = std::get_if<PanelResponse>(&loaded))
        return *refused;
    const ReportData* data = &std::get<ReportData>(loaded);
    const ReportRequest& request = data->request;
    std::string out = "\xEF\xBB\xBF";
    out += "Usługa;Wskaźnik;Jednostka;Okres celu;Wartość docelowa;Wykonanie;% celu;Dokument potwierdzający;Sposób "
           "liczenia;Źródło\r\n";
    out +=
        "Okres;" + csvTextCell(periodLabel(request)) + ";;;" + request.from.iso() + ";" + request.to.iso() + ";;;;\r\n";
    if (!data->sites.empty())
        out += "Ośrodki;" + csvTextCell(data->cusName) + ";;;;;;;;\r\n";
    for (const auto& line : data->lines)
    {
        const auto& ind = line.view.indicator;
        out += csvTextCell(ind.service) + ";" + csvTextCell(ind.name) + ";" + csvTextCell(ind.unit) + ";" +
               csvTextCell(periodWord(ind.period)) + ";" + csvValueCell(ind.target ? plainNumber(*ind.target) : "") +
               ";" + csvValueCell(measurementText(line.actual)) + ";" +
               csvTextCell(percentText(line.actual, ind.target)) + ";" + csvTextCell(ind.evidence) + ";" +
               csvTextCell(countingText(ind.counting)) + ";" + csvTextCell(ind.source) + "\r\n";
    }
    for (const auto& r : data->ratings)
    {
        out += "Zadowolenie (oceny 1–5);" + csvTextCell(ratingFlowLabel(r.flow)) + ";ocena;;;" +
               std::to_string(r.count) + ";;średnia " + csvTextCell(plainNumber(r.average));
        for (std::size_t s = 0; s < r.byScore.size(); ++s)
            out += (s == 0 ? "; " : ", ") + std::to_string(s + 1) + ": " + std::to_string(r.byScore[s]);
        out += ";\r\n";
    }
    for (const auto& w : data->waitlist)
        out += "Lista oczekujących na sprzęt;" + csvTextCell(w.typeName) + ";osoba;;;" + std::to_string(w.taken) +
               ";;" + csvTextCell(waitlistSummaryText(w)) + ";;\r\n";
    // A county's total: each site's figure, one row per site and indicator, under its own heading.
    if (!data->sites.empty())
        out += "Ośrodek;Usługa;Wskaźnik;Jednostka;Wykonanie;;;;;\r\n";
    for (const auto& site : data->sites)
        for (std::size_t i = 0; i < data->lines.size(); ++i)
        {
            const auto& ind = data->lines[i].view.indicator;
            out += csvTextCell(site.siteName) + ";" + csvTextCell(ind.service) + ";" + csvTextCell(ind.name) + ";" +
                   csvTextCell(ind.unit) + ";" + csvValueCell(measurementText(site.actuals.at(i))) + ";;;;;\r\n";
        }
    return download(std::move(out), "text/csv; charset=utf-8", request, "csv");
}

PanelResponse reportPdf(const PageContext& ctx)
{
    auto loaded = loadForExport(ctx);
    if (auto* refused = std::get_if<PanelResponse>(&loaded))
        return *refused;
    const ReportData& data = std::get<ReportData>(loaded);
    auto pdf = renderReportPdf(data);
    if (!pdf)
        return messagePage(500, "Błąd", "Nie udało się przygotować pliku PDF.", kNav, "Wróć do sprawozdania");
    return download(std::move(pdf).value(), "application/pdf", data.request, "pdf");
}

PanelResponse reportEvidencePage(const PageContext& ctx)
{
    ReportRequest request = parseReportRequest(ctx.request.query, ctx.now.today);
    SqlitePanelStore counted(ctx.store, reportSites(ctx, request).scope);
    auto all = counted.indicators();
    if (!all)
        return storeError();
    auto indicator = findIndicator(*all, fieldValue(ctx.request.query, "indicator"));
    if (!indicator)
        return messagePage(404, "Nie ma takiego wskaźnika", "Nie ma wskaźnika o tym identyfikatorze.", kNav,
                           "Wróć do sprawozdania");
    auto table = counted.indicatorEvidence(indicator->indicator, reportPeriod(request.from, request.to));
    if (!table)
        return storeError();
    Html body;
    body << "<p><a href=\"/panel/report?" << reportQuery(request) << "#w-" << indicator->indicator.id
         << "\">Wróć do sprawozdania</a></p><h2>" << indicator->indicator.name
         << "</h2><p>Okres: " << periodLabel(request) << " (" << request.from.iso() << " – " << request.to.iso()
         << "). Sposób liczenia: " << countingText(indicator->indicator.counting) << ".</p>\n";
    if (table->state == MeasureState::NoRegister)
        body << "<p class=\"flash error\">Brak rejestru: tabela rejestru „"
             << indicator->indicator.counting.registerName
             << "” nie istnieje jeszcze w tej bazie, więc wskaźnik nie ma wartości.</p>\n";
    else if (table->rows.empty())
        body << "<p>Żaden wiersz nie został policzony w tym okresie.</p>\n";
    else
    {
        Html caption;
        caption << "Policzone wiersze (" << static_cast<std::int64_t>(table->rows.size())
                << (table->truncated ? Markup(", pokazano pierwsze") : Markup("")) << ")";
        body << evidenceTable(caption, *table);
    }
    return htmlPage(pageFrame(ctx, "Dowód: " + indicator->indicator.name, kNav), body);
}

namespace
{
/// A <select> of codes with "—" for none; the current one (or "—") is marked selected.
Html codeSelect(const char* name, const std::vector<std::string_view>& codes, const std::string& current)
{
    const bool known = std::find(codes.begin(), codes.end(), current) != codes.end();
    Html s;
    s << "<select id=\"" << std::string(name) << "\" name=\"" << std::string(name) << "\"><option value=\"\""
      << (known ? Markup("") : Markup(" selected")) << ">—</option>";
    for (auto code : codes)
        s << "<option value=\"" << code << "\"" << (code == current ? Markup(" selected") : Markup("")) << ">" << code
          << "</option>";
    s << "</select>";
    return s;
}

Html indicatorForm(const PageContext& ctx, const IndicatorView& v, const std::string& targetValue,
                   const catalog::CatalogErrors& errors)
{
    const auto& ind = v.indicator;
    Html body;
    body << "<p><a href=\"/panel/report\">Wróć do sprawozdania</a></p><h2>" << ind.name << "</h2><p>" << ind.service
         << " · jednostka: " << ind.unit << " · okres celu: " << periodWord(ind.period)
         << "</p><p class=\"muted\">Źródło: " << ind.source << "</p>";
    if (!v.editedBy.empty())
        body << "<p class=\"muted\">Ostatnia zmiana: " << v.editedBy << ", " << dateTimeText(v.editedAt) << "</p>";
    if (!errors.empty())
    {
        body << "<div class=\"flash error\" role=\"alert\"><p>Nie zapisano:</p><ul>";
        for (const auto& e : errors)
            body << "<li>" << e.path << ": " << e.message << "</li>";
        body << "</ul></div>";
    }
    body << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/indicators/edit\">"
         << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << ind.id
         << "\"><input type=\"hidden\" name=\"version\" value=\"" << v.version
         << "\"><p><label for=\"target\">Wartość docelowa (puste: brak)</label><br><input id=\"target\" "
            "name=\"target\" inputmode=\"decimal\" value=\""
         << targetValue
         << "\"></p><p><label for=\"evidence\">Dokument potwierdzający</label><br><textarea "
            "id=\"evidence\" name=\"evidence\" rows=\"3\" cols=\"70\">"
         << ind.evidence
         << "</textarea></p><p><label for=\"kind\">Sposób liczenia</label><br><select id=\"kind\" "
            "name=\"kind\">";
    for (auto k : {domain::CountingKind::Automatic, domain::CountingKind::Register, domain::CountingKind::Entered})
        body << "<option value=\"" << std::string(domain::countingKindCode(k)) << "\""
             << (k == ind.counting.kind ? Markup(" selected") : Markup("")) << ">"
             << countingText({k, "", "", {}}).substr(0, countingText({k, "", "", {}}).find(':')) << "</option>";
    const bool automatic = ind.counting.kind == domain::CountingKind::Automatic;
    const bool fromRegister = ind.counting.kind == domain::CountingKind::Register;
    body << "</select></p><p><label for=\"metric\">Miara automatyczna</label><br>"
         << codeSelect("metric", domain::automaticMetrics(), automatic ? ind.counting.measure : std::string())
         << "</p><p><label for=\"register\">Rejestr</label><br>"
         << codeSelect("register", domain::registerNames(), fromRegister ? ind.counting.registerName : std::string());
    body << "</p><p><label for=\"measure\">Miara rejestru (np. hours, persons, sessions)</label><br><input "
            "id=\"measure\" name=\"measure\" value=\""
         << (ind.counting.kind == domain::CountingKind::Register ? ind.counting.measure : std::string())
         << "\"></p><fieldset><legend>Rodzaje zajęć (tylko rejestr activity_sessions)</legend>";
    for (auto k : domain::activityKinds())
    {
        const bool on = std::find(ind.counting.kinds.begin(), ind.counting.kinds.end(), k) != ind.counting.kinds.end();
        body << "<label><input type=\"checkbox\" name=\"kind-" << k << "\" value=\"1\""
             << (on ? Markup(" checked") : Markup("")) << "> " << k << "</label> ";
    }
    body << "</fieldset><p><button type=\"submit\">Zapisz</button></p></form>\n";
    if (ind.counting.kind == domain::CountingKind::Entered)
    {
        body << "<h3>Wartość za okres</h3><form method=\"post\" enctype=\"multipart/form-data\" "
                "action=\"/panel/indicators/value\">"
             << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << ind.id
             << "\"><label for=\"v-year\">Rok</label> <input id=\"v-year\" name=\"year\" inputmode=\"numeric\" "
                "size=\"4\" value=\""
             << ctx.now.today.year << "\"> ";
        if (ind.period != domain::IndicatorPeriod::Year)
            body << "<label for=\"v-part\">"
                 << (ind.period == domain::IndicatorPeriod::Quarter ? Markup("Kwartał (1–4)")
                                                                    : Markup("Miesiąc (1–12)"))
                 << "</label> <input id=\"v-part\" name=\"part\" inputmode=\"numeric\" size=\"2\"> ";
        body << "<label for=\"v-value\">Wartość</label> <input id=\"v-value\" name=\"value\" inputmode=\"decimal\"> "
                "<button type=\"submit\">Zapisz wartość</button></form>\n";
        auto values = ctx.panelStore.indicatorEvidence(ind, reportPeriod(Date{2000, 1, 1}, Date{2100, 12, 31}));
        if (values && !values->rows.empty())
        {
            body << evidenceTable(Html::text("Wprowadzone wartości"), *values);
        }
    }
    return body;
}

PanelResponse showIndicator(const PageContext& ctx, const std::string& id, const FlashMessage& flash,
                            const std::string* typedTarget, const catalog::CatalogErrors& errors, int status)
{
    auto all = ctx.panelStore.indicators();
    if (!all)
        return storeError();
    auto v = findIndicator(*all, id);
    if (!v)
        return messagePage(404, "Nie ma takiego wskaźnika", "Nie ma wskaźnika o tym identyfikatorze.", kNav,
                           "Wróć do sprawozdania");
    const std::string target =
        typedTarget ? *typedTarget : (v->indicator.target ? plainNumber(*v->indicator.target) : "");
    PanelResponse r =
        htmlPage(pageFrame(ctx, "Wskaźnik: " + v->indicator.name, kNav, flash), indicatorForm(ctx, *v, target, errors));
    r.status = status;
    return r;
}
} // namespace

PanelResponse indicatorPage(const PageContext& ctx)
{
    const std::string code = fieldValue(ctx.request.query, "msg");
    return showIndicator(ctx, fieldValue(ctx.request.query, "id"), lookupFlash(kMessages, code), nullptr, {}, 200);
}

PanelResponse indicatorPost(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const std::string back = "/panel/indicators/edit?id=" + text::percentEncode(id) + "&msg=";
    IndicatorEdit edit;
    edit.id = id;
    edit.staffId = ctx.session.staffId;
    edit.now = ctx.now.unix;
    auto version = parseDigits(fieldValue(form, "version"), 12);
    if (!version)
        return seeOther(back + "error");
    edit.version = *version;
    const std::string targetText = fieldValue(form, "target");
    if (!targetText.empty())
    {
        edit.target = parseAmount(targetText);
        if (!edit.target)
            return showIndicator(ctx, id, {}, &targetText,
                                 {{"$.target", catalog::CatalogErrorCode::OutOfRange,
                                   "wartość docelowa musi być liczbą od 0 do 1 000 000 000", 0, 0}},
                                 422);
    }
    edit.evidence = fieldValue(form, "evidence");
    auto kind = domain::parseCountingKind(fieldValue(form, "kind"));
    if (!kind)
        return showIndicator(ctx, id, {}, &targetText,
                             {{"$.how_counted.kind", catalog::CatalogErrorCode::UnknownCode,
                               "wybierz sposób liczenia: automatic, register albo entered", 0, 0}},
                             422);
    edit.counting.kind = *kind;
    if (*kind == domain::CountingKind::Automatic)
        edit.counting.measure = fieldValue(form, "metric");
    if (*kind == domain::CountingKind::Register)
    {
        edit.counting.registerName = fieldValue(form, "register");
        edit.counting.measure = fieldValue(form, "measure");
        for (auto k : domain::activityKinds())
            if (!fieldValue(form, "kind-" + std::string(k)).empty())
                edit.counting.kinds.emplace_back(k);
    }
    auto outcome = ctx.panelStore.saveIndicator(edit);
    if (!outcome)
        return seeOther(back + "error");
    switch (outcome->result)
    {
    case IndicatorSaveResult::Saved:
        return seeOther(back + "saved");
    case IndicatorSaveResult::Unchanged:
        return seeOther(back + "unchanged");
    case IndicatorSaveResult::Stale:
        return seeOther(back + "stale");
    case IndicatorSaveResult::Invalid:
        return showIndicator(ctx, id, {}, &targetText, outcome->errors, 422);
    case IndicatorSaveResult::NotFound:
        break;
    }
    return messagePage(404, "Nie ma takiego wskaźnika", "Nie ma wskaźnika o tym identyfikatorze.", kNav,
                       "Wróć do sprawozdania");
}

PanelResponse indicatorValuePost(const PageContext& ctx, const Form& form)
{
    const std::string id = fieldValue(form, "id");
    const std::string back = "/panel/indicators/edit?id=" + text::percentEncode(id) + "&msg=";
    auto all = ctx.panelStore.indicators();
    if (!all)
        return seeOther(back + "error");
    auto v = findIndicator(*all, id);
    if (!v)
        return messagePage(404, "Nie ma takiego wskaźnika", "Nie ma wskaźnika o tym identyfikatorze.", kNav,
                           "Wróć do sprawozdania");
    auto year = parseWholeNumber(fieldValue(form, "year"));
    auto value = parseAmount(fieldValue(form, "value"));
    if (!year || *year < 2000 || *year > 2100 || !value)
        return seeOther(back + "bad-value");
    Date from{*year, 1, 1}, to{*year, 12, 31};
    if (v->indicator.period != domain::IndicatorPeriod::Year)
    {
        const bool quarter = v->indicator.period == domain::IndicatorPeriod::Quarter;
        auto part = parseWholeNumber(fieldValue(form, "part"));
        if (!part || *part < 1 || *part > (quarter ? 4 : 12))
            return seeOther(back + "bad-value");
        const int firstMonth = quarter ? (*part - 1) * 3 + 1 : *part;
        const int lastMonth = quarter ? firstMonth + 2 : firstMonth;
        from = Date{*year, firstMonth, 1};
        to = Date{*year, lastMonth, daysInMonth(*year, lastMonth)};
    }
    auto saved = ctx.panelStore.enterIndicatorValue(
        IndicatorValueEntry{id, from.iso(), to.iso(), *value, ctx.session.staffId, ctx.now.unix});
    if (!saved)
        return seeOther(back + "error");
    return seeOther(back + (*saved ? "value-saved" : "bad-value"));
}

} // namespace okienko::server::panel

// Periods, trends and wording of the report. Period edges are local calendar days (the server runs
// in Europe/Warsaw, docs/operations.md): a day's timestamps run from its local midnight to the
// next, so an event at 23:30 UTC on 31 December counts in January of the next year.
#include "server/panel/report_model.hpp"

#include "server/panel/monitoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace okienko::server::panel
{

const char* const kProgrammeWording =
    "Informacja z realizacji programu usług społecznych, o której mowa w art. 6 ustawy z dnia 19 lipca 2019 r. "
    "o realizowaniu usług społecznych przez centrum usług społecznych (Dz. U. z 2019 r. poz. 1818): wskaźniki "
    "programu i planu wdrażania CUS, ich wartości docelowe, wykonanie i dokumenty potwierdzające.";

namespace
{
const char* const kMonthNames[] = {"styczeń", "luty",     "marzec",   "kwiecień",    "maj",      "czerwiec",
                                   "lipiec",  "sierpień", "wrzesień", "październik", "listopad", "grudzień"};
const char* const kRoman[] = {"I", "II", "III", "IV"};

std::optional<int> number(const std::map<std::string, std::string>& q, const char* key, int min, int max)
{
    auto v = parseWholeNumber(fieldValue(q, key));
    if (!v || *v < min || *v > max)
        return std::nullopt;
    return *v;
}

Date lastOfMonth(int year, int month)
{
    return Date{year, month, daysInMonth(year, month)};
}
} // namespace

ReportRequest parseReportRequest(const std::map<std::string, std::string>& q, Date today)
{
    ReportRequest r;
    r.year = today.year;
    r.from = Date{today.year, 1, 1};
    r.to = Date{today.year, 12, 31};
    r.allSites = fieldValue(q, "sites") == "all";
    const std::string kind = fieldValue(q, "period");
    if (kind.empty())
        return r;
    auto refuse = [&](const char* why)
    {
        ReportRequest fallback = parseReportRequest({}, today);
        fallback.allSites = r.allSites;
        fallback.error = why;
        return fallback;
    };
    if (kind == "custom")
    {
        auto f = parseIsoDate(fieldValue(q, "from"));
        auto t = parseIsoDate(fieldValue(q, "to"));
        if (!f || !t)
            return refuse("Podaj obie daty w formacie RRRR-MM-DD.");
        if (*t < *f)
            return refuse("Data końcowa jest wcześniejsza niż początkowa.");
        if (t->toDays() - f->toDays() > 3700)
            return refuse("Okres może mieć najwyżej 10 lat.");
        r.kind = kind;
        r.from = *f;
        r.to = *t;
        r.year = f->year;
        return r;
    }
    auto year = number(q, "year", 2000, 2100);
    if (!year)
        return refuse("Podaj rok od 2000 do 2100.");
    r.year = *year;
    if (kind == "year")
    {
        r.from = Date{*year, 1, 1};
        r.to = Date{*year, 12, 31};
    }
    else if (kind == "quarter")
    {
        auto quarter = number(q, "quarter", 1, 4);
        if (!quarter)
            return refuse("Kwartał to liczba od 1 do 4.");
        r.quarter = *quarter;
        r.from = Date{*year, (*quarter - 1) * 3 + 1, 1};
        r.to = lastOfMonth(*year, *quarter * 3);
    }
    else if (kind == "month")
    {
        auto month = number(q, "month", 1, 12);
        if (!month)
            return refuse("Miesiąc to liczba od 1 do 12.");
        r.month = *month;
        r.from = Date{*year, *month, 1};
        r.to = lastOfMonth(*year, *month);
    }
    else
        return refuse("Wybierz rok, kwartał, miesiąc albo własny okres.");
    r.kind = kind;
    return r;
}

std::string periodLabel(const ReportRequest& r)
{
    if (r.kind == "year")
        return "rok " + std::to_string(r.year);
    if (r.kind == "quarter")
        return std::string(kRoman[r.quarter - 1]) + " kwartał " + std::to_string(r.year);
    if (r.kind == "month")
        return std::string(kMonthNames[r.month - 1]) + " " + std::to_string(r.year);
    return r.from.iso() + " – " + r.to.iso();
}

std::string reportQuery(const ReportRequest& r)
{
    const std::string year = std::to_string(r.year);
    std::string query;
    if (r.kind == "quarter")
        query = "period=quarter&year=" + year + "&quarter=" + std::to_string(r.quarter);
    else if (r.kind == "month")
        query = "period=month&year=" + year + "&month=" + std::to_string(r.month);
    else if (r.kind == "custom")
        query = "period=custom&from=" + r.from.iso() + "&to=" + r.to.iso();
    else
        query = "period=year&year=" + year;
    return r.allSites ? query + "&sites=all" : query;
}

std::vector<TrendPeriod> trendPeriods(const domain::Indicator& indicator, Date from, Date to)
{
    const bool enteredCoarse =
        indicator.counting.kind == domain::CountingKind::Entered && indicator.period != domain::IndicatorPeriod::Month;
    const int months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
    const bool quarters = enteredCoarse || months > 24;
    const int step = quarters ? 3 : 1;
    std::vector<TrendPeriod> out;
    Date start{from.year, quarters ? (from.month - 1) / 3 * 3 + 1 : from.month, 1};
    while (start <= to)
    {
        const Date end = lastOfMonth(start.year, start.month + step - 1);
        char label[32];
        if (quarters)
            std::snprintf(label, sizeof label, "%s kw. %d", kRoman[(start.month - 1) / 3], start.year);
        else
            std::snprintf(label, sizeof label, "%02d.%d", start.month, start.year);
        out.push_back({label, reportPeriod(std::max(start, from), std::min(end, to))});
        start = end.plusDays(1);
    }
    return out;
}

Result<ReportData, db::Error> loadReport(PanelStore& store, const ReportRequest& request)
{
    ReportData data;
    data.request = request;
    auto overview = store.catalogOverview();
    if (!overview)
        return makeErr(overview.error());
    if (overview->catalogue)
    {
        data.cusName = overview->catalogue->municipality.cusName.pl;
        data.municipalityName = overview->catalogue->municipality.name.pl;
    }
    auto views = store.indicators();
    if (!views)
        return makeErr(views.error());
    std::vector<domain::Indicator> indicators;
    std::vector<std::vector<ReportPeriod>> periods;
    std::vector<std::vector<TrendPeriod>> trends;
    const ReportPeriod whole = reportPeriod(request.from, request.to);
    for (const auto& v : *views)
    {
        indicators.push_back(v.indicator);
        trends.push_back(trendPeriods(v.indicator, request.from, request.to));
        std::vector<ReportPeriod> asked{whole};
        for (const auto& t : trends.back())
            asked.push_back(t.period);
        periods.push_back(std::move(asked));
    }
    auto measured = store.measureIndicators(indicators, periods);
    if (!measured)
        return makeErr(measured.error());
    for (std::size_t i = 0; i < views->size(); ++i)
    {
        ReportLine line;
        line.view = (*views)[i];
        const auto& values = (*measured)[i];
        line.actual = values.at(0);
        for (std::size_t t = 0; t < trends[i].size(); ++t)
            line.trend.push_back({trends[i][t].label, values.at(t + 1)});
        data.lines.push_back(std::move(line));
    }
    auto ratings = store.ratingSummaries(whole);
    if (!ratings)
        return makeErr(ratings.error());
    data.ratings = std::move(ratings).value();
    auto waitlist = store.waitlistSummaries(whole);
    if (!waitlist)
        return makeErr(waitlist.error());
    data.waitlist = std::move(waitlist).value();
    return data;
}

Result<std::vector<IndicatorMeasurement>, db::Error>
measureWholePeriod(PanelStore& store, const std::vector<ReportLine>& lines, const ReportRequest& request)
{
    std::vector<domain::Indicator> indicators;
    std::vector<std::vector<ReportPeriod>> periods;
    for (const auto& line : lines)
    {
        indicators.push_back(line.view.indicator);
        periods.push_back({reportPeriod(request.from, request.to)});
    }
    auto measured = store.measureIndicators(indicators, periods);
    if (!measured)
        return makeErr(measured.error());
    std::vector<IndicatorMeasurement> out;
    for (const auto& values : *measured)
        out.push_back(values.at(0));
    return out;
}

std::string waitlistSummaryText(const WaitlistSummary& w)
{
    std::string text = "zapisało się " + std::to_string(w.joined) + " · zaproponowano " + std::to_string(w.offered) +
                       " · przyjęto " + std::to_string(w.taken) + " · odmówiono " + std::to_string(w.declined) +
                       " · wygasło " + std::to_string(w.expired) + " · wycofano " + std::to_string(w.withdrawn) +
                       " · czeka na koniec okresu " + std::to_string(w.waitingNow) + " · mediana oczekiwania ";
    text += w.medianWaitDays ? plainNumber(*w.medianWaitDays) + " dnia" : std::string("—");
    return text;
}

std::string plainNumber(double value)
{
    char buffer[48];
    if (std::fabs(value - std::round(value)) < 0.005)
        std::snprintf(buffer, sizeof buffer, "%.0f", std::round(value));
    else
        std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string s = buffer;
    if (s.find('.') != std::string::npos)
    {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string measurementText(const IndicatorMeasurement& m)
{
    switch (m.state)
    {
    case MeasureState::NoRegister:
        return "brak rejestru";
    case MeasureState::NotEntered:
        return "nie wprowadzono";
    case MeasureState::Value:
        break;
    }
    return plainNumber(m.value);
}

std::string targetText(const std::optional<double>& target)
{
    return target ? plainNumber(*target) : "—";
}

std::string percentText(const IndicatorMeasurement& m, const std::optional<double>& target)
{
    if (!target || *target <= 0 || m.state != MeasureState::Value)
        return "—";
    return plainNumber(std::round(m.value / *target * 100.0)) + "%";
}

std::string periodWord(domain::IndicatorPeriod period)
{
    switch (period)
    {
    case domain::IndicatorPeriod::Quarter:
        return "kwartał";
    case domain::IndicatorPeriod::Month:
        return "miesiąc";
    case domain::IndicatorPeriod::Year:
        break;
    }
    return "rok";
}

std::string countingText(const domain::IndicatorCounting& c)
{
    switch (c.kind)
    {
    case domain::CountingKind::Automatic:
        return "automatycznie: " + c.measure;
    case domain::CountingKind::Register:
    {
        std::string text = "z rejestru " + c.registerName + ": " + c.measure;
        for (std::size_t i = 0; i < c.kinds.size(); ++i)
            text += (i == 0 ? " (" : ", ") + c.kinds[i] + (i + 1 == c.kinds.size() ? ")" : "");
        return text;
    }
    case domain::CountingKind::Entered:
        break;
    }
    return "wprowadzane przez koordynatora";
}

std::string ratingFlowLabel(const std::string& flow)
{
    return flowLabel(flow);
}

} // namespace okienko::server::panel

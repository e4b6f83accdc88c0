// The report the CUS owes its council (docs/reporting.md): the chosen period (a year, a quarter, a
// month or any days), every indicator measured over it with its target, the share of the target and
// a trend by month (by quarter for quarterly values entered by hand, or over more than two years),
// and the residents' ratings. One model for the page, the CSV and the PDF, so they never disagree.
#pragma once

#include "server/panel/page_parts.hpp"
#include "server/store/indicator_views.hpp"
#include "server/store/report_views.hpp"
#include "server/store/waitlist_views.hpp"
#include "shared/util/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::server::panel
{

/// The period of ?period=year&year=Y | quarter&year=Y&quarter=Q | month&year=Y&month=M |
/// custom&from=…&to=… (default: this year), or the reason it is refused.
struct ReportRequest
{
    std::string kind = "year"; ///< year, quarter, month, custom
    int year = 0, quarter = 1, month = 1;
    Date from, to;
    /// `sites=all`: the sum over every site the account reaches (a county's total), with each
    /// site's figure beside it; an account of one site gets its own site's report.
    bool allSites = false;
    std::string error; ///< Polish, for the page; the default period is kept
};

ReportRequest parseReportRequest(const std::map<std::string, std::string>& query, Date today);
/// "rok 2024", "II kwartał 2024", "marzec 2024", "2024-01-05 – 2024-02-10".
std::string periodLabel(const ReportRequest& request);
/// The query string that asks for the same report: its period and, for a county's total, its sites
/// ("period=year&year=2024", "period=year&year=2024&sites=all").
std::string reportQuery(const ReportRequest& request);

/// One point of a trend.
struct TrendPoint
{
    std::string label; ///< "01.2024", "I kw. 2024"
    IndicatorMeasurement value;
};

struct ReportLine
{
    IndicatorView view;
    IndicatorMeasurement actual;
    std::vector<TrendPoint> trend;
};

/// One site's figures in a county's total: the indicators' values over the whole period, in the
/// order of ReportData::lines.
struct SiteFigures
{
    std::string siteName;
    std::vector<IndicatorMeasurement> actuals;
};

struct ReportData
{
    std::string cusName, municipalityName;
    /// A county's total: every site added up, each site's own figures here (empty for one site).
    std::vector<SiteFigures> sites;
    ReportRequest request;
    std::vector<ReportLine> lines;
    std::vector<RatingSummary> ratings;
    std::vector<WaitlistSummary> waitlist; ///< the equipment waiting list per type
};

/// The programme's wording printed on the report (both CUS report under art. 6 of the act).
extern const char* const kProgrammeWording;

/// Everything the report shows, from the store; nullopt-free: a store failure is the error.
Result<ReportData, db::Error> loadReport(PanelStore& store, const ReportRequest& request);

/// Each indicator's value over the request's whole period, counted over `store`'s sites only.
Result<std::vector<IndicatorMeasurement>, db::Error>
measureWholePeriod(PanelStore& store, const std::vector<ReportLine>& lines, const ReportRequest& request);

/// One period of a trend and its label.
struct TrendPeriod
{
    std::string label;
    ReportPeriod period;
};

/// The trend's periods for an indicator over [from, to]: months, or quarters for a value entered
/// per quarter or year and for a span over 24 months; each clipped to [from, to].
std::vector<TrendPeriod> trendPeriods(const domain::Indicator& indicator, Date from, Date to);

/// "12", "7,5", "brak rejestru", "nie wprowadzono".
std::string measurementText(const IndicatorMeasurement& m);
/// "6", "480", "—" (no target).
std::string targetText(const std::optional<double>& target);
/// "75%" of the target, "—" without a target or a value.
std::string percentText(const IndicatorMeasurement& m, const std::optional<double>& target);
/// "rok", "kwartał", "miesiąc".
std::string periodWord(domain::IndicatorPeriod period);
/// "automatycznie: …", "z rejestru …: …", "wprowadzane przez koordynatora".
std::string countingText(const domain::IndicatorCounting& counting);
/// "wypożyczalnia sprzętu", "poradnictwo specjalistyczne", … for a rating's flow code.
std::string ratingFlowLabel(const std::string& flow);
/// "zapisało się 3 · zaproponowano 2 · przyjęto 1 · … · mediana oczekiwania 2,5 dnia": one type's
/// waiting list over the period, the same words on the page, in the CSV and in the PDF.
std::string waitlistSummaryText(const WaitlistSummary& summary);
/// A number with the Polish decimal comma, without trailing zeros ("7,5", "12").
std::string plainNumber(double value);

} // namespace okienko::server::panel

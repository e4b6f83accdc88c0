// The programme's report over a real server database: every kind of "how counted" (automatic,
// each register measure, entered) computed from rows with known counts, period edges in
// Europe/Warsaw (an event at 23:30 UTC on 31 December is January's), "brak rejestru" while a
// register's table is missing, the coordinator's edits audited and refused when stale or invalid,
// and the PDF read back with pdftotext (every indicator line) and page 1 drawn with pdftoppm.
#include "server/panel/monitoring.hpp"
#include "server/panel/report_model.hpp"
#include "server/panel/report_pdf.hpp"
#include "server/server_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace okienko;
using namespace okienko::server;
using namespace okienko::server::panel;

namespace
{
const std::filesystem::path kCatalogDir = std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog";
constexpr std::int64_t kNow = 1'740'000'000;

/// Unix seconds of a UTC wall time.
std::int64_t utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    std::tm t{};
    t.tm_year = y - 1900;
    t.tm_mon = mo - 1;
    t.tm_mday = d;
    t.tm_hour = h;
    t.tm_min = mi;
    t.tm_sec = s;
    return static_cast<std::int64_t>(timegm(&t));
}

/// The report runs in the CUS's zone whatever the machine's is.
class WarsawTime
{
  public:
    WarsawTime()
    {
        if (const char* tz = std::getenv("TZ"))
            m_saved = tz;
        setenv("TZ", "Europe/Warsaw", 1);
        tzset();
    }
    ~WarsawTime()
    {
        if (m_saved)
            setenv("TZ", m_saved->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }

  private:
    std::optional<std::string> m_saved;
};

class Report : public ::testing::Test
{
  protected:
    void open(const char* file)
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto catalogue = catalog::loadCatalogFile(kCatalogDir / file);
        ASSERT_TRUE(catalogue.ok());
        auto indicators = catalog::loadCatalogIndicatorsFile(kCatalogDir / file);
        ASSERT_TRUE(indicators.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *catalogue, Now{kNow, Date{2025, 2, 19}}, &*indicators).ok());
        auto staff = m_store->addStaff("Anna Koordynator", domain::StaffRole::Coordinator, "pin", "hash",
                                       Now{kNow, Date{2025, 2, 19}});
        ASSERT_TRUE(staff.ok());
        m_staffId = *staff;
        ASSERT_TRUE(m_store->addKiosk("kiosk-1", Now{kNow, Date{2025, 2, 19}}).ok());
        m_panel = std::make_unique<SqlitePanelStore>(*m_store);
    }

    void sql(const std::string& statement)
    {
        auto st = m_store->write([&](db::Database& d) { return db::exec(d, statement); });
        ASSERT_TRUE(st.ok()) << st.error().describe() << "\n" << statement;
    }

    ReportData report(std::map<std::string, std::string> query)
    {
        const ReportRequest request = parseReportRequest(query, Date{2025, 2, 19});
        EXPECT_TRUE(request.error.empty()) << request.error;
        auto data = loadReport(*m_panel, request);
        EXPECT_TRUE(data.ok());
        return data.ok() ? std::move(data).value() : ReportData{};
    }

    static const ReportLine& line(const ReportData& d, const std::string& id)
    {
        for (const auto& l : d.lines)
            if (l.view.indicator.id == id)
                return l;
        ADD_FAILURE() << "no indicator " << id;
        static const ReportLine none;
        return none;
    }

    static void expectValue(const ReportData& d, const std::string& id, double expected)
    {
        const ReportLine& l = line(d, id);
        EXPECT_EQ(l.actual.state, MeasureState::Value) << id;
        EXPECT_DOUBLE_EQ(l.actual.value, expected) << id;
    }

    static std::vector<std::string> trendTexts(const ReportLine& l)
    {
        std::vector<std::string> out;
        for (const auto& p : l.trend)
            out.push_back(p.label + "=" + measurementText(p.value));
        return out;
    }

    void automaticRows()
    {
        // Duty slots: two in 2024 across the January/February edge, one each side of the year.
        sql("INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, duration_minutes) "
            "VALUES ('s1', '[]', 'Psycholog', '1', '2024-01-31', 600, 60), ('s2', '[]', 'Psycholog', '1', "
            "'2024-02-01', 600, 90), ('s0', '[]', 'Psycholog', '1', '2023-12-31', 600, 45), ('s3', '[]', "
            "'Psycholog', '1', '2025-01-01', 600, 30)");
        // Loans: the same borrower twice in 2024 (one person), another on 31 Dec, one on 1 Jan 2025.
        sql("INSERT INTO loans(id, inventory_number, type_id, borrower_name, borrower_phone, start_date, due_date, "
            "staff_id, kiosk_id, created_at, received_at) VALUES "
            "('l1', 'W-1', 'x', 'Jan Nowak', '600100200', '2024-03-10', '2024-04-10', 'st', 1, 0, 0), "
            "('l2', 'W-2', 'x', 'Jan Nowak', '600100200', '2024-05-01', '2024-06-01', 'st', 1, 0, 0), "
            "('l3', 'W-1', 'x', 'Ewa Lis', '600300400', '2024-12-31', '2025-01-31', 'st', 1, 0, 0), "
            "('l4', 'W-3', 'x', 'Ola Zięba', '600500600', '2025-01-01', '2025-02-01', 'st', 1, 0, 0)");
        // Ratings at the edges of local days: 23:30 UTC on 31 Dec 2024 is 00:30 on 1 Jan 2025 in Warsaw;
        // 21:59:59 UTC on 30 Jun 2024 is 23:59:59 in Warsaw (summer time), still June.
        auto rating = [&](const char* id, const char* flow, int score, std::int64_t at)
        {
            sql(std::string("INSERT INTO usage_events(id, kiosk_id, kind, flow, rating, language, at, received_at) "
                            "VALUES ('") +
                id + "', 1, 'rating', '" + flow + "', " + std::to_string(score) + ", 'pl', " + std::to_string(at) +
                ", " + std::to_string(at) + ")");
        };
        rating("e1", "equipment", 5, utc(2024, 12, 31, 23, 30));
        rating("e2", "counselling", 4, utc(2024, 6, 30, 21, 59, 59));
        rating("e3", "catalog", 3, utc(2023, 12, 31, 23, 30));
        rating("e4", "counselling", 2, utc(2024, 6, 30, 22, 0));
    }

    void registerTables()
    {
        // Rows in the registers' own tables (server migration 11), as the panel's forms write them.
        sql("INSERT INTO activity_sessions(date, kind, group_name, hours, participants, created_by, created_at) "
            "VALUES ('2024-01-10', 'cas_group', 'Szachy', 2.0, 8, 's', 0), "
            "('2024-01-17', 'cas_group', 'Szachy', 2.0, 10, 's', 0), "
            "('2024-02-05', 'workshop', 'Ceramika', 3.5, 12, 's', 0), "
            "('2024-03-01', 'thematic', 'Rodzice', 1.5, 6, 's', 0), "
            "('2025-01-02', 'workshop', 'Ceramika', 3.0, 12, 's', 0)");
        sql("INSERT INTO counselling_register(date, person_name, duration_minutes, held, walk_in, created_by, "
            "created_at) VALUES ('2024-01-05', 'Anna Nowak', 50, 1, 0, 's', 0), "
            "('2024-02-05', 'anna nowak ', 60, 1, 1, 's', 0), ('2024-02-06', 'Piotr Lis', 45, 0, 0, 's', 0), "
            "('2025-01-01', 'Ewa Kos', 30, 1, 0, 's', 0)");
        sql("INSERT INTO volunteer_club_members(joined_on, left_on, display_name, created_by, created_at) VALUES "
            "('2023-05-01', '2024-02-01', 'A. K.', 's', 0), ('2024-03-01', NULL, 'B. L.', 's', 0), "
            "('2025-02-01', NULL, 'C. M.', 's', 0)");
        sql("INSERT INTO volunteer_initiatives(date, title, created_by, created_at) VALUES "
            "('2024-06-01', 'Zbiórka', 's', 0), ('2024-12-31', 'Sylwester seniora', 's', 0), "
            "('2025-01-01', 'Kolędy', 's', 0)");
        sql("INSERT INTO sheltered_housing_stays(from_date, to_date, created_by, created_at) VALUES "
            "('2023-11-01', '2024-01-15', 's', 0), ('2024-06-01', NULL, 's', 0)");
    }

    WarsawTime m_zone;
    test::TempDir m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<SqlitePanelStore> m_panel;
    std::string m_staffId;
};
} // namespace

TEST(ReportPeriod, YearQuarterMonthAndCustomAreParsedAndAMistakeKeepsTheDefault)
{
    const Date today{2025, 2, 19};
    auto r = parseReportRequest({{"period", "quarter"}, {"year", "2024"}, {"quarter", "4"}}, today);
    EXPECT_EQ(r.from.iso(), "2024-10-01");
    EXPECT_EQ(r.to.iso(), "2024-12-31");
    EXPECT_EQ(periodLabel(r), "IV kwartał 2024");
    r = parseReportRequest({{"period", "month"}, {"year", "2024"}, {"month", "2"}}, today);
    EXPECT_EQ(r.to.iso(), "2024-02-29");
    r = parseReportRequest({{"period", "custom"}, {"from", "2024-01-05"}, {"to", "2024-02-10"}}, today);
    EXPECT_EQ(periodLabel(r), "2024-01-05 – 2024-02-10");
    r = parseReportRequest({}, today);
    EXPECT_EQ(periodLabel(r), "rok 2025");
    r = parseReportRequest({{"period", "quarter"}, {"year", "2024"}, {"quarter", "5"}}, today);
    EXPECT_EQ(r.error, "Kwartał to liczba od 1 do 4.");
    EXPECT_EQ(r.from.iso(), "2025-01-01");
    r = parseReportRequest({{"period", "custom"}, {"from", "2024-03-01"}, {"to", "2024-02-01"}}, today);
    EXPECT_EQ(r.error, "Data końcowa jest wcześniejsza niż początkowa.");
}

TEST_F(Report, AutomaticIndicatorsCountTheServersRowsWithinTheLocalPeriod)
{
    open("lapy.json");
    automaticRows();
    const ReportData year = report({{"period", "year"}, {"year", "2024"}});
    EXPECT_EQ(year.cusName, "Centrum Usług Społecznych w Łapach");
    ASSERT_EQ(year.lines.size(), 22u);
    expectValue(year, "pps-godziny-dyzurow", 2.5); // 60 + 90 minutes
    expectValue(year, "wyp-korzystajacy", 2);      // the same phone twice is one person
    const ReportLine& duty = line(year, "pps-godziny-dyzurow");
    ASSERT_EQ(duty.trend.size(), 12u);
    EXPECT_EQ(trendTexts(duty)[0], "01.2024=1");
    EXPECT_EQ(trendTexts(duty)[1], "02.2024=1,5");
    EXPECT_EQ(trendTexts(duty)[2], "03.2024=0");
    EXPECT_EQ(percentText(duty.actual, duty.view.indicator.target), "1%"); // 2.5 of 480

    const ReportData january = report({{"period", "month"}, {"year", "2025"}, {"month", "1"}});
    expectValue(january, "pps-godziny-dyzurow", 0.5);
    expectValue(january, "wyp-korzystajacy", 1);
}

TEST_F(Report, RatingsFallInTheWarsawDayOfTheirMoment)
{
    open("lapy.json");
    automaticRows();
    const ReportData year2024 = report({{"period", "year"}, {"year", "2024"}});
    std::map<std::string, RatingSummary> byFlow;
    for (const auto& r : year2024.ratings)
        byFlow[r.flow] = r;
    EXPECT_EQ(byFlow.count("equipment"), 0u) << "23:30 UTC on 31 Dec 2024 is January 2025 in Warsaw";
    ASSERT_EQ(byFlow.count("catalog"), 1u) << "23:30 UTC on 31 Dec 2023 is January 2024 in Warsaw";
    EXPECT_EQ(byFlow["catalog"].byScore[2], 1);
    ASSERT_EQ(byFlow.count("counselling"), 1u);
    EXPECT_EQ(byFlow["counselling"].count, 2);

    const ReportData q2 = report({{"period", "quarter"}, {"year", "2024"}, {"quarter", "2"}});
    ASSERT_EQ(q2.ratings.size(), 1u);
    EXPECT_EQ(q2.ratings[0].count, 1) << "21:59:59 UTC on 30 Jun is June; 22:00 UTC is 1 July in Warsaw";
    EXPECT_EQ(q2.ratings[0].byScore[3], 1);
    const ReportData january = report({{"period", "month"}, {"year", "2025"}, {"month", "1"}});
    ASSERT_EQ(january.ratings.size(), 1u);
    EXPECT_EQ(january.ratings[0].flow, "equipment");
    EXPECT_EQ(january.ratings[0].byScore[4], 1);
}

TEST_F(Report, RegisterIndicatorsSayBrakRejestruWhenTheRegistersTableIsMissing)
{
    open("lapy.json");
    for (const char* table :
         {"activity_sessions", "volunteer_club_members", "sheltered_housing_stays", "counselling_register"})
        sql(std::string("DROP TABLE ") + table);
    const ReportData before = report({{"period", "year"}, {"year", "2024"}});
    for (const char* id : {"cas-grupy", "cas-godziny", "kw-uczestnicy", "mch-osoby", "pps-osoby"})
    {
        EXPECT_EQ(line(before, id).actual.state, MeasureState::NoRegister) << id;
        EXPECT_EQ(measurementText(line(before, id).actual), "brak rejestru");
        EXPECT_EQ(percentText(line(before, id).actual, 6.0), "—");
    }
}

TEST_F(Report, RegisterIndicatorsCountTheRegistersRows)
{
    open("lapy.json");
    registerTables();
    const ReportData year = report({{"period", "year"}, {"year", "2024"}});
    expectValue(year, "cas-grupy", 2);       // Szachy, Ceramika (cas-group, workshop)
    expectValue(year, "cas-godziny", 7.5);   // 2 + 2 + 3.5; the thematic workshop is PPS's
    expectValue(year, "cas-uczestnicy", 22); // each group's largest session: 10 + 12
    expectValue(year, "cas-korzystajacy", 22);
    expectValue(year, "cas-zajecia", 3);
    expectValue(year, "cas-grupy-zawiazane", 1); // cas-group only
    expectValue(year, "pps-warsztaty", 1);       // thematic only
    expectValue(year, "pps-osoby", 1);           // Anna Nowak twice; Piotr Lis's meeting did not take place
    expectValue(year, "pps-spotkania", 2);
    expectValue(year, "kw-uczestnicy", 2);    // members during 2024, one of whom left in February
    expectValue(year, "kw-wolontariusze", 1); // joined in 2024
    expectValue(year, "kw-inicjatywy", 2);    // 1 Jan 2025 is next year's
    expectValue(year, "mch-osoby", 2);
    expectValue(year, "mch-mieszkania", 1);
    EXPECT_EQ(percentText(line(year, "mch-osoby").actual, 1.0), "200%");
    EXPECT_EQ(trendTexts(line(year, "cas-godziny"))[0], "01.2024=4");
    EXPECT_EQ(trendTexts(line(year, "cas-godziny"))[1], "02.2024=3,5");

    auto evidence = m_panel->indicatorEvidence(line(year, "cas-godziny").view.indicator,
                                               reportPeriod(Date{2024, 1, 1}, Date{2024, 12, 31}));
    ASSERT_TRUE(evidence.ok());
    ASSERT_EQ(evidence->rows.size(), 3u);
    EXPECT_EQ(evidence->columns[2], "Grupa");
    EXPECT_EQ(evidence->rows[2][2], "Ceramika");
    EXPECT_EQ(evidence->rows[2][3], "3.5");
}

TEST_F(Report, EnteredIndicatorsShowWhatACoordinatorEnteredAndNothingElse)
{
    open("starachowice.json");
    auto enter = [&](const char* first, const char* last, double value)
    {
        auto saved =
            m_panel->enterIndicatorValue(IndicatorValueEntry{"nowi-uzytkownicy", first, last, value, m_staffId, kNow});
        ASSERT_TRUE(saved.ok());
        EXPECT_TRUE(*saved);
    };
    enter("2025-01-01", "2025-03-31", 3);
    enter("2025-04-01", "2025-06-30", 5);
    enter("2025-04-01", "2025-06-30", 6); // a correction replaces the quarter's value
    sql("UPDATE services SET valid_from = NULL");
    sql("UPDATE services SET valid_from = '2025-02-10' WHERE position = 0");
    sql("UPDATE services SET valid_from = '2025-04-01' WHERE position = 1");

    const ReportData q1 = report({{"period", "quarter"}, {"year", "2025"}, {"quarter", "1"}});
    ASSERT_EQ(q1.lines.size(), 4u);
    expectValue(q1, "nowi-uzytkownicy", 3);
    expectValue(q1, "nowe-uslugi", 1);
    EXPECT_EQ(line(q1, "uslugodawcy").actual.state, MeasureState::NotEntered);
    EXPECT_EQ(measurementText(line(q1, "uslugodawcy").actual), "nie wprowadzono");
    const ReportData year = report({{"period", "year"}, {"year", "2025"}});
    expectValue(year, "nowi-uzytkownicy", 9);
    expectValue(year, "nowe-uslugi", 2);
    const auto trend = trendTexts(line(year, "nowi-uzytkownicy"));
    ASSERT_EQ(trend.size(), 4u);
    EXPECT_EQ(trend[0], "I kw. 2025=3");
    EXPECT_EQ(trend[1], "II kw. 2025=6");
    EXPECT_EQ(trend[2], "III kw. 2025=nie wprowadzono");

    auto refused = m_panel->enterIndicatorValue(
        IndicatorValueEntry{"nowe-uslugi", "2025-01-01", "2025-03-31", 4, m_staffId, kNow});
    ASSERT_TRUE(refused.ok());
    EXPECT_FALSE(*refused) << "an automatic indicator takes no entered value";
}

TEST_F(Report, AnEnteredCountOfWhatExistsTakesTheLatestPeriodsValueAndACountOfNewThingsTheSum)
{
    open("starachowice.json");
    auto enter = [&](const char* id, const char* first, const char* last, double value)
    {
        auto saved = m_panel->enterIndicatorValue(IndicatorValueEntry{id, first, last, value, m_staffId, kNow});
        ASSERT_TRUE(saved.ok());
        EXPECT_TRUE(*saved);
    };
    // Providers working with the CUS at the end of each quarter (catalogue: "aggregation": "latest").
    enter("uslugodawcy", "2025-01-01", "2025-03-31", 12);
    enter("uslugodawcy", "2025-04-01", "2025-06-30", 14);
    enter("uslugodawcy", "2025-07-01", "2025-09-30", 13);
    enter("uslugodawcy", "2024-10-01", "2024-12-31", 40); // last year's: outside every 2025 report
    // New users in each quarter (a sum).
    enter("nowi-uzytkownicy", "2025-01-01", "2025-03-31", 3);
    enter("nowi-uzytkownicy", "2025-04-01", "2025-06-30", 6);
    enter("nowi-uzytkownicy", "2025-07-01", "2025-09-30", 2);

    const ReportData year = report({{"period", "year"}, {"year", "2025"}});
    expectValue(year, "uslugodawcy", 13); // Q3's providers, not 12 + 14 + 13
    expectValue(year, "nowi-uzytkownicy", 11);
    EXPECT_EQ(line(year, "uslugodawcy").view.indicator.aggregation, domain::IndicatorAggregation::Latest);
    const auto trend = trendTexts(line(year, "uslugodawcy"));
    ASSERT_EQ(trend.size(), 4u);
    EXPECT_EQ(trend[0], "I kw. 2025=12");
    EXPECT_EQ(trend[2], "III kw. 2025=13");
    EXPECT_EQ(trend[3], "IV kw. 2025=nie wprowadzono");
    // Period edges: the first half year holds Q1 and Q2 whole (the latest is Q2's); a report from
    // 2 January holds Q1 no longer, and one ending 29 September not Q3.
    const ReportData half = report({{"period", "custom"}, {"from", "2025-01-01"}, {"to", "2025-06-30"}});
    expectValue(half, "uslugodawcy", 14);
    expectValue(half, "nowi-uzytkownicy", 9);
    const ReportData clipped = report({{"period", "custom"}, {"from", "2025-01-02"}, {"to", "2025-09-29"}});
    expectValue(clipped, "uslugodawcy", 14);
    expectValue(clipped, "nowi-uzytkownicy", 6);
    const ReportData none = report({{"period", "custom"}, {"from", "2025-01-02"}, {"to", "2025-03-31"}});
    EXPECT_EQ(line(none, "uslugodawcy").actual.state, MeasureState::NotEntered);
    const ReportData lastYear = report({{"period", "year"}, {"year", "2024"}});
    expectValue(lastYear, "uslugodawcy", 40);
}

TEST_F(Report, ACoordinatorsEditIsCheckedAuditedAndRefusedWhenStale)
{
    open("lapy.json");
    auto views = m_panel->indicators();
    ASSERT_TRUE(views.ok());
    IndicatorView cas = (*views)[1];
    ASSERT_EQ(cas.indicator.id, "cas-godziny");
    IndicatorEdit edit{cas.indicator.id,       cas.version, 500.0, "program zajęć 2024",
                       cas.indicator.counting, m_staffId,   kNow};
    auto saved = m_panel->saveIndicator(edit);
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->result, IndicatorSaveResult::Saved);
    auto again = m_panel->saveIndicator(edit);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->result, IndicatorSaveResult::Stale) << "the form's version is the one before the save";

    auto after = m_panel->indicators();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(*(*after)[1].indicator.target, 500.0);
    EXPECT_EQ((*after)[1].indicator.evidence, "program zajęć 2024");
    EXPECT_EQ((*after)[1].editedBy, "Anna Koordynator");
    EXPECT_EQ((*after)[1].editedAt, kNow);

    edit.version = (*after)[1].version;
    edit.counting.measure = "initiatives";
    auto invalid = m_panel->saveIndicator(edit);
    ASSERT_TRUE(invalid.ok());
    ASSERT_EQ(invalid->result, IndicatorSaveResult::Invalid);
    ASSERT_EQ(invalid->errors.size(), 1u);
    EXPECT_EQ(invalid->errors[0].path, "$.how_counted.measure");

    auto audit = m_store->read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto n = db::queryInt64(d,
                                    "SELECT COUNT(*) FROM indicator_edits WHERE indicator_id = 'cas-godziny' AND "
                                    "action = 'update' AND staff_id = ?",
                                    m_staffId);
            if (!n)
                return makeErr(n.error());
            EXPECT_EQ(n->value_or(0), 1);
            return {};
        });
    EXPECT_TRUE(audit.ok());
}

namespace
{
std::string run(const std::string& command)
{
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        out.append(buffer, n);
    pclose(pipe);
    return out;
}

/// Whitespace runs (line breaks of the layout included) as one space.
std::string flattened(const std::string& text)
{
    std::string out;
    for (char c : text)
    {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (space && !out.empty() && out.back() == ' ')
            continue;
        out.push_back(space ? ' ' : c);
    }
    return out;
}
} // namespace

TEST_F(Report, ThePdfCarriesTheCusThePeriodTheWordingEveryIndicatorAndTheRatings)
{
    open("lapy.json");
    automaticRows();
    registerTables();
    const ReportData year = report({{"period", "year"}, {"year", "2024"}});
    auto pdf = renderReportPdf(year);
    ASSERT_TRUE(pdf.ok()) << pdf.error();
    ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
    const std::string path = m_dir.file("sprawozdanie.pdf");
    {
        std::ofstream out(path, std::ios::binary);
        out << *pdf;
    }
    const std::string text = flattened(run("pdftotext -enc UTF-8 '" + path + "' -"));
    ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) is needed";
    EXPECT_NE(text.find("Centrum Usług Społecznych w Łapach"), std::string::npos);
    EXPECT_NE(text.find("okres: rok 2024 (2024-01-01 – 2024-12-31)"), std::string::npos);
    EXPECT_NE(text.find("art. 6 ustawy z dnia 19 lipca 2019 r."), std::string::npos);
    for (const auto& l : year.lines)
    {
        SCOPED_TRACE(l.view.indicator.id);
        EXPECT_NE(text.find(flattened(l.view.indicator.name)), std::string::npos);
        const std::string numbers =
            "Wartość docelowa: " + targetText(l.view.indicator.target) + " · Wykonanie: " + measurementText(l.actual);
        EXPECT_NE(text.find(numbers), std::string::npos) << numbers;
    }
    EXPECT_NE(text.find("Wartość docelowa: 480 · Wykonanie: 7,5 · Realizacja celu: 2%"), std::string::npos);
    EXPECT_NE(text.find("poradnictwo specjalistyczne — liczba ocen: 2"), std::string::npos);

    const std::string png = std::getenv("OKIENKO_REPORT_PNG") ? std::getenv("OKIENKO_REPORT_PNG") : m_dir.file("page");
    run("pdftoppm -png -r 60 -f 1 -l 1 -singlefile '" + path + "' '" + png + "'");
    std::error_code ec;
    const auto size = std::filesystem::file_size(png + ".png", ec);
    EXPECT_FALSE(ec) << "pdftoppm drew no page 1";
    EXPECT_GT(size, 5000u) << "page 1 is nearly empty";
    const std::string info = run("pdfinfo '" + path + "'");
    EXPECT_NE(info.find("595.28 x 841.89 pts (A4)"), std::string::npos) << info;
}

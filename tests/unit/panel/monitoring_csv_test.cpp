// The monitoring CSV against spreadsheet formula injection: text cells that Excel or LibreOffice
// would evaluate are neutralised, numbers stay numbers.
#include "server/panel/monitoring.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server::panel;

TEST(MonitoringCsv, FormulaLikeTextCellsGetAnApostropheAndQuotes)
{
    EXPECT_EQ(csvTextCell("=HYPERLINK(\"http://x.pl\",\"x\")"), "\"'=HYPERLINK(\"\"http://x.pl\"\",\"\"x\"\")\"");
    EXPECT_EQ(csvTextCell("=1+1"), "\"'=1+1\"");
    EXPECT_EQ(csvTextCell("+1+1"), "\"'+1+1\"");
    EXPECT_EQ(csvTextCell("-1+2"), "\"'-1+2\"");
    EXPECT_EQ(csvTextCell("@SUM(A1:A9)"), "\"'@SUM(A1:A9)\"");
    EXPECT_EQ(csvTextCell("\t=1+1"), "\"'\t=1+1\"");
    EXPECT_EQ(csvTextCell("\r=1+1"), "\"'\r=1+1\"");
}

TEST(MonitoringCsv, OrdinaryTextIsUnchangedOrQuotedAsBefore)
{
    EXPECT_EQ(csvTextCell("prośba o telefon"), "prośba o telefon");
    EXPECT_EQ(csvTextCell(""), "");
    EXPECT_EQ(csvTextCell("a;b"), "\"a;b\"");
    EXPECT_EQ(csvTextCell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvTextCell("1+1="), "1+1=");
}

TEST(MonitoringCsv, NumbersStayNumbersEvenNegative)
{
    EXPECT_EQ(csvValueCell("12"), "12");
    EXPECT_EQ(csvValueCell("0"), "0");
    EXPECT_EQ(csvValueCell("-3"), "-3");
    EXPECT_EQ(csvValueCell("4,50"), "4,50");
    EXPECT_EQ(csvValueCell("-0,25"), "-0,25");
    EXPECT_EQ(csvValueCell("-1+2"), "\"'-1+2\"");
    EXPECT_EQ(csvValueCell("-"), "\"'-\"");
    EXPECT_EQ(csvValueCell("4,"), "4,");
}

TEST(MonitoringCsv, EveryHostileCellOfAReportIsNeutralised)
{
    const std::vector<IndicatorRow> rows{{"=cmd|' /C calc'!A0", "+1+1", "-1+2", "7"},
                                         {"Zadowolenie", "Średnia ocena", "@SUM(A1)", "4,50"}};
    const std::string csv = indicatorsCsv(rows, Date{2026, 1, 1}, Date{2026, 1, 31});
    EXPECT_NE(csv.find("\r\n\"'=cmd|' /C calc'!A0\";\"'+1+1\";\"'-1+2\";7\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\nZadowolenie;Średnia ocena;\"'@SUM(A1)\";4,50\r\n"), std::string::npos) << csv;
}

// Decision 0012: the panel names an area of the act by its number and the act's words, an area the
// catalogue added by its Polish name, and an id no list holds (an old record) by the id itself.
TEST(AreaLabels, AnAddedAreaIsNamedByTheCatalogue)
{
    domain::Catalog catalogue;
    catalogue.areas.push_back({*domain::parseArea("15-opieka-w-domu"), {"Opieka w domu", "", ""}, "", false});
    EXPECT_EQ(areaLabel("04-pomoc-spoleczna", catalogue), "4. pomoc społeczna");
    EXPECT_EQ(areaLabel("15-opieka-w-domu", catalogue), "Opieka w domu");
    EXPECT_EQ(areaLabel("16-nieznany", catalogue), "16-nieznany");
    EXPECT_EQ(areaLabel("", catalogue), "bez wskazanego obszaru");
}

TEST(AreaLabels, TheMonitoringIdeasRowsNameAnAddedAreaAsTheCatalogueDoes)
{
    domain::Catalog catalogue;
    catalogue.areas.push_back({*domain::parseArea("15-opieka-w-domu"), {"Opieka w domu", "", ""}, "", false});
    server::MonitoringCounts counts;
    counts.ideasByArea = {{"15-opieka-w-domu", 3}, {"04-pomoc-spoleczna", 2}};
    auto detailOf = [](const std::vector<IndicatorRow>& rows, const std::string& value)
    {
        for (const auto& row : rows)
            if (row.section == "Skrzynka pomysłów" && row.value == value)
                return row.detail;
        return std::string("<no row>");
    };
    const auto named = indicatorRows(counts, &catalogue);
    EXPECT_EQ(detailOf(named, "3"), "Opieka w domu");
    EXPECT_EQ(detailOf(named, "2"), "4. pomoc społeczna");
    EXPECT_EQ(detailOf(indicatorRows(counts), "3"), "15-opieka-w-domu") << "without a catalogue: its id";
}

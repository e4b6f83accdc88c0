// The catalogue's `indicators`: the shipped files carry every indicator the seeds name with their
// targets, evidence documents and how each is counted, and a hand-edited indicator that is wrong
// is refused with the JSON path of the value and a precise reason.
#include "shared/catalog/catalog_loader.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>

using namespace okienko;
using namespace okienko::catalog;
using Json = nlohmann::json;

namespace
{
const std::filesystem::path kCatalogDir = std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog";

std::map<std::string, domain::Indicator> shipped(const char* file)
{
    auto result = loadCatalogIndicatorsFile(kCatalogDir / file);
    std::map<std::string, domain::Indicator> out;
    if (!result)
    {
        for (const auto& e : result.error())
            ADD_FAILURE() << formatCatalogError(e);
        return out;
    }
    for (const auto& i : *result)
        out[i.id] = i;
    return out;
}

Json minimalCatalogue(Json indicators)
{
    return Json{{"format_version", 1},
                {"municipality", {{"id", "t"}, {"name", {{"pl", "Gmina"}}}, {"cus_name", {{"pl", "CUS"}}}}},
                {"services", Json::array()},
                {"indicators", std::move(indicators)}};
}

Json validIndicator()
{
    return Json{{"id", "cas-godziny"},
                {"name", "Liczba godzin warsztatów"},
                {"service", "Centrum Aktywności Społecznej"},
                {"unit", "godzina"},
                {"period", "year"},
                {"target", 480},
                {"evidence", "program warsztatów/zajęć"},
                {"how_counted", {{"kind", "register"}, {"register", "activity_sessions"}, {"measure", "hours"}}},
                {"source", "001 §13"}};
}

/// The single error of a catalogue with `indicator` as its only indicator.
CatalogError onlyError(const Json& indicator)
{
    auto result = parseCatalogIndicators(minimalCatalogue(Json::array({indicator})).dump());
    EXPECT_FALSE(result.ok());
    if (result.ok() || result.error().size() != 1)
    {
        if (!result.ok())
            for (const auto& e : result.error())
                ADD_FAILURE() << "got: " << formatCatalogError(e);
        return {};
    }
    return result.error().front();
}
} // namespace

TEST(ShippedIndicators, LapyHasThePlansEightTargetsAsTheSeedStatesThem)
{
    auto lapy = shipped("lapy.json");
    // 001 §13: service, indicator, target per year, evidence document.
    const std::map<std::string, std::pair<std::string, double>> targets{
        {"cas-grupy", {"Liczba warsztatowych/zajęć grup", 6}},
        {"cas-godziny", {"Liczba godzin warsztatów", 480}},
        {"cas-uczestnicy", {"Liczba uczestników warsztatów", 80}},
        {"kw-uczestnicy", {"Liczba osób uczestniczących w spotkaniach Klubu", 20}},
        {"als-uczestnicy", {"Liczba osób uczestniczących w spotkaniach Akademii", 20}},
        {"mch-osoby", {"Liczba osób korzystających z mieszkań", 1}},
        {"pps-osoby", {"Liczba osób korzystających z poradnictwa", 50}},
        {"pps-godziny-dyzurow", {"Liczba godzin dyżurów", 480}}};
    for (const auto& [id, expected] : targets)
    {
        SCOPED_TRACE(id);
        ASSERT_EQ(lapy.count(id), 1u);
        const auto& i = lapy.at(id);
        EXPECT_EQ(i.name, expected.first);
        ASSERT_TRUE(i.target.has_value());
        EXPECT_EQ(*i.target, expected.second);
        EXPECT_EQ(i.period, domain::IndicatorPeriod::Year);
        EXPECT_EQ(i.source.rfind("001 §13", 0), 0u) << i.source;
        EXPECT_NE(i.source.find(expected.first), std::string::npos) << "the source quotes the seed's line";
    }
    EXPECT_EQ(lapy.at("pps-godziny-dyzurow").counting.kind, domain::CountingKind::Automatic);
    EXPECT_EQ(lapy.at("pps-godziny-dyzurow").counting.measure, "counselling-duty-hours");
    EXPECT_NE(lapy.at("pps-osoby").evidence.find("rejestr udzielonych konsultacji"), std::string::npos);
    EXPECT_EQ(lapy.at("cas-godziny").counting.registerName, "activity_sessions");
    EXPECT_EQ(lapy.at("als-uczestnicy").counting.kind, domain::CountingKind::Entered);
}

TEST(ShippedIndicators, LapyHasEveryMeasureOfTheProgrammeWithoutAMadeUpTarget)
{
    auto lapy = shipped("lapy.json");
    EXPECT_EQ(lapy.size(), 22u) << "8 plan targets (001 §13) and 14 programme measures (004 §X)";
    int measures = 0;
    for (const auto& [id, i] : lapy)
        if (i.source.rfind("004", 0) == 0)
        {
            ++measures;
            EXPECT_FALSE(i.target.has_value()) << id << ": 004 sets no target values";
        }
    EXPECT_EQ(measures, 14);
    EXPECT_EQ(lapy.at("wyp-korzystajacy").counting.measure, "equipment-borrowers");
}

TEST(ShippedIndicators, StarachowiceHasItsFourQuarterlyIndicators)
{
    auto s = shipped("starachowice.json");
    ASSERT_EQ(s.size(), 4u);
    for (const auto& [id, i] : s)
    {
        SCOPED_TRACE(id);
        EXPECT_EQ(i.period, domain::IndicatorPeriod::Quarter);
        EXPECT_NE(i.source.find("kwartalnie na podstawie Indywidualnych Planów Usług Społecznych"), std::string::npos);
        EXPECT_NE(i.source.find(i.name), std::string::npos);
    }
    EXPECT_EQ(s.at("nowe-uslugi").counting.measure, "catalog-new-services");
    // What exists at a time is the latest quarter's number; new users add up.
    EXPECT_EQ(s.at("uslugodawcy").aggregation, domain::IndicatorAggregation::Latest);
    EXPECT_EQ(s.at("wolontariusze-sasiedzi").aggregation, domain::IndicatorAggregation::Latest);
    EXPECT_EQ(s.at("nowi-uzytkownicy").aggregation, domain::IndicatorAggregation::Sum);
}

TEST(IndicatorLoader, AnAggregationIsSumOrLatestAndOnlyForEnteredIndicators)
{
    Json entered = validIndicator();
    entered["target"] = nullptr;
    entered["how_counted"] = Json{{"kind", "entered"}};
    entered["aggregation"] = "latest";
    auto ok = parseIndicatorEntry(entered.dump());
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->aggregation, domain::IndicatorAggregation::Latest);
    entered.erase("aggregation");
    EXPECT_EQ(parseIndicatorEntry(entered.dump())->aggregation, domain::IndicatorAggregation::Sum);

    entered["aggregation"] = "average";
    CatalogError e = onlyError(entered);
    EXPECT_EQ(e.path, "$.indicators[0].aggregation");
    EXPECT_EQ(e.code, CatalogErrorCode::UnknownCode);
    EXPECT_NE(e.message.find("allowed: sum, latest"), std::string::npos) << e.message;

    Json counted = validIndicator();
    counted["aggregation"] = "latest";
    e = onlyError(counted);
    EXPECT_EQ(e.path, "$.indicators[0].aggregation");
    EXPECT_NE(e.message.find("entered indicators only"), std::string::npos) << e.message;
}

TEST(IndicatorLoader, TheCatalogueWithoutIndicatorsHasNone)
{
    Json doc = minimalCatalogue(Json::array());
    doc.erase("indicators");
    auto result = parseCatalogIndicators(doc.dump());
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->empty());
    EXPECT_TRUE(parseCatalog(minimalCatalogue(Json::array({validIndicator()})).dump()).ok());
}

TEST(IndicatorLoader, EachMistakeIsNamedByItsPathAndReason)
{
    struct Case
    {
        const char* what;
        Json indicator;
        const char* path;
        CatalogErrorCode code;
        const char* inMessage;
    };
    std::vector<Case> cases;
    auto with = [](const char* pointer, Json value)
    {
        Json j = validIndicator();
        j[Json::json_pointer(pointer)] = std::move(value);
        return j;
    };
    auto without = [](const char* key)
    {
        Json j = validIndicator();
        j.erase(key);
        return j;
    };
    cases.push_back({"unknown metric", with("/how_counted", {{"kind", "automatic"}, {"metric", "hours-of-fun"}}),
                     "$.indicators[0].how_counted.metric", CatalogErrorCode::UnknownCode, "counselling-duty-hours"});
    cases.push_back({"unknown register", with("/how_counted/register", "kawiarenka"),
                     "$.indicators[0].how_counted.register", CatalogErrorCode::UnknownCode, "activity_sessions"});
    cases.push_back({"measure of another register", with("/how_counted/measure", "initiatives"),
                     "$.indicators[0].how_counted.measure", CatalogErrorCode::UnknownCode, "distinct-groups"});
    cases.push_back(
        {"kinds on another register",
         with("/how_counted",
              {{"kind", "register"}, {"register", "volunteer_club"}, {"measure", "members"}, {"kinds", {"workshop"}}}),
         "$.indicators[0].how_counted.kinds", CatalogErrorCode::UnknownKey, "activity_sessions"});
    cases.push_back({"unknown activity kind", with("/how_counted/kinds", {"disco"}),
                     "$.indicators[0].how_counted.kinds[0]", CatalogErrorCode::UnknownCode, "cas-group"});
    cases.push_back({"metric on an entered indicator", with("/how_counted", {{"kind", "entered"}, {"metric", "x"}}),
                     "$.indicators[0].how_counted.metric", CatalogErrorCode::UnknownKey, "entered"});
    cases.push_back({"unknown counting kind", with("/how_counted", {{"kind", "guessed"}}),
                     "$.indicators[0].how_counted.kind", CatalogErrorCode::UnknownCode,
                     "automatic, register, entered"});
    cases.push_back(
        {"negative target", with("/target", -1), "$.indicators[0].target", CatalogErrorCode::OutOfRange, "from 0"});
    cases.push_back(
        {"target as text", with("/target", "480"), "$.indicators[0].target", CatalogErrorCode::WrongType, "number"});
    cases.push_back({"unknown period", with("/period", "week"), "$.indicators[0].period", CatalogErrorCode::UnknownCode,
                     "year, quarter, month"});
    cases.push_back(
        {"no evidence", without("evidence"), "$.indicators[0].evidence", CatalogErrorCode::MissingField, "evidence"});
    cases.push_back(
        {"empty source", with("/source", " "), "$.indicators[0].source", CatalogErrorCode::EmptyText, "empty"});
    cases.push_back({"no how_counted", without("how_counted"), "$.indicators[0].how_counted",
                     CatalogErrorCode::MissingField, "how_counted"});
    cases.push_back({"misspelt key", with("/evidance", "x"), "$.indicators[0].evidance", CatalogErrorCode::UnknownKey,
                     "did you mean 'evidence'"});
    cases.push_back(
        {"bad id", with("/id", "CAS godziny"), "$.indicators[0].id", CatalogErrorCode::BadIdentifier, "a-z"});
    for (const auto& c : cases)
    {
        SCOPED_TRACE(c.what);
        const CatalogError e = onlyError(c.indicator);
        EXPECT_EQ(e.path, c.path);
        EXPECT_EQ(e.code, c.code) << formatCatalogError(e);
        EXPECT_NE(e.message.find(c.inMessage), std::string::npos) << e.message;
    }
}

TEST(IndicatorLoader, ARepeatedIdIsRefusedAndTheWholeFileFailsWithIt)
{
    auto result = parseCatalog(minimalCatalogue(Json::array({validIndicator(), validIndicator()})).dump());
    ASSERT_FALSE(result.ok());
    ASSERT_EQ(result.error().size(), 1u);
    EXPECT_EQ(result.error()[0].path, "$.indicators[1].id");
    EXPECT_EQ(result.error()[0].code, CatalogErrorCode::DuplicateId);
}

TEST(IndicatorLoader, AnEntryIsCheckedByTheFilesRules)
{
    EXPECT_TRUE(parseIndicatorEntry(validIndicator().dump()).ok());
    Json bad = validIndicator();
    bad["target"] = 2e9;
    auto result = parseIndicatorEntry(bad.dump());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error()[0].path, "$.target");
}

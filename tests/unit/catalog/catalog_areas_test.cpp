// Areas and target groups as catalogue data (decision 0012): a file of the older shape reads as the
// shipped lists; a file's own lists are read by their rules, each mistake with its code and JSON
// path; a service that is offered may not name a retired one; the lists survive the database (and
// empty tables, a database written before them, read as the shipped lists) and the file encoding.
#include "kiosk/store/kiosk_schema.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

using namespace okienko;
using namespace okienko::catalog;
using Json = nlohmann::ordered_json;
using Code = CatalogErrorCode;

namespace
{

Json shippedLapy()
{
    std::ifstream in(std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog" / "lapy.json");
    std::ostringstream text;
    text << in.rdbuf();
    return Json::parse(text.str());
}

std::string describe(const CatalogErrors& errors)
{
    std::string out;
    for (const auto& e : errors)
        out += "  " + formatCatalogError(e) + "\n";
    return out;
}

CatalogErrors errorsOf(const Json& doc)
{
    auto result = parseCatalog(doc.dump());
    return result.ok() ? CatalogErrors{} : result.error();
}

void expectOnly(const CatalogErrors& errors, Code code, const std::string& path)
{
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors[0].code, code) << describe(errors);
    EXPECT_EQ(errors[0].path, path) << describe(errors);
}

Json item(const std::string& id, const std::string& namePl)
{
    return Json{{"id", id}, {"name", {{"pl", namePl}}}};
}

/// Łapy with its own lists: the shipped ones written out, then an added area and group.
Json withOwnLists()
{
    Json doc = shippedLapy();
    Json areas = Json::array();
    for (const auto& a : domain::shippedAreaDefinitions())
        areas.push_back(Json::parse(protocol::encodeArea(a).dump()));
    Json added = item("15-opieka-w-domu", "Usługi opiekuńcze w domu");
    added["name"]["uk"] = "Послуги догляду вдома";
    added["pictogram"] = "05-zdrowie";
    areas.push_back(added);
    Json groups = Json::array();
    for (const auto& g : domain::shippedTargetGroupDefinitions())
        groups.push_back(Json::parse(protocol::encodeTargetGroup(g).dump()));
    groups.push_back(item("migrants", "Osoby z doświadczeniem migracji"));
    doc["areas"] = areas;
    doc["target_groups"] = groups;
    return doc;
}

std::size_t indexOf(const Json& list, const std::string& id)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i]["id"] == id)
            return i;
    ADD_FAILURE() << id << " is not in the list";
    return 0;
}

} // namespace

TEST(CatalogAreas, AFileOfTheOlderShapeHasTheShippedAreasAndGroups)
{
    auto parsed = parseCatalog(shippedLapy().dump());
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error());
    EXPECT_EQ(parsed->areas, domain::shippedAreaDefinitions());
    EXPECT_EQ(parsed->targetGroups, domain::shippedTargetGroupDefinitions());
    ASSERT_EQ(parsed->areas.size(), 14u);
    EXPECT_EQ(parsed->areas[0].name.pl, "Polityka prorodzinna");
    // Written back, the shipped lists are left out: the file keeps the shape it always had.
    const auto encoded = protocol::encodeCatalog(*parsed);
    EXPECT_FALSE(encoded.contains("areas"));
    EXPECT_FALSE(encoded.contains("target_groups"));
}

TEST(CatalogAreas, AFileMayAddAnAreaAndAGroupThatServicesName)
{
    Json doc = withOwnLists();
    doc["services"][0]["areas"].push_back("15-opieka-w-domu");
    doc["services"][0]["target_groups"].push_back("migrants");
    auto parsed = parseCatalog(doc.dump());
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error());
    const auto added = *domain::parseArea("15-opieka-w-domu");
    const domain::AreaDefinition* def = parsed->findArea(added);
    ASSERT_NE(def, nullptr);
    EXPECT_EQ(def->name.pl, "Usługi opiekuńcze w domu");
    EXPECT_EQ(def->name.uk, "Послуги догляду вдома");
    EXPECT_EQ(def->pictogram, "05-zdrowie");
    EXPECT_FALSE(def->retired);
    EXPECT_EQ(parsed->services[0].areas.back(), added);
    EXPECT_EQ(parsed->services[0].targetGroups.back(), *domain::parseTargetGroup("migrants"));
    EXPECT_EQ(parsed->activeAreas().size(), 15u);
    EXPECT_EQ(parsed->activeTargetGroups().size(), 10u);

    // The file encoding keeps them: encodeCatalog → parseCatalog gives the same catalogue.
    auto again = parseCatalog(protocol::encodeCatalog(*parsed).dump());
    ASSERT_TRUE(again.ok()) << describe(again.error());
    EXPECT_EQ(*again, *parsed);
}

TEST(CatalogAreas, EachRuleOfTheListsHasItsCodeAndPath)
{
    struct Case
    {
        const char* what;
        Code code;
        std::string path;
        std::function<void(Json&)> mutate;
    };
    const std::vector<Case> cases{
        {"an id that is not a slug", Code::BadIdentifier, "$.areas[14].id",
         [](Json& d)
         {
             d["areas"][14]["id"] = "Opieka w domu";
         }},
        {"an id twice", Code::DuplicateId, "$.target_groups[9].id",
         [](Json& d)
         {
             d["target_groups"][9]["id"] = "seniors";
         }},
        {"no Polish name", Code::MissingField, "$.areas[14].name.pl",
         [](Json& d)
         {
             d["areas"][14]["name"] = Json{{"en", "Home care"}};
         }},
        {"a name over 120 characters", Code::TooLong, "$.areas[14].name.pl",
         [](Json& d)
         {
             d["areas"][14]["name"]["pl"] = std::string(121, 'x');
         }},
        {"a pictogram that is not a shipped id", Code::UnknownCode, "$.areas[14].pictogram",
         [](Json& d)
         {
             d["areas"][14]["pictogram"] = "heart";
         }},
        {"a key the format does not have", Code::UnknownKey, "$.target_groups[9].icon",
         [](Json& d)
         {
             d["target_groups"][9]["icon"] = "x";
         }},
        {"an empty list", Code::EmptyList, "$.target_groups",
         [](Json& d)
         {
             d["target_groups"] = Json::array();
             // with no group defined no service may name one; only the list's own error is counted here
             for (auto& s : d["services"])
                 s.erase("target_groups");
         }},
        {"a service naming an area the file does not define", Code::UnknownCode, "$.services[0].areas[1]",
         [](Json& d)
         {
             d["services"][0]["areas"][1] = "16-nieznany";
         }},
        {"an offered service naming a retired area", Code::RetiredReference, "$.services[0].areas[0]",
         [](Json& d)
         {
             const std::string area = d["services"][0]["areas"][0];
             d["areas"][indexOf(d["areas"], area)]["retired"] = true;
         }},
        {"an offered service naming a retired group", Code::RetiredReference, "$.services[0].target_groups[0]",
         [](Json& d)
         {
             const std::string group = d["services"][0]["target_groups"][0];
             d["target_groups"][indexOf(d["target_groups"], group)]["retired"] = true;
         }},
    };
    for (const auto& c : cases)
    {
        SCOPED_TRACE(c.what);
        Json doc = withOwnLists();
        c.mutate(doc);
        auto errors = errorsOf(doc);
        if (c.code == Code::EmptyList || c.code == Code::RetiredReference)
        {
            // Several services name a retired one (each is named); without a group defined the
            // services also lack their required target_groups. The rule's own error is among them.
            bool found = false;
            for (const auto& e : errors)
            {
                found = found || (e.code == c.code && e.path == c.path);
                if (c.code == Code::RetiredReference)
                {
                    EXPECT_EQ(e.code, c.code) << describe(errors);
                }
            }
            EXPECT_TRUE(found) << describe(errors);
            continue;
        }
        expectOnly(errors, c.code, c.path);
    }
}

TEST(CatalogAreas, AnArchivedServiceMayNameARetiredArea)
{
    Json doc = withOwnLists();
    const std::string area = doc["services"][0]["areas"][0];
    doc["areas"][indexOf(doc["areas"], area)]["retired"] = true;
    doc["services"][0]["status"] = "archived";
    for (std::size_t i = 1; i < doc["services"].size(); ++i)
        for (const auto& a : doc["services"][i]["areas"])
            if (a == area)
                doc["services"][i]["status"] = "archived";
    auto parsed = parseCatalog(doc.dump());
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error());
    const auto retired = *domain::parseArea(area);
    EXPECT_TRUE(parsed->findArea(retired)->retired);
    for (const auto* a : parsed->activeAreas())
        EXPECT_NE(a->id, retired);
}

TEST(CatalogAreas, AServiceFromTheChangeFeedMayNameAnAreaOfItsOwnChange)
{
    // A single service is decoded with placeholder definitions: the area arrives as its own entity.
    Json doc = shippedLapy();
    Json service = doc["services"][0];
    service["areas"].push_back("15-opieka-w-domu");
    auto decoded = protocol::decodeService(Json::parse(service.dump()));
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    EXPECT_EQ(decoded->areas.back(), *domain::parseArea("15-opieka-w-domu"));

    auto area = protocol::decodeArea(Json::parse(R"({"id": "15-opieka-w-domu", "name": {"pl": "Opieka w domu"},
                                                     "pictogram": "seniors", "retired": true})"));
    ASSERT_TRUE(area.ok()) << area.error().describe();
    EXPECT_EQ(area->name.pl, "Opieka w domu");
    EXPECT_EQ(area->pictogram, "seniors");
    EXPECT_TRUE(area->retired);
    EXPECT_FALSE(protocol::decodeArea(Json::parse(R"({"id": "15 x", "name": {"pl": "x"}})")).ok());
    EXPECT_FALSE(protocol::decodeTargetGroup(Json::parse(R"({"id": "migrants", "name": {"pl": ""}})")).ok());
}

TEST(CatalogAreas, TheListsSurviveTheDatabaseAndEmptyTablesReadAsTheShippedOnes)
{
    Json doc = withOwnLists();
    doc["target_groups"][indexOf(doc["target_groups"], "addictions")]["retired"] = true;
    for (auto& s : doc["services"])
    {
        Json groups = Json::array();
        for (const auto& g : s["target_groups"])
            if (g != "addictions")
                groups.push_back(g);
        s["target_groups"] = groups.empty() ? Json::array({"all"}) : groups;
    }
    auto parsed = parseCatalog(doc.dump());
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error());

    test::TempDir dir;
    auto opened = kiosk::openKioskDatabase(dir.file("k.db"));
    ASSERT_TRUE(opened.ok());
    db::Database& db = *opened;
    ASSERT_TRUE(importCatalog(db, *parsed).ok());
    auto loaded = loadCatalog(db);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    EXPECT_EQ(loaded->areas, parsed->areas);
    EXPECT_EQ(loaded->targetGroups, parsed->targetGroups);
    EXPECT_EQ(*loaded, *parsed);

    // A catalogue stored before migration 13 (kiosk) / 22 (server) left these tables empty.
    ASSERT_TRUE(db.exec("DELETE FROM catalog_areas; DELETE FROM catalog_target_groups").ok());
    auto older = loadCatalog(db);
    ASSERT_TRUE(older.ok()) << older.error().describe();
    EXPECT_EQ(older->areas, domain::shippedAreaDefinitions());
    EXPECT_EQ(older->targetGroups, domain::shippedTargetGroupDefinitions());
}

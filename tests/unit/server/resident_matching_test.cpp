// Matching a resident's needs to the services of the shipped catalogues (assets/catalog/lapy.json and
// starachowice.json), table-driven: which services a coordinator would read out for given areas,
// target groups, place words and fee limits; what "published" means by status and dates; and the
// stored form of the needs.
#include "server/residents/service_matching.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>

using namespace okienko;
using namespace okienko::server::residents;
using domain::Area;
using domain::TargetGroup;

namespace
{
const std::filesystem::path kCatalogDir = std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog";
const Date kToday{2026, 12, 7};

const domain::Catalog& catalogue(const std::string& file)
{
    static std::map<std::string, domain::Catalog> loaded;
    if (!loaded.count(file))
    {
        auto c = catalog::loadCatalogFile(kCatalogDir / file);
        EXPECT_TRUE(c.ok()) << file;
        loaded[file] = c.ok() ? std::move(c).value() : domain::Catalog{};
    }
    return loaded[file];
}

std::set<std::string> matchedIds(const ResidentNeeds& needs, const std::string& file)
{
    std::set<std::string> ids;
    for (const domain::Service* s : matchingServices(needs, catalogue(file), kToday))
        ids.insert(s->id);
    return ids;
}

struct MatchCase
{
    const char* what;
    const char* file;
    ResidentNeeds needs;
    std::set<std::string> expected;
};

ResidentNeeds needsOf(std::vector<Area> areas, std::vector<TargetGroup> groups, std::string place = {},
                      FeeLimit fee = FeeLimit::Any, std::int64_t maxFee = 0)
{
    return ResidentNeeds{std::move(areas), std::move(groups), std::move(place), fee, maxFee};
}
} // namespace

TEST(ResidentMatching, ShippedCataloguesGiveTheServicesACoordinatorWouldReadOut)
{
    const std::vector<MatchCase> cases{
        {"Łapy: a senior, any fee — every published service for seniors or for everyone, not the archived Akademia",
         "lapy.json",
         needsOf({}, {TargetGroup::Seniors}),
         {"lapy-cas", "lapy-klub-wolontariusza", "lapy-punkt-poradnictwa", "lapy-mieszkanie-chronione",
          "lapy-wypozyczalnia", "lapy-opieka-wytchnieniowa", "lapy-transport-door-to-door", "lapy-dzienny-dom-senior",
          "lapy-klub-senior", "lapy-uslugi-opiekuncze", "lapy-specjalistyczne-uslugi-opiekuncze", "lapy-dom-kultury",
          "lapy-biblioteka", "lapy-osrodek-kultury-fizycznej"}},
        {"Łapy: a carer, disability area, free only — the four free services, none with an unknown fee",
         "lapy.json",
         needsOf({Area::Disability}, {TargetGroup::Carers}, {}, FeeLimit::FreeOnly),
         {"lapy-cas", "lapy-klub-wolontariusza", "lapy-punkt-poradnictwa", "lapy-wypozyczalnia"}},
        {"Łapy: housing support up to 200 zł — the free ones, and those whose amount the catalogue does not give "
         "(the income-table sheltered flat, the two care services): listed with a fee note, not silently dropped",
         "lapy.json",
         needsOf({Area::SocialAssistance}, {TargetGroup::Disabilities}, {}, FeeLimit::Maximum, 20000),
         {"lapy-cas", "lapy-klub-wolontariusza", "lapy-punkt-poradnictwa", "lapy-mieszkanie-chronione",
          "lapy-wypozyczalnia", "lapy-uslugi-opiekuncze", "lapy-specjalistyczne-uslugi-opiekuncze"}},
        {"Łapy: sheltered flat free only — excluded",
         "lapy.json",
         needsOf({Area::FamilySupport}, {TargetGroup::Disabilities}, {}, FeeLimit::FreeOnly),
         {"lapy-cas", "lapy-klub-wolontariusza", "lapy-punkt-poradnictwa", "lapy-wypozyczalnia"}},
        {"Łapy: civic activity area only — the archived Akademia Lidera is not offered",
         "lapy.json",
         needsOf({Area::CivicActivity}, {}),
         {"lapy-cas", "lapy-wypozyczalnia"}},
        {"Łapy: unemployed — information services of other institutions count (any fee)",
         "lapy.json",
         needsOf({Area::Unemployment, Area::Reintegration}, {TargetGroup::Unemployed}),
         {"lapy-kis", "lapy-powiatowy-urzad-pracy", "lapy-osrodek-przedsiebiorczosci"}},
        {"Starachowice: housing at Radomska street — only the two sheltered housing services there",
         "starachowice.json",
         needsOf({Area::Housing}, {}, "Radomska"),
         {"st-mch-seniorzy", "st-mch-kryzys"}},
        {"Starachowice: a senior at home, free only — delivered 'U Ciebie w domu', not the taxi 'z Twojego domu'",
         "starachowice.json",
         needsOf({}, {TargetGroup::Seniors}, "w domu", FeeLimit::FreeOnly),
         {"st-uslugi-opiekuncze", "st-zlota-raczka", "st-mobilny-fizjoterapeuta"}},
        {"Starachowice: the place typed in Ukrainian matches the Ukrainian place text",
         "starachowice.json",
         needsOf({}, {TargetGroup::Disabilities}, "вдома"),
         {"st-uslugi-opiekuncze", "st-zlota-raczka", "st-mobilny-fizjoterapeuta",
          "st-specjalistyczne-uslugi-opiekuncze", "st-suo-zaburzenia-psychiczne"}},
        {"Starachowice: place without diacritics still folds ('skalka' finds 'Skałka')",
         "starachowice.json",
         needsOf({}, {TargetGroup::Unemployed}, "galeria skalka"),
         {"st-klub-integracji-spolecznej"}},
        {"Starachowice: unemployed in reintegration",
         "starachowice.json",
         needsOf({Area::Reintegration}, {TargetGroup::Unemployed}),
         {"st-broker-pracy", "st-klub-integracji-spolecznej"}},
        {"Starachowice: violence, free only — crisis housing and support groups (the intervention point's fee is "
         "unknown)",
         "starachowice.json",
         needsOf({}, {TargetGroup::ViolenceAffected}, {}, FeeLimit::FreeOnly),
         {"st-mch-kryzys", "st-grupy-wsparcia", "st-animacje"}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(matchedIds(c.needs, c.file), c.expected) << c.what;
}

TEST(ResidentMatching, PublishedMeansActiveOrInformationWithinItsDates)
{
    domain::Service s = *catalogue("lapy.json").findService("lapy-cas");
    const ResidentNeeds needs = needsOf({}, {TargetGroup::Seniors});
    EXPECT_TRUE(matches(needs, s, kToday));
    s.status = domain::ServiceStatus::Planned;
    EXPECT_FALSE(matches(needs, s, kToday)) << "planned: announced, not delivered";
    s.status = domain::ServiceStatus::Archived;
    EXPECT_FALSE(isPublished(s, kToday));
    s.status = domain::ServiceStatus::Information;
    EXPECT_TRUE(isPublished(s, kToday));
    s.validFrom = kToday.plusDays(1);
    EXPECT_FALSE(isPublished(s, kToday)) << "starts tomorrow";
    s.validFrom = kToday;
    EXPECT_TRUE(isPublished(s, kToday)) << "starts today";
    s.validTo = kToday.plusDays(-1);
    EXPECT_FALSE(isPublished(s, kToday)) << "ended yesterday";
    s.validTo = kToday;
    EXPECT_TRUE(isPublished(s, kToday)) << "ends today";
}

TEST(ResidentMatching, FeeLimitsAgainstEachFeeKind)
{
    struct FeeCase
    {
        FeeLimit limit;
        domain::FeeKind kind;
        bool fits;
    };
    const std::vector<FeeCase> cases{
        {FeeLimit::Any, domain::FeeKind::Unspecified, true},
        {FeeLimit::Any, domain::FeeKind::Fixed, true},
        {FeeLimit::FreeOnly, domain::FeeKind::Free, true},
        {FeeLimit::FreeOnly, domain::FeeKind::IncomeTable, false},
        {FeeLimit::FreeOnly, domain::FeeKind::Fixed, false},
        {FeeLimit::Maximum, domain::FeeKind::Free, true},
        {FeeLimit::Maximum, domain::FeeKind::IncomeTable, true},
        {FeeLimit::Maximum, domain::FeeKind::Fixed, true},
        {FeeLimit::Maximum, domain::FeeKind::Unspecified, true},
    };
    for (const auto& c : cases)
    {
        ResidentNeeds needs;
        needs.fee = c.limit;
        needs.maxFeeGrosze = 50000;
        domain::FeeRule fee;
        fee.kind = c.kind;
        EXPECT_EQ(feeFits(needs, fee), c.fits) << feeLimitCode(c.limit) << " / " << domain::toCode(c.kind);
    }
}

TEST(ResidentMatching, AnAmountLimitSaysWhatTheCatalogueCannotCompare)
{
    const domain::Catalog& lapy = catalogue("lapy.json");
    const ResidentNeeds upTo200 = needsOf({}, {}, {}, FeeLimit::Maximum, 20000);
    auto service = [&](const std::string& id) -> const domain::Service&
    {
        const domain::Service* s = lapy.findService(id);
        EXPECT_NE(s, nullptr) << id;
        return *s;
    };
    EXPECT_EQ(feeFit(upTo200, service("lapy-wypozyczalnia").fee), FeeFit::Fits);
    EXPECT_EQ(feeNote(upTo200, service("lapy-wypozyczalnia"), lapy), "") << "free: nothing to check";

    const domain::Service& flat = service("lapy-mieszkanie-chronione");
    EXPECT_EQ(feeFit(upTo200, flat.fee), FeeFit::AmountUnknown);
    EXPECT_EQ(feeNote(upTo200, flat, lapy),
              "Odpłatność zależy od dochodu: bezpłatnie przy dochodzie do 1010,00 zł (osoba samotnie gospodarująca), "
              "powyżej część kosztów, których katalog nie podaje — sprawdź dochód i koszt w limicie 200,00 zł/mies.")
        << "the fee table's income criterion is the one amount the catalogue has";

    EXPECT_EQ(feeNote(upTo200, service("lapy-uslugi-opiekuncze"), lapy),
              "Katalog nie podaje odpłatności — sprawdź, czy mieści się w limicie 200,00 zł/mies.");
    domain::Service fixed = service("lapy-uslugi-opiekuncze");
    fixed.fee.kind = domain::FeeKind::Fixed;
    EXPECT_EQ(feeNote(needsOf({}, {}, {}, FeeLimit::Maximum, 15005), fixed, lapy),
              "Opłata stała opisana tylko słownie, katalog nie podaje kwoty — sprawdź, czy mieści się w limicie "
              "150,05 zł/mies.");

    EXPECT_EQ(feeNote(needsOf({}, {}), flat, lapy), "") << "any fee: nothing to check";
    EXPECT_EQ(feeFit(needsOf({}, {}, {}, FeeLimit::FreeOnly), flat.fee), FeeFit::Exceeds);
}

TEST(ResidentMatching, NeedsAreStoredAsJsonAndReadBack)
{
    const ResidentNeeds needs = needsOf({Area::Disability, Area::Housing}, {TargetGroup::Seniors, TargetGroup::Carers},
                                        "Radomska", FeeLimit::Maximum, 15050);
    const auto back = needsFromJson(needsToJson(needs));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, needs);
    EXPECT_FALSE(needsFromJson("not json").has_value());
    // An area the catalogue added is an id like the act's (decision 0012); text that is no id is refused.
    const auto added =
        needsFromJson(R"({"areas":["15-opieka-w-domu"],"target_groups":[],"place":"","fee":"any","max_fee_grosze":0})");
    ASSERT_TRUE(added.has_value());
    EXPECT_EQ(added->areas, std::vector<Area>{*domain::parseArea("15-opieka-w-domu")});
    EXPECT_FALSE(needsFromJson(R"({"areas":["99 nic!"],"target_groups":[],"place":"","fee":"any","max_fee_grosze":0})")
                     .has_value());
    EXPECT_FALSE(
        needsFromJson(R"({"areas":[],"target_groups":[],"place":"","fee":"cheap","max_fee_grosze":0})").has_value());
}

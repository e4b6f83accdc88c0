// Codes of the domain's enums must round-trip: data files, the database and the protocol use them.
#include "shared/domain/catalog.hpp"
#include "shared/domain/codes.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace okienko::domain;

TEST(Areas, FourteenAreasWithUniqueCodes)
{
    std::set<std::string_view> codes;
    for (const Area& a : shippedAreas())
    {
        codes.insert(areaCode(a));
        EXPECT_EQ(parseArea(areaCode(a)), a);
    }
    EXPECT_EQ(codes.size(), 14u);
    EXPECT_EQ(areaCode(Area::ProFamily), "01-prorodzinna");
    EXPECT_EQ(areaCode(Area::Reintegration), "14-reintegracja");
    EXPECT_EQ(actNumber(Area::Health), 5);
}

TEST(Areas, AnIdIsASlugTheCatalogueMayDefine)
{
    // An added area's id reads as any other; whether it is defined is the catalogue's to say.
    ASSERT_TRUE(parseArea("15-uslugi-opiekuncze"));
    EXPECT_EQ(areaCode(*parseArea("15-uslugi-opiekuncze")), "15-uslugi-opiekuncze");
    EXPECT_FALSE(actNumber(*parseArea("15-uslugi-opiekuncze")));
    EXPECT_TRUE(parseArea(std::string(64, 'a')));
    for (std::string_view bad : {"", "-x", "Zdrowie", "zdrowie i sport", "ąę", "a_b"})
        EXPECT_FALSE(parseArea(bad)) << bad;
    EXPECT_FALSE(parseArea(std::string(65, 'a')));
}

TEST(TargetGroups, CodesRoundTrip)
{
    std::set<std::string_view> codes;
    for (const TargetGroup& g : shippedTargetGroups())
    {
        codes.insert(targetGroupCode(g));
        EXPECT_EQ(parseTargetGroup(targetGroupCode(g)), g);
    }
    EXPECT_EQ(codes.size(), 9u);
    EXPECT_FALSE(parseTargetGroup("Aliens!"));
    EXPECT_TRUE(parseTargetGroup("migrants"));
    EXPECT_FALSE(isShipped(*parseTargetGroup("migrants")));
}

TEST(Catalog, WithoutItsOwnListsHasTheShippedAreasAndGroups)
{
    const Catalog catalog;
    ASSERT_EQ(catalog.areas.size(), 14u);
    ASSERT_EQ(catalog.targetGroups.size(), 9u);
    EXPECT_EQ(catalog.areas[3].id, Area::SocialAssistance);
    EXPECT_EQ(catalog.areas[3].name.pl, "Pomoc społeczna");
    EXPECT_EQ(catalog.findTargetGroup(TargetGroup::AllResidents)->name.en, "All residents");
    for (const auto& area : catalog.areas)
        EXPECT_FALSE(area.name.pl.empty() || area.name.uk.empty() || area.name.en.empty());
    for (const auto& group : catalog.targetGroups)
        EXPECT_FALSE(group.name.pl.empty() || group.name.uk.empty() || group.name.en.empty());
}

TEST(Catalog, ActiveListsLeaveRetiredOnesOut)
{
    Catalog catalog;
    catalog.areas[12].retired = true; // 13-srodowisko
    catalog.areas.push_back({*parseArea("15-opieka-w-domu"), {"Usługi opiekuńcze w domu", "", ""}, "05-zdrowie"});
    const auto active = catalog.activeAreas();
    ASSERT_EQ(active.size(), 14u);
    EXPECT_EQ(active.back()->id, *parseArea("15-opieka-w-domu"));
    for (const auto* a : active)
        EXPECT_NE(a->id, Area::Environment);
    EXPECT_NE(catalog.findArea(Area::Environment), nullptr); // still defined: old records name it
    EXPECT_EQ(pictogramOf(*active.back()), "05-zdrowie");
    EXPECT_EQ(pictogramOf(catalog.areas[0]), "01-prorodzinna");
}

TEST(Codes, EveryEnumRoundTrips)
{
    for (auto s : {UnitState::Available, UnitState::Reserved, UnitState::OnLoan, UnitState::Cleaning, UnitState::Repair,
                   UnitState::Retired})
        EXPECT_EQ(fromCode<UnitState>(toCode(s)), s);
    for (auto s : {ReservationStatus::Provisional, ReservationStatus::Held, ReservationStatus::Confirmed,
                   ReservationStatus::PickedUp, ReservationStatus::Cancelled, ReservationStatus::Expired,
                   ReservationStatus::Rejected, ReservationStatus::Conflict})
        EXPECT_EQ(fromCode<ReservationStatus>(toCode(s)), s);
    EXPECT_EQ(fromCode<FeeKind>("income-table"), FeeKind::IncomeTable);
    EXPECT_EQ(fromCode<KioskAction>("reserve-equipment"), KioskAction::ReserveEquipment);
    EXPECT_FALSE(fromCode<FeeKind>("expensive"));
}

TEST(LocalizedText, FallsBackToPolishVisibly)
{
    LocalizedText t{"Wózek", "", "Wheelchair"};
    EXPECT_EQ(t.in(Language::Uk), "Wózek");
    EXPECT_TRUE(t.isFallback(Language::Uk));
    EXPECT_FALSE(t.isFallback(Language::En));
    EXPECT_EQ(t.in(Language::En), "Wheelchair");
}

TEST(Reservation, OnlyLiveStatusesOccupyUnits)
{
    EXPECT_TRUE(occupiesUnit(ReservationStatus::Provisional));
    EXPECT_TRUE(occupiesUnit(ReservationStatus::Held));
    EXPECT_FALSE(occupiesUnit(ReservationStatus::Cancelled));
    EXPECT_FALSE(occupiesUnit(ReservationStatus::PickedUp));
}

TEST(Announcement, VisibleOnlyWithinItsDates)
{
    Announcement a;
    a.validFrom = okienko::Date{2026, 11, 1};
    a.validTo = okienko::Date{2026, 11, 30};
    EXPECT_TRUE(a.visibleOn({2026, 11, 30}));
    EXPECT_FALSE(a.visibleOn({2026, 12, 1}));
    EXPECT_FALSE(a.visibleOn({2026, 10, 31}));
}

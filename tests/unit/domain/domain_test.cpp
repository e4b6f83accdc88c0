// Codes of the domain's enums must round-trip: data files, the database and the protocol use them.
#include "shared/domain/catalog.hpp"
#include "shared/domain/codes.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace okienko::domain;

TEST(Areas, FourteenAreasWithUniqueCodes)
{
    std::set<std::string_view> codes;
    for (Area a : allAreas())
    {
        codes.insert(areaCode(a));
        EXPECT_EQ(parseArea(areaCode(a)), a);
    }
    EXPECT_EQ(codes.size(), 14u);
    EXPECT_EQ(areaCode(Area::ProFamily), "01-prorodzinna");
    EXPECT_EQ(areaCode(Area::Reintegration), "14-reintegracja");
    EXPECT_FALSE(parseArea("15-nic"));
}

TEST(TargetGroups, CodesRoundTrip)
{
    for (TargetGroup g : allTargetGroups())
        EXPECT_EQ(parseTargetGroup(targetGroupCode(g)), g);
    EXPECT_FALSE(parseTargetGroup("aliens"));
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

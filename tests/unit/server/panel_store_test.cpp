// The units and duty-slot actions of the panel's store (SqlitePanelStore) without the panel: each
// refusal comes back as its precise outcome and changes nothing, and an allowed change is visible
// to the next load together with who made it.
#include "server/server_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server;
using domain::UnitState;

namespace
{
const Date kToday{2030, 3, 4};
constexpr std::int64_t kNow = 1'900'000'000;

std::string catalogueWithOneUnit()
{
    return protocol::Json{
        {"format_version", 1},
        {"municipality", {{"id", "t"}, {"name", {{"pl", "Gmina"}}}, {"cus_name", {{"pl", "CUS"}}}}},
        {"services", protocol::Json::array()},
        {"equipment_types", protocol::Json::array({{{"id", "wozek"},
                                                    {"category", "mobility"},
                                                    {"name", {{"pl", "Wózek"}}},
                                                    {"description", {{"pl", "Opis"}}},
                                                    {"default_loan_days", 30},
                                                    {"max_loan_days", 90}}})},
        {"units",
         protocol::Json::array({{{"inventory_number", "TST-1"}, {"type_id", "wozek"}, {"state", "available"}}})}}
        .dump();
}

class PanelStoreTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto catalogue = catalog::parseCatalog(catalogueWithOneUnit());
        ASSERT_TRUE(catalogue.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *catalogue, Now{kNow, kToday}).ok());
        auto staff =
            m_store->addStaff("Anna Koordynator", domain::StaffRole::Coordinator, "pin", "hash", Now{kNow, kToday});
        ASSERT_TRUE(staff.ok());
        m_staffId = *staff;
        m_panel = std::make_unique<SqlitePanelStore>(*m_store);
    }

    UnitStateChange toRepair() const
    {
        return UnitStateChange{
            "TST-1", "repair", {UnitState::Available, UnitState::Cleaning}, UnitState::Repair, "koło", m_staffId, kNow};
    }

    SlotEdit slot(const std::string& counsellor, const std::string& room, int start) const
    {
        return SlotEdit{"", kToday.plusDays(1), start, 60, counsellor, room, {"prawne"}, m_staffId, kNow};
    }

    test::TempDir m_dir;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<SqlitePanelStore> m_panel;
    std::string m_staffId;
};

TEST_F(PanelStoreTest, AUnitStateChangeIsMadeOnceAndARepeatIsRefusedWithTheStateFound)
{
    auto first = m_panel->changeUnitState(toRepair());
    ASSERT_TRUE(first.ok()) << first.error().describe();
    EXPECT_EQ(first->result, UnitChangeResult::Changed);

    auto again = m_panel->changeUnitState(toRepair());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->result, UnitChangeResult::WrongState);
    EXPECT_EQ(again->state, UnitState::Repair);

    UnitStateChange unknown = toRepair();
    unknown.inventory = "TST-9";
    auto missing = m_panel->changeUnitState(unknown);
    ASSERT_TRUE(missing.ok());
    EXPECT_EQ(missing->result, UnitChangeResult::UnknownUnit);

    auto inRepair = m_panel->units("repair");
    ASSERT_TRUE(inRepair.ok());
    ASSERT_EQ(inRepair->size(), 1U);
    EXPECT_EQ(inRepair->front().notes, "koło");
    EXPECT_EQ(inRepair->front().lastChangedBy, "Anna Koordynator");
    EXPECT_EQ(inRepair->front().lastChangedAt, kNow);
    auto available = m_panel->units("available");
    ASSERT_TRUE(available.ok());
    EXPECT_TRUE(available->empty());
}

TEST_F(PanelStoreTest, AnOverlappingSlotIsRefusedNamingTheSlotInTheWayAndAFreeSlotIsWithdrawn)
{
    auto published = m_panel->saveSlot(slot("Jan Nowak", "12", 600));
    ASSERT_TRUE(published.ok()) << published.error().describe();
    EXPECT_EQ(published->result, SlotChangeResult::Published);

    auto sameRoom = m_panel->saveSlot(slot("Ewa Lis", "12", 630));
    ASSERT_TRUE(sameRoom.ok());
    EXPECT_EQ(sameRoom->result, SlotChangeResult::Overlap);
    EXPECT_FALSE(sameRoom->sameCounsellor);
    EXPECT_EQ(sameRoom->overlapping.counsellor, "Jan Nowak");

    auto sameCounsellor = m_panel->saveSlot(slot("jan nowak", "14", 630));
    ASSERT_TRUE(sameCounsellor.ok());
    EXPECT_EQ(sameCounsellor->result, SlotChangeResult::Overlap);
    EXPECT_TRUE(sameCounsellor->sameCounsellor);

    auto overview = m_panel->slotsOverview(kToday, 0);
    ASSERT_TRUE(overview.ok());
    ASSERT_EQ(overview->upcoming.size(), 1U);
    ASSERT_EQ(overview->free.size(), 1U);
    const std::string id = overview->upcoming.front().slot.id;

    auto gone = m_panel->withdrawSlot("no-such-slot", m_staffId, kNow);
    ASSERT_TRUE(gone.ok());
    EXPECT_EQ(gone->result, SlotChangeResult::Gone);
    auto withdrawn = m_panel->withdrawSlot(id, m_staffId, kNow);
    ASSERT_TRUE(withdrawn.ok());
    EXPECT_EQ(withdrawn->result, SlotChangeResult::Withdrawn);
    auto after = m_panel->freeSlots(kToday, 0, 10);
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->empty());
}

} // namespace

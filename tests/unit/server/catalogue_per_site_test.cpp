// The catalogue per site (decision 0015): two sites on one okienko-central that imported the same
// shipped Łapy catalogue, so every service id, equipment type and inventory number is the same in
// both. A coordinator's edit, an import, a unit's state and the holds of one site never reach the
// other's catalogue, units or kiosks.
#include "server/api.hpp"
#include "server/server_store.hpp"
#include "server/site_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/api_calls.hpp"
#include "tests/support/site_requests.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::protocol;
using namespace okienko::server;

namespace
{
const std::int64_t kUnixNow = 1900000000;
const char* const kSiteB = "bialystok";

class CataloguePerSite : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto lapy = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
        ASSERT_TRUE(lapy.ok());
        m_lapy = *lapy;
        ASSERT_TRUE(SiteStore(*m_store).addSite(kSiteB, "Centrum Usług Społecznych w Białymstoku", now()).ok());
        ASSERT_TRUE(m_store->importCatalog("default", m_lapy, now()).ok());
        ASSERT_TRUE(m_store->importCatalog(kSiteB, m_lapy, now()).ok());
        auto tokenA = m_store->addKiosk("lapy-hol", now(), true);
        auto tokenB = m_store->addKiosk("bialystok-hol", now(), true, kSiteB);
        ASSERT_TRUE(tokenA.ok() && tokenB.ok());
        m_tokenA = *tokenA;
        m_tokenB = *tokenB;
        auto staffB = m_store->addStaff("Beata Białostocka", domain::StaffRole::Coordinator, test::kReleasePinHash,
                                        test::kReleasePinHash, now(), kSiteB);
        ASSERT_TRUE(staffB.ok());
        m_staffB = *staffB;
        m_config.databasePath = m_dir.file("central.db");
        m_config.rateLimitBurst = 1000;
        m_api = std::make_unique<Api>(
            *m_store, m_config, [this] { return now(); }, [] { return 100.0; });
    }

    Now now() const { return nowAt(kUnixNow); }

    ApiResponse call(const std::string& token, const std::string& method, const std::string& path,
                     const std::string& body = {})
    {
        return test::callApi(*m_api, token, method, path, body);
    }

    /// Every change the kiosk pulls from `cursor` on (a snapshot when empty), as one text.
    std::string pullAll(const std::string& token, std::string& cursor)
    {
        const ApiResponse r = test::pullAllChanges(*m_api, token, cursor);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.body;
    }

    domain::Catalog stored(const std::string& site)
    {
        domain::Catalog out;
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto c = catalog::loadCatalog(d, site);
                                if (!c)
                                    return makeErr(c.error());
                                out = std::move(c).value();
                                return {};
                            })
                        .ok());
        return out;
    }

    std::string unitState(const std::string& site, const std::string& inventory)
    {
        std::string state;
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto s = db::queryText(
                                    d, "SELECT state FROM unit_states WHERE site_id = ? AND inventory_number = ?", site,
                                    inventory);
                                if (!s)
                                    return makeErr(s.error());
                                state = s->value_or("");
                                return {};
                            })
                        .ok());
        return state;
    }

    int unitsOfType(const std::string& typeId) const
    {
        int n = 0;
        for (const auto& u : m_lapy.units)
            n += u.typeId == typeId && u.state == domain::UnitState::Available ? 1 : 0;
        return n;
    }

    test::TempDir m_dir{"okienko-catalogue-sites"};
    std::unique_ptr<ServerStore> m_store;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;
    domain::Catalog m_lapy;
    std::string m_tokenA, m_tokenB, m_staffB;
};
} // namespace

TEST_F(CataloguePerSite, BothSitesHoldTheSameIdsEachItsOwnRows)
{
    const domain::Catalog a = stored("default");
    const domain::Catalog b = stored(kSiteB);
    EXPECT_EQ(a, m_lapy);
    EXPECT_EQ(b, m_lapy);
    EXPECT_FALSE(m_lapy.units.empty());
    for (const auto& u : m_lapy.units)
    {
        EXPECT_EQ(unitState("default", u.inventoryNumber), domain::toCode(u.state));
        EXPECT_EQ(unitState(kSiteB, u.inventoryNumber), domain::toCode(u.state));
    }
}

TEST_F(CataloguePerSite, ACoordinatorsAnnouncementReachesOnlyTheKiosksOfItsSite)
{
    std::string cursorA, cursorB;
    pullAll(m_tokenA, cursorA);
    pullAll(m_tokenB, cursorB);

    SqlitePanelStore panelB(*m_store, SiteScope::one(kSiteB));
    CatalogEdit edit;
    const Json text{{"pl", "Dyżur w sobotę"}, {"uk", "Чергування в суботу"}, {"en", "Open on Saturday"}};
    edit.changes = {{"/title", text}, {"/body", text}};
    edit.staffId = m_staffB;
    edit.now = kUnixNow;
    auto saved = panelB.saveAnnouncement(edit);
    ASSERT_TRUE(saved.ok()) << saved.error().describe();
    ASSERT_EQ(saved->result, CatalogSaveResult::Saved);

    EXPECT_EQ(stored(kSiteB).announcements.size(), m_lapy.announcements.size() + 1);
    EXPECT_EQ(stored("default"), m_lapy);
    EXPECT_NE(pullAll(m_tokenB, cursorB).find("Dyżur w sobotę"), std::string::npos);
    EXPECT_EQ(pullAll(m_tokenA, cursorA).find("Dyżur w sobotę"), std::string::npos);
    // A new kiosk of each site: the snapshot of its own catalogue.
    std::string freshA, freshB;
    EXPECT_EQ(pullAll(m_tokenA, freshA).find("Dyżur w sobotę"), std::string::npos);
    EXPECT_NE(pullAll(m_tokenB, freshB).find("Dyżur w sobotę"), std::string::npos);
    // The site's panel shows its own catalogue; the other's does not have the entry.
    SqlitePanelStore panelA(*m_store, SiteScope::one("default"));
    auto overviewA = panelA.catalogOverview();
    ASSERT_TRUE(overviewA.ok() && overviewA->catalogue);
    EXPECT_EQ(overviewA->catalogue->announcements.size(), m_lapy.announcements.size());
}

TEST_F(CataloguePerSite, AUnitsStateAtOneSiteLeavesTheSameInventoryNumberOfTheOtherAlone)
{
    const domain::EquipmentUnit* unit = nullptr;
    for (const auto& u : m_lapy.units)
        if (u.state == domain::UnitState::Available && unit == nullptr)
            unit = &u;
    ASSERT_NE(unit, nullptr);
    std::string cursorA, cursorB;
    pullAll(m_tokenA, cursorA);
    pullAll(m_tokenB, cursorB);

    auto e = makeUnitStateChanged(
        newUuid(), kUnixNow,
        protocol::UnitStateChange{unit->inventoryNumber, domain::UnitState::Repair, "pęknięta opona", "st-1"});
    auto r = call(m_tokenB, "POST", "/api/v1/events", encodeEventBatch({e}));
    ASSERT_EQ(r.status, 200) << r.body;
    auto results = decodeEventResults(r.body);
    ASSERT_TRUE(results.ok());
    ASSERT_EQ((*results)[0].status, EventStatus::Applied) << (*results)[0].code;

    EXPECT_EQ(unitState(kSiteB, unit->inventoryNumber), "repair");
    EXPECT_EQ(unitState("default", unit->inventoryNumber), "available");
    EXPECT_NE(pullAll(m_tokenB, cursorB).find("pęknięta opona"), std::string::npos);
    EXPECT_EQ(pullAll(m_tokenA, cursorA).find("pęknięta opona"), std::string::npos);
}

TEST_F(CataloguePerSite, HoldsCountEachSitesOwnUnits)
{
    const std::string type = m_lapy.equipmentTypes.front().id;
    const int units = unitsOfType(type);
    ASSERT_GT(units, 0);
    const Date pick = now().today.plusDays(2);
    auto hold = [&](const std::string& token)
    {
        return call(token, "POST", "/api/v1/reservations/hold", encodeHoldRequest({newUuid(), type, pick, 7}));
    };
    for (int i = 0; i < units; ++i)
        ASSERT_EQ(hold(m_tokenB).status, 201) << "hold " << i;
    EXPECT_EQ(hold(m_tokenB).status, 409); // site B's units are all held for those days
    // Site A's units of the same type and numbers are its own: all still free.
    for (int i = 0; i < units; ++i)
        EXPECT_EQ(hold(m_tokenA).status, 201) << "hold " << i;
    EXPECT_EQ(hold(m_tokenA).status, 409);
}

TEST_F(CataloguePerSite, AnImportForOneSiteLeavesTheOthersCatalogueAndKiosksAlone)
{
    std::string cursorA;
    pullAll(m_tokenA, cursorA);
    auto starachowice = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/starachowice.json");
    ASSERT_TRUE(starachowice.ok());
    ASSERT_TRUE(m_store->importCatalog(kSiteB, *starachowice, now()).ok());
    EXPECT_EQ(stored(kSiteB).municipality, starachowice->municipality);
    EXPECT_EQ(stored("default"), m_lapy);
    // Site A's kiosk gets nothing of the new catalogue; it still has every one of its units.
    const std::string pulledA = pullAll(m_tokenA, cursorA);
    EXPECT_EQ(pulledA.find("Starachowic"), std::string::npos) << pulledA;
    EXPECT_EQ(pulledA.find("\"op\":\"delete\""), std::string::npos) << pulledA;
    for (const auto& u : m_lapy.units)
        EXPECT_EQ(unitState("default", u.inventoryNumber), domain::toCode(u.state));
}

TEST_F(CataloguePerSite, TheReportCountsTheServicesOfTheSitesItCovers)
{
    // The shipped Łapy catalogue has five services valid from 2023-12-20; each site holds its own five.
    domain::Indicator newServices;
    newServices.id = "nowe-uslugi";
    newServices.counting.kind = domain::CountingKind::Automatic;
    newServices.counting.measure = "catalog-new-services";
    const ReportPeriod december{"2023-12-01", "2023-12-31", 0, 0};
    auto counted = [&](SiteScope scope)
    {
        auto m = SqlitePanelStore(*m_store, std::move(scope)).measureIndicators({newServices}, {{december}});
        EXPECT_TRUE(m.ok());
        return m.ok() ? (*m)[0][0].value : -1.0;
    };
    EXPECT_EQ(counted(SiteScope::one(kSiteB)), 5.0);
    EXPECT_EQ(counted(SiteScope::one("default")), 5.0);
    EXPECT_EQ(counted(SiteScope::of({"default", kSiteB})), 10.0); // a county's total
}

// Kiosk and staff lifecycle without sockets: a revoked or rotated token is refused from the very
// next request (no restart), while a flood of unknown tokens still reloads the kiosks at most once
// a second; clashing kiosk ids are refused; a deactivated or reset staff member loses the panel at
// once and is re-published to kiosks; every change leaves an audit row.
#include "server/api.hpp"
#include "server/credentials.hpp"
#include "server/lifecycle_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server;

namespace
{

class LifecycleTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        m_config.rateLimitBurst = 1000;
        m_api = std::make_unique<Api>(
            *m_store, m_config, [this] { return m_now; }, [this] { return m_monotonic; });
        m_lifecycle = std::make_unique<LifecycleStore>(*m_store);
    }

    int changesStatus(const std::string& token)
    {
        return m_api->handle(ApiRequest{"GET", "/api/v1/changes", {{"limit", "1"}}, "Bearer " + token, "", ""}).status;
    }

    std::string enrol(const std::string& id)
    {
        auto token = m_lifecycle->enrolKiosk(id, "Hol " + id, m_now);
        EXPECT_TRUE(token.ok()) << (token.ok() ? "" : token.error().message);
        return token.ok() ? *token : std::string();
    }

    std::int64_t count(const std::string& sql)
    {
        std::int64_t n = -1;
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto v = db::queryInt64(d, sql);
                                if (!v)
                                    return makeErr(v.error());
                                n = v->value_or(-1);
                                return {};
                            })
                        .ok());
        return n;
    }

    /// `column` ("op" or "data") of the staff change the kiosks pull last for `id`; `missing` if none.
    std::string lastStaffChange(const std::string& id, const std::string& column, const std::string& missing)
    {
        std::string value;
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto v = db::queryText(d,
                                                       "SELECT " + column +
                                                           " FROM change_log WHERE entity = 'staff' AND "
                                                           "entity_id = ? ORDER BY seq DESC LIMIT 1",
                                                       id);
                                if (!v)
                                    return makeErr(v.error());
                                value = v->value_or(missing);
                                return {};
                            })
                        .ok());
        return value;
    }

    /// The operation ("upsert", "delete") of the staff change the kiosks pull last for `id`.
    std::string lastStaffOp(const std::string& id) { return lastStaffChange(id, "op", ""); }

    /// The staff change the kiosks pull last for `id`.
    domain::Staff lastPublished(const std::string& id)
    {
        const std::string data = lastStaffChange(id, "data", "{}");
        auto staff = protocol::decodeStaff(protocol::Json::parse(data));
        EXPECT_TRUE(staff.ok()) << data;
        return staff.ok() ? *staff : domain::Staff{};
    }

    test::TempDir m_dir{"okienko-lifecycle"};
    std::unique_ptr<ServerStore> m_store;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<LifecycleStore> m_lifecycle;
    Now m_now{1900000000, Date{2030, 3, 4}};
    double m_monotonic = 100.0;
};

TEST_F(LifecycleTest, ARevokedTokenIsRefusedFromTheVeryNextRequest)
{
    const std::string token = enrol("lobby-1");
    EXPECT_EQ(changesStatus(token), 200);
    EXPECT_EQ(changesStatus(token), 200);
    auto revoked = m_lifecycle->revokeKiosk("lobby-1", m_now);
    ASSERT_TRUE(revoked.ok());
    EXPECT_TRUE(*revoked);
    EXPECT_EQ(changesStatus(token), 401); // same second, same cache: no restart, no wait
    m_monotonic += 5;
    EXPECT_EQ(changesStatus(token), 401);
    auto again = m_lifecycle->revokeKiosk("lobby-1", m_now);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again);
    EXPECT_EQ(count("SELECT COUNT(*) FROM panel_actions WHERE staff_id = 'cli' AND entity = 'kiosk' AND "
                    "entity_id = 'lobby-1' AND action = 'revoke'"),
              1);
}

TEST_F(LifecycleTest, ThePanelSeesKiosksByDisplayNameAndARevokedOneAsRevoked)
{
    enrol("lobby-1");
    enrol("lobby-2");
    const Now later{m_now.unix + 600, m_now.today};
    ASSERT_TRUE(m_lifecycle->revokeKiosk("lobby-2", later).ok());
    SqlitePanelStore panel(*m_store);
    auto kiosks = panel.kioskHealth();
    ASSERT_TRUE(kiosks.ok());
    ASSERT_EQ(kiosks->size(), 2u);
    EXPECT_EQ((*kiosks)[0].name, "lobby-1");
    EXPECT_EQ((*kiosks)[0].displayName, "Hol lobby-1");
    EXPECT_TRUE((*kiosks)[0].active);
    EXPECT_FALSE((*kiosks)[0].revokedAt.has_value());
    EXPECT_EQ((*kiosks)[1].name, "lobby-2");
    EXPECT_EQ((*kiosks)[1].displayName, "Hol lobby-2");
    EXPECT_FALSE((*kiosks)[1].active);
    EXPECT_EQ((*kiosks)[1].revokedAt, std::optional<std::int64_t>(later.unix));
}

TEST_F(LifecycleTest, RotationRefusesTheOldTokenAtOnceAndAcceptsTheNewOne)
{
    const std::string old = enrol("lobby-1");
    EXPECT_EQ(changesStatus(old), 200);
    auto fresh = m_lifecycle->rotateKiosk("lobby-1", m_now);
    ASSERT_TRUE(fresh.ok());
    EXPECT_NE(*fresh, old);
    EXPECT_EQ(changesStatus(old), 401);
    m_monotonic += 1.0; // a token the cache does not know waits for the once-a-second reload
    EXPECT_EQ(changesStatus(*fresh), 200);
    EXPECT_EQ(changesStatus(old), 401);
}

TEST_F(LifecycleTest, UnknownTokensReloadTheKiosksAtMostOnceASecond)
{
    EXPECT_EQ(changesStatus("no-such-token-0000000000000000000000000000"), 401); // loads the (empty) cache
    const std::string token = enrol("lobby-1");
    EXPECT_EQ(changesStatus(token), 401); // within the second: not looked up
    m_monotonic += 1.0;
    EXPECT_EQ(changesStatus(token), 200);
}

TEST_F(LifecycleTest, ClashingKioskIdsAreRefused)
{
    enrol("lobby-1");
    auto active = m_lifecycle->enrolKiosk("lobby-1", "Another", m_now);
    ASSERT_FALSE(active.ok());
    EXPECT_EQ(active.error().kind, LifecycleError::Kind::Clash);
    EXPECT_NE(active.error().message.find("already taken by an active kiosk"), std::string::npos);
    ASSERT_TRUE(m_lifecycle->revokeKiosk("lobby-1", m_now).ok());
    auto revoked = m_lifecycle->enrolKiosk("lobby-1", "Another", m_now);
    ASSERT_FALSE(revoked.ok());
    EXPECT_NE(revoked.error().message.find("a revoked kiosk"), std::string::npos);
    auto rotate = m_lifecycle->rotateKiosk("lobby-1", m_now);
    ASSERT_FALSE(rotate.ok());
    EXPECT_EQ(rotate.error().kind, LifecycleError::Kind::Revoked);
    auto missing = m_lifecycle->revokeKiosk("lobby-9", m_now);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, LifecycleError::Kind::NotFound);
    auto listed = m_lifecycle->listKiosks();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].name, "Hol lobby-1");
    EXPECT_FALSE((*listed)[0].active);
}

TEST_F(LifecycleTest, ADeactivatedMemberLosesThePanelAtOnceAndKiosksAreTold)
{
    auto id = m_store->addStaff("Anna Nowak", domain::StaffRole::Coordinator, *hashPin("482193"),
                                *hashSecret("haslo-testowe-1"), m_now);
    ASSERT_TRUE(id.ok());
    SqlitePanelStore panel(*m_store);
    ASSERT_TRUE(panel.openSession(*id, "cookie-hash", "csrf", m_now.unix, 0, 0).ok());
    ASSERT_TRUE(panel.sessionByHash("cookie-hash")->has_value());

    ASSERT_TRUE(m_lifecycle->setStaffActive(*id, false, m_now).ok());
    EXPECT_FALSE(panel.sessionByHash("cookie-hash")->has_value());
    EXPECT_TRUE(panel.loginCandidates("Anna Nowak")->empty());
    EXPECT_EQ(lastStaffOp(*id), "delete"); // kiosks drop the row, PIN hash and all

    ASSERT_TRUE(m_lifecycle->setStaffActive(*id, true, m_now).ok());
    EXPECT_EQ(panel.loginCandidates("Anna Nowak")->size(), 1u);
    EXPECT_EQ(lastStaffOp(*id), "upsert");
    EXPECT_TRUE(lastPublished(*id).active);

    const std::string newPin = *hashPin("999999");
    ASSERT_TRUE(panel.openSession(*id, "cookie-2", "csrf", m_now.unix, 0, 0).ok());
    ASSERT_TRUE(m_lifecycle->resetPin(*id, newPin, m_now).ok());
    EXPECT_EQ(lastPublished(*id).pinHash, newPin);
    EXPECT_FALSE(panel.sessionByHash("cookie-2")->has_value());

    ASSERT_TRUE(panel.openSession(*id, "cookie-3", "csrf", m_now.unix, 0, 0).ok());
    ASSERT_TRUE(m_lifecycle->resetPassword(*id, *hashSecret("nowe-haslo-2"), m_now).ok());
    EXPECT_FALSE(panel.sessionByHash("cookie-3")->has_value());
    EXPECT_TRUE(verifySecret(panel.loginCandidates(*id)->at(0).passwordHash, "nowe-haslo-2"));

    EXPECT_EQ(count("SELECT COUNT(*) FROM panel_actions WHERE staff_id = 'cli' AND entity = 'staff'"), 4);
    auto missing = m_lifecycle->setStaffActive("st-nobody", false, m_now);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, LifecycleError::Kind::NotFound);
}

} // namespace

// The connectivity part of the state: sync completions set it, and the idle wipe keeps it (it is the
// kiosk's link to the server, not anything a resident entered) while still wiping the session.
#include "kiosk/core/controller.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "shared/catalog/catalog_loader.hpp"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace okienko;
using namespace okienko::kiosk;
using std::chrono::seconds;

class ConnectivityTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto cat = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
        ASSERT_TRUE(cat.ok());
        m_catalog = std::move(cat.value());
        m_index = search::CatalogIndex(m_catalog);
        m_state = freshState(m_defaults);
        m_controller = std::make_unique<Controller>(m_state, m_catalog, m_index, m_defaults, seconds(90), seconds(30));
    }

    static SyncCompletion status(sync::Connectivity c, std::optional<std::int64_t> lastSync, std::int64_t depth)
    {
        SyncCompletion s;
        s.status.connectivity = c;
        s.status.lastSyncAt = lastSync;
        s.status.outboxDepth = depth;
        return s;
    }

    SessionDefaults m_defaults;
    domain::Catalog m_catalog;
    search::CatalogIndex m_index;
    AppState m_state;
    std::unique_ptr<Controller> m_controller;
};

TEST_F(ConnectivityTest, AFreshStateIsStandaloneUntilTheAppSaysOtherwise)
{
    EXPECT_EQ(m_state.connectivity.link, LinkState::Standalone);
    EXPECT_FALSE(m_state.connectivity.lastSyncAt.has_value());
}

TEST_F(ConnectivityTest, UnknownStatusIsConnectingAndAnOfflineRoundKeepsTheLastSyncTime)
{
    m_controller->onCompletion(status(sync::Connectivity::Unknown, std::nullopt, 0));
    EXPECT_EQ(m_state.connectivity.link, LinkState::Connecting);

    m_controller->onCompletion(status(sync::Connectivity::Online, 1'760'000'000, 0));
    EXPECT_EQ(m_state.connectivity.link, LinkState::Online);
    EXPECT_EQ(m_state.connectivity.lastSyncAt, std::optional<std::int64_t>(1'760'000'000));

    // A failed round carries no new time: the screen still says when the kiosk last synced.
    m_controller->onCompletion(status(sync::Connectivity::Offline, std::nullopt, 3));
    EXPECT_EQ(m_state.connectivity.link, LinkState::Offline);
    EXPECT_EQ(m_state.connectivity.lastSyncAt, std::optional<std::int64_t>(1'760'000'000));
    EXPECT_EQ(m_state.connectivity.outboxDepth, 3);
}

TEST_F(ConnectivityTest, OtherCompletionsLeaveTheConnectivityAlone)
{
    m_controller->onCompletion(status(sync::Connectivity::Online, 1'760'000'000, 0));
    const ConnectivityStatus before = m_state.connectivity;
    PrintCompletion printed;
    printed.ticket = 7;
    m_controller->onCompletion(printed);
    EXPECT_EQ(m_state.connectivity, before);
}

TEST_F(ConnectivityTest, TheIdleWipeKeepsTheConnectivityButWipesTheSession)
{
    m_controller->onCompletion(status(sync::Connectivity::Offline, 1'760'000'000, 2));
    const ConnectivityStatus link = m_state.connectivity;

    // A resident's session: on the catalogue, searching.
    m_controller->apply(StartSession{}, Millis(0));
    m_controller->apply(OpenScreen{ScreenId::Catalogue}, Millis(0));
    m_controller->apply(SetBrowseMode{BrowseMode::Search}, Millis(0));
    for (const KeyRow& row : m_state.keyboard.state.layout().rows)
        for (const Key& k : row)
            if (k.text == "a")
                m_controller->apply(PressKey{FieldId::Search, k}, Millis(0));
    ASSERT_FALSE(m_state.catalogue.query.buffer.empty()) << "the session must hold input, else the wipe proves nothing";

    // No touch until the warning has run out.
    for (int s = 1; s <= 121; ++s)
        m_controller->tick(Millis(s * 1000));

    AppState expected = freshState(m_defaults);
    expected.connectivity = link;
    EXPECT_TRUE(m_state == expected) << "everything but the connectivity must be fresh";
    EXPECT_EQ(m_state.connectivity, link);
    EXPECT_EQ(m_state.router.current(), ScreenId::Attract);
}

TEST_F(ConnectivityTest, ACatalogueChangeRefreshesTheSearchResults)
{
    m_controller->apply(StartSession{}, Millis(0));
    m_controller->apply(SetBrowseMode{BrowseMode::Search}, Millis(0));
    for (const KeyRow& row : m_state.keyboard.state.layout().rows)
        for (const Key& k : row)
            if (k.text == "p")
                m_controller->apply(PressKey{FieldId::Search, k}, Millis(0));
    ASSERT_FALSE(m_state.catalogue.results.empty());

    // The server removed every service: the app swapped the catalogue and the index, then says so.
    m_catalog.services.clear();
    m_index = search::CatalogIndex(m_catalog);
    SyncCompletion changed = status(sync::Connectivity::Online, 1'760'000'000, 0);
    changed.catalogueChanged = true;
    m_controller->onCompletion(changed);
    EXPECT_TRUE(m_state.catalogue.results.empty()) << "results must not name services that no longer exist";
}

} // namespace

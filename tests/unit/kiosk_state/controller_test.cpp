// The controller applied to the real seed catalogue: search as you type, navigation, the fee
// calculator inputs, and — above all — that an idle expiry wipes everything a user entered.
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

class ControllerTest : public ::testing::Test
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

    /// The key of the current letter layout (or the keypad) that types `text`.
    Key key(const std::string& text, bool keypad = false) const
    {
        const KeyboardLayout& layout = keypad ? numericKeypad() : m_state.keyboard.state.layout();
        for (const KeyRow& row : layout.rows)
            for (const Key& k : row)
                if (k.text == text)
                    return k;
        ADD_FAILURE() << "no key " << text;
        return Key{};
    }
    Key actionKey(KeyAction action) const
    {
        for (const KeyRow& row : m_state.keyboard.state.layout().rows)
            for (const Key& k : row)
                if (k.action == action)
                    return k;
        ADD_FAILURE() << "no action key";
        return Key{};
    }
    void type(const std::string& word)
    {
        std::size_t i = 0;
        while (i < word.size())
        {
            std::size_t len = 1;
            while (i + len < word.size() && (static_cast<unsigned char>(word[i + len]) & 0xC0) == 0x80)
                ++len;
            apply(PressKey{FieldId::Search, key(word.substr(i, len))});
            i += len;
        }
    }
    void apply(const Intent& i) { m_controller->apply(i, m_now); }

    SessionDefaults m_defaults;
    domain::Catalog m_catalog;
    search::CatalogIndex m_index;
    AppState m_state;
    std::unique_ptr<Controller> m_controller;
    Millis m_now{1000};
};

TEST_F(ControllerTest, SearchWithoutDiacriticsFindsTheRentalService)
{
    apply(StartSession{});
    apply(SetBrowseMode{BrowseMode::Search});
    type("lozko");
    ASSERT_FALSE(m_state.catalogue.results.empty());
    EXPECT_EQ(m_state.catalogue.results.front(), "lapy-wypozyczalnia");
    apply(ClearField{FieldId::Search});
    EXPECT_TRUE(m_state.catalogue.results.empty());
    type("wozek");
    ASSERT_FALSE(m_state.catalogue.results.empty());
    EXPECT_EQ(m_state.catalogue.results.front(), "lapy-wypozyczalnia");
}

TEST_F(ControllerTest, UnknownServiceOrFeeTableChangesNothing)
{
    apply(StartSession{});
    const AppState before = m_state;
    apply(OpenService{"no-such-service"});
    apply(OpenFeeCalculator{"no-such-table"});
    apply(SetLanguage{domain::Language::En});
    EXPECT_EQ(m_state.router, before.router);
    EXPECT_TRUE(m_state.serviceId.empty());
    EXPECT_EQ(m_state.language, domain::Language::En);
}

TEST_F(ControllerTest, WarningComesAfterTheTimeoutAndMoreTimeHidesIt)
{
    apply(StartSession{});
    EXPECT_FALSE(m_controller->tick(m_now + seconds(89)));
    EXPECT_FALSE(m_state.idle.visible);
    EXPECT_TRUE(m_controller->tick(m_now + seconds(90)));
    EXPECT_TRUE(m_state.idle.visible);
    EXPECT_GE(m_state.idle.secondsLeft, 20);
    m_controller->apply(MoreTime{}, m_now + seconds(95));
    EXPECT_FALSE(m_state.idle.visible);
    EXPECT_EQ(m_state.router.current(), ScreenId::Home);
}

TEST_F(ControllerTest, IdleExpiryWipesEverythingTheUserEntered)
{
    const AppState fresh = freshState(m_defaults);
    apply(StartSession{});
    apply(SetLanguage{domain::Language::Uk});
    apply(ToggleLargeText{});
    apply(ToggleHighContrast{});
    apply(SetBrowseMode{BrowseMode::Search});
    type("візок"); // Ukrainian keyboard after the language switch
    apply(SelectArea{domain::Area::Health});
    apply(SelectGroup{domain::TargetGroup::Seniors});
    apply(OpenService{"lapy-mieszkanie-chronione"});
    const domain::Service* housing = m_catalog.findService("lapy-mieszkanie-chronione");
    ASSERT_NE(housing, nullptr);
    apply(OpenFeeCalculator{housing->fee.feeTableId});
    apply(SetHousehold{Household::Family});
    for (const char* d : {"2", "5", "0", "0"})
        apply(PressKey{FieldId::Income, key(d, true)});
    // Shift on the letter keyboard (opening the calculator reset it, so press it last).
    apply(PressKey{FieldId::Search, actionKey(KeyAction::Shift)});

    // Every piece of user-entered state is really filled (else the wipe test proves nothing).
    EXPECT_EQ(m_state.language, domain::Language::Uk);
    EXPECT_TRUE(m_state.largeText);
    EXPECT_TRUE(m_state.highContrast);
    EXPECT_FALSE(m_state.catalogue.query.buffer.empty());
    EXPECT_NE(m_state.keyboard.state.shift(), ShiftState::Off);
    EXPECT_TRUE(m_state.catalogue.area.has_value());
    EXPECT_TRUE(m_state.catalogue.group.has_value());
    EXPECT_EQ(m_state.serviceId, "lapy-mieszkanie-chronione");
    EXPECT_EQ(m_state.fee.income.buffer.text(), "2500");
    EXPECT_EQ(m_state.fee.household, Household::Family);
    EXPECT_EQ(m_state.router.current(), ScreenId::FeeCalculator);
    EXPECT_FALSE(m_state == fresh);

    // Nobody touches the screen: warning, then expiry.
    EXPECT_TRUE(m_controller->tick(m_now + seconds(90)));
    EXPECT_TRUE(m_state.idle.visible);
    EXPECT_TRUE(m_controller->tick(m_now + seconds(121)));

    EXPECT_TRUE(m_state == fresh) << "the whole state must equal a fresh one";
    EXPECT_EQ(m_state.router.current(), ScreenId::Attract);
    EXPECT_TRUE(m_state.catalogue.query.buffer.empty());
    EXPECT_TRUE(m_state.fee.income.buffer.empty());
    EXPECT_EQ(m_controller->idleTimer().state(), IdleState::Stopped);
}

TEST_F(ControllerTest, TheResidentsVoiceSettingsAreBoundedAndEndWithTheSession)
{
    const AppState fresh = freshState(m_defaults);
    apply(StartSession{});
    apply(ToggleSpeech{});
    EXPECT_TRUE(m_state.speech.on);
    for (int i = 0; i < 20; ++i)
        apply(AdjustSpeech{1, -1}); // faster and quieter, far past the ends
    EXPECT_EQ(m_state.speech.ratePercent, kSpeechRateMax);
    EXPECT_EQ(m_state.speech.volumePercent, kSpeechVolumeMin);
    apply(AdjustSpeech{-1, 1});
    EXPECT_EQ(m_state.speech.ratePercent, kSpeechRateMax - kSpeechStep);
    EXPECT_EQ(m_state.speech.volumePercent, kSpeechVolumeMin + kSpeechStep);

    // The next person starts with the configured default: voice off, default pace and loudness.
    EXPECT_TRUE(m_controller->tick(m_now + seconds(90)));
    EXPECT_TRUE(m_controller->tick(m_now + seconds(121)));
    EXPECT_EQ(m_state.speech, fresh.speech);
    EXPECT_FALSE(m_state.speech.on);
    EXPECT_EQ(m_state.speech.ratePercent, 100);
}

TEST_F(ControllerTest, ATouchPostponesTheWarning)
{
    apply(StartSession{});
    m_controller->userActivity(m_now + seconds(80));
    EXPECT_FALSE(m_controller->tick(m_now + seconds(100)));
    EXPECT_FALSE(m_state.idle.visible);
    EXPECT_TRUE(m_controller->tick(m_now + seconds(170)));
    EXPECT_TRUE(m_state.idle.visible);
}

} // namespace

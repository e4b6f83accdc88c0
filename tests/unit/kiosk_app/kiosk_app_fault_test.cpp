// The kiosk's top-level catch, without a window: an exception nobody expected inside a tick is
// logged without its message (it may quote personal data) and the session is wiped back to the
// start screen, as the idle timer would; the app then carries on.
#include "kiosk/app/kiosk_app.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <stdexcept>
#include <string>

namespace
{

using namespace okienko;
using namespace okienko::kiosk;

/// A kiosk on temporary files, in a session: past the start screen, in Ukrainian.
class KioskAppFault : public ::testing::Test
{
  protected:
    static std::string writeConfig(const test::TempDir& dir)
    {
        const std::string assets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
        EXPECT_TRUE(test::writeFile(dir.file("kiosk.toml"), "[kiosk]\nid = \"test-kiosk\"\n[data]\ndirectory = \"" +
                                                                dir.file("data") + "\"\nassets = \"" + assets +
                                                                "\"\ncatalog = \"" + assets +
                                                                "/catalog/lapy.json\"\n"));
        return dir.file("kiosk.toml");
    }

    void SetUp() override
    {
        ASSERT_TRUE(m_app.state().configErrors.empty());
        Intents intents{StartSession{}, SetLanguage{domain::Language::Uk}};
        m_app.applyInput(intents);
        ASSERT_NE(m_app.state().router.current(), ScreenId::Attract);
        ASSERT_EQ(m_app.state().language, domain::Language::Uk);
    }

    void expectWipedToTheStartScreen() const
    {
        EXPECT_EQ(m_app.state().router.current(), ScreenId::Attract);
        EXPECT_EQ(m_app.state().language, domain::Language::Pl);
    }

    test::TempDir m_dir{"kiosk-app-fault"};
    ManualClock m_clock{LocalDateTime{Date{2026, 3, 2}, 9, 0, 0}};
    KioskApp m_app{writeConfig(m_dir), m_clock};
};

TEST_F(KioskAppFault, AnExceptionInATickWipesTheSessionInsteadOfEndingTheProcess)
{
    KioskApp& app = m_app;

    app.setFaultHookForTests([] { throw std::out_of_range("Jan Kowalski 600123456"); });
    testing::internal::CaptureStderr();
    EXPECT_TRUE(app.tick()); // the wiped session must be drawn
    const std::string log = testing::internal::GetCapturedStderr();

    expectWipedToTheStartScreen();
    EXPECT_NE(log.find("unexpected std::out_of_range during the tick"), std::string::npos) << log;
    EXPECT_EQ(log.find("Kowalski"), std::string::npos) << log;

    app.setFaultHookForTests({});
    EXPECT_FALSE(app.tick()); // and the next tick is an ordinary one
}

TEST_F(KioskAppFault, AnExceptionInAFrameClosesWhatItLeftOpenAndTheFrameEnds)
{
    ImGui::CreateContext();
    m_app.setupImGui(720);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(720.0f, 1280.0f);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    // Throws halfway through drawing a window: the frame must still end cleanly.
    m_app.setFaultHookForTests(
        []
        {
            ImGui::Begin("half-drawn");
            throw std::logic_error("half-drawn");
        });
    ImGui::NewFrame();
    testing::internal::CaptureStderr();
    EXPECT_TRUE(m_app.drawFrame());
    const std::string log = testing::internal::GetCapturedStderr();
    ImGui::Render();
    expectWipedToTheStartScreen();
    EXPECT_NE(log.find("unexpected std::logic_error during the frame"), std::string::npos) << log;

    m_app.setFaultHookForTests({});
    ImGui::NewFrame();
    m_app.drawFrame(); // the start screen draws as usual
    ImGui::Render();
    EXPECT_EQ(m_app.state().router.current(), ScreenId::Attract);
    ImGui::DestroyContext();
}

} // namespace

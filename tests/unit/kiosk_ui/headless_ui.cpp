// The headless ImGui harness (see headless_ui.hpp).
#include "tests/unit/kiosk_ui/headless_ui.hpp"

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

#include <cfloat>
#include <string>

namespace okienko::kiosk::ui::test
{

void HeadlessUiTest::SetUp()
{
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1080, 1920);
    io.DeltaTime = 1.0f / 60.0f; // the fake clock: every frame is exactly 1/60 s
    buildGlyphRanges(m_ranges);
    std::string error;
    ASSERT_TRUE(
        loadFonts(*io.Fonts, std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts", 1.0f, m_ranges, ctx.fonts, error))
        << error;
    // The atlas must be built before the first NewFrame, as the renderer does at start-up.
    unsigned char* px = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ctx.palette = calmPalette();
    applyTheme(ImGui::GetStyle(), ctx.palette, 1.0f);
    ctx.pxPerMm = 1080.0f / 268.0f;
    io.MouseDragThreshold = 3.0f * ctx.pxPerMm;
}

void HeadlessUiTest::TearDown()
{
    ImGui::DestroyContext();
}

void HeadlessUiTest::frame(const ImVec2* pos, bool down, const std::function<void()>& draw)
{
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos != nullptr ? *pos : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ctx.record.clear();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    draw();
    ImGui::End();
    ImGui::Render();
}

void HeadlessUiTest::tap(ImVec2 p, const std::function<void()>& draw, int heldFrames)
{
    frame(&p, false, draw);
    for (int i = 0; i < heldFrames; ++i)
        frame(&p, true, draw);
    frame(&p, false, draw);
    frame(nullptr, false, draw);
    frame(nullptr, false, draw);
}

} // namespace okienko::kiosk::ui::test

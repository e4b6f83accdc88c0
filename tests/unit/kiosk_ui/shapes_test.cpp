// Shapes for the software renderer and text wrapping in narrow boxes: a rounded rectangle must not
// contain a triangle spanning the whole shape (SDL tests every pixel of a triangle's bounding box),
// and a glyph wider than its box is kept whole, never split into bytes shown as "?".
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <algorithm>
#include <cfloat>
#include <gtest/gtest.h>
#include <imgui.h>
#include <string>

namespace
{

using namespace okienko::kiosk::ui;

class ShapesTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        buildGlyphRanges(m_ranges);
        std::string error;
        ASSERT_TRUE(
            loadFonts(*io.Fonts, std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts", 1.0f, m_ranges, m_faces, error));
        unsigned char* px = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    /// Triangles added to `list` from index `first` on whose bounding box exceeds `limit` px².
    static int largeTriangles(const ImDrawList& list, int first, float limit)
    {
        int n = 0;
        for (int i = first; i + 2 < list.IdxBuffer.Size; i += 3)
        {
            ImVec2 lo(1e9f, 1e9f);
            ImVec2 hi(-1e9f, -1e9f);
            for (int k = 0; k < 3; ++k)
            {
                const ImVec2 p = list.VtxBuffer[list.IdxBuffer[i + k]].pos;
                lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
                hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
            }
            if ((hi.x - lo.x) * (hi.y - lo.y) > limit)
                ++n;
        }
        return n;
    }

    /// Runs `draw` on a window's draw list in one frame; counts the large triangles it added.
    template <typename Draw> int largeTrianglesDrawn(Draw draw, float limit)
    {
        ImGui::NewFrame();
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoDecoration);
        ImDrawList* list = ImGui::GetWindowDrawList();
        const int first = list->IdxBuffer.Size;
        draw(list);
        const int n = largeTriangles(*list, first, limit);
        ImGui::End();
        ImGui::EndFrame();
        return n;
    }

    ImVector<ImWchar> m_ranges;
    FontSet m_faces;
};

TEST_F(ShapesTest, RoundedRectHasOnlyRectanglesAndSmallCorners)
{
    const ImVec2 min(40, 100);
    const ImVec2 max(1040, 250);
    const float r = 12.0f;
    const float corner = (r + 3.0f) * (r + 3.0f);
    // ImGui's own fan: the case this replaces must be detectable, or the test proves nothing.
    EXPECT_GT(largeTrianglesDrawn([&](ImDrawList* l) { l->AddRectFilled(min, max, IM_COL32(255, 255, 255, 255), r); },
                                  corner),
              6);
    // Three plain rectangles (two triangles each) are the only large triangles left.
    EXPECT_EQ(largeTrianglesDrawn([&](ImDrawList* l) { FillRoundedRect(l, min, max, IM_COL32(255, 255, 255, 255), r); },
                                  corner),
              6);
    EXPECT_EQ(
        largeTrianglesDrawn(
            [&](ImDrawList* l)
            { FillRoundedRectWithBorder(l, min, max, IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255), r, 2.0f); },
            corner),
        12);
}

TEST_F(ShapesTest, EmptyOrTransparentDrawsNothing)
{
    EXPECT_EQ(
        largeTrianglesDrawn([](ImDrawList* l) { FillRoundedRect(l, ImVec2(0, 0), ImVec2(500, 500), 0, 12.0f); }, 0.0f),
        0);
}

TEST_F(ShapesTest, GlyphWiderThanTheBoxStaysOneLine)
{
    ImFont* font = m_faces.normal.body;
    ASSERT_NE(font, nullptr);
    const float line = font->FontSize * 1.15f;
    // "⌫" is three UTF-8 bytes; a box 1 px wide used to split it into three lines of "?".
    EXPECT_FLOAT_EQ(wrappedHeight(font, font->FontSize, 1.0f, "⌫"), line);
    EXPECT_FLOAT_EQ(wrappedHeight(font, font->FontSize, 1.0f, "ж"), line);
    EXPECT_FLOAT_EQ(wrappedHeight(font, font->FontSize, 1.0f, "жа"), 2.0f * line);
}

TEST_F(ShapesTest, ADateStaysWholeWhenTheLineHasASpaceToBreakAt)
{
    ImFont* font = m_faces.normal.body;
    ASSERT_NE(font, nullptr);
    const std::string text = "zwrot do 15.04.2026";
    const float whole = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
    // One pixel too narrow for the whole line: ImGui alone would leave "15." above "04.2026".
    const auto lines = wrappedLines(font, font->FontSize, whole - 1.0f, text);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "zwrot do");
    EXPECT_EQ(lines[1], "15.04.2026");
    // Without a space on the line the run still wraps where ImGui can (rather than overflow).
    EXPECT_GE(wrappedLines(font, font->FontSize, whole / 3.0f, "15.04.2026").size(), 2u);
}

} // namespace

// Clip detection in the frame record, driven headlessly: a label that cannot fit its button, a
// word broken between two letters, a tile taller than its box, text past the column's edge, tap
// targets off the display or overlapping; and what must not count (a row scrolled out of its list,
// a long word that fits once the label shrinks back to the body size).
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/pictogram_tile.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "tests/unit/kiosk_ui/headless_ui.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <imgui.h>
#include <string>
#include <vector>

namespace
{

using namespace okienko::kiosk::ui;

class ClipDetection : public test::HeadlessUiTest
{
  protected:
    /// Draws one frame in the current text size and returns its clips.
    std::vector<Clip> clipsOf(const std::function<void()>& draw)
    {
        frame(nullptr, false,
              [&]
              {
                  ImGui::PushFont(ctx.faces().body);
                  draw();
                  ImGui::PopFont();
              });
        return ctx.record.clips(ImGui::GetIO().DisplaySize);
    }

    static std::string describe(const std::vector<Clip>& clips)
    {
        std::string out;
        for (const Clip& c : clips)
            out += c.describe() + "\n";
        return out;
    }

    /// Exactly one clip, of this kind, naming this widget.
    static void expectOne(const std::vector<Clip>& clips, const char* kind, const char* what)
    {
        ASSERT_EQ(clips.size(), 1u) << describe(clips);
        EXPECT_EQ(clips[0].kind, kind);
        EXPECT_EQ(clips[0].what, what);
    }
};

ButtonOptions key(float w, float h, const char* id)
{
    ButtonOptions o;
    o.size = ImVec2(w, h);
    o.id = id;
    return o;
}

TEST_F(ClipDetection, AWordWiderThanItsKeyIsReportedNotBrokenSilently)
{
    // "Gotowe" at the body size in a key a finger wide: it cannot shrink below the body text.
    const std::vector<Clip> clips = clipsOf([&] { BigButton(ctx, "Gotowe##done", key(80, 80, "key-done")); });
    expectOne(clips, "word-broken", "key-done");
    EXPECT_LT(clips[0].max.x - clips[0].min.x, 80.0f) << "the rectangle is the label's box";
}

TEST_F(ClipDetection, LargeTextShrinksALongWordBackToTheBodySize)
{
    // Wide enough for "Wyczyść" at the body size, not at the large size: shrunk, not broken.
    ctx.largeText = true;
    float fitted = 0.0f;
    const std::vector<Clip> clips = clipsOf(
        [&]
        {
            const float normal =
                ctx.fonts.normal.body->CalcTextSizeA(ctx.fonts.normal.body->FontSize, 1e9f, 0.0f, "Wyczyść").x;
            const float pad = ImGui::GetStyle().FramePadding.x * 2.0f;
            BigButton(ctx, "Wyczyść##clear", key(normal + pad + 4.0f, 0, "search-clear"));
            fitted = fittedLabelSize(ImGui::GetFont(), ImGui::GetFont()->FontSize, minLabelSize(ctx), normal + 4.0f,
                                     "Wyczyść");
        });
    EXPECT_TRUE(clips.empty()) << describe(clips);
    EXPECT_LT(fitted, ctx.fonts.large.body->FontSize);
    EXPECT_GE(fitted, ctx.fonts.normal.body->FontSize - 0.01f);
}

TEST_F(ClipDetection, WordsWrapBetweenWordsWithoutAClip)
{
    const std::vector<Clip> clips =
        clipsOf([&] { BigButton(ctx, "Dotknij ekranu, aby rozpocząć##start", key(300, 0, "start")); });
    EXPECT_TRUE(clips.empty()) << describe(clips);
}

TEST_F(ClipDetection, ATileGrowsForItsTextAndReportsAWordBrokenInItsSubtitle)
{
    const auto tile = [&](const char* subtitle)
    {
        ButtonOptions o = key(300, 80, "home-equipment");
        o.style = ButtonStyle::Tile;
        o.subtitle = subtitle;
        BigButton(ctx, "Wypożycz sprzęt##eq", o);
    };
    // Three lines of subtitle in a tile asked to be 80 px high: it grows, nothing is cut.
    const std::vector<Clip> grown =
        clipsOf([&] { tile("Wózki, łóżka, kule i inny sprzęt: sprawdź, kiedy jest wolny"); });
    EXPECT_TRUE(grown.empty()) << describe(grown);
    const TapTarget* t = ctx.record.findTargetById("home-equipment");
    ASSERT_NE(t, nullptr);
    EXPECT_GT(t->max.y - t->min.y, 80.0f);
    // An address wider than the tile is cut between two letters: reported.
    const std::vector<Clip> broken = clipsOf([&] { tile("https://cus.lapy.pl/wypozyczalniasprzetu"); });
    expectOne(broken, "word-broken", "home-equipment");
}

TEST_F(ClipDetection, APictogramTileReportsAWordBrokenInItsTitleOrSubtitle)
{
    const auto tile = [&](const char* label, const char* subtitle)
    {
        TileOptions o;
        o.width = 520; // a tile of two columns on a 1080-px portrait panel
        o.pictogram = "wheelchair";
        o.subtitle = subtitle;
        o.id = "eq-type-wheelchair";
        PictogramTile(ctx, label, o);
    };
    // The real catalogue's longest type name wraps between its words: no clip.
    const std::vector<Clip> wrapped =
        clipsOf([&] { tile("Materac przeciwodleżynowy (zmiennociśnieniowy)", "Wolne od dziś: 2 szt."); });
    EXPECT_TRUE(wrapped.empty()) << describe(wrapped);
    // A word wider than the tile's text column is cut between two letters: reported with the tile's id.
    expectOne(clipsOf([&] { tile("Przeciwodleżynowozmiennociśnieniowyregulowany", ""); }), "word-broken",
              "eq-type-wheelchair");
    expectOne(clipsOf([&] { tile("Materac", "Wypożyczalniasprzęturehabilitacyjnegowłapach"); }), "word-broken",
              "eq-type-wheelchair");
}

TEST_F(ClipDetection, OverlappingTargetsAreReportedWithBothNames)
{
    const std::vector<Clip> clips = clipsOf(
        [&]
        {
            BigButton(ctx, "Polski##pl", key(200, 0, "lang-pl"));
            ImGui::SameLine(100.0f); // the second button starts inside the first
            BigButton(ctx, "Start##start", key(200, 0, "start"));
        });
    expectOne(clips, "overlap", "lang-pl\" and \"start");
}

TEST_F(ClipDetection, ATargetPartlyOffTheDisplayIsReported)
{
    const std::vector<Clip> clips = clipsOf(
        [&]
        {
            ImGui::SetCursorPosX(1000.0f);
            BigButton(ctx, "Wysoki kontrast##hc", key(300, 0, "high-contrast"));
        });
    expectOne(clips, "off-display", "high-contrast");
}

TEST_F(ClipDetection, SingleLineTextPastTheRightEdgeIsReported)
{
    const std::vector<Clip> clips = clipsOf(
        [&]
        {
            ImGui::SetCursorPosX(900.0f);
            TextIn(ctx, ctx.faces().title, ctx.palette.text, "LAP-W-0001 · 17.03.2026");
            ImGui::SetCursorPosX(20.0f);
            Badge(ctx, "PL", ctx.palette.warning, ctx.palette.warningText); // fits: no clip
        });
    expectOne(clips, "past-edge", "LAP-W-0001 · 17.03.2026");
}

TEST_F(ClipDetection, AParagraphWithAWordWiderThanItsColumnIsReported)
{
    const std::vector<Clip> clips = clipsOf(
        [&]
        {
            ImGui::BeginChild("##narrow", ImVec2(120, 400));
            Paragraph(ctx, "Pomoc: https://cus.lapy.pl/wypozyczalnia-sprzetu");
            Paragraph(ctx, "Krótkie słowa się mieszczą");
            ImGui::EndChild();
        });
    ASSERT_EQ(clips.size(), 1u) << describe(clips);
    EXPECT_EQ(clips[0].kind, "word-broken");
}

TEST_F(ClipDetection, ARowScrolledOutOfItsListIsNotAClip)
{
    const std::vector<Clip> clips = clipsOf(
        [&]
        {
            TouchScrollBegin(ctx, "##list", ImVec2(0, 300));
            for (int i = 0; i < 10; ++i)
                BigButton(ctx, "Wiersz " + std::to_string(i) + "##r" + std::to_string(i), key(600, 0, "row"));
            TouchScrollEnd(ctx);
        });
    EXPECT_TRUE(clips.empty()) << describe(clips);
}

TEST_F(ClipDetection, TheRecordForgetsClipsWithTheFrame)
{
    EXPECT_FALSE(clipsOf([&] { BigButton(ctx, "Gotowe##done", key(80, 80, "key-done")); }).empty());
    EXPECT_TRUE(clipsOf([&] { BigButton(ctx, "Gotowe##done", key(300, 80, "key-done")); }).empty());
}

/// Draws `text` as a paragraph in a column `width` px wide; the frame's paragraph lines and clips.
struct ParagraphFrame
{
    std::vector<std::string> lines;
    std::vector<Clip> clips;
};

class ParagraphWrapping : public ClipDetection
{
  protected:
    ParagraphFrame paragraphIn(float width, const std::string& text)
    {
        ParagraphFrame out;
        out.clips = clipsOf(
            [&]
            {
                ImGui::BeginChild("##column", ImVec2(width, 600.0f));
                Paragraph(ctx, text);
                ImGui::EndChild();
            });
        out.lines = ctx.record.lines();
        return out;
    }
};

TEST_F(ParagraphWrapping, TheCompletionDatesStayWholeWhereImGuiWouldCutAfterTheDay)
{
    // The equipment completion's paragraph (equipment.dates.summary) in large text, in a column one
    // day's width short of the whole line: ImGui's own wrapping leaves "15." above "04.2026".
    ctx.largeText = true;
    const std::string text = "Odbiór 17.03.2026, zwrot do 15.04.2026";
    ImFont* font = ctx.fonts.large.body;
    const std::string upToDay = "Odbiór 17.03.2026, zwrot do 15.";
    const float width = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, upToDay.c_str()).x + 2.0f;
    const char* imguiBreak = font->CalcWordWrapPositionA(1.0f, text.data(), text.data() + text.size(), width);
    ASSERT_EQ(std::string(text.data(), imguiBreak), upToDay) << "ImGui alone would cut the date here";

    const ParagraphFrame drawn = paragraphIn(width, text);
    ASSERT_EQ(drawn.lines.size(), 2u);
    EXPECT_EQ(drawn.lines[0], "Odbiór 17.03.2026, zwrot do");
    EXPECT_EQ(drawn.lines[1], "15.04.2026");
    EXPECT_TRUE(drawn.clips.empty()) << describe(drawn.clips);
}

TEST_F(ParagraphWrapping, AMaskedPhoneNumberStaysOnOneLine)
{
    const std::string text = "Potwierdzimy rezerwację pod numerem 600 *** *56.";
    ImFont* font = ctx.fonts.normal.body;
    const float width =
        font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, "Potwierdzimy rezerwację pod numerem 600 ***").x + 2.0f;
    const ParagraphFrame drawn = paragraphIn(width, text);
    ASSERT_EQ(drawn.lines.size(), 2u);
    EXPECT_EQ(drawn.lines[1], "600 *** *56.");
}

TEST_F(ParagraphWrapping, ADateWiderThanItsColumnIsReportedAsSplit)
{
    ImFont* font = ctx.fonts.normal.body;
    const float width = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, "15.04.").x + 2.0f;
    const ParagraphFrame drawn = paragraphIn(width, "15.04.2026");
    expectOne(drawn.clips, "number-split", "15.04.2026");
}

TEST_F(ParagraphWrapping, ALongWordInLargeTextTakesTheNormalSizeInsteadOfBreaking)
{
    // The equipment form's residency declaration beside a keyboard on a 1280x720 panel.
    ctx.largeText = true;
    const std::string word = "реабілітаційного";
    ImFont* large = ctx.fonts.large.body;
    ImFont* normal = ctx.fonts.normal.body;
    const float width = normal->CalcTextSizeA(normal->FontSize, 1e9f, 0.0f, word.c_str()).x + 4.0f;
    ASSERT_GT(large->CalcTextSizeA(large->FontSize, 1e9f, 0.0f, word.c_str()).x, width);
    const ParagraphFrame drawn = paragraphIn(width, "прокатом " + word + " обладнання");
    EXPECT_TRUE(drawn.clips.empty()) << describe(drawn.clips);
    EXPECT_NE(std::find(drawn.lines.begin(), drawn.lines.end(), word), drawn.lines.end());
}

} // namespace

// Pictograms: every name the shipped catalogues use, every area, every target group and every home
// action maps to a glyph of the icon font or a shape we draw; an unknown name draws the neutral
// shape; the icon font adds little to the font atlas. ImGui only, no SDL.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/area.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <imgui.h>
#include <string>

namespace
{

using namespace okienko;
using kiosk::ui::DrawnPictogram;
namespace fs = std::filesystem;

const fs::path kAssets = fs::path(OKIENKO_SOURCE_DIR) / "assets";

class Pictograms : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ImGui::CreateContext();
        kiosk::ui::buildGlyphRanges(m_ranges);
        ASSERT_TRUE(kiosk::ui::loadFonts(*ImGui::GetIO().Fonts, (kAssets / "fonts").string(), 1.0f, m_ranges,
                                         m_ctx.fonts, m_error))
            << m_error;
        unsigned char* pixels = nullptr;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &m_width, &m_height);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    /// The name draws something of its own: a glyph the icon font has, or one of our shapes.
    void expectDrawn(const std::string& where, std::string_view name) const
    {
        const kiosk::ui::PictogramSource src = kiosk::ui::pictogramFor(name);
        EXPECT_TRUE(src.known) << where << ": no pictogram for \"" << name << "\"";
        if (src.glyph != 0)
        {
            for (ImFont* face : {m_ctx.fonts.normal.icon, m_ctx.fonts.large.icon, m_ctx.fonts.normal.iconInline,
                                 m_ctx.fonts.large.iconInline})
            {
                ASSERT_NE(face, nullptr);
                EXPECT_NE(face->FindGlyphNoFallback(src.glyph), nullptr)
                    << where << ": " << name << " U+" << std::hex << static_cast<unsigned>(src.glyph);
            }
        }
        else
        {
            EXPECT_NE(src.drawn, DrawnPictogram::None) << where << ": " << name;
            EXPECT_NE(src.drawn, DrawnPictogram::Neutral) << where << ": " << name;
        }
    }

    ImVector<ImWchar> m_ranges;
    kiosk::ui::UiContext m_ctx;
    std::string m_error;
    int m_width = 0;
    int m_height = 0;
};

/// Calls `check` with each shipped catalogue's file name and contents.
template <typename Check> void forEachShippedCatalog(const Check& check)
{
    for (const auto& entry : fs::directory_iterator(kAssets / "catalog"))
    {
        if (entry.path().extension() != ".json")
            continue;
        auto cat = catalog::loadCatalogFile(entry.path());
        ASSERT_TRUE(cat.ok()) << entry.path();
        check(entry.path().filename().string(), cat.value());
    }
}

TEST_F(Pictograms, EveryEquipmentTypeOfTheShippedCataloguesHasOne)
{
    int types = 0;
    forEachShippedCatalog(
        [&](const std::string& file, const domain::Catalog& cat)
        {
            for (const domain::EquipmentType& t : cat.equipmentTypes)
            {
                EXPECT_FALSE(t.pictogram.empty()) << file << " " << t.id;
                expectDrawn(file + " " + t.id, t.pictogram);
                ++types;
            }
        });
    EXPECT_GE(types, 11);
}

TEST_F(Pictograms, EveryCounsellingKindOfTheShippedCataloguesHasOne)
{
    int kinds = 0;
    forEachShippedCatalog(
        [&](const std::string& file, const domain::Catalog& cat)
        {
            for (const domain::CounsellingKind& k : cat.counsellingKinds)
            {
                expectDrawn(file + " " + k.id, "kind-" + k.id);
                ++kinds;
            }
        });
    EXPECT_GE(kinds, 3);
}

TEST_F(Pictograms, EveryAreaTargetGroupAndHomeActionHasOne)
{
    for (const domain::Area& a : domain::shippedAreas())
        expectDrawn("area", domain::areaCode(a));
    for (const domain::TargetGroup& g : domain::shippedTargetGroups())
        expectDrawn("group", domain::targetGroupCode(g));
    for (const char* action : {"catalogue", "search", "who-for", "equipment", "callback", "counselling", "idea-box",
                               "emergency", "phone", "fee-calculator"})
        expectDrawn("home", action);
}

// An area or group a catalogue adds without choosing a picture shows "generic" (decision 0012): a
// name the table must never have, so it is always the neutral shape.
TEST_F(Pictograms, TheGenericNameOfAnAddedAreaIsTheNeutralShape)
{
    const auto generic = kiosk::ui::pictogramFor("generic");
    EXPECT_FALSE(generic.known);
    EXPECT_EQ(generic.drawn, DrawnPictogram::Neutral);
}

TEST_F(Pictograms, TheShapesWithoutAGlyphAreOurs)
{
    EXPECT_EQ(kiosk::ui::pictogramFor("crutches").drawn, DrawnPictogram::Crutches);
    EXPECT_EQ(kiosk::ui::pictogramFor("walker").drawn, DrawnPictogram::Walker);
    EXPECT_EQ(kiosk::ui::pictogramFor("rollator").drawn, DrawnPictogram::Rollator);
    EXPECT_EQ(kiosk::ui::pictogramFor("quad-cane").drawn, DrawnPictogram::QuadCane);
    EXPECT_EQ(kiosk::ui::pictogramFor("pressure-mattress").drawn, DrawnPictogram::PressureMattress);
    EXPECT_EQ(kiosk::ui::pictogramFor("commode-chair").drawn, DrawnPictogram::CommodeChair);
}

TEST_F(Pictograms, AnUnknownNameDrawsTheNeutralShapeNotAGlyph)
{
    const kiosk::ui::PictogramSource src = kiosk::ui::pictogramFor("hovercraft");
    EXPECT_FALSE(src.known);
    EXPECT_EQ(src.glyph, 0);
    EXPECT_EQ(src.drawn, DrawnPictogram::Neutral);
    // Drawn into a list it adds vertices (a ring and a dot), so nothing is left blank.
    ImGui::GetIO().DisplaySize = ImVec2(400, 400);
    ImGui::NewFrame();
    ImDrawList* list = ImGui::GetForegroundDrawList();
    const int before = list->VtxBuffer.Size;
    kiosk::ui::drawPictogram(m_ctx, list, "hovercraft", ImVec2(10, 10), 72.0f, IM_COL32_WHITE);
    EXPECT_GT(list->VtxBuffer.Size, before);
    ImGui::EndFrame();
}

TEST_F(Pictograms, OnlyTheGlyphsTheTableNamesAreBaked)
{
    // Each icon face holds the table's code points only (a handful of glyphs, not the font's 2000+).
    ImFont* icons = m_ctx.fonts.normal.icon;
    ASSERT_NE(icons, nullptr);
    EXPECT_LT(icons->Glyphs.Size, 60);
    EXPECT_GT(icons->Glyphs.Size, 25);
}

TEST_F(Pictograms, NormalTextBakesNoLargeTilePictogramFaceItWouldNeverDraw)
{
    ImFontAtlas normal;
    kiosk::ui::FontSet fonts;
    ASSERT_TRUE(kiosk::ui::loadFonts(normal, (kAssets / "fonts").string(), 1.0f, m_ranges, fonts, m_error, false))
        << m_error;
    // The large tile face (the fixture's atlas, made for large text, has it) is not baked: in normal
    // text no pictogram is asked above the tile size, so it was never drawn.
    EXPECT_EQ(fonts.large.icon, fonts.normal.icon);
    EXPECT_NE(m_ctx.fonts.large.icon, m_ctx.fonts.normal.icon);
    EXPECT_NE(fonts.large.iconInline, fonts.normal.iconInline); // the home screen's second row asks 1.3 × inline
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    normal.GetTexDataAsRGBA32(&pixels, &w, &h);
    // iconFace takes the largest face not above the size asked, and normal text asks at most the tile
    // size: the large tile face was above every one of them.
    ASSERT_NE(m_ctx.fonts.large.icon, nullptr);
    EXPECT_GT(m_ctx.fonts.large.icon->FontSize, kiosk::ui::kIconPx + 0.5f);
    EXPECT_LT(static_cast<long>(w) * h, static_cast<long>(m_width) * m_height);
    std::printf("normal-text atlas %dx%d (%d KiB RGBA); large-text atlas %dx%d (%d KiB RGBA)\n", w, h, w * h * 4 / 1024,
                m_width, m_height, m_width * m_height * 4 / 1024);
}

TEST_F(Pictograms, TheIconFontAddsLittleToTheAtlas)
{
    // The same atlas without the icon font (a folder with the text fonts only) for comparison.
    const fs::path dir = fs::temp_directory_path() / "okienko-pictogram-test-fonts";
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* f : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"})
        fs::create_symlink(kAssets / "fonts" / f, dir / f);
    ImFontAtlas textOnly;
    kiosk::ui::FontSet fonts;
    ASSERT_TRUE(kiosk::ui::loadFonts(textOnly, dir.string(), 1.0f, m_ranges, fonts, m_error)) << m_error;
    EXPECT_EQ(fonts.normal.icon, nullptr); // no icon font: pictograms fall back to drawn shapes
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    textOnly.GetTexDataAsRGBA32(&pixels, &w, &h);
    fs::remove_all(dir);
    std::printf("font atlas without pictograms %dx%d (%d KiB RGBA), with %dx%d (%d KiB RGBA)\n", w, h, w * h * 4 / 1024,
                m_width, m_height, m_width * m_height * 4 / 1024);
    // ImGui may pack the larger atlas wider; what costs memory is the texture's area.
    EXPECT_LE(static_cast<long>(m_width) * m_height, static_cast<long>(w) * h * 5 / 4)
        << "the pictograms must stay a small part of the atlas";
}

} // namespace

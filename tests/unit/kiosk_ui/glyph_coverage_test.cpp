// Every character the kiosk can show must be in the font atlas built with the kiosk's glyph
// ranges: all translations (assets/i18n/*.po), every catalogue text (assets/catalog/*.json) and
// every keyboard key. A missing range would show "?" to a resident. ImGui only, no SDL.
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/po_file.hpp"
#include "kiosk/ui/fonts.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/text/utf8.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <imgui.h>
#include <set>
#include <string>
#include <vector>

namespace
{

using namespace okienko;
namespace fs = std::filesystem;

const fs::path kAssets = fs::path(OKIENKO_SOURCE_DIR) / "assets";

class FontAtlas : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ImGui::CreateContext();
        kiosk::ui::buildGlyphRanges(m_ranges);
        std::string error;
        ASSERT_TRUE(
            kiosk::ui::loadFonts(*ImGui::GetIO().Fonts, (kAssets / "fonts").string(), 1.0f, m_ranges, m_fonts, error))
            << error;
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ASSERT_NE(pixels, nullptr);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    /// Code points of `text` that a face lacks, as "U+XXXX".
    std::set<std::string> missing(ImFont* font, const std::string& text) const
    {
        std::set<std::string> out;
        const auto cps = text::decode(text);
        if (!cps)
        {
            out.insert("invalid UTF-8");
            return out;
        }
        for (char32_t cp : *cps)
        {
            if (cp == U'\n' || cp == U'\t')
                continue;
            if (cp > 0xFFFF || font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr)
            {
                char buf[16];
                std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
                out.insert(buf);
            }
        }
        return out;
    }

    void expectCovered(const std::string& where, const std::string& text)
    {
        for (ImFont* font : {m_fonts.normal.body, m_fonts.normal.bold, m_fonts.large.title})
        {
            const std::set<std::string> gaps = missing(font, text);
            for (const std::string& g : gaps)
                ADD_FAILURE() << where << ": " << g << " missing in \"" << text << "\"";
            ++m_checked;
        }
    }

    ImVector<ImWchar> m_ranges;
    kiosk::ui::FontSet m_fonts;
    int m_checked = 0;
};

void addText(std::vector<std::pair<std::string, std::string>>& out, const std::string& where,
             const domain::LocalizedText& t)
{
    out.emplace_back(where + ".pl", t.pl);
    out.emplace_back(where + ".uk", t.uk);
    out.emplace_back(where + ".en", t.en);
}

void addList(std::vector<std::pair<std::string, std::string>>& out, const std::string& where,
             const domain::LocalizedList& l)
{
    for (const auto* v : {&l.pl, &l.uk, &l.en})
        for (const std::string& s : *v)
            out.emplace_back(where, s);
}

std::vector<std::pair<std::string, std::string>> catalogueTexts(const domain::Catalog& c)
{
    std::vector<std::pair<std::string, std::string>> out;
    const domain::Municipality& m = c.municipality;
    addText(out, "municipality.name", m.name);
    addText(out, "municipality.cus_name", m.cusName);
    addText(out, "municipality.opening_hours", m.openingHours);
    out.emplace_back("municipality.address", m.address);
    out.emplace_back("municipality.phone", m.phone);
    for (const domain::Service& s : c.services)
    {
        const std::string w = "service " + s.id;
        for (const domain::LocalizedText* t :
             {&s.name, &s.summary, &s.description, &s.deliveredBy, &s.place, &s.hours, &s.contact, &s.eligibility,
              &s.qualificationMode, &s.fee.text, &s.documents, &s.personalData, &s.capacity})
            addText(out, w, *t);
        addList(out, w + " tags", s.tags);
    }
    for (const domain::FeeTable& f : c.feeTables)
        for (const domain::LocalizedText* t : {&f.title, &f.criterionNote, &f.aboveLastBand, &f.paymentRule})
            addText(out, "fee table " + f.id, *t);
    for (const domain::EquipmentType& e : c.equipmentTypes)
    {
        addText(out, "equipment " + e.id, e.name);
        addText(out, "equipment " + e.id, e.description);
        addText(out, "equipment " + e.id, e.notes);
        addList(out, "equipment " + e.id, e.whatToBring);
        for (const domain::EquipmentAttribute& a : e.attributes)
        {
            addText(out, "equipment " + e.id + " " + a.key, a.label);
            addText(out, "equipment " + e.id + " " + a.key, a.value);
        }
    }
    for (const domain::CounsellingKind& k : c.counsellingKinds)
    {
        addText(out, "counselling " + k.id, k.name);
        addText(out, "counselling " + k.id, k.description);
    }
    for (const domain::EmergencyNumber& n : c.emergencyNumbers)
    {
        addText(out, "emergency " + n.number, n.name);
        addText(out, "emergency " + n.number, n.hours);
    }
    for (const domain::Announcement& a : c.announcements)
    {
        addText(out, "announcement " + a.id, a.title);
        addText(out, "announcement " + a.id, a.body);
    }
    return out;
}

TEST_F(FontAtlas, ReportsCharactersOutsideTheRanges)
{
    // The check itself must be able to fail: CJK and emoji are not in the kiosk's ranges.
    EXPECT_EQ(missing(m_fonts.normal.body, "\u4E2D").size(), 1u);
    EXPECT_EQ(missing(m_fonts.normal.body, "ok \U0001F600").size(), 1u);
    EXPECT_TRUE(missing(m_fonts.normal.body, "Zażółć gęślą jaźń — „Ґанок” їжа ʼ € …").empty());
}

TEST_F(FontAtlas, CoversEveryTranslation)
{
    int files = 0;
    for (const char* lang : {"pl", "uk", "en"})
    {
        const fs::path path = kAssets / "i18n" / (std::string(lang) + ".po");
        auto po = kiosk::loadPo(path);
        ASSERT_TRUE(po.ok()) << path << ": " << po.error().toString();
        ++files;
        ASSERT_FALSE(po.value().entries.empty());
        for (const kiosk::PoEntry& e : po.value().entries)
            expectCovered(path.filename().string() + " " + e.msgid, e.msgstr);
    }
    EXPECT_EQ(files, 3);
}

TEST_F(FontAtlas, CoversEveryCatalogueText)
{
    int catalogues = 0;
    for (const auto& entry : fs::directory_iterator(kAssets / "catalog"))
    {
        if (entry.path().extension() != ".json")
            continue;
        auto cat = catalog::loadCatalogFile(entry.path());
        ASSERT_TRUE(cat.ok()) << entry.path();
        ++catalogues;
        for (const auto& [where, text] : catalogueTexts(cat.value()))
            expectCovered(entry.path().filename().string() + " " + where, text);
    }
    EXPECT_GE(catalogues, 1);
}

TEST_F(FontAtlas, CoversEveryKeyboardKey)
{
    using domain::Language;
    for (Language lang : {Language::Pl, Language::Uk, Language::En})
    {
        for (kiosk::KeyboardPage page : {kiosk::KeyboardPage::Letters, kiosk::KeyboardPage::Symbols})
        {
            for (const kiosk::KeyRow& row : kiosk::keyboardLayout(lang, page).rows)
                for (const kiosk::Key& k : row)
                    expectCovered("key " + k.id, k.text + k.shiftText + k.label);
        }
    }
    // Glyphs the widgets draw themselves: arrows on Back and the calendar, the check mark.
    expectCovered("widgets", "← → ✓ ≤ –");
}

} // namespace

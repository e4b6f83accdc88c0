// Font loading with Polish/Ukrainian glyph ranges (see fonts.hpp for why the ranges are explicit).
#include "kiosk/ui/fonts.hpp"

#include "kiosk/ui/widgets/pictogram.hpp"

#include <cstdio>
#include <utility>

namespace okienko::kiosk::ui
{
namespace
{

// Inclusive [first, last] pairs. Punctuation covers – — ‘ ’ ‚ “ ” „ † • … ‰ ‹ › and more;
// U+02BC is the Ukrainian apostrophe (ʼ); arrows are used on Back and list rows.
constexpr std::pair<ImWchar, ImWchar> kRanges[] = {
    {0x0020, 0x007E}, // Basic Latin
    {0x00A0, 0x00FF}, // Latin-1 Supplement (ó, «, », §, ·, ×)
    {0x0100, 0x017F}, // Latin Extended-A (ą ć ę ł ń ś ź ż)
    {0x02BC, 0x02BC}, // modifier letter apostrophe
    {0x0400, 0x045F}, // Cyrillic: Ukrainian, Russian and Belarusian letters incl. Єє Іі Її Ўў
    {0x0490, 0x0491}, // Ґґ (the rest of U+0460–04FF is historic or non-Slavic: not drawn)
    {0x2010, 0x2027}, // dashes, quotes, bullet, ellipsis
    {0x2030, 0x205E}, // per mille, angle quotes, …
    {0x20AC, 0x20AC}, // €
    {0x20B4, 0x20B4}, // ₴
    {0x2116, 0x2116}, // №
    {0x2264, 0x2265}, // ≤ ≥ (fee bands)
    {0x2190, 0x2193}, // ← ↑ → ↓
    {0x21B5, 0x21B5}, // ↵ (Enter key)
    {0x21E7, 0x21E7}, // ⇧ (Shift key on narrow layouts)
    {0x232B, 0x232B}, // ⌫ (Backspace key) — DejaVu has it
    {0x25B2, 0x25BC}, // ▲ ▼ (scroll cues)
    {0x26A0, 0x26A0}, // ⚠ (catalogue notes)
    {0x2713, 0x2713}, // ✓
};

// The attract screen's clock ("09:41") is the only text in the huge face: 84 px glyphs for the
// whole range would be 40 % of the atlas (and of the texture the renderer keeps in memory).
constexpr ImWchar kClockRanges[] = {0x0020, 0x0020, 0x002D, 0x003A, 0x003F, 0x003F, 0};

// A reference code ("R-7KM-29Q-X4Z"): capitals, digits and dashes, drawn on the completion card in
// every text size at kCodePx, baked at that size so that the code a resident copies is crisp.
constexpr ImWchar kCodeRanges[] = {0x0020, 0x0020, 0x002D, 0x002D, 0x0030, 0x0039, 0x0041, 0x005A, 0};

bool fileReadable(const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr)
        return false;
    std::fclose(f);
    return true;
}

ImFont* addFace(ImFontAtlas& atlas, const std::string& path, float px, const ImWchar* ranges)
{
    ImFontConfig cfg;
    // Kiosk sizes are large: horizontal oversampling buys nothing visible and triples the atlas.
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return atlas.AddFontFromFileTTF(path.c_str(), px, &cfg, ranges);
}

} // namespace

void buildGlyphRanges(ImVector<ImWchar>& out)
{
    ImFontGlyphRangesBuilder builder;
    for (const auto& [first, last] : kRanges)
    {
        for (unsigned cp = first; cp <= last; ++cp)
            builder.AddChar(static_cast<ImWchar>(cp));
    }
    builder.BuildRanges(&out);
}

bool loadFonts(ImFontAtlas& atlas, const std::string& fontDir, float uiScale, const ImVector<ImWchar>& ranges,
               FontSet& out, std::string& error, bool largeText)
{
    const std::string regular = fontDir + "/DejaVuSans.ttf";
    const std::string boldPath = fontDir + "/DejaVuSans-Bold.ttf";
    for (const std::string* path : {&regular, &boldPath})
    {
        if (!fileReadable(*path))
        {
            error = "font file not readable: " + *path;
            return false;
        }
    }
    // The texture is exactly as tall as the glyphs need, not rounded up to a power of two: every
    // row costs 4 bytes per pixel in the renderer's copy.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const float s = uiScale;
    const float l = uiScale * kLargeTextFactor;
    // The first font added is ImGui's default: body text at the normal size.
    out.normal.body = addFace(atlas, regular, kBodyPx * s, ranges.Data);
    out.normal.bold = addFace(atlas, boldPath, kBodyPx * s, ranges.Data);
    out.normal.title = addFace(atlas, boldPath, kTitlePx * s, ranges.Data);
    if (largeText)
    {
        out.large.body = addFace(atlas, regular, kBodyPx * l, ranges.Data);
        out.large.bold = addFace(atlas, boldPath, kBodyPx * l, ranges.Data);
        out.large.title = addFace(atlas, boldPath, kTitlePx * l, ranges.Data);
    }
    else
    {
        out.large.body = out.normal.body;
        out.large.bold = out.normal.bold;
        out.large.title = out.normal.title;
    }
    out.largeBaked = largeText;
    out.huge = addFace(atlas, boldPath, kHugePx * s, kClockRanges);
    out.code = addFace(atlas, boldPath, kCodePx * s, kCodeRanges);
    const std::string iconPath = fontDir + "/" + kIconFontFile;
    if (fileReadable(iconPath))
    {
        // Only the glyphs the pictogram table names, each size once: a tile icon for each text
        // size and an inline one for each; drawn at exactly these sizes they are never scaled. The
        // large tile face only with large text: in normal text no pictogram is asked above the tile
        // size (iconFace takes the largest face not above the size asked), so it would never be
        // drawn, and it is ~1.2 MiB of the atlas texture (4 bytes a pixel in the software renderer).
        // The inline large face stays: the home screen's second row asks 1.3 × the inline size.
        const ImWchar* icons = pictogramGlyphRanges();
        out.normal.icon = addFace(atlas, iconPath, kIconPx * s, icons);
        out.large.icon = largeText ? addFace(atlas, iconPath, kIconPx * l, icons) : out.normal.icon;
        out.normal.iconInline = addFace(atlas, iconPath, kIconInlinePx * s, icons);
        out.large.iconInline = addFace(atlas, iconPath, kIconInlinePx * l, icons);
    }
    for (ImFont* f : {out.normal.body, out.normal.bold, out.normal.title, out.large.body, out.large.bold,
                      out.large.title, out.huge, out.code})
    {
        if (f == nullptr)
        {
            error = "font could not be loaded from " + fontDir;
            return false;
        }
    }
    return true;
}

FontSet loadFontsOrDefault(ImFontAtlas& atlas, const std::string& fontDir, float uiScale,
                           const ImVector<ImWchar>& ranges, std::string& error, bool largeText)
{
    FontSet set;
    if (loadFonts(atlas, fontDir, uiScale, ranges, set, error, largeText))
        return set;
    atlas.Clear();
    ImFont* f = atlas.AddFontDefault();
    set = FontSet{};
    set.normal = FontFaces{f, f, f};
    set.large = set.normal;
    set.huge = f;
    set.code = f;
    set.largeBaked = largeText;
    return set;
}

FontBundle buildFontBundle(const std::string& fontDir, float uiScale, bool largeText)
{
    FontBundle b;
    b.atlas = std::make_unique<ImFontAtlas>();
    buildGlyphRanges(b.ranges);
    b.faces = loadFontsOrDefault(*b.atlas, fontDir, uiScale, b.ranges, b.error, largeText);
    // The renderer's texture is made from RGBA pixels: convert here too, not on the way to the
    // first frame (the backend finds them ready).
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    b.atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
    // An icon face is drawn one glyph at a time (drawPictogram: FindGlyph, RenderChar), never
    // measured as text: its advance table, indexed by code point up to the icon font's private-use
    // area (U+F233), is ~250 KiB per face that nothing reads. Glyph lookup keeps its own table.
    for (ImFont* icons : {b.faces.normal.icon, b.faces.large.icon, b.faces.normal.iconInline, b.faces.large.iconInline})
    {
        if (icons != nullptr)
            icons->IndexAdvanceX.clear();
    }
    return b;
}

void releaseAtlasPixels(ImFontAtlas& atlas)
{
    atlas.ClearTexData();
    // Not ClearInputData(): it also drops the faces' configurations, which name them. Only the
    // file data goes; the configurations stay, with nothing to build from.
    for (ImFontConfig& config : atlas.ConfigData)
    {
        if (config.FontData != nullptr && config.FontDataOwnedByAtlas)
            IM_FREE(config.FontData);
        config.FontData = nullptr;
        config.FontDataSize = 0;
    }
}

} // namespace okienko::kiosk::ui

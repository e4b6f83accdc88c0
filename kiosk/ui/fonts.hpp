// Font loading for the kiosk: DejaVu Sans from assets/fonts with explicit glyph ranges for Polish,
// Ukrainian and the punctuation the translations use. Dear ImGui 1.86's default range stops at
// U+00FF, so without these ranges "ą" or "ї" would be drawn as "?". The pictograms' icon font
// (Material Icons, decision 0008) is baked with only the code points the kiosk draws, at the
// exact pixel sizes it draws them, so they stay crisp and the atlas small.
#pragma once

#include <imgui.h>
#include <memory>
#include <string>

namespace okienko::kiosk::ui
{

/// Base pixel sizes at ui_scale 1.0 (a 1920×1080 panel seen from arm's length).
inline constexpr float kBodyPx = 30.0f;
inline constexpr float kTitlePx = 46.0f;
inline constexpr float kHugePx = 84.0f;
/// The reference code on the completion card (shrunk only when a narrow card needs it).
inline constexpr float kCodePx = 96.0f;
/// Pictogram sizes: on tiles and list rows, and beside a line of text.
inline constexpr float kIconPx = 72.0f;
inline constexpr float kIconInlinePx = 36.0f;
/// The icon font's file in the font directory (a link to Debian's fonts-material-design-icons-iconfont
/// when installed). Optional: without it, pictograms fall back to drawn shapes.
inline constexpr const char* kIconFontFile = "MaterialIcons-Regular.ttf";
/// Large-text mode multiplies every size by this.
inline constexpr float kLargeTextFactor = 1.3f;

/// One set of faces at one text size.
struct FontFaces
{
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* title = nullptr;
    ImFont* icon = nullptr;       ///< pictograms at kIconPx (× the text factor); null without the icon font
    ImFont* iconInline = nullptr; ///< pictograms at kIconInlinePx (× the text factor)
};

/// Every font the UI uses. The large text faces cost half the atlas (and of the texture the
/// renderer keeps), so they are baked only while large text is on: without them `large` names
/// the normal text faces, and the frontend rebuilds the atlas when large text is turned on (one
/// ~30 ms frame) and again when the session that wanted it ends. The pictograms keep all four
/// sizes in both atlases: tiles pick them by size in either text size.
struct FontSet
{
    FontFaces normal;
    FontFaces large;
    ImFont* huge = nullptr; ///< the attract screen's clock: digits, ":", "-", "." and space only
    ImFont* code = nullptr; ///< reference codes on the completion card, at kCodePx
    bool largeBaked = true; ///< `large` holds large text faces (else the normal ones)

    const FontFaces& faces(bool largeText) const { return largeText ? large : normal; }
};

/// loadFonts, or when our fonts cannot be loaded (`error` says why) ImGui's built-in font for
/// every face, so that an error screen can still be read.
FontSet loadFontsOrDefault(ImFontAtlas& atlas, const std::string& fontDir, float uiScale,
                           const ImVector<ImWchar>& ranges, std::string& error, bool largeText = true);

/// A glyph atlas built away from any ImGui context (on a start-up thread, while the window opens)
/// and the faces in it; ImGui::CreateContext(atlas.get()) then uses it as it is.
struct FontBundle
{
    std::unique_ptr<ImFontAtlas> atlas;
    ImVector<ImWchar> ranges; ///< the atlas's config points into it
    FontSet faces;
    std::string error; ///< why ImGui's built-in font stands in for ours; empty when ours loaded
};

/// loadFontsOrDefault into a new atlas, built (the costly part of the first frame). Uses no ImGui
/// context: safe on any thread before one exists.
FontBundle buildFontBundle(const std::string& fontDir, float uiScale, bool largeText);

/// Appends the code point ranges the kiosk needs (zero-terminated pairs) to `out`.
/// Keep `out` alive until the atlas is built: ImGui stores the pointer, not a copy.
void buildGlyphRanges(ImVector<ImWchar>& out);

/// Adds every face to `atlas` from `fontDir` (holding DejaVuSans.ttf and DejaVuSans-Bold.ttf, and
/// the optional icon font: a missing icon font leaves the icon faces null, it is no error).
/// `ranges` must outlive the atlas build. Returns false and fills `error` when a file is missing
/// or unreadable: the caller shows that on screen instead of silently falling back. Without
/// `largeText` the large text faces and the large tile pictogram face are left out (FontSet says how).
bool loadFonts(ImFontAtlas& atlas, const std::string& fontDir, float uiScale, const ImVector<ImWchar>& ranges,
               FontSet& out, std::string& error, bool largeText = true);

/// Frees what only building the atlas reads, once the renderer has its own texture: the CPU-side
/// pixels (Alpha8 and RGBA32 copies, together as large as that texture) and the font files ImGui
/// keeps a copy of, one per face (~5 MiB for the faces loadFonts adds). The glyph tables stay, so
/// text keeps drawing; the atlas can no longer be built again (a new one comes from loadFonts()).
void releaseAtlasPixels(ImFontAtlas& atlas);

} // namespace okienko::kiosk::ui

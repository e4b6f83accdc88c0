#include "kiosk/receipt/font_set.hpp"

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include <mutex>
#include FT_FREETYPE_H

namespace okienko::receipt
{

namespace
{
cairo_user_data_key_t kFaceKey;
std::mutex g_freetypeMutex;

// One FreeType library for the whole process, never freed: cairo caches faces beyond any FontSet's
// lifetime, and a library freed under a cached face would be a use-after-free.
FT_Library freetype()
{
    static FT_Library library = []
    {
        FT_Library lib = nullptr;
        return FT_Init_FreeType(&lib) == 0 ? lib : nullptr;
    }();
    return library;
}

void destroyFace(void* face)
{
    std::lock_guard lock(g_freetypeMutex);
    FT_Done_Face(static_cast<FT_Face>(face));
}

Result<cairo_font_face_t*, std::string> openFace(const std::string& path)
{
    std::lock_guard lock(g_freetypeMutex);
    FT_Library library = freetype();
    if (!library)
        return makeErr(std::string("cannot initialise FreeType"));
    FT_Face ftFace = nullptr;
    if (FT_New_Face(library, path.c_str(), 0, &ftFace) != 0)
        return makeErr("cannot open font " + path);
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(ftFace, 0);
    // The cairo face owns the FreeType face and frees it when cairo drops its last reference.
    if (cairo_font_face_set_user_data(face, &kFaceKey, ftFace, destroyFace) != CAIRO_STATUS_SUCCESS)
    {
        cairo_font_face_destroy(face);
        FT_Done_Face(ftFace);
        return makeErr("cannot attach font " + path);
    }
    return face;
}
} // namespace

Result<FontSet, std::string> FontSet::load(const std::string& fontDir)
{
    FontSet set;
    auto regular = openFace(fontDir + "/DejaVuSans.ttf");
    if (!regular)
        return makeErr(regular.error());
    set.m_regular = regular.value();
    auto bold = openFace(fontDir + "/DejaVuSans-Bold.ttf");
    if (!bold)
        return makeErr(bold.error());
    set.m_bold = bold.value();
    return set;
}

FontSet::FontSet(FontSet&& other) noexcept : m_regular(other.m_regular), m_bold(other.m_bold)
{
    other.m_regular = nullptr;
    other.m_bold = nullptr;
}

FontSet& FontSet::operator=(FontSet&& other) noexcept
{
    if (this != &other)
    {
        release();
        m_regular = other.m_regular;
        m_bold = other.m_bold;
        other.m_regular = nullptr;
        other.m_bold = nullptr;
    }
    return *this;
}

FontSet::~FontSet()
{
    release();
}

void FontSet::release()
{
    if (m_regular)
        cairo_font_face_destroy(m_regular);
    if (m_bold)
        cairo_font_face_destroy(m_bold);
    m_regular = nullptr;
    m_bold = nullptr;
}

} // namespace okienko::receipt

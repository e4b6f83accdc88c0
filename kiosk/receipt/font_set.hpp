// The fonts slips are drawn with, loaded from the project's own TTF files (assets/fonts) through
// FreeType, so a slip looks the same on every kiosk whatever fonts the system has, and Polish and
// Ukrainian letters always have glyphs. Owns the FreeType library and the cairo font faces.
#pragma once

#include "shared/util/result.hpp"

#include <string>

typedef struct _cairo_font_face cairo_font_face_t;

namespace okienko::receipt
{

enum class FontStyle
{
    Regular,
    Bold,
};

class FontSet
{
  public:
    /// Loads DejaVuSans.ttf and DejaVuSans-Bold.ttf from `fontDir`.
    static Result<FontSet, std::string> load(const std::string& fontDir);

    FontSet(FontSet&& other) noexcept;
    FontSet& operator=(FontSet&& other) noexcept;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    ~FontSet();

    cairo_font_face_t* face(FontStyle style) const { return style == FontStyle::Bold ? m_bold : m_regular; }

  private:
    FontSet() = default;
    void release();

    cairo_font_face_t* m_regular = nullptr;
    cairo_font_face_t* m_bold = nullptr;
};

} // namespace okienko::receipt

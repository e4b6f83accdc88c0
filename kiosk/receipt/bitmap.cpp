#include "kiosk/receipt/bitmap.hpp"

#include <algorithm>
#include <cairo.h>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace okienko::receipt
{

namespace
{
void draw(cairo_t* cr, const Segment& segment, const FontSet& fonts)
{
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    for (const auto& op : segment.ops)
    {
        if (op.kind == DrawOp::Kind::Rect)
        {
            cairo_rectangle(cr, op.x, op.y, op.w, op.h);
            cairo_fill(cr);
            continue;
        }
        cairo_set_font_face(cr, fonts.face(op.style));
        cairo_set_font_size(cr, op.size);
        // Whole-dot positions: the same text then rasterizes to the same dots wherever it stands.
        cairo_move_to(cr, std::round(op.x), std::round(op.y));
        cairo_show_text(cr, op.text.c_str());
    }
}

/// Copies the rows of an A8 band surface into `bmp` from row `top` on, black where the ink is dark.
void threshold(cairo_surface_t* surface, Bitmap& bmp, int top, int rows)
{
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    // Eight dots into one byte at a time, without a branch per dot: a two-copy agreement is millions
    // of dots, and a test per dot was a third of its rendering time.
    const int bytesPerRow = bmp.bytesPerRow();
    for (int y = 0; y < rows; ++y)
    {
        const unsigned char* in = data + static_cast<std::ptrdiff_t>(y) * stride;
        std::uint8_t* out = bmp.bits.data() + static_cast<std::ptrdiff_t>(top + y) * bytesPerRow;
        for (int b = 0; b < bytesPerRow; ++b)
        {
            unsigned packed = 0;
            for (int k = 0; k < 8; ++k)
                packed = (packed << 1u) | (static_cast<unsigned>(in[b * 8 + k]) >> 7u);
            out[b] |= static_cast<std::uint8_t>(packed);
        }
    }
}

/// Draws rows `top` … `top + rows` of the segment into `bmp`; the error when cairo gives no surface.
Status<std::string> drawBand(const Segment& segment, const FontSet& fonts, Bitmap& bmp, int top, int rows)
{
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, bmp.width, rows);
    // An error surface has no data: reading it would dereference NULL.
    const cairo_status_t status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS)
    {
        cairo_surface_destroy(surface);
        return makeErr("cannot draw a band of " + std::to_string(bmp.width) + "x" + std::to_string(rows) +
                       " dots: " + cairo_status_to_string(status));
    }
    cairo_t* cr = cairo_create(surface);
    // Thermal heads print dots, not greys: no antialiasing keeps glyph edges crisp and the
    // output identical from run to run.
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_NONE);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_FULL);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    // Whole-dot offsets keep every glyph on the same dots as in one tall surface.
    cairo_translate(cr, 0, -top);
    draw(cr, segment, fonts);
    cairo_destroy(cr);
    threshold(surface, bmp, top, rows);
    cairo_surface_destroy(surface);
    return {};
}
} // namespace

Result<Bitmap, std::string> rasterize(const Segment& segment, const FontSet& fonts, int width)
{
    Bitmap bmp;
    bmp.width = (width + 7) / 8 * 8;
    bmp.height = std::max(1, static_cast<int>(std::ceil(segment.height)));
    bmp.bits.assign(static_cast<std::size_t>(bmp.height) * static_cast<std::size_t>(bmp.bytesPerRow()), 0);
    // Cairo's image surfaces end at 32,767 rows; a long service text is taller, so it is drawn in bands.
    for (int top = 0; top < bmp.height; top += kRasterBandRows)
    {
        auto band = drawBand(segment, fonts, bmp, top, std::min(kRasterBandRows, bmp.height - top));
        if (!band)
            return makeErr(band.error());
    }
    return bmp;
}

Bitmap rasterizeText(const std::string& text, const FontSet& fonts, FontStyle style, double size)
{
    Segment seg;
    DrawOp op;
    op.kind = DrawOp::Kind::Text;
    op.x = 4;
    op.y = size * 1.2;
    op.style = style;
    op.size = size;
    op.text = text;
    seg.ops.push_back(op);
    seg.height = size * 2;
    const int width = static_cast<int>(measureText(fonts, style, size, text) + size + 16);
    auto bmp = rasterize(seg, fonts, width);
    return bmp ? bmp->cropped() : Bitmap{};
}

Bitmap Bitmap::cropped() const
{
    int minX = width, minY = height, maxX = -1, maxY = -1;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (black(x, y))
            {
                minX = std::min(minX, x);
                maxX = std::max(maxX, x);
                minY = std::min(minY, y);
                maxY = std::max(maxY, y);
            }
    Bitmap out;
    if (maxX < 0)
        return out;
    out.width = (maxX - minX + 1 + 7) / 8 * 8;
    out.height = maxY - minY + 1;
    out.bits.assign(static_cast<std::size_t>(out.height * out.bytesPerRow()), 0);
    for (int y = minY; y <= maxY; ++y)
        for (int x = minX; x <= maxX; ++x)
            if (black(x, y))
                out.set(x - minX, y - minY);
    return out;
}

bool Bitmap::contains(const Bitmap& needle) const
{
    if (needle.height == 0 || needle.width == 0 || needle.height > height)
        return false;
    // The needle's true ink width: its width is padded to whole bytes.
    int inkWidth = 0;
    for (int y = 0; y < needle.height; ++y)
        for (int x = 0; x < needle.width; ++x)
            if (needle.black(x, y))
                inkWidth = std::max(inkWidth, x + 1);
    if (inkWidth > width)
        return false;
    for (int oy = 0; oy + needle.height <= height; ++oy)
        for (int ox = 0; ox + inkWidth <= width; ++ox)
        {
            bool match = true;
            for (int y = 0; y < needle.height && match; ++y)
                for (int x = 0; x < inkWidth; ++x)
                    if (needle.black(x, y) != black(ox + x, oy + y))
                    {
                        match = false;
                        break;
                    }
            if (match)
                return true;
        }
    return false;
}

bool Bitmap::savePng(const std::string& path) const
{
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
        {
            auto* px = reinterpret_cast<std::uint32_t*>(data + y * stride + x * 4);
            *px = black(x, y) ? 0x000000u : 0xFFFFFFu;
        }
    cairo_surface_mark_dirty(surface);
    const bool ok = cairo_surface_write_to_png(surface, path.c_str()) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return ok;
}

} // namespace okienko::receipt

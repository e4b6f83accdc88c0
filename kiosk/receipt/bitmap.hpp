// A one-bit-per-dot image, the form a thermal printer prints: rows of bytes, most significant
// bit first, 1 = black. Slips are drawn with cairo into grey levels and thresholded into this.
#pragma once

#include "kiosk/receipt/font_set.hpp"
#include "kiosk/receipt/slip_layout.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::receipt
{

struct Bitmap
{
    int width = 0; ///< dots; a multiple of 8
    int height = 0;
    std::vector<std::uint8_t> bits; ///< height * width/8 bytes

    int bytesPerRow() const { return width / 8; }
    bool black(int x, int y) const
    {
        const unsigned byte = bits[static_cast<std::size_t>(y * bytesPerRow() + x / 8)];
        return ((byte >> static_cast<unsigned>(7 - x % 8)) & 1u) != 0;
    }
    void set(int x, int y)
    {
        bits[static_cast<std::size_t>(y * bytesPerRow() + x / 8)] |=
            static_cast<std::uint8_t>(0x80u >> static_cast<unsigned>(x % 8));
    }

    /// True when `needle` occurs in this bitmap at some position, dot for dot (ignoring needle's
    /// white border). Used to check that a rendered slip carries a given text or QR code.
    bool contains(const Bitmap& needle) const;
    /// Trims white rows and columns around the content.
    Bitmap cropped() const;
    /// Writes a PNG for people to look at.
    bool savePng(const std::string& path) const;
};

/// Rows drawn per cairo surface: well under cairo's 32,767-row limit, and a small buffer.
inline constexpr int kRasterBandRows = 4096;

/// Draws one segment of a layout into a bitmap `width` dots wide, of any height (band by band);
/// the reason when cairo cannot give a surface (out of memory).
Result<Bitmap, std::string> rasterize(const Segment& segment, const FontSet& fonts, int width);

/// Draws a single line of text as a slip would, cropped to its ink: what a test looks for.
Bitmap rasterizeText(const std::string& text, const FontSet& fonts, FontStyle style, double size);

} // namespace okienko::receipt

#include "kiosk/receipt/escpos_encoder.hpp"

#include <algorithm>

namespace okienko::receipt
{

std::string encodeEscPos(const std::vector<Bitmap>& segments)
{
    std::string out;
    out += static_cast<char>(escpos::kEsc);
    out += '@'; // initialise: clears any mode a previous job left behind
    for (const auto& bmp : segments)
    {
        const int bytesPerRow = bmp.bytesPerRow();
        for (int top = 0; top < bmp.height; top += escpos::kBandRows)
        {
            const int rows = std::min(escpos::kBandRows, bmp.height - top);
            // GS v 0 m xL xH yL yH: raster bit image, normal density.
            out += static_cast<char>(escpos::kGs);
            out += 'v';
            out += '0';
            out += '\0';
            out += static_cast<char>(bytesPerRow & 0xFF);
            out += static_cast<char>((bytesPerRow >> 8) & 0xFF);
            out += static_cast<char>(rows & 0xFF);
            out += static_cast<char>((rows >> 8) & 0xFF);
            const auto* begin = bmp.bits.data() + static_cast<std::size_t>(top * bytesPerRow);
            out.append(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(rows * bytesPerRow));
        }
        // ESC d n: feed n lines so the last printed row clears the cutter; GS V 66 n: feed and cut.
        out += static_cast<char>(escpos::kEsc);
        out += 'd';
        out += static_cast<char>(4);
        out += static_cast<char>(escpos::kGs);
        out += 'V';
        out += static_cast<char>(66);
        out += static_cast<char>(0);
    }
    return out;
}

Result<std::string, std::string> renderEscPos(const Slip& slip, const FontSet& fonts, const LayoutSpec& spec,
                                              std::vector<Bitmap>* rendered)
{
    const Layout layout = layoutSlip(slip, fonts, spec);
    std::vector<Bitmap> bitmaps;
    bitmaps.reserve(layout.segments.size());
    for (const auto& segment : layout.segments)
    {
        auto bitmap = rasterize(segment, fonts, static_cast<int>(spec.width));
        if (!bitmap)
            return makeErr(bitmap.error());
        bitmaps.push_back(std::move(bitmap).value());
    }
    std::string bytes = encodeEscPos(bitmaps);
    if (rendered)
        *rendered = std::move(bitmaps);
    return bytes;
}

} // namespace okienko::receipt

// Lays a Slip out on a page of a given width: wraps text, centres the header, sizes the QR code,
// and splits the document into segments at each CutHere. The result is a list of drawing
// operations in page units (printer dots for ESC/POS, points for PDF) that both renderers draw.
#pragma once

#include "kiosk/model/slip.hpp"
#include "kiosk/receipt/font_set.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::receipt
{

struct LayoutSpec
{
    double width = 576;           ///< printable width in units
    double margin = 8;            ///< left and right margin in units
    double bodySize = 24;         ///< body text size in units (24 dots ≈ 3 mm at 203 dpi)
    bool integerQrModules = true; ///< raster output wants whole dots per QR module
    double qrWidth = 232;         ///< target width of the QR code, quiet zone included

    /// 80 mm paper: 576 dots at 203 dpi.
    static LayoutSpec escpos80();
    /// 58 mm paper: 384 dots at 203 dpi.
    static LayoutSpec escpos58();
    /// A PDF page of the given width in points (1/72 in).
    static LayoutSpec pdf(double widthPoints);
};

struct DrawOp
{
    enum class Kind
    {
        Text,
        Rect,
    };
    Kind kind = Kind::Text;
    double x = 0;
    double y = 0; ///< Text: baseline; Rect: top
    double w = 0;
    double h = 0;
    FontStyle style = FontStyle::Regular;
    double size = 0;
    std::string text;
};

/// A part of the document printed in one go; a receipt printer cuts after each.
struct Segment
{
    double height = 0;
    std::vector<DrawOp> ops;
};

struct Layout
{
    double width = 0;
    std::vector<Segment> segments;
};

/// Lays out the slip. The QR code becomes black rectangles, one per dark module.
Layout layoutSlip(const Slip& slip, const FontSet& fonts, const LayoutSpec& spec);

/// Width of `text` in units at the given style and size.
double measureText(const FontSet& fonts, FontStyle style, double size, const std::string& text);

/// Breaks `text` into lines no wider than `maxWidth`: at spaces, and inside a word only when the
/// word alone is wider than a line. Explicit newlines are kept.
std::vector<std::string> wrapText(const FontSet& fonts, FontStyle style, double size, const std::string& text,
                                  double maxWidth);

} // namespace okienko::receipt

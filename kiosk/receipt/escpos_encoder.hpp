// Turns a laid-out slip into the ESC/POS byte stream of a receipt printer. Text is printed as a
// raster image drawn with the project's font: that prints Polish and Ukrainian correctly on any
// ESC/POS printer whatever code pages it has, and no byte a resident typed ever reaches the
// printer as a command.
#pragma once

#include "kiosk/model/slip.hpp"
#include "kiosk/receipt/bitmap.hpp"
#include "kiosk/receipt/font_set.hpp"
#include "kiosk/receipt/slip_layout.hpp"

#include <string>
#include <vector>

namespace okienko::receipt
{

namespace escpos
{
inline constexpr unsigned char kEsc = 0x1B;
inline constexpr unsigned char kGs = 0x1D;
/// Rows per GS v 0 command: small enough for printers with a small receive buffer.
inline constexpr int kBandRows = 128;
} // namespace escpos

/// Encodes rendered segments: initialise, each segment as raster bands, feed and cut after each.
std::string encodeEscPos(const std::vector<Bitmap>& segments);

/// Lays out, rasterizes and encodes a slip for a paper width (LayoutSpec::escpos80/escpos58).
/// `rendered`, when given, receives the bitmaps (for previews and tests). A slip of any length
/// renders; the error is cairo's refusal (out of memory), and then nothing is to be printed.
Result<std::string, std::string> renderEscPos(const Slip& slip, const FontSet& fonts, const LayoutSpec& spec,
                                              std::vector<Bitmap>* rendered = nullptr);

} // namespace okienko::receipt

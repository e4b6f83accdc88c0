// Renders a slip as PDF through cairo, for any CUPS printer: A4 or A5 office paper, or a
// receipt-size page as long as the slip. Each copy of a two-copy document starts a new page.
#pragma once

#include "kiosk/model/slip.hpp"
#include "kiosk/receipt/font_set.hpp"

#include <string>

namespace okienko::receipt
{

enum class PdfPage
{
    A4,
    A5,
    Receipt80, ///< 80 mm wide, as long as the slip
};

/// The PDF bytes of the slip.
std::string renderPdf(const Slip& slip, const FontSet& fonts, PdfPage page);

} // namespace okienko::receipt

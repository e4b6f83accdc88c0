// What the kiosk's configuration says about printing ([printer] in kiosk.toml): the queue, the paper
// format and the deadline. Kept apart from the rest of KioskConfig so the print worker and the
// bring-up tool see only what they print with, and kiosk/receipt never needs kiosk/core.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace okienko::kiosk
{

enum class PrintFormat
{
    EscPos80,   ///< "escpos-80": thermal receipt printer, 80 mm paper.
    EscPos58,   ///< "escpos-58": thermal receipt printer, 58 mm paper.
    PdfA4,      ///< "pdf-a4": office printer, A4 sheet.
    PdfA5,      ///< "pdf-a5": office printer, A5 sheet.
    PdfReceipt, ///< "pdf-receipt": PDF sized as an 80 mm receipt (printers with a PDF filter).
};

std::string_view printFormatName(PrintFormat format);
std::optional<PrintFormat> parsePrintFormat(std::string_view name);

/// [printer]
struct PrinterSection
{
    std::string queue; ///< CUPS queue name; empty = no printer (slips are not offered).
    PrintFormat format = PrintFormat::EscPos80;
    int deadlineSeconds = 30; ///< Give up on a print job after this long; 5 … 600.

    bool enabled() const { return !queue.empty(); }
};

} // namespace okienko::kiosk

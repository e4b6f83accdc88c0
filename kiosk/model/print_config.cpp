// The printing part of the configuration (see print_config.hpp).
#include "kiosk/model/print_config.hpp"

namespace okienko::kiosk
{

std::string_view printFormatName(PrintFormat format)
{
    switch (format)
    {
    case PrintFormat::EscPos80:
        return "escpos-80";
    case PrintFormat::EscPos58:
        return "escpos-58";
    case PrintFormat::PdfA4:
        return "pdf-a4";
    case PrintFormat::PdfA5:
        return "pdf-a5";
    case PrintFormat::PdfReceipt:
        return "pdf-receipt";
    }
    return "escpos-80";
}

std::optional<PrintFormat> parsePrintFormat(std::string_view name)
{
    for (const PrintFormat f : {PrintFormat::EscPos80, PrintFormat::EscPos58, PrintFormat::PdfA4, PrintFormat::PdfA5,
                                PrintFormat::PdfReceipt})
    {
        if (printFormatName(f) == name)
        {
            return f;
        }
    }
    return std::nullopt;
}

} // namespace okienko::kiosk

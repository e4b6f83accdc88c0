// The printing part of the configuration (see print_config.hpp).
#include "kiosk/model/print_config.hpp"

#include <array>

namespace okienko::kiosk
{

namespace
{
struct FormatName
{
    PrintFormat format;
    std::string_view name;
};

/// Each format once with the name kiosk.toml uses for it; the first is the fallback.
constexpr std::array<FormatName, 5> kFormatNames{{{PrintFormat::EscPos80, "escpos-80"},
                                                  {PrintFormat::EscPos58, "escpos-58"},
                                                  {PrintFormat::PdfA4, "pdf-a4"},
                                                  {PrintFormat::PdfA5, "pdf-a5"},
                                                  {PrintFormat::PdfReceipt, "pdf-receipt"}}};
static_assert(kFormatNames.size() == static_cast<std::size_t>(PrintFormat::PdfReceipt) + 1, "one row per format");
} // namespace

std::string_view printFormatName(PrintFormat format)
{
    for (const FormatName& row : kFormatNames)
        if (row.format == format)
            return row.name;
    return kFormatNames.front().name;
}

std::optional<PrintFormat> parsePrintFormat(std::string_view name)
{
    for (const FormatName& row : kFormatNames)
        if (row.name == name)
            return row.format;
    return std::nullopt;
}

} // namespace okienko::kiosk

#include "kiosk/receipt/print_bringup.hpp"

#include "kiosk/receipt/print_service.hpp"
#include "kiosk/receipt/sample_slips.hpp"
#include "shared/catalog/catalog_loader.hpp"

#include <chrono>

namespace okienko::receipt
{

int runPrintTest(const kiosk::KioskConfig& config, const std::string& queue, std::ostream& out)
{
    auto fonts = FontSet::load((config.data.assets / "fonts").string());
    if (!fonts)
    {
        out << "print-test: " << fonts.error() << "\n";
        return 2;
    }
    SampleWorld world(config.data.i18nDirectory().string());
    if (!world.ok())
    {
        out << "print-test: cannot load translations from " << config.data.i18nDirectory().string() << "\n";
        return 2;
    }
    // The header shows the CUS the kiosk is configured for, so the installer sees real contact data.
    if (auto catalog = catalog::loadCatalogFile(config.data.catalog))
        world.cus = catalog->municipality;
    else
        out << "print-test: catalogue " << config.data.catalog.string()
            << " not loaded; printing with a sample CUS header\n";

    const CupsClient client({"", queue});
    const auto deadline = std::chrono::seconds(config.printer.deadlineSeconds);
    int failures = 0;
    for (const auto& [name, slip] : world.allSlips(config.ui.defaultLanguage))
    {
        const RenderedSlip rendered = renderSlip(slip, fonts.value(), config.printer.format);
        const PrintResult result = client.print(rendered.bytes, rendered.format, rendered.title, deadline);
        out << "print-test: " << name << " (" << kiosk::printFormatName(config.printer.format) << ", "
            << rendered.bytes.size() << " bytes) → ";
        if (result.ok())
        {
            out << "printed, job " << result.jobId << "\n";
            continue;
        }
        ++failures;
        out << (result.outcome == PrintOutcome::TimedOut ? "not completed in time" : "failed") << ": "
            << conditionCode(result.condition) << " (" << result.detail << ")\n";
        // A printer that cannot print now will not print the next slip either: stop and say why.
        if (!canPrint(result.condition))
            break;
    }
    out << (failures == 0 ? "print-test: every slip printed\n" : "print-test: FAILED\n");
    return failures == 0 ? 0 : 1;
}

} // namespace okienko::receipt

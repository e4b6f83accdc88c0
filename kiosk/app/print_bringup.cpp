// The printer bring-up tool (see print_bringup.hpp).
#include "kiosk/app/print_bringup.hpp"

#include "kiosk/core/slips/sample_slips.hpp"
#include "kiosk/receipt/print_service.hpp"
#include "shared/catalog/catalog_loader.hpp"

#include <chrono>

namespace okienko::kiosk
{

int runPrintTest(const PrintTestSetup& setup, const std::string& queue, std::ostream& out)
{
    auto fonts = receipt::FontSet::load((setup.data.assets / "fonts").string());
    if (!fonts)
    {
        out << "print-test: " << fonts.error() << "\n";
        return 2;
    }
    receipt::SampleWorld world(setup.data.i18nDirectory().string());
    if (!world.ok())
    {
        out << "print-test: cannot load translations from " << setup.data.i18nDirectory().string() << "\n";
        return 2;
    }
    // The header shows the CUS the kiosk is configured for, so the installer sees real contact data.
    if (auto catalog = catalog::loadCatalogFile(setup.data.catalog))
        world.cus = catalog->municipality;
    else
        out << "print-test: catalogue " << setup.data.catalog.string()
            << " not loaded; printing with a sample CUS header\n";

    const receipt::CupsClient client({"", queue});
    const auto deadline = std::chrono::seconds(setup.printer.deadlineSeconds);
    int failures = 0;
    for (const auto& [name, slip] : world.allSlips(setup.language))
    {
        const receipt::RenderedSlip rendered = receipt::renderSlip(slip, fonts.value(), setup.printer.format);
        if (!rendered.error.empty())
        {
            out << "print-test: " << name << " not rendered: " << rendered.error << "\n";
            ++failures;
            continue;
        }
        const receipt::PrintResult result = client.print(rendered.bytes, rendered.format, rendered.title, deadline);
        out << "print-test: " << name << " (" << printFormatName(setup.printer.format) << ", " << rendered.bytes.size()
            << " bytes) → ";
        if (result.ok())
        {
            out << "printed, job " << result.jobId << "\n";
            continue;
        }
        ++failures;
        out << (result.outcome == receipt::PrintOutcome::TimedOut ? "not completed in time" : "failed") << ": "
            << receipt::conditionCode(result.condition) << " (" << result.detail << ")\n";
        // A printer that cannot print now will not print the next slip either: stop and say why.
        if (!receipt::canPrint(result.condition))
            break;
    }
    out << (failures == 0 ? "print-test: every slip printed\n" : "print-test: FAILED\n");
    return failures == 0 ? 0 : 1;
}

} // namespace okienko::kiosk

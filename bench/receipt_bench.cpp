// Receipt benchmark: how long each slip type takes to render (layout, raster, ESC/POS or PDF),
// and how long from "print" until a real, private cupsd has accepted the job. Prints p50/p95
// tables and writes PNG renderings of the 80 mm slips next to its output for people to look at.
// A benchmark: it reports figures and never fails on them. Usage: receipt_bench [OUTPUT_DIR]
#include "kiosk/core/slips/sample_slips.hpp"
#include "kiosk/receipt/bitmap.hpp"
#include "kiosk/receipt/cups_client.hpp"
#include "kiosk/receipt/escpos_encoder.hpp"
#include "kiosk/receipt/print_service.hpp"
#include "tests/support/private_cupsd.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace okienko::receipt;
using Clock = std::chrono::steady_clock;

namespace
{
struct Stats
{
    double p50 = 0;
    double p95 = 0;
};

Stats percentiles(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q)
    {
        return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))];
    };
    return {at(0.50), at(0.95)};
}

double elapsedMs(Clock::time_point since)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}
} // namespace

int main(int argc, char** argv)
{
    const std::string out = argc > 1 ? argv[1] : "receipt-bench";
    std::filesystem::create_directories(out);
    auto fonts = FontSet::load(std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts");
    SampleWorld world(std::string(OKIENKO_SOURCE_DIR) + "/assets/i18n");
    if (!fonts || !world.ok())
    {
        std::fprintf(stderr, "cannot load fonts or translations\n");
        return 0;
    }
    const auto slips = world.allSlips(okienko::domain::Language::Pl);
    constexpr int kRuns = 100;

    std::printf("Render time per slip (ms, %d runs each)\n", kRuns);
    std::printf("%-12s %10s %10s %10s %10s %10s %10s\n", "slip", "esc80 p50", "esc80 p95", "esc58 p95", "pdfA5 p50",
                "pdfA5 p95", "bytes80");
    for (const auto& [name, slip] : slips)
    {
        std::vector<double> e80, e58, pdf;
        std::size_t bytes = 0;
        for (int i = 0; i < kRuns; ++i)
        {
            auto t = Clock::now();
            bytes = renderSlip(slip, fonts.value(), okienko::kiosk::PrintFormat::EscPos80).bytes.size();
            e80.push_back(elapsedMs(t));
            t = Clock::now();
            (void)renderSlip(slip, fonts.value(), okienko::kiosk::PrintFormat::EscPos58);
            e58.push_back(elapsedMs(t));
            t = Clock::now();
            (void)renderSlip(slip, fonts.value(), okienko::kiosk::PrintFormat::PdfA5);
            pdf.push_back(elapsedMs(t));
        }
        const auto a = percentiles(e80), b = percentiles(e58), c = percentiles(pdf);
        std::printf("%-12s %10.2f %10.2f %10.2f %10.2f %10.2f %10zu\n", name.c_str(), a.p50, a.p95, b.p95, c.p50, c.p95,
                    bytes);
        std::vector<Bitmap> pages;
        (void)renderEscPos(slip, fonts.value(), LayoutSpec::escpos80(), &pages);
        for (std::size_t p = 0; p < pages.size(); ++p)
            pages[p].savePng(out + "/slip-80mm-" + name + (pages.size() > 1 ? "-" + std::to_string(p + 1) : "") +
                             ".png");
    }

    okienko::test::PrivateCupsd cupsd;
    if (!cupsd.start() || !cupsd.addQueue("receipt", "capture"))
    {
        std::printf("\nprint-to-accepted: skipped (%s)\n", cupsd.error().c_str());
        return 0;
    }
    const CupsClient client({cupsd.socketPath(), "receipt"});
    std::vector<double> accepted;
    for (int i = 0; i < 60; ++i)
    {
        const auto& slip = slips[static_cast<std::size_t>(i) % slips.size()].second;
        const auto t = Clock::now();
        const RenderedSlip rendered = renderSlip(slip, fonts.value(), okienko::kiosk::PrintFormat::EscPos80);
        const PrintResult result = client.submit(rendered.bytes, rendered.format, rendered.title);
        if (result.outcome != PrintOutcome::Accepted)
        {
            std::printf("job %d not accepted: %s\n", i, result.detail.c_str());
            continue;
        }
        accepted.push_back(elapsedMs(t));
    }
    if (!accepted.empty())
    {
        const auto s = percentiles(accepted);
        std::printf("\nFrom print (render + submit) to job accepted by cupsd, 80 mm ESC/POS, %zu jobs:\n"
                    "p50 %.1f ms, p95 %.1f ms\n",
                    accepted.size(), s.p50, s.p95);
    }
    std::printf("PNG renderings of the 80 mm slips: %s/\n", out.c_str());
    return 0;
}

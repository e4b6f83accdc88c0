// Printing through a real, private cupsd: the slip reaches the printer byte for byte, a printer
// out of paper is reported as such within the deadline, and a stopped cupsd is a clear error.
#include "kiosk/app/print_bringup.hpp"
#include "kiosk/core/slips/sample_slips.hpp"
#include "kiosk/receipt/cups_client.hpp"
#include "kiosk/receipt/escpos_encoder.hpp"
#include "kiosk/receipt/pdf_renderer.hpp"
#include "kiosk/receipt/print_service.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/unit/receipt/escpos_decoder.hpp"

#include <condition_variable>
#include <cstdlib>
#include <gtest/gtest.h>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

using namespace okienko::receipt;
using namespace std::chrono_literals;
using okienko::test::PrivateCupsd;

namespace
{
const FontSet& fonts()
{
    static FontSet set = []
    {
        auto loaded = FontSet::load(std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts");
        if (!loaded)
            throw std::runtime_error(loaded.error());
        return std::move(loaded).value();
    }();
    return set;
}

Slip slip()
{
    Slip s;
    s.jobTitle = "Okienko slip C-4HQ7-M2KX";
    s.header.cusName = "Centrum Usług Społecznych w Łapach";
    s.title("Spotkanie w CUS").code("C-4HQ7-M2KX").qr("C-4HQ7-M2KX").keyValue("Sala", "12");
    s.footer = "2026-11-23 10:15";
    return s;
}

class CupsPrinting : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_cupsd.start()) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("receipt", "capture"));
        ASSERT_TRUE(m_cupsd.addQueue("nopaper", "nopaper"));
    }

    CupsClient client(const std::string& queue) const { return CupsClient({m_cupsd.socketPath(), queue}); }

    PrivateCupsd m_cupsd;
};
} // namespace

TEST_F(CupsPrinting, EscPosSlipArrivesByteForByte)
{
    const std::string bytes = renderEscPos(slip(), fonts(), LayoutSpec::escpos80()).value();
    const PrintResult result = client("receipt").print(bytes, DocumentFormat::Raw, slip().jobTitle, 10s);
    ASSERT_TRUE(result.ok()) << result.detail;
    EXPECT_GT(result.jobId, 0);
    const std::string captured = m_cupsd.capturedJob(result.jobId, 5s);
    EXPECT_EQ(captured, bytes);
    const auto job = okienko::receipt::test::decodeEscPos(captured);
    EXPECT_EQ(job.error, "");
    EXPECT_EQ(job.cuts, 1);
}

TEST_F(CupsPrinting, PdfSlipArrivesAsPdf)
{
    const std::string pdf = renderPdf(slip(), fonts(), PdfPage::A5);
    const PrintResult result = client("receipt").print(pdf, DocumentFormat::Pdf, "Okienko test", 10s);
    ASSERT_TRUE(result.ok()) << result.detail;
    EXPECT_EQ(m_cupsd.capturedJob(result.jobId, 5s).substr(0, 5), "%PDF-");
}

TEST_F(CupsPrinting, PaperOutIsReportedWithinTheDeadline)
{
    const auto started = std::chrono::steady_clock::now();
    const PrintResult result = client("nopaper").print(renderEscPos(slip(), fonts(), LayoutSpec::escpos80()).value(),
                                                       DocumentFormat::Raw, "t", 8s);
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.condition, PrinterCondition::PaperOut) << result.detail;
    EXPECT_LT(took, 8s);
    // The queue stays in that state: the next attempt is refused at once with the same reason.
    EXPECT_EQ(client("nopaper").printerCondition(), PrinterCondition::PaperOut);
    const auto again = std::chrono::steady_clock::now();
    EXPECT_EQ(client("nopaper").print("x", DocumentFormat::Raw, "t", 8s).condition, PrinterCondition::PaperOut);
    EXPECT_LT(std::chrono::steady_clock::now() - again, 2s);
}

TEST_F(CupsPrinting, MissingQueueIsNamed)
{
    const PrintResult result = client("no-such-queue").print("x", DocumentFormat::Raw, "t", 5s);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.condition, PrinterCondition::QueueMissing);
}

TEST_F(CupsPrinting, StoppedCupsdIsAClearErrorWithinTheDeadline)
{
    m_cupsd.stop();
    const auto started = std::chrono::steady_clock::now();
    const PrintResult result = client("receipt").print("x", DocumentFormat::Raw, "t", 5s);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.condition, PrinterCondition::CupsUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
    EXPECT_EQ(client("receipt").printerCondition(), PrinterCondition::CupsUnavailable);
}

TEST(PrinterConditions, CupsReasonsMapToWhatPeopleUnderstand)
{
    EXPECT_EQ(classifyPrinter(5, {"media-empty-error", "paused"}, true), PrinterCondition::PaperOut);
    EXPECT_EQ(classifyPrinter(3, {"media-jam-error"}, true), PrinterCondition::Jam);
    EXPECT_EQ(classifyPrinter(3, {"cover-open-error"}, true), PrinterCondition::CoverOpen);
    EXPECT_EQ(classifyPrinter(4, {"offline-report"}, true), PrinterCondition::Offline);
    EXPECT_EQ(classifyPrinter(4, {"connecting-to-device"}, true), PrinterCondition::Offline);
    EXPECT_EQ(classifyPrinter(5, {"paused"}, true), PrinterCondition::Paused);
    EXPECT_EQ(classifyPrinter(3, {"none"}, false), PrinterCondition::NotAccepting);
    EXPECT_EQ(classifyPrinter(3, {"media-low-warning"}, true), PrinterCondition::PaperLow);
    EXPECT_EQ(classifyPrinter(3, {"none"}, true), PrinterCondition::Ready);
    EXPECT_EQ(classifyPrinter(3, {"media-empty-warning"}, true), PrinterCondition::PaperLow);
    EXPECT_TRUE(canPrint(PrinterCondition::PaperLow));
    EXPECT_FALSE(canPrint(PrinterCondition::Jam));
}

TEST_F(CupsPrinting, PrintServiceNeverBlocksTheCallerAndCanReprint)
{
    std::mutex mutex;
    std::condition_variable done;
    std::map<PrintService::Ticket, PrintResult> results;
    auto loaded = FontSet::load(std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts");
    ASSERT_TRUE(loaded.ok());
    PrintServiceConfig config{{m_cupsd.socketPath(), "receipt"}, okienko::kiosk::PrintFormat::EscPos58, 10s, 3};
    PrintService service(config, std::move(loaded).value(),
                         [&](PrintService::Ticket t, const PrintResult& r)
                         {
                             std::lock_guard lock(mutex);
                             results[t] = r;
                             done.notify_all();
                         });

    const auto before = std::chrono::steady_clock::now();
    const auto first = service.print(slip());
    const auto second = service.print(slip());
    EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms); // the caller (UI thread) never waits
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(done.wait_for(lock, 20s, [&] { return results.size() == 2; }));
    }
    ASSERT_TRUE(results[first].ok()) << results[first].detail;
    ASSERT_TRUE(results[second].ok());
    EXPECT_EQ(service.recentTitles().size(), 2u);

    const auto again = service.reprint(0);
    ASSERT_TRUE(again.has_value());
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(done.wait_for(lock, 20s, [&] { return results.count(*again) == 1; }));
    }
    ASSERT_TRUE(results[*again].ok());
    const std::string original = m_cupsd.capturedJob(results[second].jobId, 5s);
    EXPECT_EQ(m_cupsd.capturedJob(results[*again].jobId, 5s), original);
    EXPECT_EQ(okienko::receipt::test::decodeEscPos(original).pages.at(0).width, 384);

    service.forgetRecent();
    EXPECT_FALSE(service.reprint(0).has_value());
}

TEST_F(CupsPrinting, EverySlipTypePrintsInEveryFormatInPolishAndUkrainian)
{
    const SampleWorld world(std::string(OKIENKO_SOURCE_DIR) + "/assets/i18n");
    ASSERT_TRUE(world.ok());
    const struct
    {
        okienko::kiosk::PrintFormat format;
        int width;
    } formats[] = {{okienko::kiosk::PrintFormat::EscPos80, 576},
                   {okienko::kiosk::PrintFormat::EscPos58, 384},
                   {okienko::kiosk::PrintFormat::PdfA5, 0},
                   {okienko::kiosk::PrintFormat::PdfReceipt, 0}};
    int printed = 0;
    for (auto lang : {okienko::domain::Language::Pl, okienko::domain::Language::Uk})
        for (const auto& [name, slip] : world.allSlips(lang))
            for (const auto& f : formats)
            {
                const RenderedSlip rendered = renderSlip(slip, fonts(), f.format);
                const PrintResult result =
                    client("receipt").print(rendered.bytes, rendered.format, rendered.title, 10s);
                ASSERT_TRUE(result.ok()) << name << ": " << result.detail;
                const std::string captured = m_cupsd.capturedJob(result.jobId, 5s);
                ASSERT_EQ(captured, rendered.bytes) << name;
                if (f.width > 0)
                {
                    const auto job = okienko::receipt::test::decodeEscPos(captured);
                    EXPECT_EQ(job.error, "") << name;
                    EXPECT_EQ(job.pages.at(0).width, f.width) << name;
                    EXPECT_EQ(job.cuts, name == "agreement" ? 2 : 1) << name;
                }
                else
                    EXPECT_EQ(captured.substr(0, 5), "%PDF-") << name;
                ++printed;
            }
    EXPECT_EQ(printed, 2 * 7 * 4);
}

TEST_F(CupsPrinting, BringUpToolPrintsEverySlipTypeOrSaysWhyNot)
{
    const std::string assets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
    auto config = okienko::kiosk::parseConfig("[kiosk]\nid = \"test-1\"\n[data]\nassets = \"" + assets +
                                                  "\"\ncatalog = \"" + assets +
                                                  "/catalog/lapy.json\"\n[printer]\nqueue = \"receipt\"\n"
                                                  "format = \"escpos-58\"\ndeadline_seconds = 10\n",
                                              "bringup.toml");
    ASSERT_TRUE(config.ok()) << config.error().front().toString();
    // libcups reads CUPS_SERVER once per thread, when that thread first asks for its server; the
    // tool uses the default server, so each run happens on a fresh thread after setenv.
    setenv("CUPS_SERVER", m_cupsd.socketPath().c_str(), 1);
    auto runOnFreshThread = [&](const std::string& queue, std::ostringstream& log)
    {
        int code = -1;
        std::thread(
            [&] {
                code = okienko::kiosk::runPrintTest({config->data, config->printer, config->ui.defaultLanguage}, queue,
                                                    log);
            })
            .join();
        return code;
    };
    std::ostringstream log;
    EXPECT_EQ(runOnFreshThread("receipt", log), 0) << log.str();
    EXPECT_NE(log.str().find("every slip printed"), std::string::npos) << log.str();
    EXPECT_EQ(m_cupsd.capturedFiles().size(), 7u);
    // The header comes from the configured catalogue's CUS.
    const auto job = okienko::receipt::test::decodeEscPos(okienko::test::readFile(m_cupsd.capturedFiles().front()));
    ASSERT_EQ(job.error, "");
    EXPECT_TRUE(job.pages.at(0).contains(rasterizeText("Społecznych w Łapach", fonts(), FontStyle::Bold, 22 * 1.1)));

    std::ostringstream failed;
    EXPECT_EQ(runOnFreshThread("nopaper", failed), 1);
    EXPECT_NE(failed.str().find("paper-out"), std::string::npos) << failed.str();
    unsetenv("CUPS_SERVER");
}

TEST_F(CupsPrinting, EveryPrinterFaultReachesTheCallerAsAClearState)
{
    ASSERT_TRUE(m_cupsd.addQueue("jam", "jam"));
    ASSERT_TRUE(m_cupsd.addQueue("coveropen", "coveropen"));
    ASSERT_TRUE(m_cupsd.addQueue("stuck", "stuck"));
    // A network receipt printer that is switched off: nothing listens on the discard port.
    ASSERT_TRUE(m_cupsd.addQueue("offline", "socket://127.0.0.1:9"));
    const std::string bytes = renderEscPos(slip(), fonts(), LayoutSpec::escpos80()).value();

    const PrintResult jam = client("jam").print(bytes, DocumentFormat::Raw, "t", 8s);
    EXPECT_EQ(jam.condition, PrinterCondition::Jam) << jam.detail;
    const PrintResult cover = client("coveropen").print(bytes, DocumentFormat::Raw, "t", 8s);
    EXPECT_EQ(cover.condition, PrinterCondition::CoverOpen) << cover.detail;

    const auto started = std::chrono::steady_clock::now();
    const PrintResult offline = client("offline").print(bytes, DocumentFormat::Raw, "t", 4s);
    EXPECT_FALSE(offline.ok());
    EXPECT_EQ(offline.condition, PrinterCondition::Offline) << offline.detail;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);

    // A job that never completes is given up at the deadline and cancelled, not left to print later.
    const PrintResult stuck = client("stuck").print(bytes, DocumentFormat::Raw, "t", 2s);
    EXPECT_EQ(stuck.outcome, PrintOutcome::TimedOut) << stuck.detail;
    EXPECT_NE(stuck.condition, PrinterCondition::Offline) << stuck.detail;
}

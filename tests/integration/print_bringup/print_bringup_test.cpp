// The installer's bring-up tool as an installer runs it: the real okienko-kiosk binary with
// `--print-test QUEUE`, no window, printing through a private cupsd (CUPS_SERVER in the child's
// environment). Every sample slip must reach the printer, and an empty printer must fail loudly
// with the reason.
#include "kiosk/core/slips/sample_slips.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/support/private_cupsd.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <string>
#include <unistd.h>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";

class PrintBringupTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (geteuid() != 0)
            GTEST_SKIP() << "a private cupsd needs root (jobs run as lp)";
        ASSERT_TRUE(m_cupsd.start()) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("receipt", "capture")) << m_cupsd.error();
        ASSERT_TRUE(m_cupsd.addQueue("nopaper", "nopaper")) << m_cupsd.error();
        m_config = m_dir.file("kiosk.toml");
        ASSERT_TRUE(test::writeFile(m_config, "[kiosk]\nid = \"bringup-test\"\n"
                                              "[data]\ndirectory = \"" +
                                                  m_dir.file("data") + "\"\nassets = \"" + kAssets +
                                                  "\"\ncatalog = \"" + kAssets +
                                                  "/catalog/lapy.json\"\n"
                                                  "[printer]\nqueue = \"receipt\"\nformat = \"escpos-80\"\n"
                                                  "deadline_seconds = 20\n"));
    }

    test::ProcessResult printTest(const std::string& queue)
    {
        return test::runProcess({OKIENKO_KIOSK_BINARY, "--config", m_config, "--print-test", queue},
                                {{"CUPS_SERVER", m_cupsd.socketPath()}}, 120s);
    }

    test::PrivateCupsd m_cupsd;
    test::TempDir m_dir{"print-bringup"};
    std::string m_config;
};

TEST_F(PrintBringupTest, AMissingQueueArgumentIsAUsageError)
{
    const auto r = test::runProcess({OKIENKO_KIOSK_BINARY, "--config", m_config, "--print-test"}, {}, 30s);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--print-test QUEUE"), std::string::npos) << r.output;
}

TEST_F(PrintBringupTest, AnUnusableConfigurationIsReportedWithoutPrinting)
{
    const std::string bad = m_dir.file("bad.toml");
    ASSERT_TRUE(test::writeFile(bad, "[kiosk]\nid = \"x\"\n[printer]\nformat = \"escpos-99\"\n"));
    const auto r = test::runProcess({OKIENKO_KIOSK_BINARY, "--config", bad, "--print-test", "receipt"},
                                    {{"CUPS_SERVER", m_cupsd.socketPath()}}, 30s);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("printer.format"), std::string::npos) << r.output;
    EXPECT_TRUE(m_cupsd.capturedFiles().empty());
}

TEST_F(PrintBringupTest, AnEmptyPrinterFailsWithPaperOut)
{
    const auto r = printTest("nopaper");
    ASSERT_FALSE(r.timedOut) << r.output;
    EXPECT_NE(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("paper-out"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("FAILED"), std::string::npos) << r.output;
}

TEST_F(PrintBringupTest, EverySampleSlipReachesTheQueue)
{
    const std::size_t expected = receipt::SampleWorld(kAssets + "/i18n").allSlips(domain::Language::Pl).size();
    ASSERT_GT(expected, 0u);
    const auto r = printTest("receipt");
    ASSERT_FALSE(r.timedOut) << r.output;
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("every slip printed"), std::string::npos) << r.output;
    // The capture backend writes each job once cupsd ran it; give the last one a moment.
    std::size_t captured = 0;
    for (int i = 0; i < 100 && captured < expected; ++i)
    {
        captured = m_cupsd.capturedFiles().size();
        if (captured < expected)
            usleep(100'000);
    }
    EXPECT_EQ(captured, expected) << r.output;
    for (const std::string& file : m_cupsd.capturedFiles())
    {
        const std::string bytes = test::readFile(file);
        ASSERT_GE(bytes.size(), 2u) << file;
        EXPECT_EQ(bytes.substr(0, 2), std::string("\x1b@")) << file << ": not an ESC/POS job (ESC @ first)";
    }
}

} // namespace

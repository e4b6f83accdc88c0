// sd_notify without systemd: the real binaries, started with NOTIFY_SOCKET and WATCHDOG_USEC
// pointing at a socket this test owns, say READY=1 once they serve (the server once its port
// answers, the kiosk once its first frame is presented) and then WATCHDOG=1 at half the interval;
// a kiosk whose UI thread hangs (the OKIENKO_TEST_HANG_UI hook) stops pinging for as long.
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/integration/notify/notify_listener.hpp"
#include "tests/integration/server/central_process.hpp"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

using namespace okienko;
using namespace std::chrono_literals;
using Millis = std::chrono::milliseconds;

namespace
{

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
// 1 s: pings every 500 ms, so a few seconds show the rhythm and a hang stands out.
constexpr const char* kWatchdogUsec = "1000000";
constexpr Millis kWatchdogInterval = 1000ms;

/// When each WATCHDOG=1 after the first READY=1 arrived.
std::vector<std::chrono::steady_clock::time_point> pingsAfterReady(const std::vector<test::NotifyMessage>& messages)
{
    std::vector<std::chrono::steady_clock::time_point> out;
    bool ready = false;
    for (const test::NotifyMessage& m : messages)
    {
        ready = ready || test::hasLine(m, "READY=1");
        if (ready && test::hasLine(m, "WATCHDOG=1"))
            out.push_back(m.received);
    }
    return out;
}

std::vector<Millis> gapsBetween(const std::vector<std::chrono::steady_clock::time_point>& times)
{
    std::vector<Millis> gaps;
    for (std::size_t i = 1; i < times.size(); ++i)
        gaps.push_back(std::chrono::duration_cast<Millis>(times[i] - times[i - 1]));
    return gaps;
}

std::string describe(const std::vector<test::NotifyMessage>& messages)
{
    std::string out;
    const auto start = messages.empty() ? std::chrono::steady_clock::now() : messages.front().received;
    for (const test::NotifyMessage& m : messages)
        out += "+" + std::to_string(std::chrono::duration_cast<Millis>(m.received - start).count()) + "ms " + m.text +
               "\n";
    return out;
}

TEST(ServiceNotify, CentralSaysReadyOnceItsPortAnswersThenPingsTheWatchdog)
{
    test::TestCa ca;
    ASSERT_TRUE(ca.make()) << ca.error();
    test::NotifyListener listener;
    ASSERT_TRUE(listener.ok());
    test::CentralProcess central(ca);
    ASSERT_FALSE(central.prepare(test::testCatalogJson(1)).empty()) << "see " << central.dir();
    // No READY=1 from the admin commands: only `serve` is a service.
    setenv("NOTIFY_SOCKET", listener.socketPath().c_str(), 1);
    setenv("WATCHDOG_USEC", kWatchdogUsec, 1);
    const bool started = central.start();
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    ASSERT_TRUE(started) << "log: " << central.logPath();

    ASSERT_TRUE(listener.waitForLine("READY=1", 5000ms)) << describe(listener.messages());
    // Right after READY=1 the port answers HTTPS (READY=1 is sent after bind and listen).
    httplib::SSLClient client("127.0.0.1", central.port());
    client.set_ca_cert_path(ca.caCert().c_str());
    client.enable_server_certificate_verification(true);
    const auto response = client.Get("/api/v1/changes");
    ASSERT_TRUE(response) << "the port did not answer after READY=1";
    EXPECT_EQ(response->status, 401);

    std::this_thread::sleep_for(2600ms);
    const auto messages = listener.messages();
    // The server reports its own port: behind the front, the loopback one nginx forwards to.
    const std::string status = "STATUS=listening on port " + std::to_string(central.backendPort());
    EXPECT_TRUE(std::any_of(messages.begin(), messages.end(),
                            [&](const test::NotifyMessage& m) { return test::hasLine(m, status); }))
        << describe(messages);
    const auto pings = pingsAfterReady(messages);
    EXPECT_GE(pings.size(), 4u) << describe(messages);
    for (const Millis gap : gapsBetween(pings))
        EXPECT_LT(gap, kWatchdogInterval) << describe(messages);

    central.kill(SIGTERM);
    EXPECT_TRUE(listener.waitForLine("STOPPING=1", 2000ms)) << describe(listener.messages());
}

TEST(ServiceNotify, KioskSaysReadyAfterItsFirstFrameAndAHungUiThreadStopsThePings)
{
    test::TempDir dir("okienko-notify-kiosk");
    const std::string config = dir.file("kiosk.toml");
    ASSERT_TRUE(test::writeFile(config, "[kiosk]\nid = \"notify-test\"\n"
                                        "[display]\nfullscreen = false\nwidth = 720\nheight = 1280\n"
                                        "renderer = \"software\"\n"
                                        "[data]\ndirectory = \"" +
                                            dir.file("data") + "\"\nassets = \"" + kAssets + "\"\ncatalog = \"" +
                                            kAssets + "/catalog/lapy.json\"\n"));
    test::NotifyListener listener;
    ASSERT_TRUE(listener.ok());
    // The interactive loop (not a script): 2 s after the first frame the UI thread sleeps 3 s.
    const auto startedAt = std::chrono::steady_clock::now();
    const test::ProcessResult r =
        test::runProcess({OKIENKO_KIOSK_BINARY, "--headless", "--config", config},
                         {{"NOTIFY_SOCKET", listener.socketPath()},
                          {"WATCHDOG_USEC", kWatchdogUsec},
                          // As under cage: systemd names the unit's main process, the kiosk's parent.
                          {"WATCHDOG_PID", std::to_string(getpid())},
                          {"OKIENKO_TEST_HANG_UI", "2000:3000"}},
                         9000ms);
    EXPECT_TRUE(r.timedOut) << "the kiosk exited early:\n" << r.output;
    EXPECT_NE(r.output.find("[kiosk] first frame presented"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("test hook: UI thread hangs for 3000 ms"), std::string::npos) << r.output;

    const auto messages = listener.messages();
    const auto ready = std::find_if(messages.begin(), messages.end(),
                                    [](const test::NotifyMessage& m) { return test::hasLine(m, "READY=1"); });
    ASSERT_NE(ready, messages.end()) << describe(messages) << r.output;
    EXPECT_TRUE(test::hasLine(*ready, "STATUS=first frame on screen")) << describe(messages);
    EXPECT_LT(ready->received - startedAt, 5s) << describe(messages);

    // Pings every ~500 ms, one gap of the hang's length, then pings again.
    const auto pings = pingsAfterReady(messages);
    const auto gaps = gapsBetween(pings);
    ASSERT_GE(gaps.size(), 4u) << describe(messages);
    const auto longest = std::max_element(gaps.begin(), gaps.end());
    EXPECT_GE(*longest, 2900ms) << describe(messages);
    EXPECT_LT(*longest, 3900ms) << describe(messages);
    EXPECT_GE(longest - gaps.begin(), 2) << "too few pings before the hang\n" << describe(messages);
    EXPECT_GE(gaps.end() - longest, 2) << "too few pings after the hang\n" << describe(messages);
    for (auto gap = gaps.begin(); gap != gaps.end(); ++gap)
    {
        if (gap == longest)
            continue;
        EXPECT_LT(*gap, kWatchdogInterval) << describe(messages);
    }
}

} // namespace

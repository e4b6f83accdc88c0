// Two okienko-central `serve` processes on one database, as the real binary: kiosks of two sites
// racing holds on scarce equipment across both processes (never more than the units, and another
// site's kiosks never take one), one kiosk whose requests alternate between the processes (events,
// change pages, a revoked token), and a process killed mid-batch behind the front while kiosks keep
// posting through it (nothing acknowledged lost, nothing applied twice).
#include "shared/db/database.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/server/api_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <fstream>
#include <gtest/gtest.h>
#include <httplib.h>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace okienko;
using namespace okienko::protocol;
using okienko::test::CentralProcess;
using okienko::test::TestCa;

namespace
{
/// Write calls `pid` has made (/proc/<pid>/io syscw): a process that commits batches makes many.
long writeCalls(pid_t pid)
{
    std::ifstream io("/proc/" + std::to_string(pid) + "/io");
    std::string key;
    long value = 0;
    while (io >> key >> value)
        if (key == "syscw:")
            return value;
    return -1;
}

class TwoProcesses : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca, "[rate_limit]\nrequests_per_second = 10000\nburst = 10000\n");
        m_tokens.push_back(m_server->prepare(okienko::test::testCatalogJson(3)));
        ASSERT_FALSE(m_tokens.front().empty());
        ASSERT_EQ(m_server->admin({"site", "add", "stara", "--name", "CUS w Starachowicach"}), 0);
    }

    /// Starts both processes (behind one front over both).
    void startBoth()
    {
        ASSERT_TRUE(m_server->start()) << m_server->startError() << okienko::test::readFile(m_server->logPath());
        ASSERT_EQ(m_server->startAnotherProcess(), 1)
            << m_server->startError() << okienko::test::readFile(m_server->logPath());
        ASSERT_NE(m_server->backendPortOf(0), m_server->backendPortOf(1));
    }

    /// Adds a kiosk of `site` and returns its token.
    std::string addKiosk(const std::string& name, const std::string& site)
    {
        std::string token;
        EXPECT_EQ(m_server->admin({"add-kiosk", name, "--site", site}, &token), 0);
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
            token.pop_back();
        return token;
    }

    /// A kiosk's client straight to process `index` (plain HTTP on loopback, as the front speaks to it).
    std::unique_ptr<httplib::Client> direct(int index, const std::string& token)
    {
        auto c = std::make_unique<httplib::Client>("127.0.0.1", m_server->backendPortOf(index));
        c->set_connection_timeout(5, 0);
        c->set_read_timeout(30, 0);
        c->set_default_headers({{"Authorization", "Bearer " + token}});
        return c;
    }

    /// A kiosk's client through the front (HTTPS, the deployed shape).
    std::unique_ptr<httplib::SSLClient> front(const std::string& token)
    {
        return test::kioskClient(m_server->port(), m_ca.caCert(), token);
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::vector<std::string> m_tokens;
};
} // namespace

TEST_F(TwoProcesses, KiosksOfTwoSitesRacingHoldsAcrossBothProcessesNeverTakeMoreThanTheUnits)
{
    // 12 kiosks of the site with the equipment and 4 of another site, half on each process.
    for (int k = 1; k < 12; ++k)
        m_tokens.push_back(addKiosk("hol-" + std::to_string(k), "default"));
    for (int k = 0; k < 4; ++k)
        m_tokens.push_back(addKiosk("stara-" + std::to_string(k), "stara"));
    startBoth();
    const Date base = test::serverToday().plusDays(10);
    std::atomic<int> held{0}, refused{0}, otherSite{0}, errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t)
        threads.emplace_back(
            [&, t]
            {
                auto c = direct(t % 2, m_tokens[static_cast<std::size_t>(t)]);
                for (int i = 0; i < 8; ++i)
                {
                    auto r = c->Post("/api/v1/reservations/hold", encodeHoldRequest(test::racingHold(base, t, i)),
                                     "application/json");
                    if (!r)
                        ++errors;
                    else if (r->status == 201)
                        ++held;
                    else if (r->status == 409)
                        ++refused;
                    else if (r->status == 404 && t >= 12)
                        ++otherSite;
                    else
                        ++errors;
                }
            });
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(errors.load(), 0);
    EXPECT_GT(held.load(), 0);
    EXPECT_GT(refused.load(), 0) << "the race proved nothing: every hold fitted";
    EXPECT_EQ(otherSite.load(), 4 * 8) << "a kiosk of a site without this equipment never holds it";
    const std::string db = m_server->databasePath();
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM reservations WHERE status = 'held'"), held.load());
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM reservations WHERE site_id <> 'default'"), 0);
    EXPECT_LE(test::mostHeldOnOneDay(db, base, 30), 3) << "more held than the 3 units on some day";
}

TEST_F(TwoProcesses, AKioskWhoseRequestsAlternateBetweenTheProcessesLosesAndRepeatsNothing)
{
    for (const char* bad : {"0", "65536", "80a", ""})
        EXPECT_EQ(m_server->admin({"serve", "--port", bad}), 1) << "serve --port " << bad;
    startBoth();
    const std::string& token = m_tokens.front();
    auto a = direct(0, token);
    auto b = direct(1, token);
    std::vector<Event> first, second;
    for (int i = 0; i < 20; ++i)
        (i < 10 ? first : second).push_back(test::callbackEvent(i));
    auto sentA = a->Post("/api/v1/events", encodeEventBatch(first), "application/json");
    ASSERT_TRUE(sentA);
    ASSERT_EQ(sentA->status, 200) << sentA->body;
    auto sentB = b->Post("/api/v1/events", encodeEventBatch(second), "application/json");
    ASSERT_TRUE(sentB);
    ASSERT_EQ(sentB->status, 200) << sentB->body;
    // The first batch again, to the other process (an answer lost on the way): applied once.
    auto again = b->Post("/api/v1/events", encodeEventBatch(first), "application/json");
    ASSERT_TRUE(again);
    auto results = decodeEventResults(again->body);
    ASSERT_TRUE(results.ok()) << again->body;
    for (const auto& r : *results)
        EXPECT_EQ(r.status, EventStatus::Duplicate);
    const std::string db = m_server->databasePath();
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM callback_requests"), 20);

    // Change pages pulled alternately, the cursor of one process good on the other: the snapshot,
    // then the log in order, each change once.
    const auto pulled = test::pullEverything(
        [&](int page, const std::string& path) { return (page % 2 == 0 ? a : b)->Get(path.c_str()); }, 5);
    EXPECT_EQ(static_cast<std::int64_t>(pulled.count), test::dbCount(db, "SELECT COUNT(*) FROM change_log"));

    // Revoked with the CLI: refused by both processes from the next request on.
    ASSERT_EQ(m_server->admin({"revoke-kiosk", "kiosk-1"}), 0);
    for (auto* c : {a.get(), b.get()})
    {
        auto r = c->Get("/api/v1/changes?limit=1");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 401) << r->body;
    }
}

TEST_F(TwoProcesses, AProcessKilledMidBatchBehindTheFrontLosesNothingAcknowledgedAndTheOtherCarriesOn)
{
    for (int k = 1; k < 8; ++k)
        m_tokens.push_back(addKiosk("hol-" + std::to_string(k), "default"));
    startBoth();
    constexpr std::size_t kSenders = 8, kBatchesEach = 30, kEventsPerBatch = 20;
    std::atomic<std::size_t> acknowledged{0}, retried{0};
    std::atomic<bool> failedForGood{false};
    const long writesBefore[2] = {writeCalls(m_server->pidOf(0)), writeCalls(m_server->pidOf(1))};
    std::vector<std::thread> senders;
    for (std::size_t s = 0; s < kSenders; ++s)
        senders.emplace_back(
            [&, s]
            {
                auto c = front(m_tokens[s]);
                for (std::size_t b = 0; b < kBatchesEach; ++b)
                {
                    std::vector<Event> batch;
                    for (std::size_t e = 0; e < kEventsPerBatch; ++e)
                        batch.push_back(
                            test::callbackEvent(static_cast<int>((s * kBatchesEach + b) * kEventsPerBatch + e)));
                    // A kiosk sends a batch until it is told the outcome, as the sync worker does.
                    bool done = false;
                    for (int attempt = 0; attempt < 20 && !done; ++attempt)
                    {
                        auto r = c->Post("/api/v1/events", encodeEventBatch(batch), "application/json");
                        done = r && r->status == 200 && decodeEventResults(r->body).ok();
                        if (!done)
                        {
                            ++retried;
                            std::this_thread::sleep_for(std::chrono::milliseconds(100));
                        }
                    }
                    if (!done)
                    {
                        failedForGood = true;
                        return;
                    }
                    ++acknowledged;
                }
            });
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (acknowledged.load() < kSenders * kBatchesEach / 4 && std::chrono::steady_clock::now() < giveUp)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    // The front spreads the kiosks over both processes; the one killed is the one that was committing
    // (SQLite's lock has no queue, so under this load one process may keep the other waiting).
    const long wrote[2] = {writeCalls(m_server->pidOf(0)) - writesBefore[0],
                           writeCalls(m_server->pidOf(1)) - writesBefore[1]};
    const int victim = wrote[1] > wrote[0] ? 1 : 0;
    EXPECT_GT(wrote[victim], 20) << "neither process committed anything: the test proved nothing";
    m_server->killProcess(victim, SIGKILL);
    for (auto& t : senders)
        t.join();
    EXPECT_FALSE(failedForGood.load()) << "the other process did not carry on";
    EXPECT_EQ(acknowledged.load(), kSenders * kBatchesEach);
    const std::string db = m_server->databasePath();
    EXPECT_EQ(test::dbText(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM events"),
              static_cast<std::int64_t>(kSenders * kBatchesEach * kEventsPerBatch));
    EXPECT_EQ(test::dbCount(db, "SELECT COUNT(*) FROM callback_requests"),
              static_cast<std::int64_t>(kSenders * kBatchesEach * kEventsPerBatch));
    std::printf("[ figures  ] process %d killed after %zu of %zu batches (write calls so far: %ld and %ld): %zu "
                "requests sent again, all answered by the other\n",
                victim, kSenders * kBatchesEach / 4, kSenders * kBatchesEach, wrote[0], wrote[1], retried.load());
}

// The panel's login under parallel guesses, through the real login action of Panel with real
// argon2id hashes and a real SQLite database, on real threads: 30 wrong passwords at once count 30
// failures and lock the account; verifications beyond the cap are answered "try again" without
// one; a locked account and an unknown one get the same answer in the same time class.
#include "server/credentials.hpp"
#include "server/panel/panel.hpp"
#include "server/server_store.hpp"
#include "shared/db/query.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

using namespace okienko;
using namespace okienko::server;
using namespace okienko::server::panel;

namespace
{
const Now kNow{1'900'000'000, Date{2030, 3, 17}};
constexpr const char* kPassword = "haslo-koordynatora-1";
constexpr int kGuesses = 30;

class PanelLogin : public ::testing::Test
{
  protected:
    void start(AuthLimits limits)
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store) << store.error().describe();
        m_store = std::move(store).value();
        m_panel = std::make_unique<Panel>(
            *m_store, m_config, [] { return kNow; }, [] { return 0.0; }, limits);
        auto hash = hashSecret(kPassword);
        ASSERT_TRUE(hash);
        auto id = m_store->addStaff("Anna Koordynator", domain::StaffRole::Coordinator, *hash, *hash, kNow);
        ASSERT_TRUE(id);
        m_staffId = *id;
    }

    /// POST /panel/login from `address`, with the login form's double-submit cookie.
    PanelResponse login(const std::string& account, const std::string& password, const std::string& address)
    {
        PanelRequest r;
        r.method = "POST";
        r.path = "/panel/login";
        r.host = "panel.test";
        r.remoteAddress = address;
        r.cookie = std::string(kLoginCookie) + "=login-token";
        r.multipartFields =
            std::map<std::string, std::string>{{"csrf", "login-token"}, {"login", account}, {"password", password}};
        return m_panel->handle(r);
    }

    /// Every answer of `kGuesses` wrong passwords sent at once from as many addresses.
    std::vector<PanelResponse> guessInParallel()
    {
        std::vector<PanelResponse> answers(kGuesses);
        std::atomic<int> ready{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < kGuesses; ++i)
            threads.emplace_back(
                [&, i]
                {
                    ++ready;
                    while (ready.load() < kGuesses)
                        std::this_thread::yield();
                    answers[static_cast<std::size_t>(i)] = login("Anna Koordynator", "zgadywane-" + std::to_string(i),
                                                                 "198.51.100." + std::to_string(i + 1));
                });
        for (auto& t : threads)
            t.join();
        return answers;
    }

    std::int64_t scalar(const std::string& sql)
    {
        std::int64_t value = -1;
        auto st = m_store->read(
            [&](db::Database& d) -> Status<db::Error>
            {
                auto n = db::queryInt64(d, sql, m_staffId);
                if (!n)
                    return makeErr(n.error());
                value = n->value_or(-1);
                return {};
            });
        EXPECT_TRUE(st);
        return value;
    }

    static std::string header(const PanelResponse& r, const std::string& name)
    {
        for (const auto& [n, v] : r.headers)
            if (n == name)
                return v;
        return {};
    }

    /// The answer with its random login-form token blanked, so two answers can be compared whole.
    static std::string comparable(const PanelResponse& r)
    {
        static const std::regex token("[A-Za-z0-9_-]{40,}");
        std::string names;
        for (const auto& [n, v] : r.headers)
            names += n + ": " + std::regex_replace(v, token, "TOKEN") + "\n";
        return std::to_string(r.status) + "\n" + names + std::regex_replace(r.body, token, "TOKEN");
    }

    /// The shortest of three answers' times: the least disturbed by other work on the machine.
    double fastestSeconds(const std::string& account, int addressBase)
    {
        double best = 1e9;
        for (int i = 0; i < 3; ++i)
        {
            const auto begin = std::chrono::steady_clock::now();
            (void)login(account, "zle-haslo", "203.0.113." + std::to_string(addressBase + i));
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count());
        }
        return best;
    }

    test::TempDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<Panel> m_panel;
    std::string m_staffId;
};
} // namespace

TEST_F(PanelLogin, ThirtyParallelWrongPasswordsCountThirtyAndLockTheAccount)
{
    AuthLimits limits;
    limits.maxConcurrentVerifications = kGuesses; // every guess is verified: the count is what is tested
    start(limits);
    for (const PanelResponse& r : guessInParallel())
        EXPECT_EQ(r.status, 401);
    EXPECT_EQ(scalar("SELECT failures FROM panel_login_failures WHERE staff_id = ?"), kGuesses);
    EXPECT_GT(scalar("SELECT locked_until FROM panel_login_failures WHERE staff_id = ?"), kNow.unix);
    // Locked: the right password gets the same refusal and no session.
    const PanelResponse right = login("Anna Koordynator", kPassword, "192.0.2.200");
    EXPECT_EQ(right.status, 401);
    EXPECT_TRUE(header(right, "Location").empty());
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM panel_sessions WHERE staff_id = ?"), 0);
}

TEST_F(PanelLogin, VerificationsBeyondTheCapAreToldToTryAgainWithoutOne)
{
    start(AuthLimits{}); // 4 at once
    int busy = 0;
    int refused = 0;
    for (const PanelResponse& r : guessInParallel())
    {
        if (r.status == 503)
        {
            ++busy;
            EXPECT_EQ(header(r, "Retry-After"), "1");
            EXPECT_NE(r.body.find("Spróbuj ponownie za chwilę"), std::string::npos);
        }
        else
        {
            EXPECT_EQ(r.status, 401);
            ++refused;
        }
    }
    EXPECT_GT(busy, 0);
    // Only the verified guesses count: a "try again" checked nothing.
    EXPECT_EQ(scalar("SELECT failures FROM panel_login_failures WHERE staff_id = ?"), refused);
    // Once the rush is over, the right password logs in.
    const PanelResponse ok = login("Anna Koordynator", kPassword, "192.0.2.201");
    if (refused < AuthLimits{}.maxFailures)
    {
        EXPECT_EQ(ok.status, 303);
    }
}

TEST_F(PanelLogin, ALockedAccountAndAnUnknownOneGetTheSameAnswerInTheSameTime)
{
    start(AuthLimits{});
    for (int i = 0; i < AuthLimits{}.maxFailures; ++i)
        ASSERT_EQ(login("Anna Koordynator", "zle-" + std::to_string(i), "192.0.2." + std::to_string(i + 1)).status,
                  401);
    ASSERT_GT(scalar("SELECT locked_until FROM panel_login_failures WHERE staff_id = ?"), kNow.unix);

    const PanelResponse locked = login("Anna Koordynator", kPassword, "192.0.2.100");
    const PanelResponse unknown = login("Nikt Taki", kPassword, "192.0.2.101");
    EXPECT_EQ(locked.status, 401);
    EXPECT_EQ(comparable(locked), comparable(unknown));
    // Both cost one argon2id verification: neither answers in a fraction of the other's time.
    const double lockedSeconds = fastestSeconds("Anna Koordynator", 10);
    const double unknownSeconds = fastestSeconds("Nikt Taki", 20);
    EXPECT_GT(lockedSeconds, unknownSeconds * 0.3) << lockedSeconds << " s vs " << unknownSeconds << " s";
    EXPECT_GT(unknownSeconds, lockedSeconds * 0.3) << lockedSeconds << " s vs " << unknownSeconds << " s";
}

// The deployed shape under hostile clients: the packaged nginx site in front of the real
// okienko-central, HTTPS with a CA made here. 200 connections that hang on (idle TCP, idle TLS,
// headers or a body at a byte a second) while 16 kiosks pull changes with their tokens: every
// kiosk request is answered, their p99 stays under 1 s. An endless chunked body, a body that
// inflates to 1 GiB and a 1 MiB header line are each refused with a clear status; the memory of the
// server and of nginx stays bounded. The per-client login limit sees each client's own address
// through the front, and a client that reaches the server directly cannot forge one; one address
// holds at most 32 requests in progress at the front.
#include "tests/integration/hostile/raw_connection.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/nginx_front.hpp"
#include "tests/support/test_ca.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <httplib.h>
#include <mutex>
#include <thread>
#include <vector>

using namespace okienko::test;
using Clock = std::chrono::steady_clock;

namespace
{
constexpr int kKiosks = 16;
constexpr int kHostile = 200;
constexpr auto kSyncPhase = std::chrono::seconds(8);

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

long nginxKib(const NginxFront& front)
{
    long total = 0;
    for (pid_t pid : front.processes())
        total += residentKib(pid);
    return total;
}

struct TlsContext
{
    explicit TlsContext(const TestCa& ca) : ctx(SSL_CTX_new(TLS_client_method()))
    {
        SSL_CTX_load_verify_locations(ctx, ca.caCert().c_str(), nullptr);
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    }
    ~TlsContext() { SSL_CTX_free(ctx); }
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;
    SSL_CTX* ctx;
};

/// Concatenated gzip members of 16 MiB of zeros each: valid gzip that inflates to 1 GiB.
std::string gzipBomb(const std::string& dir)
{
    const std::string member = dir + "/zeros.gz";
    if (std::system(("head -c 16777216 /dev/zero | gzip -9 > " + member).c_str()) != 0)
        return {};
    const std::string one = readFile(member);
    std::string out;
    for (int i = 0; i < 64; ++i)
        out += one;
    return out;
}

std::string postHead(const std::string& path, const std::string& token, const std::string& extra)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
           "\r\nContent-Type: application/json\r\n" + extra + "\r\n";
}

class HostileFront : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca, "[rate_limit]\nrequests_per_second = 1000\nburst = 1000\n",
                                                    Deployment::BehindFront);
        m_tokens.push_back(m_server->prepare(testCatalogJson(3)));
        ASSERT_FALSE(m_tokens.back().empty());
        for (int i = 2; i <= kKiosks; ++i)
        {
            std::string token;
            ASSERT_EQ(m_server->admin({"add-kiosk", "kiosk-" + std::to_string(i)}, &token), 0);
            m_tokens.push_back(trimmed(token));
        }
        ASSERT_TRUE(m_server->start()) << m_server->startError() << readFile(m_server->logPath());
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::vector<std::string> m_tokens;
};

/// One kiosk's sync loop: change pulls over one kept-alive HTTPS connection to the front.
struct KioskLoad
{
    std::vector<double> millis;
    int failures = 0;
    std::string lastFailure;
};

void syncLoop(int port, const std::string& caFile, const std::string& token, Clock::time_point until, KioskLoad& out)
{
    httplib::SSLClient client("127.0.0.1", port);
    client.set_ca_cert_path(caFile.c_str());
    client.enable_server_certificate_verification(true);
    client.set_keep_alive(true);
    client.set_connection_timeout(10, 0);
    client.set_read_timeout(10, 0);
    client.set_default_headers({{"Authorization", "Bearer " + token}});
    while (Clock::now() < until)
    {
        const auto started = Clock::now();
        auto r = client.Get("/api/v1/changes?since=");
        out.millis.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        if (!r || r->status != 200)
        {
            ++out.failures;
            out.lastFailure = r ? std::to_string(r->status) + " " + r->body : httplib::to_string(r.error());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}
} // namespace

TEST_F(HostileFront, KiosksAreAnsweredWhileHostileClientsHangOnAndBombsAreRefused)
{
    const int front = m_server->port();
    const TlsContext tls(m_ca);
    const long serverBefore = residentKib(m_server->pid());
    const long nginxBefore = nginxKib(m_server->front());

    // 200 connections from 50 addresses: idle TCP, idle TLS, headers and bodies at a byte a second.
    std::vector<std::unique_ptr<RawConnection>> hostile;
    std::vector<int> kinds;
    const auto opened = Clock::now();
    for (int i = 0; i < kHostile; ++i)
    {
        const int kind = i % 4;
        const std::string source = "127.0.0." + std::to_string(10 + i % 50);
        auto c = RawConnection::open(source, front, kind == 0 ? nullptr : tls.ctx);
        ASSERT_TRUE(c) << "hostile connection " << i;
        if (kind == 2)
        {
            ASSERT_TRUE(c->send("GET /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        }
        if (kind == 3)
        {
            ASSERT_TRUE(c->send(postHead("/api/v1/events", m_tokens[0], "Content-Length: 100000\r\n")));
        }
        hostile.push_back(std::move(c));
        kinds.push_back(kind);
    }
    std::atomic<bool> stop{false};
    std::thread dribbler(
        [&]
        {
            while (!stop)
            {
                for (std::size_t i = 0; i < hostile.size(); ++i)
                    if (kinds[i] >= 2)
                        (void)hostile[i]->send(kinds[i] == 2 ? "X" : "{");
                for (int t = 0; t < 10 && !stop; ++t)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });

    // 16 kiosks sync through it all.
    std::vector<KioskLoad> loads(kKiosks);
    std::vector<std::thread> kiosks;
    const auto until = Clock::now() + kSyncPhase;
    for (int k = 0; k < kKiosks; ++k)
        kiosks.emplace_back(syncLoop, front, m_ca.caCert(), m_tokens[static_cast<std::size_t>(k)], until,
                            std::ref(loads[static_cast<std::size_t>(k)]));

    // Meanwhile, the bombs, each on its own connection from its own address.
    std::size_t chunkedSent = 0;
    const std::string chunk = "10000\r\n" + std::string(65536, ' ') + "\r\n";
    auto endless = RawConnection::open("127.0.0.201", front, tls.ctx);
    ASSERT_TRUE(endless);
    const std::string chunked = endless->sendUntilAnswered(
        postHead("/api/v1/events", m_tokens[0], "Transfer-Encoding: chunked\r\n"), chunk, 4096, &chunkedSent);

    const std::string bomb = gzipBomb(m_server->dir());
    ASSERT_GT(bomb.size(), 500000U);
    auto viaFront = RawConnection::open("127.0.0.202", front, tls.ctx);
    ASSERT_TRUE(viaFront);
    const std::string gzipFront = viaFront->sendUntilAnswered(
        postHead("/api/v1/events", m_tokens[0],
                 "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n"),
        bomb, 1);
    // The server's own refusal, for a client on the machine itself (the front never lets one through).
    auto direct = RawConnection::open("127.0.0.1", m_server->backendPort(), nullptr);
    ASSERT_TRUE(direct);
    const std::string gzipDirect = direct->sendUntilAnswered(
        postHead("/api/v1/events", m_tokens[0],
                 "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n"),
        bomb, 1);

    std::size_t headerSent = 0;
    auto longLine = RawConnection::open("127.0.0.203", front, tls.ctx);
    ASSERT_TRUE(longLine);
    const std::string header = longLine->sendUntilAnswered(
        "GET /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ", std::string(1 << 20, 'a') + "\r\n\r\n", 1,
        &headerSent, 4096);

    for (auto& t : kiosks)
        t.join();

    // Idle and dribbling clients are cut off by the front's timeouts (10 s); bodies at a byte a
    // second stay with nginx (client_body_timeout is per read) and never reach the server.
    std::this_thread::sleep_until(opened + std::chrono::seconds(13));
    int cutOff = 0, stillOpen = 0, slowBodies = 0;
    for (std::size_t i = 0; i < hostile.size(); ++i)
    {
        const bool closed = hostile[i]->closedByPeer(0);
        if (kinds[i] == 3)
            slowBodies += closed ? 0 : 1;
        else
            (closed ? cutOff : stillOpen) += 1;
    }
    stop = true;
    dribbler.join();
    const long serverAfter = residentKib(m_server->pid());
    const long nginxAfter = nginxKib(m_server->front());

    std::vector<double> all;
    int failures = 0;
    std::string lastFailure;
    for (const auto& l : loads)
    {
        all.insert(all.end(), l.millis.begin(), l.millis.end());
        failures += l.failures;
        if (!l.lastFailure.empty())
            lastFailure = l.lastFailure;
    }
    std::sort(all.begin(), all.end());
    ASSERT_FALSE(all.empty());
    const double p50 = all[all.size() / 2];
    const double p99 = all[std::min(all.size() - 1, all.size() * 99 / 100)];
    std::printf("kiosk change pulls: %zu, failed %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", all.size(), failures,
                p50, p99, all.back());
    std::printf("endless chunked body: %d after %zu bytes sent\n", statusOf(chunked), chunkedSent);
    std::printf("gzip bomb (%zu bytes, inflates to 1 GiB): front %d, server directly %d\n", bomb.size(),
                statusOf(gzipFront), statusOf(gzipDirect));
    std::printf("1 MiB header line: %d after %zu bytes sent\n", statusOf(header), headerSent);
    std::printf("hostile connections after 13 s: %d cut off, %d open, %d slow bodies held by nginx\n", cutOff,
                stillOpen, slowBodies);
    std::printf("RSS okienko-central: %ld KiB before, %ld KiB after; nginx (all processes): %ld KiB before, %ld KiB "
                "after\n",
                serverBefore, serverAfter, nginxBefore, nginxAfter);

    EXPECT_EQ(failures, 0) << lastFailure;
    EXPECT_LT(p99, 1000.0);
    EXPECT_EQ(statusOf(chunked), 413) << chunked.substr(0, 300);
    EXPECT_NE(chunked.find("\"body_too_large\""), std::string::npos);
    EXPECT_LT(chunkedSent, 16U << 20) << "the front read far past client_max_body_size";
    EXPECT_EQ(statusOf(gzipFront), 415) << gzipFront.substr(0, 300);
    EXPECT_NE(gzipFront.find("\"unsupported_encoding\""), std::string::npos);
    EXPECT_EQ(statusOf(gzipDirect), 415) << gzipDirect.substr(0, 300);
    EXPECT_NE(gzipDirect.find("\"unsupported_encoding\""), std::string::npos);
    EXPECT_EQ(statusOf(header), 400) << header.substr(0, 300);
    EXPECT_NE(header.find("\"headers_too_large\""), std::string::npos);
    EXPECT_EQ(stillOpen, 0) << "idle or dribbling connections outlived client_header_timeout";
    // Bounded: nothing near the 1 GiB the bomb inflates to, nor a buffer per hostile connection.
    EXPECT_LT(serverAfter - serverBefore, 64 * 1024);
    EXPECT_LT(nginxAfter, 128 * 1024);
}

TEST_F(HostileFront, TheLoginLimitSeesEachClientsOwnAddressAndNoForgedOne)
{
    const TlsContext tls(m_ca);
    // Failed logins of unknown accounts: each counts against the client's address only.
    const std::string cookie = "__Host-okienko_logowanie=t0k3n";
    auto attempt = [&](const std::string& source, int port, SSL_CTX* ctx, const std::string& forged)
    {
        const std::string body = "csrf=t0k3n&login=nikt-" + source + "&password=zle-haslo";
        const std::string head =
            "POST /panel/login HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie +
            "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\nConnection: close\r\n" +
            (forged.empty() ? "" : "X-Real-IP: " + forged + "\r\nX-Forwarded-For: " + forged + "\r\n") + "\r\n";
        auto c = RawConnection::open(source, port, ctx);
        return c ? statusOf(c->sendUntilAnswered(head, body, 1)) : 0;
    };
    const int front = m_server->port();
    for (int i = 0; i < 10; ++i)
        ASSERT_EQ(attempt("127.0.0.2", front, tls.ctx, ""), 401) << "failure " << i;
    // 127.0.0.2 is now slowed down for a second; nobody else is, whatever they claim to be.
    int throttled = 0, viaFrontForged = 0, directForged = 0;
    throttled = attempt("127.0.0.2", front, tls.ctx, "");
    std::thread a([&] { viaFrontForged = attempt("127.0.0.3", front, tls.ctx, "127.0.0.2"); });
    std::thread b([&] { directForged = attempt("127.0.0.4", m_server->backendPort(), nullptr, "127.0.0.2"); });
    a.join();
    b.join();
    std::printf("login from 127.0.0.2 after 10 failures: %d; 127.0.0.3 through the front claiming to be it: %d; "
                "127.0.0.4 directly claiming to be it: %d\n",
                throttled, viaFrontForged, directForged);
    EXPECT_EQ(throttled, 429);
    EXPECT_EQ(viaFrontForged, 401) << "the front passed on a forged address, or all clients share one";
    EXPECT_EQ(directForged, 401) << "the server believed X-Real-IP from a client that is not the front";
}

TEST_F(HostileFront, OneAddressGetsAtMost32ConnectionsWithARequestInProgress)
{
    const TlsContext tls(m_ca);
    // Requests whose bodies never come: each holds a connection at the front (never a server thread).
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 40; ++i)
    {
        auto c = RawConnection::open("127.0.0.250", m_server->port(), tls.ctx);
        ASSERT_TRUE(c) << "connection " << i;
        ASSERT_TRUE(c->send(postHead("/api/v1/events", m_tokens[0], "Content-Length: 1000\r\n")));
        held.push_back(std::move(c));
    }
    int refused = 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // the refusals are immediate
    for (auto& c : held)
        if (c->readable(0) && statusOf(c->readAll(1000)) == 429)
            ++refused;
    // Another address is not affected.
    httplib::SSLClient kiosk("127.0.0.1", m_server->port());
    kiosk.set_ca_cert_path(m_ca.caCert().c_str());
    kiosk.enable_server_certificate_verification(true);
    kiosk.set_default_headers({{"Authorization", "Bearer " + m_tokens[1]}});
    auto pulled = kiosk.Get("/api/v1/changes?since=");
    std::printf("40 stalled requests from one address: %d refused with 429\n", refused);
    EXPECT_EQ(refused, 8);
    ASSERT_TRUE(pulled);
    EXPECT_EQ(pulled->status, 200);
}

// The small hardening guarantees of the real okienko-central over real HTTPS (test CA): TLS 1.2 as
// the floor, HSTS on every panel answer, flow codes only from the shared list (so nothing a
// spreadsheet would evaluate reaches the monitoring CSV), and one escaped log line per request
// whatever control characters a client puts in a path or an event type.
#include "shared/db/database.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <arpa/inet.h>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::TestCa;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-1";

/// Negotiated protocol version of a handshake limited to `minVersion` … `maxVersion`, or 0 when
/// the handshake fails. The client's security level is 0 so that it does offer TLS 1.0/1.1: a
/// refusal then comes from the server, not from the client's own OpenSSL policy.
int handshakeVersion(int port, int minVersion, int maxVersion)
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    if (ctx == nullptr)
        return 0;
    SSL_CTX_set_security_level(ctx, 0);
    SSL_CTX_set_min_proto_version(ctx, minVersion);
    SSL_CTX_set_max_proto_version(ctx, maxVersion);
    SSL_CTX_set_cipher_list(ctx, "ALL:@SECLEVEL=0");
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    int version = 0;
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0)
    {
        SSL* ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        if (SSL_connect(ssl) == 1)
            version = SSL_version(ssl);
        SSL_shutdown(ssl);
        SSL_free(ssl);
    }
    if (fd >= 0)
        close(fd);
    SSL_CTX_free(ctx);
    ERR_clear_error();
    return version;
}

std::vector<std::string> linesOf(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

class Hardening : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        // Direct: these tests hold the server's own TLS mode (used without a front) to its minimum.
        m_server = std::make_unique<CentralProcess>(m_ca, std::string{}, okienko::test::Deployment::Direct);
        m_token = m_server->prepare(okienko::test::testCatalogJson(2));
        ASSERT_FALSE(m_token.empty()) << okienko::test::readFile(m_server->dir() + "/admin.log");
        ASSERT_FALSE(okienko::test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword).empty());
        // The server runs under an openssl.cnf that would accept TLS 1.0 (Debian's own says 1.2 and
        // security level 2): only the server's explicit minimum can refuse 1.0/1.1 then, so the TLS
        // test fails if that minimum goes.
        const std::string permissive = m_server->dir() + "/permissive-openssl.cnf";
        {
            std::ofstream conf(permissive);
            conf << "openssl_conf = conf\n[conf]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n"
                    "[sys]\nMinProtocol = TLSv1\nCipherString = DEFAULT@SECLEVEL=0\n";
        }
        setenv("OPENSSL_CONF", permissive.c_str(), 1);
        const bool started = m_server->start();
        unsetenv("OPENSSL_CONF");
        ASSERT_TRUE(started) << okienko::test::readFile(m_server->logPath());
    }

    std::unique_ptr<httplib::SSLClient> kiosk()
    {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", m_server->port());
        c->set_ca_cert_path(m_ca.caCert().c_str());
        c->enable_server_certificate_verification(true);
        c->set_default_headers({{"Authorization", "Bearer " + m_token}});
        return c;
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::string m_token;
};
} // namespace

TEST_F(Hardening, Tls11IsRefusedAndTls12And13Work)
{
    EXPECT_EQ(handshakeVersion(m_server->port(), TLS1_VERSION, TLS1_1_VERSION), 0);
    EXPECT_EQ(handshakeVersion(m_server->port(), TLS1_VERSION, TLS1_VERSION), 0);
    EXPECT_EQ(handshakeVersion(m_server->port(), TLS1_2_VERSION, TLS1_2_VERSION), TLS1_2_VERSION);
    EXPECT_EQ(handshakeVersion(m_server->port(), TLS1_3_VERSION, TLS1_3_VERSION), TLS1_3_VERSION);
    // The server is still serving after the refused handshakes.
    auto r = kiosk()->Get("/api/v1/changes");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST_F(Hardening, EveryPanelAnswerCarriesHsts)
{
    PanelClient b(m_server->port(), m_ca.caCert());
    auto expectHsts = [](const httplib::Result& r, const std::string& what)
    {
        ASSERT_TRUE(r) << what;
        EXPECT_EQ(r->get_header_value("Strict-Transport-Security"), "max-age=31536000") << what << " " << r->status;
        EXPECT_EQ(r->get_header_value_count("Strict-Transport-Security"), 1U) << what;
    };
    expectHsts(b.get("/panel/callbacks"), "redirect to login");
    expectHsts(b.get("/panel/login"), "login page");
    expectHsts(b.login("Anna Koordynator", "wrong-password-1"), "failed login");
    expectHsts(b.login("Anna Koordynator", kPassword), "login");
    expectHsts(b.get("/panel/callbacks"), "page");
    expectHsts(b.get("/panel/monitoring.csv"), "csv");
    expectHsts(b.get("/panel/no-such-page"), "404");
    expectHsts(b.get("/panel/x%0Ay"), "the library's own 404"); // no route matches a line break
}

TEST_F(Hardening, FlowsOutsideTheListAreRefusedAndOlderRowsAreNeutralisedInTheCsv)
{
    const std::vector<std::string> hostile{
        "=HYPERLINK(\"http://x.pl\",\"x\")", "=1+1", "+1+1", "-1+2", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "callbackx"};
    std::vector<protocol::Event> events;
    for (const auto& flow : hostile)
    {
        domain::UsageEvent u;
        u.id = newUuid();
        u.kind = domain::UsageKind::Rating;
        u.flow = flow;
        u.rating = 5;
        u.at = static_cast<std::int64_t>(std::time(nullptr));
        events.push_back(protocol::makeUsageEvent(u));
        u.id = newUuid();
        u.kind = domain::UsageKind::FlowStarted;
        events.push_back(protocol::makeUsageEvent(u));
    }
    domain::UsageEvent good;
    good.id = newUuid();
    good.kind = domain::UsageKind::Rating;
    good.flow = "counselling";
    good.rating = 4;
    good.at = static_cast<std::int64_t>(std::time(nullptr));
    events.push_back(protocol::makeUsageEvent(good));

    auto r = kiosk()->Post("/api/v1/events", protocol::encodeEventBatch(events), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto results = protocol::decodeEventResults(r->body);
    ASSERT_TRUE(results.ok());
    ASSERT_EQ(results->size(), events.size());
    for (std::size_t i = 0; i + 1 < results->size(); ++i)
    {
        const auto& res = (*results)[i];
        EXPECT_EQ(res.status, protocol::EventStatus::Rejected) << i;
        EXPECT_EQ(res.code, "bad_value") << i;
        EXPECT_EQ(res.data.value("path", ""), "$.payload.flow") << res.data.dump();
        // Tab and CR are refused as control characters before the list is consulted.
        const std::string& flow = hostile[i / 2];
        const std::string expected = flow.find_first_of("\t\r") == std::string::npos
                                         ? "unknown flow: expected one of equipment, counselling"
                                         : "control character";
        EXPECT_NE(res.data.value("message", "").find(expected), std::string::npos) << res.data.dump();
    }
    EXPECT_EQ(results->back().status, protocol::EventStatus::Applied);

    // A row stored before flows were checked (an older server) is still neutralised in the CSV.
    {
        auto d = db::Database::open(m_server->databasePath());
        ASSERT_TRUE(d.ok());
        ASSERT_TRUE(db::exec(*d,
                             "INSERT INTO usage_events(id, kiosk_id, kind, flow, rating, language, at, received_at) "
                             "SELECT ?, id, 'rating', ?, 3, 'pl', ?, ? FROM kiosks LIMIT 1",
                             newUuid(), std::string("=HYPERLINK(\"http://x.pl\",\"x\")"), good.at, good.at)
                        .ok());
    }

    PanelClient b(m_server->port(), m_ca.caCert());
    ASSERT_TRUE(b.login("Anna Koordynator", kPassword));
    auto csv = b.get("/panel/monitoring.csv");
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200) << csv->body;
    EXPECT_NE(csv->body.find("\r\nZadowolenie (oceny 1–5);Liczba ocen;poradnictwo specjalistyczne;1\r\n"),
              std::string::npos)
        << csv->body;
    for (const auto& line : linesOf(csv->body))
        for (const std::string& cell : {line.substr(0, 1), line.substr(line.find(';') + 1, 1)})
            EXPECT_EQ(std::string("=+-@\t").find(cell), std::string::npos) << line;
    EXPECT_NE(csv->body.find(";Liczba ocen;\"'=HYPERLINK(\"\"http://x.pl\"\",\"\"x\"\")\";1\r\n"), std::string::npos)
        << csv->body;
    EXPECT_EQ(csv->body.find("SUM("), std::string::npos);
}

TEST_F(Hardening, ControlCharactersFromClientsAreEscapedInOneLogLine)
{
    httplib::SSLClient anonymous("127.0.0.1", m_server->port());
    anonymous.set_ca_cert_path(m_ca.caCert().c_str());
    anonymous.enable_server_certificate_verification(true);
    // A path with LF or CR matches no route (std::regex's '.' stops at line ends): a bare 404, no log line.
    auto newline = anonymous.Get("/api/v1/x%0Aokienko-central:%20forged-newline%0D");
    ASSERT_TRUE(newline);
    EXPECT_EQ(newline->status, 404);
    auto api = anonymous.Get("/api/v1/x%1B[31m%09okienko-central:%20forged-api%7F");
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 404);
    auto panel = anonymous.Get("/panel/x%08okienko-central:%20forged-panel%C2%85y");
    ASSERT_TRUE(panel);

    protocol::Event e;
    e.id = newUuid();
    e.type = "feedback.rated\nokienko-central: forged-event";
    e.createdAt = static_cast<std::int64_t>(std::time(nullptr));
    e.payload = protocol::Json::object();
    auto events = kiosk()->Post("/api/v1/events", protocol::encodeEventBatch({e}), "application/json");
    ASSERT_TRUE(events);
    ASSERT_EQ(events->status, 200) << events->body;

    m_server->kill(SIGTERM);
    const auto lines = linesOf(okienko::test::readFile(m_server->logPath()));
    int apiLines = 0, panelLines = 0, eventLines = 0;
    for (const auto& line : lines)
    {
        EXPECT_EQ(line.rfind("okienko-central: forged", 0), std::string::npos) << line;
        EXPECT_EQ(line.find_first_of("\r\t\b\x1b\x7f"), std::string::npos) << line;
        EXPECT_EQ(line.find("\xC2\x85"), std::string::npos) << line;
        EXPECT_EQ(line.find("forged-newline"), std::string::npos) << line;
        if (line.find("/api/v1/x\\x1b[31m\\x09okienko-central: forged-api\\x7f 404") != std::string::npos)
            ++apiLines;
        if (line.find("/panel/x\\x08okienko-central: forged-panel\\x85y") != std::string::npos)
            ++panelLines;
        if (line.find("feedback.rated\\x0aokienko-central: forged-event rejected unknown_event_type") !=
            std::string::npos)
            ++eventLines;
    }
    EXPECT_EQ(apiLines, 1) << okienko::test::readFile(m_server->logPath());
    EXPECT_EQ(panelLines, 1);
    EXPECT_EQ(eventLines, 1);
}

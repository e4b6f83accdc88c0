// The real okienko-central is driven through its own admin CLI, exactly as an operator does:
// `init`, `add-kiosk` (prints the token once), `serve`.
#include "tests/integration/sync/sync_server.hpp"

#include "tests/integration/sync/child_process.hpp"
#include "tests/integration/sync/fake_central.hpp"
#include "tests/support/temp_dir.hpp"

#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace okienko::test
{

namespace
{

class FakeSyncServer final : public SyncServer
{
  public:
    explicit FakeSyncServer(const SyncTestPki& pki)
        : m_central(pki.serverCertFile(), pki.serverKeyFile(), "bench-token")
    {
    }
    bool start() { return (m_port = m_central.start()) > 0; }
    std::string url() const override { return m_central.url(); }
    std::string token() const override { return "bench-token"; }
    std::string name() const override { return "stand-in server"; }
    void stop() override { m_central.stop(); }
    bool restart() override { return m_central.start(m_port) == m_port; }

  private:
    FakeCentral m_central;
    int m_port = 0;
};

/// A port nobody listens on right now (the kernel's choice for an ephemeral bind).
int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = -1;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

std::string runCapture(const std::string& command)
{
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr)
        return out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, pipe) != nullptr)
        out += buf;
    if (pclose(pipe) != 0)
        return {};
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

class RealSyncServer final : public SyncServer
{
  public:
    RealSyncServer(std::string binary) : m_binary(std::move(binary)) {}

    Status<std::string> setUp(const SyncTestPki& pki, const std::string& extraToml)
    {
        m_port = freePort();
        if (m_port <= 0)
            return makeErr(std::string("no free port"));
        const std::string toml = "[server]\nlisten_address = \"127.0.0.1\"\nport = " + std::to_string(m_port) +
                                 "\nthreads = 8\n[tls]\ncert_file = \"" + pki.serverCertFile() + "\"\nkey_file = \"" +
                                 pki.serverKeyFile() + "\"\n[database]\npath = \"" + m_dir.file("central.db") + "\"\n" +
                                 extraToml;
        if (!writeFile(configPath(), toml))
            return makeErr(std::string("cannot write central.toml"));
        if (std::system(("'" + m_binary + "' --config '" + configPath() + "' init >/dev/null 2>&1").c_str()) != 0)
            return makeErr("okienko-central init failed: " + m_binary);
        m_token = runCapture("'" + m_binary + "' --config '" + configPath() +
                             "' add-kiosk kiosk-e2e --staff-work 2>/dev/null");
        if (m_token.empty())
            return makeErr(std::string("okienko-central add-kiosk failed"));
        if (!restart())
            return makeErr("okienko-central serve did not start: " + readFile(m_dir.file("serve.log")));
        return {};
    }

    std::string url() const override { return "https://127.0.0.1:" + std::to_string(m_port); }
    std::string token() const override { return m_token; }
    std::string name() const override { return "okienko-central"; }
    std::string dataDir() const override { return m_dir.path(); }

    void stop() override { m_process.reset(); } // SIGKILL: the harshest stop there is

    bool restart() override
    {
        m_process.reset();
        const std::string log = m_dir.file("serve.log");
        const std::size_t before = readFile(log).size();
        m_process =
            std::make_unique<ChildProcess>(std::vector<std::string>{m_binary, "--config", configPath(), "serve"},
                                           std::map<std::string, std::string>{}, log);
        for (int i = 0; i < 1000; ++i)
        {
            if (readFile(log).find("listening on", before) != std::string::npos)
                return true;
            if (m_process->wait(std::chrono::milliseconds(10)) != -1)
                return false; // exited
        }
        return false;
    }

  private:
    std::string configPath() const { return m_dir.file("central.toml"); }

    std::string m_binary;
    TempDir m_dir{"okienko-central"};
    int m_port = -1;
    std::string m_token;
    std::unique_ptr<ChildProcess> m_process;
};

} // namespace

Result<std::unique_ptr<SyncServer>, std::string> startFakeCentral(const SyncTestPki& pki)
{
    auto server = std::make_unique<FakeSyncServer>(pki);
    if (!server->start())
        return makeErr(std::string("cannot start the stand-in server"));
    return std::unique_ptr<SyncServer>(std::move(server));
}

Result<std::unique_ptr<SyncServer>, std::string> startRealCentral(const SyncTestPki& pki, const std::string& binary,
                                                                  const std::string& extraToml)
{
    auto server = std::make_unique<RealSyncServer>(binary);
    auto ready = server->setUp(pki, extraToml);
    if (!ready)
        return makeErr(ready.error());
    return std::unique_ptr<SyncServer>(std::move(server));
}

} // namespace okienko::test

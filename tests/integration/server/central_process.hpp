// The real okienko-central binary as a child process for integration tests: writes central.toml
// into a temporary directory, runs the admin commands, starts `serve` on 127.0.0.1 with an
// ephemeral port (read from its stdout) and kills it (SIGTERM or SIGKILL) by pid. Behind the front
// (the deployed shape, the default), `serve` speaks plain HTTP on loopback and a private nginx with the packaged
// site file serves HTTPS in front of it: port() is then the front's.
#pragma once

#include "tests/support/nginx_front.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <string>
#include <sys/types.h>
#include <vector>

namespace okienko::test
{

/// How clients reach the server: its own TLS, or through the nginx front as deployed.
enum class Deployment
{
    Direct,
    BehindFront,
};

class CentralProcess
{
  public:
    /// `extraToml` is appended to the generated central.toml (e.g. a [rate_limit] table); `threads`
    /// is [server] threads (a direct server keeps one per open keep-alive connection).
    CentralProcess(const TestCa& ca, std::string extraToml = {}, Deployment deployment = Deployment::BehindFront,
                   int threads = 40);
    ~CentralProcess();
    CentralProcess(const CentralProcess&) = delete;
    CentralProcess& operator=(const CentralProcess&) = delete;

    /// Runs an admin command to completion; returns its exit code and fills `output` with stdout.
    /// Its standard input is `input` (secrets, one line each), or empty.
    int admin(const std::vector<std::string>& args, std::string* output = nullptr, const std::string& input = {}) const;
    /// init + import-catalog of `catalogJson` + add-kiosk; returns the token ("" on failure).
    std::string prepare(const std::string& catalogJson, const std::string& kioskName = "kiosk-1");
    /// Starts `serve` and, behind the front, a new front for it; false when either fails (the
    /// server's problem is in logPath(), the front's in startError()).
    bool start();
    /// Starts `serve` again after kill(), reachable where it was before: behind the front, the new
    /// front listens on the old front's port (clients keep their URL, as after a real restart).
    bool restart();
    /// Signals the server only; a front keeps running until the next start() or the destructor.
    void kill(int signal);
    /// Starts one more `serve` on the same configuration and database (its own ephemeral port) and,
    /// behind the front, the front again on its port over every running process. Returns the new
    /// process's index for pidOf/backendPortOf/killProcess (the first, start()'s, is 0); -1 on failure.
    int startAnotherProcess();
    /// Signals process `index` (0: the first); the front keeps its other processes.
    void killProcess(int index, int signal);
    pid_t pidOf(int index) const { return index == 0 ? m_pid : m_more.at(static_cast<std::size_t>(index - 1)).pid; }
    int backendPortOf(int index) const
    {
        return index == 0 ? m_port : m_more.at(static_cast<std::size_t>(index - 1)).port;
    }
    bool running() const { return m_pid > 0; }
    /// Where clients connect: the front's HTTPS port behind it, else the server's own.
    int port() const { return m_deployment == Deployment::BehindFront ? m_front.port() : m_port; }
    /// The server's own port (plain HTTP behind the front).
    int backendPort() const { return m_port; }
    pid_t pid() const { return m_pid; }
    const NginxFront& front() const { return m_front; }
    const std::string& startError() const { return m_startError; }
    std::string databasePath() const { return m_dir.file("central.db"); }
    std::string logPath() const { return m_dir.file("central.log"); }
    const std::string& dir() const { return m_dir.path(); }

  private:
    struct Serving
    {
        pid_t pid = -1;
        int port = 0;
    };
    /// `serve` and, behind the front, a front on `frontPort` (0: a free one).
    bool startServing(int frontPort);
    /// Forks `serve` and reads the port it listens on; pid -1 when it did not start.
    Serving spawnServe();
    /// Behind the front: the front again on `frontPort` over every running process.
    bool restartFront(int frontPort);

    TempDir m_dir{"okienko-central"};
    const TestCa& m_ca;
    Deployment m_deployment;
    NginxFront m_front;
    std::string m_startError;
    std::string m_config;
    pid_t m_pid = -1;
    int m_port = 0;
    std::vector<Serving> m_more; ///< processes started by startAnotherProcess
};

/// A catalogue file with one equipment type "wozek-testowy" of `units` available units (and the
/// docs example's other entities).
std::string testCatalogJson(int units);

} // namespace okienko::test

// Debian's nginx as okienko-central's front in tests, with the site file the package ships
// (packaging/nginx/okienko-central): the same limits, timeouts and headers, only its listen port,
// certificate paths and backend port rewritten for a private instance (its own prefix, pid file and
// temp paths; no systemd). Started in the foreground, stopped by its pid.
#pragma once

#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <string>
#include <sys/types.h>
#include <vector>

namespace okienko::test
{

class NginxFront
{
  public:
    NginxFront() = default;
    ~NginxFront();
    NginxFront(const NginxFront&) = delete;
    NginxFront& operator=(const NginxFront&) = delete;

    /// Serves HTTPS on 127.0.0.1 (`listenPort`, or a free port when 0) with `ca`'s server certificate,
    /// in front of http://127.0.0.1:`backendPort`. False with error() when nginx is missing or does
    /// not start.
    bool start(const TestCa& ca, int backendPort, int listenPort = 0);
    /// The same in front of several okienko-central processes (the site file's upstream, one
    /// `server` line per port).
    bool start(const TestCa& ca, const std::vector<int>& backendPorts, int listenPort = 0);
    void stop();
    int port() const { return m_port; }
    const std::string& error() const { return m_error; }
    /// The master and its workers (for their memory).
    std::vector<pid_t> processes() const;
    std::string errorLogPath() const { return m_dir.file("logs/error.log"); }

  private:
    TempDir m_dir{"okienko-nginx"};
    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_error;
};

/// A TCP port nobody listens on at the moment of asking (bound and released).
int freeLoopbackPort();
/// Resident memory of `pid` in KiB (VmRSS in /proc), 0 when it is gone.
long residentKib(pid_t pid);

} // namespace okienko::test

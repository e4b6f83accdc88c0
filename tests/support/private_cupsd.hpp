// A real, private cupsd for tests: its own configuration, spool and Unix socket in a temporary
// directory, with test backends — `capture` writes each job's bytes to out/job-<id>.prn;
// `nopaper`, `jam` and `coveropen` fail like a receipt printer with that fault (the paper sensor
// and cover switch cannot exist here); `stuck` accepts a job and never finishes it. Tests print through libcups to it
// exactly as a kiosk prints to its system cupsd. Needs root (cupsd runs jobs as `lp`).
#pragma once

#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace okienko::test
{

class PrivateCupsd
{
  public:
    PrivateCupsd();
    ~PrivateCupsd();
    PrivateCupsd(const PrivateCupsd&) = delete;
    PrivateCupsd& operator=(const PrivateCupsd&) = delete;

    /// Starts cupsd and waits for its socket; false (with `error()`) if it could not.
    bool start();
    /// Stops cupsd (SIGTERM, then SIGKILL) and waits for it to exit.
    void stop();
    bool running() const { return m_pid > 0; }
    const std::string& error() const { return m_error; }

    /// The socket path to give libcups as the server.
    std::string socketPath() const { return m_dir.file("cups.sock"); }

    /// Adds a raw queue on the given backend ("capture", "nopaper", "jam", "coveropen", "stuck") or
    /// on a full device URI such as "socket://127.0.0.1:9".
    bool addQueue(const std::string& name, const std::string& backend);

    /// Waits until the capture backend has written job `jobId`; returns its bytes or "".
    std::string capturedJob(int jobId, std::chrono::milliseconds timeout) const;
    /// Every job file the capture backend wrote so far.
    std::vector<std::string> capturedFiles() const;

  private:
    bool writeConfiguration();
    int run(const std::vector<std::string>& argv) const;

    TempDir m_dir{"okienko-cupsd"};
    pid_t m_pid = -1;
    std::string m_error;
};

} // namespace okienko::test

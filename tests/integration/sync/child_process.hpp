// Runs a helper executable as a child process for crash tests: start it, wait for it, kill it.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace okienko::test
{

class ChildProcess
{
  public:
    /// Starts `argv[0]` with the given arguments and extra environment variables; stdout and stderr
    /// go to `outputFile` when given.
    ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                 const std::string& outputFile = {});
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return m_pid; }
    /// Waits up to `timeout` for the exit; returns the exit code, or -1 (timeout or killed).
    int wait(std::chrono::milliseconds timeout);
    /// SIGKILL and reap.
    void kill();

  private:
    pid_t m_pid = -1;
};

} // namespace okienko::test

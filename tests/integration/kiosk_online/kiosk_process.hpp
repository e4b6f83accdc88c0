// The real okienko-kiosk binary as a child process for integration tests: argv, extra environment
// variables (CUPS_SERVER, SDL drivers), stdout and stderr captured together, a time limit.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace okienko::test
{

struct ProcessResult
{
    int exitCode = -1; ///< -1 when it did not exit normally (killed at the time limit, crashed)
    bool timedOut = false;
    std::string output; ///< stdout and stderr, interleaved
};

/// Runs `argv` (argv[0] is the binary's path) with `env` added to this process's environment and
/// waits at most `limit`; a child still running then is killed with SIGKILL.
ProcessResult runProcess(const std::vector<std::string>& argv,
                         const std::vector<std::pair<std::string, std::string>>& env, std::chrono::milliseconds limit);

} // namespace okienko::test

// The real okienko-kiosk binary as a child process for integration tests: argv, extra environment
// variables (CUPS_SERVER, SDL drivers), stdout and stderr captured together, a time limit.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace okienko::test
{

struct ProcessResult
{
    int exitCode = -1; ///< -1 when it did not exit normally (killed at the time limit, crashed)
    bool timedOut = false;
    bool stopped = false; ///< ended with SIGTERM because `stopWhen` said so
    std::string output;   ///< stdout and stderr, interleaved
};

/// Runs `argv` (argv[0] is the binary's path) with `env` added to this process's environment and
/// waits at most `limit`; a child still running then is killed with SIGKILL. `stopWhen`, when given,
/// is asked about every 200 ms: once it says true, the child gets SIGTERM (a test that waits for
/// something the child causes elsewhere ends as soon as it is there).
ProcessResult runProcess(const std::vector<std::string>& argv,
                         const std::vector<std::pair<std::string, std::string>>& env, std::chrono::milliseconds limit,
                         const std::function<bool()>& stopWhen = {});

/// kiosk.toml of a windowed 720x1280 kiosk `kioskId` with the shipped Łapy catalogue of `assetsDir`,
/// its data in `dataDir`, syncing every 5 s with okienko-central on 127.0.0.1:`port`.
std::string onlineKioskToml(const std::string& kioskId, const std::string& dataDir, const std::string& assetsDir,
                            int port, const std::string& caFile, const std::string& tokenFile);

} // namespace okienko::test

// What a running process holds, read from /proc: resident memory, open file descriptors, threads.
// The server soak samples okienko-central with it after every simulated hour.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>

namespace okienko::test
{

struct ProcessSample
{
    std::int64_t rssKiB = 0; ///< VmRSS
    int openFds = 0;         ///< entries of /proc/<pid>/fd
    int sockets = 0;         ///< of those, sockets (clients' connections, the listener)
    int threads = 0;         ///< Threads
    bool ok = false;         ///< false when the process is gone or /proc cannot be read
    /// What the descriptors point at, digits dropped ("socket:[]", "/tmp/x/central.db-wal"), with counts:
    /// a failed bound names what grew.
    std::map<std::string, int> kinds;
};

ProcessSample sampleProcess(pid_t pid);

/// `kinds` as one line, the most frequent first.
std::string describeKinds(const ProcessSample& s);

} // namespace okienko::test

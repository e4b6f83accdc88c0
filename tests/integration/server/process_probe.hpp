// What a running process holds, read from /proc: resident memory, open file descriptors, threads.
// The server soak samples okienko-central with it after every simulated hour.
#pragma once

#include <cstdint>
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
};

ProcessSample sampleProcess(pid_t pid);

} // namespace okienko::test

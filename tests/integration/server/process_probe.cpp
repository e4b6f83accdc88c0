// /proc/<pid>/status and /proc/<pid>/fd.
#include "tests/integration/server/process_probe.hpp"

#include <dirent.h>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace okienko::test
{

ProcessSample sampleProcess(pid_t pid)
{
    ProcessSample s;
    const std::string base = "/proc/" + std::to_string(pid);
    std::ifstream status(base + "/status");
    std::string line;
    bool rss = false, threads = false;
    while (std::getline(status, line))
    {
        if (line.rfind("VmRSS:", 0) == 0)
            rss = (s.rssKiB = std::stoll(line.substr(6))) > 0;
        else if (line.rfind("Threads:", 0) == 0)
            threads = (s.threads = std::stoi(line.substr(8))) > 0;
    }
    DIR* fds = opendir((base + "/fd").c_str());
    if (fds == nullptr)
        return s;
    while (const dirent* entry = readdir(fds))
    {
        if (entry->d_name[0] == '.')
            continue;
        ++s.openFds;
        char target[64] = {};
        const std::string link = base + "/fd/" + entry->d_name;
        if (readlink(link.c_str(), target, sizeof target - 1) > 0 && std::string_view(target).rfind("socket:", 0) == 0)
            ++s.sockets;
    }
    closedir(fds);
    s.ok = rss && threads;
    return s;
}

} // namespace okienko::test

// /proc/<pid>/status and /proc/<pid>/fd.
#include "tests/integration/server/process_probe.hpp"

#include <algorithm>
#include <dirent.h>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>
#include <vector>

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
        char target[512] = {};
        const std::string link = base + "/fd/" + entry->d_name;
        const ssize_t n = readlink(link.c_str(), target, sizeof target - 1);
        if (n <= 0)
            continue; // closed between the listing and the look: no longer open
        ++s.openFds;
        const std::string_view what(target, static_cast<std::size_t>(n));
        if (what.rfind("socket:", 0) == 0)
            ++s.sockets;
        std::string kind;
        for (const char c : what)
            if (c < '0' || c > '9')
                kind += c;
        ++s.kinds[kind];
    }
    closedir(fds);
    s.ok = rss && threads;
    return s;
}

std::string describeKinds(const ProcessSample& s)
{
    std::vector<std::pair<std::string, int>> byCount(s.kinds.begin(), s.kinds.end());
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string line;
    for (const auto& [kind, count] : byCount)
        line += (line.empty() ? "" : ", ") + std::to_string(count) + " × " + kind;
    return line;
}

} // namespace okienko::test

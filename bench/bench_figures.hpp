// What the benchmarks print beside their figures on a shared machine: the load average, and the CPU
// time this process and another (the server under test) have used, so a figure can be read as CPU
// per unit of work when the wall clock is shared with other builds.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/types.h>
#include <unistd.h>

namespace okienko::bench
{

/// "1.23 0.98 0.77", or "?".
inline std::string loadAverage()
{
    double load[3] = {};
    if (getloadavg(load, 3) != 3)
        return "?";
    char text[64];
    std::snprintf(text, sizeof text, "%.2f %.2f %.2f", load[0], load[1], load[2]);
    return text;
}

/// CPU seconds (user + system) this process has used, all its threads.
inline double selfCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto seconds = [](const timeval& t)
    {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}

/// CPU seconds (user + system) process `pid` has used, all its threads; -1 when it is gone.
inline double processCpuSeconds(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(in, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos || close + 2 > line.size())
        return -1;
    std::istringstream fields(line.substr(close + 2));
    std::string skip;
    for (int i = 0; i < 11; ++i) // state … cmajflt: fields 3 … 13
        fields >> skip;
    double utime = 0, stime = 0;
    fields >> utime >> stime;
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace okienko::bench

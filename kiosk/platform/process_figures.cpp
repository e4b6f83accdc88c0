// Reading the process's own figures from /proc (see process_figures.hpp).
#include "kiosk/platform/process_figures.hpp"

#include <cstdlib>
#include <fstream>
#include <malloc.h>
#include <string>
#include <string_view>
#include <system_error>

namespace okienko::kiosk::platform
{

namespace
{

/// The kB value of the first line of `file` that starts with `key` (e.g. "VmRSS:").
std::int64_t kibField(const char* file, std::string_view key)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
    {
        if (line.compare(0, key.size(), key) == 0)
            return std::strtoll(line.c_str() + key.size(), nullptr, 10);
    }
    return 0;
}

int entries(const char* dir)
{
    std::error_code ec;
    int n = 0;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        ++n;
    return n;
}

} // namespace

ProcessFigures readProcessFigures()
{
    ProcessFigures f;
    f.rssKib = kibField("/proc/self/status", "VmRSS:");
    f.pssKib = kibField("/proc/self/smaps_rollup", "Pss:");
    f.anonKib = kibField("/proc/self/smaps_rollup", "Anonymous:");
    const struct mallinfo2 heap = mallinfo2();
    f.heapInUseKib = static_cast<std::int64_t>((heap.uordblks + heap.hblkhd) / 1024);
    f.heapFreeKib = static_cast<std::int64_t>(heap.fordblks / 1024);
    f.fds = entries("/proc/self/fd") - 1; // the iterator's own descriptor
    f.threads = entries("/proc/self/task");
    return f;
}

std::int64_t fileBytes(const std::filesystem::path& path)
{
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

} // namespace okienko::kiosk::platform

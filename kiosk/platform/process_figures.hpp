// What the kiosk process holds right now, read from /proc/self: resident and proportional memory,
// open file descriptors and threads. The monkey soak (`monkey SEED STEPS`) prints them as it goes, so
// a leak shows up as a figure that keeps rising after warm-up.
#pragma once

#include <cstdint>
#include <filesystem>

namespace okienko::kiosk::platform
{

struct ProcessFigures
{
    std::int64_t rssKib = 0; ///< VmRSS of /proc/self/status
    std::int64_t pssKib = 0; ///< Pss of /proc/self/smaps_rollup (0 when the kernel has none)
    /// Anonymous of smaps_rollup: the heap and stacks, what a leak grows. RSS also counts pages of
    /// libraries and font files touched for the first time, which is not growth of the kiosk's own.
    std::int64_t anonKib = 0;
    /// malloc's bytes in use by the program (mallinfo2 uordblks + hblkhd): what a leak grows. Anonymous
    /// memory also holds what malloc keeps freed for reuse, which a leak does not explain.
    std::int64_t heapInUseKib = 0;
    /// malloc's freed bytes kept in its arenas (mallinfo2 fordblks): fragmentation and retention.
    std::int64_t heapFreeKib = 0;
    int fds = 0;     ///< entries of /proc/self/fd
    int threads = 0; ///< entries of /proc/self/task
};

/// The figures now; a figure that cannot be read is 0.
ProcessFigures readProcessFigures();

/// Size in bytes of `path` (0 when it does not exist).
std::int64_t fileBytes(const std::filesystem::path& path);

} // namespace okienko::kiosk::platform

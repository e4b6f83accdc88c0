// central.toml (server/server_config): any text through okienko-central's strict loader, which reads
// a path — the input is handed over as an in-memory file (memfd), so nothing touches the disk.
// Invariants: errors have sane positions and format as one line; a file that loads has a port and a
// positive body limit.
#include "server/server_config.hpp"

#include "fuzz/config_errors.hpp"

#include <sys/mman.h>
#include <unistd.h>

using namespace okienko::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const int fd = memfd_create("central.toml", 0);
    FUZZ_CHECK(fd >= 0);
    std::size_t written = 0;
    while (written < size)
    {
        const auto n = write(fd, data + written, size - written);
        FUZZ_CHECK(n > 0);
        written += static_cast<std::size_t>(n);
    }
    auto config = loadServerConfig("/proc/self/fd/" + std::to_string(fd));
    close(fd);
    if (!config)
    {
        okienko::fuzz::checkConfigErrors(config.error());
        return 0;
    }
    FUZZ_CHECK(config->port >= 0 && config->port <= 65535);
    FUZZ_CHECK(config->maxBodyBytes > 0);
    return 0;
}

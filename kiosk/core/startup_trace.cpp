// Start-up phase stamps (see startup_trace.hpp).
#include "kiosk/core/startup_trace.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace okienko::kiosk
{

void startupMark(std::string_view phase)
{
    static const bool on = std::getenv("OKIENKO_STARTUP_TRACE") != nullptr;
    if (!on)
        return;
    const auto mono = std::chrono::steady_clock::now().time_since_epoch();
    std::fprintf(stderr, "[kiosk] startup %.*s monotonic_us=%lld\n", static_cast<int>(phase.size()), phase.data(),
                 static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(mono).count()));
}

} // namespace okienko::kiosk

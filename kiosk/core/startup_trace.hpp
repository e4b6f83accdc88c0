// Start-up phase stamps: with OKIENKO_STARTUP_TRACE set, each phase of the way to the first frame
// prints its CLOCK_MONOTONIC time to stderr, so bench/kiosk_bench can say what the first frame
// waits for. Costs one getenv at the first call when unset.
#pragma once

#include <string_view>

namespace okienko::kiosk
{

/// Prints "[kiosk] startup PHASE monotonic_us=N" when OKIENKO_STARTUP_TRACE is set.
void startupMark(std::string_view phase);

} // namespace okienko::kiosk

// What every harness shares: the input as text, and FUZZ_CHECK, an invariant that must hold for
// any input. A broken one prints the condition and aborts, which libFuzzer reports as a crash and
// saves the input for (crash-… file) — the same as a sanitizer finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                                          \
    do                                                                                                                 \
    {                                                                                                                  \
        if (!(condition))                                                                                              \
        {                                                                                                              \
            std::fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__);               \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace okienko::fuzz
{

inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace okienko::fuzz

// The invariant both configuration readers' errors keep (kiosk.toml, central.toml): there is at least
// one, each has a sane position and formats as one line (the log, the journal, the error screen).
#pragma once

#include "fuzz/fuzz_check.hpp"

#include <string>

namespace okienko::fuzz
{

template <typename Errors> void checkConfigErrors(const Errors& errors)
{
    FUZZ_CHECK(!errors.empty());
    for (const auto& error : errors)
    {
        FUZZ_CHECK(error.line >= 0 && error.column >= 0);
        FUZZ_CHECK(error.toString().find('\n') == std::string::npos);
    }
}

} // namespace okienko::fuzz

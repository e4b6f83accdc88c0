// The installer's bring-up tool, `okienko-kiosk --config FILE --print-test QUEUE`: prints every
// slip type with sample data to a CUPS queue in the configured format, so a real printer can be
// checked before the kiosk opens. Reports each job and exits non-zero with the reason if one fails.
#pragma once

#include "kiosk/core/config.hpp"

#include <ostream>
#include <string>

namespace okienko::receipt
{

/// Runs the bring-up; returns the process exit code (0 = every slip printed).
int runPrintTest(const kiosk::KioskConfig& config, const std::string& queue, std::ostream& out);

} // namespace okienko::receipt

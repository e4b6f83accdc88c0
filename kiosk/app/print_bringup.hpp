// The installer's bring-up tool, `okienko-kiosk --config FILE --print-test QUEUE`: prints every
// slip type with sample data to a CUPS queue in the configured format, so a real printer can be
// checked before the kiosk opens. Reports each job and exits non-zero with the reason if one fails.
#pragma once

#include "kiosk/core/config.hpp"
#include "kiosk/model/print_config.hpp"
#include "shared/domain/language.hpp"

#include <ostream>
#include <string>

namespace okienko::kiosk
{

/// The parts of kiosk.toml the bring-up prints with.
struct PrintTestSetup
{
    DataSection data;       ///< fonts and translations (assets), the catalogue whose CUS heads each slip
    PrinterSection printer; ///< format and deadline; the queue comes from the command line
    domain::Language language = domain::Language::Pl; ///< the slips' language: the session default
};

/// Runs the bring-up on `queue`; returns the process exit code (0 = every slip printed).
int runPrintTest(const PrintTestSetup& setup, const std::string& queue, std::ostream& out);

} // namespace okienko::kiosk

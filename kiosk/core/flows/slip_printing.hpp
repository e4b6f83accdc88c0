// What the flows share about printing a slip: the words and timestamp every slip starts from, and
// turning the print worker's answer into the slip's SlipProgress.
#pragma once

#include "kiosk/core/clock.hpp"
#include "kiosk/core/flows/flow_deps.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/slips/slip_documents.hpp"
#include "kiosk/model/slip_status.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/language.hpp"

#include <string>

namespace okienko::kiosk
{

/// The printer.* message key that says why `result` did not print, or "" when the printer itself
/// looks fine (a job that timed out on a "ready" printer must not be explained as "ready").
std::string failedPrintMessageKey(const receipt::PrintResult& result);

/// The context of a slip printed now in `language`; `deps.translator` must be set.
receipt::SlipContext slipContext(const FlowDeps& deps, domain::Language language,
                                 const domain::Municipality& municipality);

/// Takes the print worker's answer for `slip`: false when `printed` is another slip's (or `slip` is
/// not printing), so the next flow may take it.
bool settleSlip(SlipProgress& slip, const PrintCompletion& printed);

} // namespace okienko::kiosk

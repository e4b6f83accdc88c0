// Slip contexts and print results (see slip_printing.hpp).
#include "kiosk/core/flows/slip_printing.hpp"

#include "kiosk/model/printer_status.hpp"
#include "shared/util/date_format.hpp"

namespace okienko::kiosk
{
std::string failedPrintMessageKey(const receipt::PrintResult& result)
{
    if (receipt::canPrint(result.condition))
        return result.outcome == receipt::PrintOutcome::TimedOut ? "printer.unknown" : "";
    return std::string(receipt::conditionMessageKey(result.condition));
}

receipt::SlipContext slipContext(const FlowDeps& deps, domain::Language language,
                                 const domain::Municipality& municipality)
{
    const LocalDateTime now = deps.clock != nullptr ? deps.clock->localNow() : LocalDateTime{};
    return receipt::SlipContext{*deps.translator, language, municipality, deps.kioskName, formatDateTime(now)};
}

bool settleSlip(SlipProgress& slip, const PrintCompletion& printed)
{
    if (slip.status != SlipStatus::Printing || slip.ticket != printed.ticket)
        return false;
    if (printed.result.ok())
        slip.status = SlipStatus::Printed;
    else
    {
        slip.status = SlipStatus::Failed;
        slip.messageKey = failedPrintMessageKey(printed.result);
    }
    return true;
}

} // namespace okienko::kiosk

// Slip contexts and print results (see slip_printing.hpp).
#include "kiosk/core/flows/slip_printing.hpp"

#include "kiosk/receipt/printer_status.hpp"

namespace okienko::kiosk
{
namespace
{

std::string twoDigits(int v)
{
    return (v < 10 ? "0" : "") + std::to_string(v);
}

} // namespace

std::string failedPrintMessageKey(const receipt::PrintResult& result)
{
    if (receipt::canPrint(result.condition))
        return result.outcome == receipt::PrintOutcome::TimedOut ? "printer.unknown" : "";
    return std::string(receipt::conditionMessageKey(result.condition));
}

std::string slipTimestamp(const LocalDateTime& at)
{
    return receipt::formatSlipDate(at.date) + " " + twoDigits(at.hour) + ":" + twoDigits(at.minute);
}

receipt::SlipContext slipContext(const FlowDeps& deps, domain::Language language,
                                 const domain::Municipality& municipality)
{
    const LocalDateTime now = deps.clock != nullptr ? deps.clock->localNow() : LocalDateTime{};
    return receipt::SlipContext{*deps.translator, language, municipality, deps.kioskName, slipTimestamp(now)};
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

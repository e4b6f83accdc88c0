// Printing a service's information sheet (see service_info_print.hpp).
#include "kiosk/core/flows/service_info_print.hpp"

#include "kiosk/core/slips/slip_documents.hpp"
#include "shared/util/date_format.hpp"

namespace okienko::kiosk
{
std::string failedPrintMessageKey(const receipt::PrintResult& result)
{
    if (receipt::canPrint(result.condition))
        return result.outcome == receipt::PrintOutcome::TimedOut ? "printer.unknown" : "";
    return std::string(receipt::conditionMessageKey(result.condition));
}

void ServiceInfoPrint::opened(const FlowDeps& deps, const std::string& serviceId)
{
    ServicePrintState& p = m_state.servicePrint;
    p.printerAvailable = deps.services != nullptr && deps.services->canPrint() && deps.translator != nullptr;
    if (p.serviceId != serviceId && p.slip != SlipState::Printing)
        p = ServicePrintState{p.printerAvailable, "", SlipState::None, 0, ""};
}

void ServiceInfoPrint::print(const FlowDeps& deps, const std::string& serviceId)
{
    ServicePrintState& p = m_state.servicePrint;
    if (p.slip == SlipState::Printing)
        return;
    const domain::Service* service = m_catalog.findService(serviceId);
    if (service == nullptr || deps.services == nullptr || deps.translator == nullptr || !deps.services->canPrint())
        return;
    const LocalDateTime now = deps.clock != nullptr ? deps.clock->localNow() : LocalDateTime{};
    const receipt::SlipContext ctx{*deps.translator, m_state.language, m_catalog.municipality, deps.kioskName,
                                   formatDateTime(now)};
    p.serviceId = serviceId;
    p.messageKey.clear();
    if (const auto ticket = deps.services->print(receipt::serviceInfoSlip(ctx, *service)))
    {
        p.slip = SlipState::Printing;
        p.ticket = *ticket;
    }
    else
    {
        p.slip = SlipState::Failed;
        p.messageKey = "printer.queue_missing";
    }
}

bool ServiceInfoPrint::onCompletion(const Completion& completion)
{
    const auto* printed = std::get_if<PrintCompletion>(&completion);
    ServicePrintState& p = m_state.servicePrint;
    if (printed == nullptr || p.slip != SlipState::Printing || printed->ticket != p.ticket)
        return false;
    if (printed->result.ok())
        p.slip = SlipState::Printed;
    else
    {
        p.slip = SlipState::Failed;
        p.messageKey = failedPrintMessageKey(printed->result);
    }
    return true;
}

} // namespace okienko::kiosk

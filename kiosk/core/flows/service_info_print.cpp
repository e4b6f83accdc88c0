// Printing a service's information sheet (see service_info_print.hpp).
#include "kiosk/core/flows/service_info_print.hpp"

#include "kiosk/core/flows/slip_printing.hpp"
#include "kiosk/core/slips/slip_documents.hpp"

namespace okienko::kiosk
{

void ServiceInfoPrint::opened(const std::string& serviceId)
{
    ServicePrintState& p = m_state.servicePrint;
    p.printerAvailable = m_deps.services != nullptr && m_deps.services->canPrint() && m_deps.translator != nullptr;
    if (p.serviceId != serviceId && p.slip.status != SlipStatus::Printing)
        p = ServicePrintState{p.printerAvailable, "", SlipProgress{}};
}

bool ServiceInfoPrint::apply(const Intent& intent)
{
    return applyOwn<PrintServiceInfo>(intent, [&](const PrintServiceInfo& own) { print(own.serviceId); });
}

void ServiceInfoPrint::print(const std::string& serviceId)
{
    ServicePrintState& p = m_state.servicePrint;
    if (p.slip.status == SlipStatus::Printing)
        return;
    const domain::Service* service = m_catalog.findService(serviceId);
    if (service == nullptr || m_deps.services == nullptr || m_deps.translator == nullptr ||
        !m_deps.services->canPrint())
        return;
    const receipt::SlipContext ctx = slipContext(m_deps, m_state.language, m_catalog.municipality);
    p.serviceId = serviceId;
    p.slip.messageKey.clear();
    if (const auto ticket = m_deps.services->print(receipt::serviceInfoSlip(ctx, *service)))
    {
        p.slip.status = SlipStatus::Printing;
        p.slip.ticket = *ticket;
    }
    else
    {
        p.slip.status = SlipStatus::Failed;
        p.slip.messageKey = "printer.queue_missing";
    }
}

bool ServiceInfoPrint::onCompletion(const Completion& completion)
{
    const auto* printed = std::get_if<PrintCompletion>(&completion);
    return printed != nullptr && settleSlip(m_state.servicePrint.slip, *printed);
}

} // namespace okienko::kiosk

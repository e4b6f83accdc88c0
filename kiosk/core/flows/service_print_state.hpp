// The service page's "print information" button as plain state: which service's sheet was sent
// to the printer and how that ended. Part of AppState, so the idle wipe forgets it with the rest.
#pragma once

#include "kiosk/model/slip_status.hpp"

#include <string>

namespace okienko::kiosk
{

struct ServicePrintState
{
    /// True when a printer is configured; set when a service page opens (screens cannot ask
    /// KioskServices themselves).
    bool printerAvailable = false;
    std::string serviceId; ///< the service whose sheet was printed last ("" = none yet)
    SlipProgress slip;     ///< that sheet

    friend bool operator==(const ServicePrintState&, const ServicePrintState&) = default;
};

} // namespace okienko::kiosk

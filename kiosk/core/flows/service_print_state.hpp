// The service page's "print information" button as plain state: which service's sheet was sent
// to the printer and how that ended. Part of AppState, so the idle wipe forgets it with the rest.
#pragma once

#include "kiosk/core/flows/equipment_state.hpp"

#include <cstdint>
#include <string>

namespace okienko::kiosk
{

struct ServicePrintState
{
    /// True when a printer is configured; set when a service page opens (screens cannot ask
    /// KioskServices themselves).
    bool printerAvailable = false;
    std::string serviceId; ///< the service whose sheet was printed last ("" = none yet)
    SlipState slip = SlipState::None;
    std::uint64_t ticket = 0; ///< print worker ticket of the sheet being printed
    std::string messageKey;   ///< printer.* key when the sheet failed

    friend bool operator==(const ServicePrintState&, const ServicePrintState&) = default;
};

} // namespace okienko::kiosk

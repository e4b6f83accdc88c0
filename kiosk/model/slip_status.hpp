// What became of a slip a flow sent to the printer: one type for every flow's slips (a reservation's,
// a request's, a service sheet, the lending agreement's copies, a return confirmation). Plain values
// in AppState, so the idle wipe forgets them with the rest.
#pragma once

#include <cstdint>
#include <string>

namespace okienko::kiosk
{

enum class SlipStatus
{
    None,      ///< nothing sent to the printer (yet)
    NoPrinter, ///< no printer configured: the code is on screen only
    Printing,  ///< queued on the print worker
    Printed,   ///< the printer finished it
    Failed,    ///< not printed; `messageKey` says why when the printer told
};

/// One slip and the print worker's ticket for it.
struct SlipProgress
{
    SlipStatus status = SlipStatus::None;
    std::uint64_t ticket = 0;
    std::string messageKey; ///< printer.* key when the slip failed

    friend bool operator==(const SlipProgress&, const SlipProgress&) = default;
};

} // namespace okienko::kiosk

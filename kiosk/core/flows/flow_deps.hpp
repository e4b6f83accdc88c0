// What every flow needs from outside the session state: storage, printing and the online fast paths
// (services), the words of slips (translator), today's date and timestamps (clock), the kiosk's
// display name. The app attaches the real ones; tests attach the same parts on temporary files.
#pragma once

#include "shared/util/date.hpp"

#include <cstdint>
#include <string>

namespace okienko::kiosk
{

class KioskServices;
class Translator;
class Clock;

/// Every pointer must outlive the flow; without services a flow can be browsed but stores nothing.
struct FlowDeps
{
    KioskServices* services = nullptr;
    const Translator* translator = nullptr;
    const Clock* clock = nullptr;
    std::string kioskName;

    /// Today's local date (a fixed Monday without a clock, so tests stay deterministic).
    Date today() const;
    /// Wall-clock Unix seconds for timestamps (0 without a clock).
    std::int64_t wallSeconds() const;
};

} // namespace okienko::kiosk

// What every flow needs from outside the session state: storage, printing and the online fast paths
// (services), the words of slips (translator), today's date and timestamps (clock), the kiosk's
// display name. The app attaches the real ones; tests attach the same parts on temporary files.
#pragma once

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
};

} // namespace okienko::kiosk

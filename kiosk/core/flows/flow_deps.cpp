// The clock readings every flow takes (see flow_deps.hpp).
#include "kiosk/core/flows/flow_deps.hpp"

#include "kiosk/core/clock.hpp"
#include "kiosk/core/flows/usage_recorder.hpp" // unixSeconds

namespace okienko::kiosk
{

Date FlowDeps::today() const
{
    return clock != nullptr ? clock->localNow().date : Date{2024, 1, 15};
}

std::int64_t FlowDeps::wallSeconds() const
{
    return unixSeconds(clock);
}

} // namespace okienko::kiosk

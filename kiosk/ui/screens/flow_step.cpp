// Flow step line (see flow_step.hpp).
#include "kiosk/ui/screens/flow_step.hpp"

#include "kiosk/ui/widgets/step_indicator.hpp"

#include <string>

namespace okienko::kiosk::ui
{

void drawFlowStep(const ScreenEnv& env, UiContext& ctx, int step, int total)
{
    StepIndicator(ctx, env.tr.format("flow.step", {{"step", std::to_string(step)}, {"total", std::to_string(total)}}),
                  step, total);
}

} // namespace okienko::kiosk::ui

// Flow step line (see flow_step.hpp).
#include "kiosk/ui/screens/flow_step.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/step_indicator.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <string>

namespace okienko::kiosk::ui
{

namespace
{

std::string stepText(const ScreenEnv& env, int step, int total)
{
    return env.tr.format("flow.step", {{"step", std::to_string(step)}, {"total", std::to_string(total)}});
}

} // namespace

void drawFlowStep(const ScreenEnv& env, UiContext& ctx, int step, int total)
{
    StepIndicator(ctx, stepText(env, step, total), step, total);
}

void drawFlowHeading(const ScreenEnv& env, UiContext& ctx, const std::string& title, int step, int total)
{
    if (isShortLandscape(ctx) && TitleBesideStep(ctx, title, stepText(env, step, total), step, total))
        return;
    Title(ctx, title);
    drawFlowStep(env, ctx, step, total);
}

} // namespace okienko::kiosk::ui

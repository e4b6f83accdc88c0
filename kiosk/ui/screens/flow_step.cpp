// Flow step line (see flow_step.hpp).
#include "kiosk/ui/screens/flow_step.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/step_indicator.hpp"
#include "kiosk/ui/widgets/text.hpp"

#include <cfloat>
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

void drawFlowHeading(const ScreenEnv& env, UiContext& ctx, const std::string& title, int step, int total, bool withKeys)
{
    if (isShortLandscape(ctx) && TitleBesideStep(ctx, title, stepText(env, step, total), step, total))
        return;
    ImFont* face = ctx.faces().title;
    const float width = ImGui::GetContentRegionAvail().x;
    if (withKeys &&
        wrappedHeight(face, face->FontSize, width, title) > wrappedHeight(face, face->FontSize, FLT_MAX, title) + 0.5f)
    {
        if (ctx.record.title().empty())
            ctx.record.setTitle(title); // the screen's name for the voice, as Title() records it
        Label(ctx, title);
    }
    else
        Title(ctx, title);
    drawFlowStep(env, ctx, step, total);
}

} // namespace okienko::kiosk::ui

// The completion screen (see completion_screen.hpp).
#include "kiosk/ui/screens/completion_screen.hpp"

#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/widgets/completion_card.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/two_pane.hpp"

namespace okienko::kiosk::ui
{

bool drawCompletion(const ScreenEnv& env, UiContext& ctx, Intents& out, const CompletionView& view)
{
    Title(ctx, view.title);
    bool finished = false;
    const std::string start = env.tr.tr("completion.start");
    TwoPane panes(ctx, "##completion", 0.5f);
    if (!view.code.empty())
    {
        CodeCard(ctx, view.codeLabel, view.code, env.tr.tr("speech.repeat_code"));
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    }
    if (view.slipStatus)
        view.slipStatus();
    // Finishing stays in the first column's reach in landscape: it is what most people tap next.
    if (panes.split() && wideButton(ctx, start, view.finishId))
        finished = true;
    panes.next();
    if (!view.next.empty())
    {
        Label(ctx, env.tr.tr("completion.next"));
        for (const std::string& p : view.next)
            Paragraph(ctx, p);
    }
    if (!view.list.empty())
    {
        Label(ctx, view.listLabel);
        for (const std::string& item : view.list)
            Paragraph(ctx, "• " + item);
    }
    if (view.rating)
        drawRatingPanel(env, ctx, out);
    if (!panes.split())
    {
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        if (wideButton(ctx, start, view.finishId))
            finished = true;
    }
    // Start ends the visit: the next person finds the start screen, not this one's home.
    if (finished)
        out.emplace_back(EndSession{});
    return finished;
}

} // namespace okienko::kiosk::ui

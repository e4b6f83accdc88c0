// The completion screen (see completion_screen.hpp).
#include "kiosk/ui/screens/completion_screen.hpp"

#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/completion_card.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "kiosk/ui/widgets/two_pane.hpp"

#include <algorithm>
#include <cmath>

namespace okienko::kiosk::ui
{

bool drawCompletion(const ScreenEnv& env, UiContext& ctx, Intents& out, const CompletionView& view)
{
    Title(ctx, view.title);
    const std::string start = env.tr.tr("completion.start");
    // Start stands under the scrolled part, above the bottom bar: in sight without scrolling on every
    // panel and text size (under the code in landscape, across the column in portrait).
    ButtonOptions finish;
    finish.style = ButtonStyle::Primary;
    finish.id = view.finishId;
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const bool split = wantsTwoPanes(ctx);
    finish.size = ImVec2(split ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f
                               : ImGui::GetContentRegionAvail().x,
                         0);
    const float finishH = BigButtonSize(ctx, start + "##" + view.finishId, finish).y;
    // The scrolled part is as tall as what it held last frame at its natural size, at most the room.
    // On a tall portrait panel the room to spare is used, not left empty under Start: a third of it
    // (up to eight lines) enlarges the code card, the rest spaces the code, what happens next, the
    // rating and Start evenly down the screen.
    const float room =
        std::max(ctx.minTargetPx(), ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx) - finishH - gap);
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID heightKey = ImGui::GetID(view.scrollId) ^ 0x7a11u;
    const float natural = storage->GetFloat(heightKey, room);
    const float spare = split ? 0.0f : std::max(0.0f, room - natural);
    const float cardGrow = view.code.empty() ? 0.0f : std::min(spare / 3.0f, ctx.em(8.0f));
    const float blockGap = (spare - cardGrow) / 4.0f;
    TouchScrollBegin(ctx, view.scrollId, ImVec2(0, spare > 0.0f ? room : std::clamp(natural, ctx.minTargetPx(), room)));
    float contentH = 0.0f;
    {
        TwoPane panes(ctx, "##completion", 0.5f);
        ImGui::Dummy(ImVec2(0, blockGap));
        if (!view.code.empty())
        {
            CodeCard(ctx, view.codeLabel, view.code, env.tr.tr("speech.repeat_code"), cardGrow);
            ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        }
        if (view.slipStatus)
            view.slipStatus();
        panes.next();
        ImGui::Dummy(ImVec2(0, blockGap));
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
        ImGui::Dummy(ImVec2(0, blockGap));
        if (view.rating)
            drawRatingPanel(env, ctx, out);
    }
    if (view.after)
        view.after();
    // What the content needs without the spare room spent on it (the three gaps and the card's
    // growth): the next frame's spare does not feed on this one's.
    contentH = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y - blockGap * 3.0f - cardGrow;
    TouchScrollEnd(ctx);
    storage->SetFloat(heightKey, std::ceil(contentH));
    const bool finished = BigButton(ctx, start + "##" + view.finishId, finish);
    // Start ends the visit: the next person finds the start screen, not this one's home.
    if (finished)
        out.emplace_back(EndSession{});
    return finished;
}

} // namespace okienko::kiosk::ui

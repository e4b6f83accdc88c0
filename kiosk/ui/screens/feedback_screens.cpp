// Feedback screens (see feedback_screens.hpp).
#include "kiosk/ui/screens/feedback_screens.hpp"

#include "kiosk/ui/screens/area_words.hpp"
#include "kiosk/ui/screens/completion_screen.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"

#include <algorithm>
#include <cstdio>

namespace okienko::kiosk::ui
{

void drawRatingPanel(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const FeedbackState& f = env.state.requests.feedback;
    Divider(ctx);
    if (f.ratingDone)
    {
        if (f.rating > 0)
            Paragraph(ctx, env.tr.tr("feedback.thanks"));
    }
    else
    {
        Label(ctx, env.tr.tr("feedback.question"));
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        // "Skip" gets the width of its word ("Пропустити" broke in two in a sixth of the row);
        // the five numbers share the rest.
        const std::string skipLabel = env.tr.tr("feedback.skip");
        const float skipW = std::max(ctx.minTargetPx(),
                                     ImGui::CalcTextSize(skipLabel.c_str()).x + ImGui::GetStyle().FramePadding.x * 4);
        // On a narrow column the five numbers keep the row and "Skip" goes under them: no number
        // narrower than a comfortable tap, nothing past the column's edge.
        const float avail = ImGui::GetContentRegionAvail().x;
        const float numberMin = std::max(ctx.minTargetPx(), ctx.em(2.5f));
        const bool skipBeside = (avail - gap * 5 - skipW) / 5.0f >= numberMin;
        const float w =
            skipBeside ? (avail - gap * 5 - skipW) / 5.0f : std::max(ctx.minTargetPx(), (avail - gap * 4) / 5.0f);
        for (int r = 1; r <= 5; ++r)
        {
            ButtonOptions o;
            o.size = ImVec2(w, 0);
            const std::string id = "rate-" + std::to_string(r);
            o.id = id;
            if (BigButton(ctx, std::to_string(r) + "##" + id, o))
                emit(out, RateFlow{r});
            if (r < 5 || skipBeside)
                ImGui::SameLine();
        }
        ButtonOptions skip;
        skip.size = ImVec2(skipW, 0);
        skip.id = "rate-skip";
        if (BigButton(ctx, skipLabel + "##rate-skip", skip))
            emit(out, SkipRating{});
        ParagraphColored(ctx, env.tr.tr("feedback.scale"), ctx.palette.mutedText);
    }
    drawFlowError(env, ctx, f.errorKey);
    ButtonOptions idea;
    idea.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    idea.id = "open-idea-box";
    if (BigButton(ctx, env.tr.tr("idea.open") + "##open-idea-box", idea))
        emit(out, OpenIdeaBox{});
}

void drawIdeaBoxScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const FeedbackState& f = env.state.requests.feedback;
    beginScreen(ctx, "##idea");
    drawTopBar(env, ctx, out);
    if (f.ideaSent)
    {
        // The same completion screen as every flow's, without a code (an idea is anonymous).
        CompletionView view;
        view.title = env.tr.tr("idea.title");
        view.next.push_back(env.tr.tr("idea.thanks"));
        view.rating = false;
        (void)drawCompletion(env, ctx, out, view);
        drawBottomBar(env, ctx, out);
        endScreen();
        return;
    }
    beginFormColumn(env, ctx, "##idea-column", false);
    Title(ctx, env.tr.tr("idea.title"));
    Paragraph(ctx, env.tr.tr("idea.intro"));
    // The idea's field and Send first, the areas under them; the keyboard under or beside them all,
    // so it never covers what is typed.
    beginPersonForm(env, ctx, "##idea-form", false);
    const float width = ImGui::GetContentRegionAvail().x;
    TextField(ctx, f.idea.buffer.text(), env.tr.tr("idea.placeholder"), width);
    drawFlowError(env, ctx, f.errorKey);
    if (wideButton(ctx, env.tr.tr("idea.send"), "idea-send"))
        emit(out, SubmitIdea{});
    for (const domain::AreaDefinition* def : env.catalog.activeAreas())
    {
        const domain::Area& a = def->id;
        ButtonOptions o;
        o.style = f.ideaArea == a ? ButtonStyle::Selected : ButtonStyle::Secondary;
        o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        // The act's areas keep the ids scripts know them by ("idea-area-1"); an added one its own.
        const auto number = domain::actNumber(a);
        const std::string id = "idea-area-" + (number ? std::to_string(*number) : std::string(a.id()));
        o.id = id;
        if (BigButton(ctx, (f.ideaArea == a ? "✓ " : "") + areaName(env, a, AreaForm::Short) + "##" + id, o))
            emit(out, ChooseIdeaArea{a});
    }
    if (const std::optional<Key> key = endPersonForm(env, ctx, false))
        emit(out, RequestKey{RequestField::Idea, *key});
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

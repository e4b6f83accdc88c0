// Attract screen (see attract_screen.hpp).
#include "kiosk/ui/screens/attract_screen.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/staff_entry_screens.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "shared/util/date_format.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

/// Big buttons naming each language in itself, so anyone finds theirs before reading anything.
void languageChoice(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    Label(ctx, env.tr.tr("attract.choose_language"));
    const std::vector<domain::Language>& langs = env.state.languages;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(langs.size() - 1)) /
                    static_cast<float>(langs.size());
    for (std::size_t i = 0; i < langs.size(); ++i)
    {
        if (i > 0)
            ImGui::SameLine();
        const std::string code(domain::languageCode(langs[i]));
        ButtonOptions opt;
        opt.size = ImVec2(w, 0);
        opt.style = langs[i] == env.state.language ? ButtonStyle::Selected : ButtonStyle::Secondary;
        const std::string id = "start-lang-" + code;
        opt.id = id;
        // The name of a language is the same whatever language the screen is in.
        if (BigButton(ctx, env.tr.tr(langs[i], "language." + code) + "##" + id, opt))
        {
            out.emplace_back(SetLanguage{langs[i]});
            out.emplace_back(StartSession{});
        }
    }
}

} // namespace

void drawAttractScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##attract");
    drawTopBar(env, ctx, out, {.backAndHome = false});

    const domain::Municipality& m = env.catalog.municipality;
    ImGui::Dummy(ImVec2(0, ctx.em(1.0f)));
    // The CUS name also hides staff mode's way in (held 3 s); a tap starts, like anywhere else.
    if (StaffEntryHeader(env, ctx, out, env.text(m.cusName), HeaderStyle::Title))
        out.emplace_back(StartSession{});
    ParagraphColored(ctx, env.text(m.name), ctx.palette.mutedText);
    ImGui::Dummy(ImVec2(0, ctx.em(0.8f)));
    TextIn(ctx, ctx.fonts.huge, ctx.palette.text, formatClock(env.now.hour, env.now.minute));
    Paragraph(ctx, formatDateUnpaddedDay(env.now.date)); // digits: nothing to translate
    ImGui::Dummy(ImVec2(0, ctx.em(1.0f)));

    const float width = ImGui::GetContentRegionAvail().x;
    ButtonOptions start;
    start.style = ButtonStyle::Primary;
    start.size = ImVec2(width, ctx.em(3.5f));
    start.id = "start";
    if (BigButton(ctx, env.tr.tr("attract.touch_to_start") + "##start", start))
        out.emplace_back(StartSession{});
    ImGui::Dummy(ImVec2(0, ctx.em(0.4f)));
    languageChoice(env, ctx, out);
    ImGui::Dummy(ImVec2(0, ctx.em(0.8f)));

    bool any = false;
    for (const domain::Announcement& a : env.catalog.announcements)
    {
        if (!a.visibleOn(env.now.date))
            continue;
        if (!any)
            Label(ctx, env.tr.tr("attract.announcements"));
        any = true;
        Divider(ctx);
        Label(ctx, env.text(a.title));
        Paragraph(ctx, env.text(a.body));
    }

    // The rest of the screen also starts a session: a resident may tap anywhere.
    const float rest = ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx);
    if (rest > 1.0f)
    {
        if (ImGui::InvisibleButton("##anywhere", ImVec2(width, rest)) && !touchDragged(ctx))
            out.emplace_back(StartSession{});
    }
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

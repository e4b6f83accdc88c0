// Attract screen (see attract_screen.hpp).
#include "kiosk/ui/screens/attract_screen.hpp"

#include "kiosk/ui/screens/attract_layout.hpp"
#include "kiosk/ui/screens/attract_schedule.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/staff_entry_screens.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/emergency_help.hpp"
#include "kiosk/ui/widgets/long_press.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

AttractTexts attractTexts(const ScreenEnv& env)
{
    AttractTexts t;
    t.cusName = env.text(env.catalog.municipality.cusName);
    t.municipality = env.text(env.catalog.municipality.name);
    t.clock = formatClock(env.now.hour, env.now.minute);
    t.date = formatDateUnpaddedDay(env.now.date); // digits: nothing to translate
    t.startLabel = env.tr.tr("attract.touch_to_start");
    t.chooseLanguage = env.tr.tr("attract.choose_language");
    for (const domain::Language l : env.state.languages)
    {
        const std::string code(domain::languageCode(l));
        // The name of a language is the same whatever language the screen is in.
        t.languageNames.push_back(env.tr.tr(l, "language." + code));
    }
    return t;
}

/// The CUS's name and place, then the clock and date when the layout has room for them.
void header(const ScreenEnv& env, UiContext& ctx, Intents& out, const AttractTexts& texts, const AttractLayout& layout)
{
    // The CUS name also hides staff mode's way in (held 3 s); a tap starts, like anywhere else.
    if (StaffEntryHeader(env, ctx, out, texts.cusName, HeaderStyle::Title))
        out.emplace_back(StartSession{});
    ParagraphColored(ctx, texts.municipality, ctx.palette.mutedText);
    if (!layout.clock)
        return;
    if (layout.roomy)
        ImGui::Dummy(ImVec2(0, ctx.em(0.8f)));
    TextIn(ctx, ctx.fonts.huge, ctx.palette.text, texts.clock);
    Paragraph(ctx, texts.date);
}

/// A hold this long on "Touch to start" or on the empty part of the start screen turns the voice on
/// (or off): a resident who cannot see finds the screen, not a particular key.
constexpr float kSpeechHoldSeconds = 2.0f;

/// After a tap-or-hold item: the hold's intent when it reached kSpeechHoldSeconds, StartSession for
/// a short tap (a released hold starts nothing).
void startOrSpeech(UiContext& ctx, bool released, Intents& out)
{
    if (LongPressed(ctx, kSpeechHoldSeconds))
        out.emplace_back(ToggleSpeech{});
    else if (released && !touchDragged(ctx) && ImGui::GetIO().MouseDownDurationPrev[0] < kSpeechHoldSeconds)
        out.emplace_back(StartSession{});
}

/// "Touch to start", then big buttons naming each language in itself, so anyone finds theirs
/// before reading anything.
void actions(const ScreenEnv& env, UiContext& ctx, Intents& out, const AttractTexts& texts, const AttractLayout& layout)
{
    ButtonOptions start;
    start.style = ButtonStyle::Primary;
    start.size = ImVec2(layout.actionsWidth, layout.startHeight);
    start.id = "start";
    startOrSpeech(ctx, BigButton(ctx, texts.startLabel + "##start", start), out);
    if (!layout.languageButtons)
        return;
    if (layout.roomy)
        ImGui::Dummy(ImVec2(0, ctx.em(0.4f)));
    if (layout.languageLabel)
        Label(ctx, texts.chooseLanguage);
    const std::vector<domain::Language>& langs = env.state.languages;
    const std::size_t perRow = std::max<std::size_t>(layout.languagesPerRow, 1);
    for (std::size_t i = 0; i < langs.size(); ++i)
    {
        if (i % perRow != 0)
            ImGui::SameLine();
        // The top bar's ids: whichever row shows them, `lang xx` in a script taps the same button.
        const std::string id = "lang-" + std::string(domain::languageCode(langs[i]));
        ButtonOptions opt;
        opt.size = ImVec2(layout.languageButtonWidth(), 0);
        opt.style = langs[i] == env.state.language ? ButtonStyle::Selected : ButtonStyle::Secondary;
        opt.id = id;
        // The screen turns to that language; "touch to start", now in it, starts.
        if (BigButton(ctx, texts.languageNames[i] + "##" + id, opt))
            out.emplace_back(SetLanguage{langs[i]});
    }
}

/// Today's announcements, each only if it fits whole above `bottom` (window coordinates): a
/// short landscape output shows fewer rather than one cut in half by the bottom bar.
void announcements(const ScreenEnv& env, UiContext& ctx, float bottom)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float divider = std::max(1.0f, 2.0f * ctx.uiScale) + spacing;
    const std::string heading = env.tr.tr("attract.announcements");
    bool any = false;
    for (const domain::Announcement& a : env.catalog.announcements)
    {
        if (!a.visibleOn(env.now.date))
            continue;
        float needed = divider + paragraphHeight(ctx.faces().bold, env.text(a.title), width) +
                       paragraphHeight(ImGui::GetFont(), env.text(a.body), width) - spacing;
        if (!any)
            needed += paragraphHeight(ctx.faces().bold, heading, width);
        if (ImGui::GetCursorPosY() + needed > bottom)
            break;
        if (!any)
            Label(ctx, heading);
        any = true;
        Divider(ctx);
        Label(ctx, env.text(a.title));
        Paragraph(ctx, env.text(a.body));
    }
}

} // namespace

void drawAttractScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##attract");

    // The bottom bar paints over whatever reaches below its top edge.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float stripTop = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - bottomBarHeight(env, ctx);
    const float bottom = stripTop - spacing;
    const float width = ImGui::GetContentRegionAvail().x;
    const AttractTexts texts = attractTexts(env);
    // Measured heights end with one item spacing below the last item, which may reach the bar.
    // The emergency numbers' strip under the actions is reserved first: it is never the part that
    // does not fit.
    const auto choose = [&]
    {
        const ImVec2 area(width, bottom - ImGui::GetCursorPosY() - emergencyHelpHeight(env, ctx));
        return AttractLayout::choose(ctx, texts, area);
    };
    AttractLayout layout = choose();
    // The languages once: the big buttons when they fit, else the top bar's smaller ones.
    if (!layout.languageButtons)
    {
        drawTopBar(env, ctx, out, {.backAndHome = false});
        layout = choose();
        layout.languageLabel = false;
        layout.languageButtons = false;
    }

    if (layout.roomy)
        ImGui::Dummy(ImVec2(0, ctx.em(1.0f)));
    if (layout.twoColumns)
    {
        ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
        if (ImGui::BeginTable("##attract-columns", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX))
        {
            ImGui::TableSetupColumn("header", ImGuiTableColumnFlags_WidthFixed, layout.headerWidth);
            ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthFixed, layout.actionsWidth);
            ImGui::TableNextColumn();
            header(env, ctx, out, texts, layout);
            ImGui::TableNextColumn();
            actions(env, ctx, out, texts, layout);
            ImGui::EndTable();
        }
        ImGui::PopStyleVar();
    }
    else
    {
        header(env, ctx, out, texts, layout);
        if (layout.roomy)
            ImGui::Dummy(ImVec2(0, ctx.em(1.0f)));
        actions(env, ctx, out, texts, layout);
    }
    if (layout.roomy)
        ImGui::Dummy(ImVec2(0, ctx.em(0.8f)));
    drawEmergencyHelp(env, ctx, out);
    drawAttractSchedule(env, ctx, bottom);
    announcements(env, ctx, bottom);

    // The rest of the screen also starts a session: a resident may tap anywhere.
    const float rest = stripTop - ImGui::GetCursorPosY();
    if (rest > 1.0f)
    {
        startOrSpeech(ctx, ImGui::InvisibleButton("##anywhere", ImVec2(width, rest)), out);
    }
    ImGui::SetCursorPosY(stripTop + spacing);
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

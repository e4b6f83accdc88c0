// Shared pieces of the request screens (see request_screen_parts.hpp).
#include "kiosk/ui/screens/request_screen_parts.hpp"

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/checkbox.hpp"
#include "kiosk/ui/widgets/number_keypad.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "kiosk/ui/widgets/two_pane.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace okienko::kiosk::ui
{

void drawFlowError(const ScreenEnv& env, UiContext& ctx, const std::string& errorKey, std::size_t minChars,
                   std::size_t maxChars)
{
    if (errorKey.empty())
        return;
    std::string text = env.tr.tr(errorKey);
    text = formatPlaceholders(text, {{"max", std::to_string(maxChars)}, {"min", std::to_string(minChars)}});
    ParagraphColored(ctx, "⚠ " + text, ctx.palette.warningText);
}

bool wideButton(UiContext& ctx, const std::string& label, const char* id, bool primary, bool enabled)
{
    ButtonOptions o;
    o.style = primary ? ButtonStyle::Primary : ButtonStyle::Secondary;
    o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    o.id = id;
    o.enabled = enabled;
    return BigButton(ctx, label + "##" + id, o);
}

float keypadHeight(const UiContext& ctx)
{
    return numberKeypadSize(ctx, {}).y + ImGui::GetStyle().ItemSpacing.y;
}

float letterKeyboardHeight(const UiContext& ctx, const ScreenEnv& env)
{
    return letterKeyboardHeight(ctx, env.state.keyboard.state) + ImGui::GetStyle().ItemSpacing.y * 1.5f;
}

void drawInputNotice(const ScreenEnv& env, UiContext& ctx, const TextBuffer& buffer, bool personName)
{
    const std::string key = refusalMessageKey(buffer, personName);
    if (key.empty())
        return;
    const std::string text = env.tr.format(key, {{"max", std::to_string(buffer.maxLength())}});
    ParagraphColored(ctx, "⚠ " + text, ctx.palette.warningText);
}

std::string slotText(const ScreenEnv& env, const SlotOption& slot)
{
    const std::string weekday = env.tr.tr("request.weekday." + std::to_string(slot.date.weekday()));
    std::string s = weekday + " " + formatDayMonth(slot.date) + ", " + formatMinuteOfDay(slot.startMinute) + "–" +
                    formatMinuteOfDay(slot.startMinute + slot.durationMinutes);
    if (!slot.room.empty())
        s += ", " + env.tr.format("counselling.slot.room", {{"room", slot.room}});
    return s;
}

namespace
{

/// The summary's share of the width beside the clause.
constexpr float kConsentSummaryShare = 0.4f;

void drawClause(const ScreenEnv& env, UiContext& ctx)
{
    Label(ctx, env.tr.tr("request.rodo.title"));
    Paragraph(ctx, env.tr.format("request.rodo.text", {{"cus", env.text(env.catalog.municipality.cusName)}}));
}

void drawTick(const ScreenEnv& env, UiContext& ctx, Intents& out, bool accepted)
{
    if (Checkbox(ctx, env.tr.tr("request.rodo.accept"), accepted, "consent"))
        emit(out, SetConsent{!accepted});
}

/// The message and the note above Send.
void drawMessages(const ScreenEnv& env, UiContext& ctx, const ConsentStepView& view)
{
    drawFlowError(env, ctx, view.errorKey);
    if (!view.note.empty())
        Paragraph(ctx, view.note);
}

bool drawSend(const ScreenEnv& env, UiContext& ctx, const ConsentStepView& view, float height)
{
    ButtonOptions o;
    o.style = ButtonStyle::Primary;
    o.size = ImVec2(ImGui::GetContentRegionAvail().x, height);
    o.id = "send";
    o.enabled = view.sendEnabled;
    return BigButton(ctx, env.tr.tr("callback.confirm.send") + "##send", o);
}

/// The short landscape layout (see drawConsentStep): false, drawing nothing, when the panes over the
/// row would not show the clause's title and two of its lines.
bool consentRow(const ScreenEnv& env, UiContext& ctx, Intents& out, const ConsentStepView& view, bool& sent)
{
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID underId = ImGui::GetID("##consent-under-h");
    const ImGuiID tickId = ImGui::GetID("##consent-tick-h");
    const ImGuiStyle& style = ImGui::GetStyle();
    // The message, the tick and Send as last laid out (before the first frame: a row of one target).
    const float under = storage->GetFloat(underId, ctx.minTargetPx());
    // Down to the screen's list's edge as it opens.
    const float room = ImGui::GetWindowHeight() - ImGui::GetCursorPosY();
    // The panes as tall as the clause's title and whole lines of it (none cut in half at the edge):
    // at least two, else the clause would be a slit (then the one-pane layout).
    const ImGuiID firstLineId = ImGui::GetID("##consent-first-line");
    const float firstLine = storage->GetFloat(firstLineId, ctx.faces().bold->FontSize + style.ItemSpacing.y);
    const float lineH = ImGui::GetTextLineHeight();
    const float lines = std::floor((room - under - style.ItemSpacing.y - firstLine) / lineH);
    if (lines < 2.0f)
        return false;
    const float panesH = std::ceil(firstLine + lines * lineH);
    {
        TwoPane panes(ctx, view.id, kConsentSummaryShare);
        if (!panes.split())
            return false;
        TouchScrollBegin(ctx, "##consent-summary", ImVec2(0, panesH));
        view.summary();
        TouchScrollEnd(ctx);
        panes.next();
        TouchScrollBegin(ctx, "##consent-clause", ImVec2(0, panesH));
        Label(ctx, env.tr.tr("request.rodo.title"));
        // Where the clause's first line starts below the list's top edge (its padding included).
        storage->SetFloat(firstLineId, ImGui::GetCursorPosY() - ImGui::GetScrollY());
        Paragraph(ctx, env.tr.format("request.rodo.text", {{"cus", env.text(env.catalog.municipality.cusName)}}));
        TouchScrollEnd(ctx);
    }
    // What whole lines leave goes above the row: Send ends where the screen's list does, and what
    // follows in it (the emergency numbers) starts under the list's edge, not cut by it.
    const float spare = room - panesH - under - style.ItemSpacing.y * 2.0f;
    if (spare >= 1.0f)
        ImGui::Dummy(ImVec2(0, std::floor(spare)));
    const float top = ImGui::GetCursorPosY();
    drawMessages(env, ctx, view);
    // The tick takes what Send leaves of the row; Send as tall as the tick's row (two lines of a
    // long label), so the two read as one row.
    const float sendW = std::min(naturalButtonWidth(ctx, env.tr.tr("callback.confirm.send")) + ctx.em(2.0f),
                                 ImGui::GetContentRegionAvail().x * 0.4f);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0.0f, 0.0f));
    if (ImGui::BeginTable("##consent-row", 2, ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_SizingFixedFit))
    {
        ImGui::TableSetupColumn("tick", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("send", ImGuiTableColumnFlags_WidthFixed, sendW + style.ItemSpacing.x);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        drawTick(env, ctx, out, view.accepted);
        const float tickH = ImGui::GetItemRectSize().y;
        ImGui::TableSetColumnIndex(1);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + style.ItemSpacing.x);
        sent = drawSend(env, ctx, view, std::max(0.0f, storage->GetFloat(tickId, 0.0f)));
        storage->SetFloat(tickId, tickH);
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    storage->SetFloat(underId, ImGui::GetCursorPosY() - top);
    return true;
}

} // namespace

bool drawConsentStep(const ScreenEnv& env, UiContext& ctx, Intents& out, const ConsentStepView& view)
{
    bool sent = false;
    if (isShortLandscape(ctx) && wantsTwoPanes(ctx) && consentRow(env, ctx, out, view, sent))
        return sent;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID underId = ImGui::GetID("##consent-under-h");
    TwoPane panes(ctx, view.id, kConsentSummaryShare);
    view.summary();
    panes.next();
    const bool split = panes.split();
    const ImGuiID usedId = ImGui::GetID("##consent-pane-used");
    if (split)
    {
        // The pane's list ends where its screen's list does as it opens (not where it is scrolled
        // to), or sooner when what it holds is shorter (as laid out last frame): what follows the
        // panes (the counselling steps' emergency numbers) stays right under it.
        const float room = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y;
        const float used = storage->GetFloat(usedId, FLT_MAX);
        TouchScrollBegin(ctx, "##consent-pane",
                         ImVec2(0, std::max(ctx.minTargetPx() * 2.0f, std::floor(std::min(room, used)))));
    }
    drawClause(env, ctx);
    const float tickTop = ImGui::GetCursorPosY();
    drawTick(env, ctx, out, view.accepted);
    const float tickH = ImGui::GetItemRectSize().y;
    const float messagesTop = ImGui::GetCursorPosY();
    drawMessages(env, ctx, view);
    // What the row layout would need under its panes now (the message gone, it may fit again).
    storage->SetFloat(underId, ImGui::GetCursorPosY() - messagesTop + tickH + ImGui::GetStyle().ItemSpacing.y);
    sent = drawSend(env, ctx, view, 0.0f);
    // Room under Send, so the list can scroll it whole above its edge.
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    // Opens (and reopens on a change above or between them) scrolled so the tick down to Send is
    // whole in sight when they do not fit under the clause.
    // Also when the list's reach changes: on the step's first frame the list still has the height of
    // what it held before (the name's step), and the scroll stops short of Send (720×1280 in large text).
    const std::string when = std::to_string(ctx.screenVisit) + "/" + std::string(domain::languageCode(env.lang())) +
                             "/" + std::to_string(ctx.largeText) + "/" + view.errorKey + "/" +
                             std::to_string(static_cast<int>(ImGui::GetScrollMaxY()));
    scrollSpanIntoViewOnChange("##consent-in-sight", when, tickTop, ImGui::GetCursorPosY());
    if (split)
    {
        const float used = ImGui::GetCursorPosY();
        TouchScrollEnd(ctx);
        storage->SetFloat(usedId, used);
    }
    return sent;
}

void drawSlipStatus(const ScreenEnv& env, UiContext& ctx, SlipStatus status)
{
    switch (status)
    {
    case SlipStatus::None:
        return;
    case SlipStatus::NoPrinter:
        ParagraphColored(ctx, env.tr.tr("request.slip.no_printer"), ctx.palette.mutedText);
        return;
    case SlipStatus::Printing:
        Paragraph(ctx, env.tr.tr("request.slip.printing"));
        return;
    case SlipStatus::Printed:
        Paragraph(ctx, env.tr.tr("request.slip.printed"));
        return;
    case SlipStatus::Failed:
        ParagraphColored(ctx, env.tr.tr("request.slip.failed"), ctx.palette.warningText);
        return;
    }
}

} // namespace okienko::kiosk::ui

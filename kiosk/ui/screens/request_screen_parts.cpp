// Shared pieces of the request screens (see request_screen_parts.hpp).
#include "kiosk/ui/screens/request_screen_parts.hpp"

#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/checkbox.hpp"
#include "kiosk/ui/widgets/number_keypad.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
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

float drawConsent(const ScreenEnv& env, UiContext& ctx, Intents& out, bool accepted)
{
    Label(ctx, env.tr.tr("request.rodo.title"));
    Paragraph(ctx, env.tr.format("request.rodo.text", {{"cus", env.text(env.catalog.municipality.cusName)}}));
    const float tickTop = ImGui::GetCursorPosY();
    if (Checkbox(ctx, env.tr.tr("request.rodo.accept"), accepted, "consent"))
        emit(out, SetConsent{!accepted});
    return tickTop;
}

void beginConsentPane(UiContext& ctx, bool split)
{
    if (!split)
        return;
    // The pane's list ends where its screen's list does as it opens (not where it is scrolled to), or
    // sooner when what it holds is shorter (as laid out last frame): what follows the panes (the
    // counselling steps' emergency numbers) stays right under it.
    const float room = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y;
    const float used = ImGui::GetStateStorage()->GetFloat(ImGui::GetID("##consent-pane-used"), FLT_MAX);
    TouchScrollBegin(ctx, "##consent-pane",
                     ImVec2(0, std::max(ctx.minTargetPx() * 2.0f, std::floor(std::min(room, used)))));
}

void endConsentPane(UiContext& ctx, bool split)
{
    if (!split)
        return;
    const float used = ImGui::GetCursorPosY();
    TouchScrollEnd(ctx);
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("##consent-pane-used"), used);
}

void keepConsentInSight(const ScreenEnv& env, const UiContext& ctx, float tickTop, const std::string& errorKey)
{
    const std::string when = std::to_string(ctx.screenVisit) + "/" + std::string(domain::languageCode(env.lang())) +
                             "/" + std::to_string(ctx.largeText) + "/" + errorKey;
    scrollSpanIntoViewOnChange("##consent-in-sight", when, tickTop, ImGui::GetCursorPosY());
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

// Counselling screens (see counselling_screens.hpp). Discretion: only the kind step reads the
// kind's name; later steps never look kindId up, so no later screen can show it.
#include "kiosk/ui/screens/counselling_screens.hpp"

#include "kiosk/ui/screens/completion_screen.hpp"
#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/flow_step.hpp"
#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "kiosk/ui/widgets/two_pane.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{
namespace
{

/// "In immediate danger?" with the catalogue's emergency numbers: on every counselling step.
void dangerPanel(const ScreenEnv& env, UiContext& ctx)
{
    Divider(ctx);
    Label(ctx, env.tr.tr("counselling.danger.title"));
    for (const domain::EmergencyNumber& n : env.catalog.emergencyNumbers)
        Paragraph(ctx, n.number + " — " + env.text(n.name));
}

void kindStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    Paragraph(ctx, env.tr.tr("counselling.kind.intro"));
    for (const domain::CounsellingKind& k : env.catalog.counsellingKinds)
    {
        ButtonOptions o;
        o.style = ButtonStyle::Tile;
        o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        const std::string hint = env.text(k.description);
        o.subtitle = hint;
        const std::string id = "kind-" + k.id;
        o.id = id;
        if (BigButton(ctx, env.text(k.name) + "##" + id, o))
            emit(out, ChooseCounsellingKind{k.id});
    }
    ParagraphColored(ctx, env.tr.tr("counselling.kind.free"), ctx.palette.mutedText);
}

void slotStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CounsellingFlowState& s = env.state.requests.counselling;
    if (s.slotTaken)
        ParagraphColored(ctx, env.tr.tr("counselling.slot.taken"), ctx.palette.warningText);
    Paragraph(ctx, env.tr.tr(s.slots.empty() ? "counselling.slot.none" : "counselling.slot.intro"));
    for (const SlotOption& slot : s.slots)
    {
        ButtonOptions o;
        o.style = s.slotId == slot.id ? ButtonStyle::Selected : ButtonStyle::Secondary;
        o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        const std::string id = "slot-" + slot.id;
        o.id = id;
        if (BigButton(ctx, (s.slotId == slot.id ? "✓ " : "") + slotText(env, slot) + "##" + id, o))
            emit(out, ChooseCounsellingSlot{slot.id});
    }
    ButtonOptions c;
    c.style = s.contactMe ? ButtonStyle::Selected : ButtonStyle::Secondary;
    c.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    c.id = "slot-contact-me";
    if (BigButton(ctx, (s.contactMe ? "✓ " : "") + env.tr.tr("counselling.slot.contact_me") + "##contact-me", c))
        emit(out, ChooseCounsellingSlot{std::nullopt});
    drawFlowError(env, ctx, s.errorKey);
}

/// The name's keyboard or the phone's keypad, `width` wide.
void contactKeys(const ScreenEnv& env, UiContext& ctx, Intents& out, float width)
{
    if (env.state.requests.counselling.focus == RequestField::CounsellingName)
    {
        if (const std::optional<Key> key = OnScreenKeyboard(ctx, env.state.keyboard.state, env.tr, width))
            emit(out, RequestKey{RequestField::CounsellingName, *key});
        return;
    }
    const float padW = std::min(width, ctx.em(21.0f));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - padW) * 0.5f);
    if (const std::optional<Key> key = NumericKeypad(ctx, env.tr, padW))
        emit(out, RequestKey{RequestField::CounsellingPhone, *key});
}

/// `keysInline`: the keys beside the fields (landscape); otherwise the caller pins them under the
/// scroll area, so the field being typed and every key stay in sight.
void contactStep(const ScreenEnv& env, UiContext& ctx, Intents& out, bool keysInline)
{
    const CounsellingFlowState& s = env.state.requests.counselling;
    // Landscape: the fields and "Dalej" on the left, the keyboard beside them, both in sight.
    TwoPane panes(ctx, "##contact-panes", 0.42f);
    float width = ImGui::GetContentRegionAvail().x;
    const bool nameFocus = s.focus == RequestField::CounsellingName;
    Label(ctx, env.tr.tr("counselling.contact.name"));
    ButtonOptions nf;
    nf.style = nameFocus ? ButtonStyle::Selected : ButtonStyle::Secondary;
    nf.size = ImVec2(width, 0);
    nf.id = "field-name";
    const std::string nameShown =
        s.name.buffer.empty() ? env.tr.tr("counselling.contact.name_placeholder") : s.name.buffer.text();
    if (BigButton(ctx, nameShown + "##field-name", nf))
        emit(out, FocusRequestField{RequestField::CounsellingName});
    Label(ctx, env.tr.tr("counselling.contact.phone"));
    ButtonOptions pf = nf;
    pf.style = nameFocus ? ButtonStyle::Secondary : ButtonStyle::Selected;
    pf.id = "field-phone";
    const std::string phoneShown =
        s.phone.buffer.empty() ? env.tr.tr("callback.phone.placeholder") : validate::formatPhone(s.phone.buffer.text());
    if (BigButton(ctx, phoneShown + "##field-phone", pf))
        emit(out, FocusRequestField{RequestField::CounsellingPhone});
    drawFlowError(env, ctx, s.errorKey, validate::kDefaultNameMinCodePoints, kFullNameMax);
    if (wideButton(ctx, env.tr.tr("common.next"), "next"))
        emit(out, NextStep{});
    panes.next();
    if (keysInline)
        contactKeys(env, ctx, out, ImGui::GetContentRegionAvail().x);
}

void consentStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CounsellingFlowState& s = env.state.requests.counselling;
    // Landscape: what will be sent on the left, the clause, its checkbox and Send beside it.
    TwoPane panes(ctx, "##consent-panes", 0.4f);
    Label(ctx, env.tr.tr("counselling.consent.summary"));
    const SlotOption* slot = nullptr;
    for (const SlotOption& o : s.slots)
        if (s.slotId == o.id)
            slot = &o;
    Paragraph(ctx, slot != nullptr ? env.tr.tr("slip.meeting.title") + ": " + slotText(env, *slot)
                                   : env.tr.tr("slip.meeting.we_will_call"));
    Paragraph(ctx, env.tr.tr("counselling.contact.name") + ": " + s.name.buffer.text());
    Paragraph(ctx, env.tr.format("callback.phone.masked", {{"phone", validate::maskPhone(s.phoneNormalised)}}));
    panes.next();
    drawConsent(env, ctx, out, s.consent);
    drawFlowError(env, ctx, s.errorKey);
    if (s.booking == BookingState::Waiting)
        Paragraph(ctx, env.tr.tr("counselling.consent.checking"));
    if (wideButton(ctx, env.tr.tr("callback.confirm.send"), "send", true,
                   !s.stored.has_value() && s.booking != BookingState::Waiting))
        emit(out, ConfirmRequest{});
}

void doneStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CounsellingFlowState& s = env.state.requests.counselling;
    CompletionView view;
    view.title = env.tr.tr("counselling.done.title");
    view.codeLabel = env.tr.tr("request.done.code");
    if (s.stored)
    {
        view.code = s.stored->code;
        const SlotOption* slot = nullptr;
        for (const SlotOption& o : s.slots)
            if (s.slotId == o.id)
                slot = &o;
        if (slot != nullptr)
        {
            view.next.push_back(env.tr.tr("slip.meeting.title") + ": " + slotText(env, *slot));
            view.next.push_back(
                env.tr.tr(s.booking == BookingState::Booked ? "slip.meeting.booked" : "slip.meeting.provisional"));
        }
        else
            view.next.push_back(env.tr.tr("slip.meeting.we_will_call"));
        const SlipStatus slip = s.stored->slip.status;
        view.slipStatus = [&env, &ctx, slip]()
        {
            drawSlipStatus(env, ctx, slip);
        };
    }
    view.finishLabel = env.tr.tr("request.done.finish");
    if (drawCompletion(env, ctx, out, view))
        emit(out, FinishFlow{});
}

} // namespace

void drawCounsellingScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##counselling");
    drawTopBar(env, ctx, out);
    const ScreenId current = env.state.router.current();
    if (current != ScreenId::CounsellingDone)
    {
        Title(ctx, env.tr.tr("counselling.title"));
        const int step = current == ScreenId::CounsellingKind      ? 1
                         : current == ScreenId::CounsellingSlot    ? 2
                         : current == ScreenId::CounsellingContact ? 3
                                                                   : 4;
        drawFlowStep(env, ctx, step, kCounsellingSteps);
    }
    const bool pinKeys = current == ScreenId::CounsellingContact && !wantsTwoPanes(ctx);
    float keysH = 0.0f;
    if (pinKeys)
        keysH = (env.state.requests.counselling.focus == RequestField::CounsellingName ? letterKeyboardHeight(ctx, env)
                                                                                       : keypadHeight(ctx)) +
                ImGui::GetStyle().ItemSpacing.y;
    TouchScrollBegin(ctx, "##counselling-body",
                     ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx) - keysH));
    switch (current)
    {
    case ScreenId::CounsellingKind:
        kindStep(env, ctx, out);
        break;
    case ScreenId::CounsellingSlot:
        slotStep(env, ctx, out);
        break;
    case ScreenId::CounsellingContact:
        contactStep(env, ctx, out, !pinKeys);
        break;
    case ScreenId::CounsellingConsent:
        consentStep(env, ctx, out);
        break;
    case ScreenId::CounsellingDone:
        doneStep(env, ctx, out);
        break;
    default:
        break;
    }
    if (current == ScreenId::CounsellingSlot || current == ScreenId::CounsellingKind)
    {
        if (current == ScreenId::CounsellingSlot && wideButton(ctx, env.tr.tr("common.next"), "next"))
            emit(out, NextStep{});
    }
    dangerPanel(env, ctx);
    TouchScrollEnd(ctx);
    if (pinKeys)
        contactKeys(env, ctx, out, ImGui::GetContentRegionAvail().x);
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

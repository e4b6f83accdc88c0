// Counselling screens (see counselling_screens.hpp). Discretion: only the kind step reads the
// kind's name; later steps never look kindId up, so no later screen can show it.
#include "kiosk/ui/screens/counselling_screens.hpp"

#include "kiosk/ui/screens/completion_screen.hpp"
#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/flow_step.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/pictogram.hpp"
#include "kiosk/ui/widgets/pictogram_tile.hpp"
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
    // Each kind with its pictogram ("kind-family"), like the catalogue's areas.
    for (const domain::CounsellingKind& k : env.catalog.counsellingKinds)
    {
        const std::string hint = env.text(k.description);
        const std::string id = "kind-" + k.id;
        TileOptions o;
        o.width = ImGui::GetContentRegionAvail().x;
        o.pictogram = id;
        o.subtitle = hint;
        o.id = id;
        o.iconSize = pictogramInlineSize(ctx);
        if (PictogramTile(ctx, env.text(k.name) + "##" + id, o))
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

/// The name and phone fields; the keys are drawn under or beside them (beginPersonForm/endPersonForm).
void contactStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CounsellingFlowState& s = env.state.requests.counselling;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool nameFocus = s.focus == RequestField::CounsellingName;
    const float nameTop = ImGui::GetCursorPosY();
    Label(ctx, env.tr.tr("counselling.contact.name"));
    const std::string nameHint = env.tr.tr("counselling.contact.name_placeholder");
    if (TextField(ctx, s.name.buffer.text(), width,
                  {.hint = nameHint,
                   .suffix = {},
                   .id = "field-name",
                   .focused = nameFocus,
                   .name = env.tr.tr("counselling.contact.name"),
                   .personal = true,
                   .masked = false}))
        emit(out, FocusRequestField{RequestField::CounsellingName});
    if (nameFocus)
    {
        drawInputNotice(env, ctx, s.name.buffer, true);
        scrollIntoViewOnFocus("field-name", nameTop);
    }
    const float phoneTop = ImGui::GetCursorPosY();
    Label(ctx, env.tr.tr("counselling.contact.phone"));
    const std::string phoneHint = env.tr.tr("callback.phone.placeholder");
    if (TextField(ctx, validate::formatPhone(s.phone.buffer.text()), width,
                  {.hint = phoneHint,
                   .suffix = {},
                   .id = "field-phone",
                   .focused = !nameFocus,
                   .name = env.tr.tr("counselling.contact.phone"),
                   .personal = true,
                   .masked = false}))
        emit(out, FocusRequestField{RequestField::CounsellingPhone});
    if (!nameFocus)
        drawInputNotice(env, ctx, s.phone.buffer, false);
    drawFlowError(env, ctx, s.errorKey, validate::kDefaultNameMinCodePoints, kFullNameMax);
    if (wideButton(ctx, env.tr.tr("common.next"), "next"))
        emit(out, NextStep{});
    // The phone is the last field: its row comes into sight with Next under it (the keypad leaves
    // the list room for both), so the resident sees what they type and where to go on.
    if (!nameFocus)
        scrollIntoViewOnFocus("field-phone", phoneTop);
    // The keys are drawn by drawCounsellingScreen, under or beside the form (endPersonForm).
}

void consentStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CounsellingFlowState& s = env.state.requests.counselling;
    ConsentStepView view;
    view.id = "##consent-panes";
    view.summary = [&]()
    {
        Label(ctx, env.tr.tr("counselling.consent.summary"));
        const SlotOption* slot = nullptr;
        for (const SlotOption& o : s.slots)
            if (s.slotId == o.id)
                slot = &o;
        Paragraph(ctx, slot != nullptr ? env.tr.tr("slip.meeting.title") + ": " + slotText(env, *slot)
                                       : env.tr.tr("slip.meeting.we_will_call"));
        Paragraph(ctx, env.tr.tr("counselling.contact.name") + ": " + s.name.buffer.text());
        Paragraph(ctx, env.tr.format("callback.phone.masked", {{"phone", validate::maskPhone(s.phoneNormalised)}}));
    };
    view.accepted = s.consent;
    view.errorKey = s.errorKey;
    if (s.booking == BookingState::Waiting)
        view.note = env.tr.tr("counselling.consent.checking");
    view.sendEnabled = !s.stored.has_value() && s.booking != BookingState::Waiting;
    if (drawConsentStep(env, ctx, out, view))
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
    view.scrollId = "##counselling-body";
    view.after = [&env, &ctx]()
    {
        dangerPanel(env, ctx);
    };
    (void)drawCompletion(env, ctx, out, view);
}

} // namespace

void drawCounsellingScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##counselling");
    drawTopBar(env, ctx, out);
    const ScreenId current = env.state.router.current();
    const bool keyboard = current == ScreenId::CounsellingContact;
    const RequestField focus = env.state.requests.counselling.focus;
    const bool keypad = focus != RequestField::CounsellingName;
    if (keyboard)
        beginFormColumn(env, ctx, "##counselling-column", keypad);
    if (current != ScreenId::CounsellingDone)
    {
        const int step = current == ScreenId::CounsellingKind      ? 1
                         : current == ScreenId::CounsellingSlot    ? 2
                         : current == ScreenId::CounsellingContact ? 3
                                                                   : 4;
        drawFlowHeading(env, ctx, env.tr.tr("counselling.title"), step, kCounsellingSteps, keyboard);
    }
    // The completion screen scrolls its own part, with Start in sight under it.
    const bool done = current == ScreenId::CounsellingDone;
    if (keyboard)
        beginPersonForm(env, ctx, "##counselling-body", keypad);
    else if (!done)
        TouchScrollBegin(ctx, "##counselling-body", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    switch (current)
    {
    case ScreenId::CounsellingKind:
        kindStep(env, ctx, out);
        break;
    case ScreenId::CounsellingSlot:
        slotStep(env, ctx, out);
        break;
    case ScreenId::CounsellingContact:
        contactStep(env, ctx, out);
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
    if (!done)
        dangerPanel(env, ctx);
    if (!keyboard)
    {
        if (!done)
            TouchScrollEnd(ctx);
    }
    else if (const std::optional<Key> key = endPersonForm(env, ctx, keypad))
        emit(out, RequestKey{focus, *key});
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

// Callback screens (see callback_screens.hpp). Big buttons, one question per screen, no typing
// beyond the phone number unless the resident wants to give a first name.
#include "kiosk/ui/screens/callback_screens.hpp"

#include "kiosk/core/flows/callback_flow.hpp"
#include "kiosk/ui/screens/completion_screen.hpp"
#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/flow_step.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/number_keypad.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "kiosk/ui/widgets/two_pane.hpp"
#include "shared/util/date_format.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{
namespace
{

void choice(UiContext& ctx, const std::string& label, const char* id, bool selected, bool enabled, float w,
            Intents& out, RequestAction action)
{
    ButtonOptions o;
    o.style = selected ? ButtonStyle::Selected : ButtonStyle::Secondary;
    o.size = ImVec2(w, ctx.em(3.0f));
    o.id = id;
    o.enabled = enabled;
    if (BigButton(ctx, (selected ? "✓ " : "") + label + "##" + id, o))
        out.emplace_back(RequestIntent{std::move(action)});
}

/// "wt. 03.03.2026": the actual date, never a relative word that a slip read later would make wrong.
std::string dateText(const ScreenEnv& env, const Date& d, bool withYear = true)
{
    return env.tr.tr("request.weekday." + std::to_string(d.weekday())) + " " +
           (withYear ? formatDate(d) : formatDayMonth(d));
}

/// "wt. 03.03.2026, po południu (12:00–15:30)".
std::string windowText(const ScreenEnv& env, const Date& day, std::optional<domain::DayPart> part)
{
    std::string s = dateText(env, day);
    if (part)
        s += ", " + env.tr.tr(*part == domain::DayPart::Morning ? "slip.callback.morning" : "slip.callback.afternoon");
    return s;
}

void phoneStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CallbackFlowState& s = env.state.requests.callback;
    if (formColumnOpen())
    {
        beginPersonForm(env, ctx, "##callback-phone-number", true);
        Paragraph(ctx, env.tr.tr("callback.phone.intro"));
        TextField(ctx, validate::formatPhone(s.phone.buffer.text()), env.tr.tr("callback.phone.placeholder"),
                  ImGui::GetContentRegionAvail().x);
        drawInputNotice(env, ctx, s.phone.buffer, false);
        drawFlowError(env, ctx, s.errorKey);
        ImGui::Spacing();
        if (wideButton(ctx, env.tr.tr("common.next"), "next"))
            emit(out, NextStep{});
        if (const std::optional<Key> key = endPersonForm(env, ctx, true))
            emit(out, RequestKey{RequestField::CallbackPhone, *key});
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float roomDown = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    NumberKeypadOptions pad;
    // Landscape: the keypad beside the number, both whole above the bottom bar; portrait: under it.
    const bool beside = beginBesideKeypad(ctx, pad, roomDown, "##callback-phone-number");
    Paragraph(ctx, env.tr.tr("callback.phone.intro"));
    const float fieldW = beside ? ImGui::GetContentRegionAvail().x : numberKeypadSize(ctx, pad).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - fieldW) * 0.5f);
    TextField(ctx, validate::formatPhone(s.phone.buffer.text()), env.tr.tr("callback.phone.placeholder"), fieldW);
    drawInputNotice(env, ctx, s.phone.buffer, false);
    drawFlowError(env, ctx, s.errorKey);
    if (beside)
    {
        ImGui::Spacing();
        if (wideButton(ctx, env.tr.tr("common.next"), "next"))
            emit(out, NextStep{});
        ImGui::EndChild();
        ImGui::SameLine();
    }
    else
    {
        // The keys take what is left above "Dalej", up to their comfortable height.
        const float nextH = std::max(ctx.minTargetPx(), ImGui::GetFontSize() + style.FramePadding.y * 2);
        pad.height = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx) - nextH - style.ItemSpacing.y * 3;
    }
    ImGui::BeginGroup();
    if (const std::optional<Key> key = NumberKeypad(ctx, env.tr, pad))
        emit(out, RequestKey{RequestField::CallbackPhone, *key});
    ImGui::EndGroup();
    if (!beside)
    {
        ImGui::Spacing();
        if (wideButton(ctx, env.tr.tr("common.next"), "next"))
            emit(out, NextStep{});
    }
}

void whenStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CallbackFlowState& s = env.state.requests.callback;
    // Scrolls when large text on a landscape panel makes the choices taller than the screen.
    TouchScrollBegin(ctx, "##when", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    Paragraph(ctx, env.tr.format("callback.phone.masked", {{"phone", validate::maskPhone(s.phoneNormalised)}}));
    Label(ctx, env.tr.tr("callback.when.day"));
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const bool todayPossible = callbackWindowOffered(CallbackDay::Today, domain::DayPart::Morning, env.now) ||
                               callbackWindowOffered(CallbackDay::Today, domain::DayPart::Afternoon, env.now);
    // Each choice carries its date: Friday's "next working day" is Monday, and the resident sees so.
    choice(ctx, env.tr.tr("callback.when.today") + "\n" + dateText(env, env.now.date, false), "day-today",
           s.day == CallbackDay::Today, todayPossible, w, out, ChooseCallbackDay{CallbackDay::Today});
    ImGui::SameLine();
    const std::string nextLabel =
        env.tr.tr(callbackNextDayIsTomorrow(env.now) ? "callback.when.tomorrow" : "callback.when.next_working_day");
    choice(ctx, nextLabel + "\n" + dateText(env, callbackDate(CallbackDay::Tomorrow, env.now), false), "day-tomorrow",
           s.day == CallbackDay::Tomorrow, true, w, out, ChooseCallbackDay{CallbackDay::Tomorrow});
    if (!todayPossible)
        ParagraphColored(ctx, env.tr.tr("callback.when.today_over"), ctx.palette.mutedText);
    if (s.day != CallbackDay::None)
    {
        Label(ctx, env.tr.tr("callback.when.part"));
        const bool morning = callbackWindowOffered(s.day, domain::DayPart::Morning, env.now);
        const bool afternoon = callbackWindowOffered(s.day, domain::DayPart::Afternoon, env.now);
        // A window that has passed is not offered at all (a disabled button would still tempt).
        bool first = true;
        if (morning)
        {
            choice(ctx, env.tr.tr("slip.callback.morning"), "part-morning", s.dayPart == domain::DayPart::Morning, true,
                   w, out, ChooseCallbackDayPart{domain::DayPart::Morning});
            first = false;
        }
        if (afternoon)
        {
            if (!first)
                ImGui::SameLine();
            choice(ctx, env.tr.tr("slip.callback.afternoon"), "part-afternoon", s.dayPart == domain::DayPart::Afternoon,
                   true, w, out, ChooseCallbackDayPart{domain::DayPart::Afternoon});
        }
    }
    drawFlowError(env, ctx, s.errorKey);
    ImGui::Spacing();
    if (wideButton(ctx, env.tr.tr("common.next"), "next"))
        emit(out, NextStep{});
    TouchScrollEnd(ctx);
}

void topicStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CallbackFlowState& s = env.state.requests.callback;
    Paragraph(ctx, env.tr.tr("callback.topic.intro"));
    TouchScrollBegin(ctx, "##topics", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    choice(ctx, env.tr.tr("callback.topic.none"), "topic-none", s.topicServiceId.empty(), true,
           ImGui::GetContentRegionAvail().x, out, ChooseCallbackTopic{""});
    for (const domain::Service& svc : env.catalog.services)
    {
        ButtonOptions o;
        o.style = s.topicServiceId == svc.id ? ButtonStyle::Selected : ButtonStyle::Secondary;
        o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        const std::string id = "topic-" + svc.id;
        o.id = id;
        if (BigButton(ctx, env.text(svc.name) + "##" + id, o))
            emit(out, ChooseCallbackTopic{svc.id});
    }
    TouchScrollEnd(ctx);
}

void nameStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CallbackFlowState& s = env.state.requests.callback;
    // The question, the field and its messages above the keyboard (portrait) or beside it (landscape).
    beginPersonForm(env, ctx, "##callback-name", false);
    Paragraph(ctx, env.tr.tr("callback.name.intro"));
    TextField(ctx, s.firstName.buffer.text(), env.tr.tr("callback.name.placeholder"), ImGui::GetContentRegionAvail().x);
    drawInputNotice(env, ctx, s.firstName.buffer, true);
    drawFlowError(env, ctx, s.errorKey, kCallbackFirstNameMin, kFirstNameMax);
    if (wideButton(ctx, env.tr.tr(s.firstName.buffer.empty() ? "callback.name.skip" : "common.next"), "next"))
        emit(out, NextStep{});
    if (const std::optional<Key> key = endPersonForm(env, ctx, false))
        emit(out, RequestKey{RequestField::CallbackName, *key});
}

void confirmStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CallbackFlowState& s = env.state.requests.callback;
    TouchScrollBegin(ctx, "##confirm", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    ConsentStepView view;
    view.id = "##confirm-panes";
    view.summary = [&]()
    {
        Label(ctx, env.tr.tr("callback.confirm.summary"));
        Paragraph(ctx, env.tr.format("callback.phone.masked", {{"phone", validate::maskPhone(s.phoneNormalised)}}));
        Paragraph(ctx,
                  env.tr.tr("slip.callback.when") + ": " + windowText(env, callbackDate(s.day, env.now), s.dayPart));
        if (const domain::Service* svc = env.catalog.findService(s.topicServiceId))
            Paragraph(ctx, env.tr.tr("callback.confirm.topic") + ": " + env.text(svc->name));
        if (!s.firstName.buffer.empty())
            Paragraph(ctx, env.tr.tr("callback.confirm.name") + ": " + s.firstName.buffer.text());
    };
    view.accepted = s.consent;
    view.errorKey = s.errorKey;
    view.sendEnabled = !s.stored.has_value();
    if (drawConsentStep(env, ctx, out, view))
        emit(out, ConfirmRequest{});
    TouchScrollEnd(ctx);
}

void doneStep(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CallbackFlowState& s = env.state.requests.callback;
    CompletionView view;
    view.title = env.tr.tr("callback.done.title");
    view.codeLabel = env.tr.tr("request.done.code");
    if (s.stored)
    {
        view.code = s.stored->code;
        if (s.updatedExisting)
            view.next.push_back(env.tr.tr("callback.done.updated"));
        view.next.push_back(env.tr.tr("callback.done.received"));
        view.next.push_back(env.tr.tr("slip.callback.when") + ": " + windowText(env, s.storedDay, s.storedPart));
        // A placeholder number ("— (do uzupełnienia)") must not be offered as the one to call.
        if (!env.catalog.municipality.phone.empty() && !env.catalog.municipality.contactToBeConfirmed)
            view.next.push_back(env.tr.format("slip.callback.no_call", {{"phone", env.catalog.municipality.phone}}));
        const SlipStatus slip = s.stored->slip.status;
        view.slipStatus = [&env, &ctx, slip]()
        {
            drawSlipStatus(env, ctx, slip);
        };
    }
    (void)drawCompletion(env, ctx, out, view);
}

} // namespace

void drawCallbackScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##callback");
    drawTopBar(env, ctx, out);
    const ScreenId current = env.state.router.current();
    // The phone's keypad and the name's keyboard beside the column of the title and the field.
    if (current == ScreenId::CallbackPhone || current == ScreenId::CallbackName)
        beginFormColumn(env, ctx, "##callback-column", current == ScreenId::CallbackPhone);
    if (current != ScreenId::CallbackDone)
    {
        const int step = current == ScreenId::CallbackPhone   ? 1
                         : current == ScreenId::CallbackWhen  ? 2
                         : current == ScreenId::CallbackTopic ? 3
                         : current == ScreenId::CallbackName  ? 4
                                                              : 5;
        drawFlowHeading(env, ctx, env.tr.tr("callback.title"), step, kCallbackSteps,
                        current == ScreenId::CallbackPhone || current == ScreenId::CallbackName);
    }
    switch (current)
    {
    case ScreenId::CallbackPhone:
        phoneStep(env, ctx, out);
        break;
    case ScreenId::CallbackWhen:
        whenStep(env, ctx, out);
        break;
    case ScreenId::CallbackTopic:
        topicStep(env, ctx, out);
        break;
    case ScreenId::CallbackName:
        nameStep(env, ctx, out);
        break;
    case ScreenId::CallbackConfirm:
        confirmStep(env, ctx, out);
        break;
    case ScreenId::CallbackDone:
        doneStep(env, ctx, out);
        break;
    default:
        break;
    }
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

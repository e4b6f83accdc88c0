// Equipment reservation screens (see equipment_screens.hpp).
#include "kiosk/ui/screens/equipment_screens.hpp"

#include "kiosk/ui/screens/completion_screen.hpp"
#include "kiosk/ui/screens/flow_step.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/top_row.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/calendar.hpp"
#include "kiosk/ui/widgets/checkbox.hpp"
#include "kiosk/ui/widgets/pictogram_tile.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "kiosk/ui/widgets/two_pane.hpp"
#include "shared/rules/loan_period.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

void emit(Intents& out, equipment::Action a)
{
    out.emplace_back(EquipmentIntent{std::move(a)});
}

std::vector<std::string> words(const std::string& s)
{
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w)
        out.push_back(w);
    return out;
}

const domain::EquipmentType* chosenType(const ScreenEnv& env)
{
    return env.catalog.findEquipmentType(env.state.equipment.typeId);
}

ButtonOptions wide(ButtonStyle style, const char* id)
{
    ButtonOptions o;
    o.style = style;
    o.id = id;
    o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    return o;
}

void cancelButton(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    if (BigButton(ctx, env.tr.tr("equipment.cancel") + "##eq-cancel", wide(ButtonStyle::Secondary, "eq-cancel")))
        emit(out, equipment::Cancel{});
}

void errorText(UiContext& ctx, const std::string& text)
{
    ParagraphColored(ctx, "⚠ " + text, ctx.palette.warningText);
}

std::string availabilityLine(const ScreenEnv& env, const TypeAvailability& a)
{
    if (a.freeNow > 0)
        return env.tr.format("equipment.available_now", {{"count", std::to_string(a.freeNow)}});
    if (a.nextAvailable)
        return env.tr.format("equipment.available_from", {{"date", formatDay(*a.nextAvailable)}});
    return env.tr.tr("equipment.not_available");
}

std::string attributesLine(const ScreenEnv& env, const domain::EquipmentType& t)
{
    std::string s;
    for (const domain::EquipmentAttribute& a : t.attributes)
    {
        if (!s.empty())
            s += " · ";
        s += env.text(a.label) + ": " + env.text(a.value);
    }
    return s;
}

void fieldRow(const ScreenEnv& env, UiContext& ctx, Intents& out, PersonField f)
{
    const EquipmentState& e = env.state.equipment;
    if (personFieldRow(env, ctx, e.person, f, e.field(f), {"equipment.field.", "eq-field-"}))
        emit(out, equipment::Focus{f});
}

void keyValue(const ScreenEnv& env, UiContext& ctx, const char* key, const std::string& value)
{
    Label(ctx, env.tr.tr(key));
    Paragraph(ctx, value);
}

} // namespace

std::string formatDay(const Date& d)
{
    auto two = [](int v)
    {
        return (v < 10 ? "0" : "") + std::to_string(v);
    };
    return two(d.day) + "." + two(d.month) + "." + std::to_string(d.year);
}

void drawEquipmentTypesScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##eq-types");
    drawTopBar(env, ctx, out);
    drawFlowHeading(env, ctx, env.tr.tr("equipment.types.title"), 1, kEquipmentSteps);
    Paragraph(ctx, env.tr.tr("equipment.types.intro"));
    TouchScrollBegin(ctx, "##eq-type-list", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    const EquipmentState& e = env.state.equipment;
    std::vector<TileSpec> tiles;
    for (const domain::EquipmentType& t : env.catalog.equipmentTypes)
    {
        TypeAvailability a;
        for (const TypeAvailability& x : e.availability)
            if (x.typeId == t.id)
                a = x;
        std::string subtitle = availabilityLine(env, a);
        const std::string attrs = attributesLine(env, t);
        if (!attrs.empty())
            subtitle += "\n" + attrs;
        const std::string id = "eq-type-" + t.id;
        tiles.push_back(TileSpec{env.text(t.name) + "##" + id, subtitle, t.pictogram, id, true});
    }
    // Each type with its pictogram; two columns where a landscape screen is wide enough.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    GridOptions grid;
    grid.columns = PictogramTileColumns(ctx, tiles, ImGui::GetContentRegionAvail().x, display.x > display.y ? 2 : 1,
                                        TileShape::Row);
    const int tapped = PictogramTileGrid(ctx, tiles, grid);
    if (tapped >= 0)
        emit(out, equipment::SelectType{env.catalog.equipmentTypes[static_cast<std::size_t>(tapped)].id});
    TouchScrollEnd(ctx);
    drawBottomBar(env, ctx, out);
    endScreen();
}

namespace
{

/// How long, its one-tap lengths and ±1 day, what was chosen, its message, Next and Cancel: under
/// the month in portrait, in the column beside it in landscape, where a day picked brings what was
/// chosen and Next into the column's sight (`showNextOnPick`).
void drawLoanPeriod(const ScreenEnv& env, UiContext& ctx, Intents& out, const domain::EquipmentType& t,
                    bool showNextOnPick)
{
    const EquipmentState& e = env.state.equipment;
    Label(ctx, env.tr.tr("equipment.dates.period"));
    // Common lengths as one-tap choices (never above the type's maximum), and ±1 day.
    std::vector<int> presets{7, 14, 30, 60, 90, 180};
    presets.push_back(t.defaultLoanDays);
    std::sort(presets.begin(), presets.end());
    presets.erase(std::unique(presets.begin(), presets.end()), presets.end());
    std::erase_if(presets, [&](int d) { return d > t.maxLoanDays || d < 1; });
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(presets.size() - 1)) /
                    static_cast<float>(presets.size());
    for (std::size_t i = 0; i < presets.size(); ++i)
    {
        if (i > 0)
            ImGui::SameLine();
        ButtonOptions o;
        o.size = ImVec2(w, 0);
        o.style = presets[i] == e.days ? ButtonStyle::Selected : ButtonStyle::Secondary;
        const std::string id = "eq-days-" + std::to_string(presets[i]);
        o.id = id;
        if (BigButton(ctx, std::to_string(presets[i]) + "##" + id, o))
            emit(out, equipment::SetDays{presets[i]});
    }
    ButtonOptions minus;
    minus.id = "eq-days-minus";
    minus.enabled = e.days > 1;
    if (BigButton(ctx, "-1##eq-days-minus", minus))
        emit(out, equipment::SetDays{e.days - 1});
    ImGui::SameLine();
    TextIn(ctx, ctx.faces().title, ctx.palette.text,
           env.tr.format("equipment.dates.days", {{"days", std::to_string(e.days)}}));
    ImGui::SameLine();
    ButtonOptions plus;
    plus.id = "eq-days-plus";
    plus.enabled = e.days < t.maxLoanDays;
    if (BigButton(ctx, "+1##eq-days-plus", plus))
        emit(out, equipment::SetDays{e.days + 1});
    ParagraphColored(ctx, env.tr.format("equipment.dates.max", {{"days", std::to_string(t.maxLoanDays)}}),
                     ctx.palette.mutedText);
    const float chosenTop = ImGui::GetCursorPosY();
    if (e.pickUp)
        Paragraph(ctx, env.tr.format("equipment.dates.summary",
                                     {{"from", formatDay(*e.pickUp)},
                                      {"until", formatDay(rules::dueDateFor(*e.pickUp, e.days))}}));
    if (!e.dateErrorKey.empty())
    {
        errorText(ctx, env.tr.tr(e.dateErrorKey));
        if (e.dateErrorKey == "equipment.error.none_free")
        {
            if (e.suggestedDate)
            {
                if (BigButton(ctx,
                              env.tr.format("equipment.choose_date", {{"date", formatDay(*e.suggestedDate)}}) +
                                  "##eq-suggested",
                              wide(ButtonStyle::Secondary, "eq-suggested")))
                    emit(out, equipment::PickDate{*e.suggestedDate});
            }
            if (BigButton(ctx, env.tr.tr("equipment.waiting_list.join") + "##eq-wait",
                          wide(ButtonStyle::Secondary, "eq-waiting-list")))
                emit(out, equipment::JoinWaitingList{});
        }
    }
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    if (BigButton(ctx, env.tr.tr("equipment.next") + "##eq-next", wide(ButtonStyle::Primary, "eq-next")))
        emit(out, equipment::DatesNext{});
    if (showNextOnPick)
        scrollSpanIntoViewOnChange("##eq-picked", e.pickUp ? e.pickUp->iso() : std::string(), chosenTop,
                                   e.pickUp ? ImGui::GetCursorPosY() : chosenTop);
    cancelButton(env, ctx, out);
}

/// The month's labels in the session language.
CalendarLabels calendarLabels(const ScreenEnv& env, Date shown)
{
    CalendarLabels labels;
    const std::vector<std::string> months = words(env.tr.tr("equipment.calendar.months"));
    const std::vector<std::string> days = words(env.tr.tr("equipment.calendar.weekdays"));
    const std::size_t mi = static_cast<std::size_t>(shown.month - 1);
    labels.monthTitle =
        (mi < months.size() ? months[mi] : std::to_string(shown.month)) + " " + std::to_string(shown.year);
    for (std::size_t i = 0; i < 7; ++i)
        labels.weekdays[i] = i < days.size() ? days[i] : std::string();
    labels.previous = env.tr.tr("equipment.calendar.previous");
    labels.next = env.tr.tr("equipment.calendar.next");
    labels.legendToday = env.tr.tr("equipment.calendar.today");
    labels.legendSelected = env.tr.tr("equipment.calendar.selected");
    labels.legendUnavailable = env.tr.tr("equipment.calendar.unavailable");
    return labels;
}

} // namespace

void drawEquipmentDatesScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##eq-dates");
    const TopRowMark mark = markTopRow(ctx);
    drawTopBar(env, ctx, out);
    const EquipmentState& e = env.state.equipment;
    const domain::EquipmentType* t = chosenType(env);
    if (t == nullptr)
    {
        cancelButton(env, ctx, out);
        drawBottomBar(env, ctx, out);
        endScreen();
        return;
    }
    const Date shown = e.shownMonth == Date{} ? env.now.date : e.shownMonth;
    const CalendarLabels labels = calendarLabels(env, shown);
    const Date first = env.now.date;
    const Date last = first.plusDays(kPickUpHorizonDays);
    CalendarOptions calendar;
    calendar.today = env.now.date;
    calendar.isUnavailable = [&](Date d)
    {
        return std::find(e.unavailableDays.begin(), e.unavailableDays.end(), d) != e.unavailableDays.end();
    };
    auto apply = [&](const CalendarResult& picked)
    {
        if (picked.kind == CalendarResult::Kind::Picked)
            emit(out, equipment::PickDate{picked.date});
        else if (picked.kind == CalendarResult::Kind::PreviousMonth)
            emit(out, equipment::ShowMonth{-1});
        else if (picked.kind == CalendarResult::Kind::NextMonth)
            emit(out, equipment::ShowMonth{1});
    };
    if (wantsTwoPanes(ctx))
    {
        // Landscape: the weekdays and the six weeks of the month alone take the whole height on the
        // left (a month with its own title row, buttons and legend needs more than 1080 px has at
        // 15-mm rows); the title (on the top bar's row when it fits there), the step, the month's name
        // and buttons, the legend and the period are in the column on the right.
        const std::string name = env.text(t->name);
        const TopRow row = topRowAfter(ctx, mark);
        ImFont* titleFace = ctx.faces().title;
        const bool titleInRow = row.fits(titleFace->CalcTextSizeA(titleFace->FontSize, FLT_MAX, 0.0f, name.c_str())) &&
                                TitleInTopRow(ctx, row, name);
        const float roomDown = ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx);
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float monthW = std::floor((ImGui::GetContentRegionAvail().x - gap) * 0.55f);
        ImGui::BeginChild("##eq-dates-month", ImVec2(monthW, roomDown), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                              ImGuiWindowFlags_NoBackground);
        CalendarOptions days = calendar;
        days.monthRow = false;
        days.legend = false;
        days.maxHeight = roomDown;
        // Where even 15-mm rows do not fit (1280x720 in large text) the weeks scroll under their
        // weekdays; the grid leaves the scroll bar's width so the columns line up.
        const float gridW = monthW - ImGui::GetStyle().ScrollbarSize;
        apply(CalendarHeader(ctx, "##eq-cal", shown, first, last, labels, gridW, days));
        TouchScrollBegin(ctx, "##eq-dates-weeks", ImVec2(monthW, ImGui::GetContentRegionAvail().y));
        const float weeksTop = ImGui::GetCursorPosY();
        scrollSpanIntoViewOnChange("##eq-month", shown.iso(), weeksTop, weeksTop + 1.0f);
        apply(CalendarGrid(ctx, "##eq-cal", shown, e.pickUp, first, last, labels, gridW, days));
        TouchScrollEnd(ctx);
        ImGui::EndChild();
        ImGui::SameLine(0.0f, gap);
        TouchScrollBegin(ctx, "##eq-dates-body", ImVec2(0, roomDown));
        if (titleInRow)
            drawFlowStep(env, ctx, 2, kEquipmentSteps);
        else
            drawFlowHeading(env, ctx, name, 2, kEquipmentSteps);
        Label(ctx, env.tr.tr("equipment.dates.pickup"));
        const float columnW = ImGui::GetContentRegionAvail().x;
        CalendarOptions month = calendar;
        month.weekdays = false;
        apply(CalendarHeader(ctx, "##eq-cal", shown, first, last, labels, columnW, month));
        CalendarLegend(ctx, labels, columnW);
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        drawLoanPeriod(env, ctx, out, *t, true);
        TouchScrollEnd(ctx);
        drawBottomBar(env, ctx, out);
        endScreen();
        return;
    }
    drawFlowHeading(env, ctx, env.text(t->name), 2, kEquipmentSteps);
    // Portrait: the month's name, its buttons and the weekdays stay above the list in which the days,
    // the period and "Dalej" scroll, so a week deep in the list still has its names.
    // The list's scroll bar takes its width from the grid: the header leaves it too, so columns align.
    const float gridW = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    Label(ctx, env.tr.tr("equipment.dates.pickup"));
    apply(CalendarHeader(ctx, "##eq-cal", shown, first, last, labels, gridW, calendar));
    TouchScrollBegin(ctx, "##eq-dates-body", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    // Another month starts at its first week.
    const float listTop = ImGui::GetCursorPosY();
    scrollSpanIntoViewOnChange("##eq-month", shown.iso(), listTop, listTop + 1.0f);
    apply(CalendarGrid(ctx, "##eq-cal", shown, e.pickUp, first, last, labels, gridW, calendar));
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    drawLoanPeriod(env, ctx, out, *t, false);
    TouchScrollEnd(ctx);
    drawBottomBar(env, ctx, out);
    endScreen();
}

void drawEquipmentClauseScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##eq-clause");
    drawTopBar(env, ctx, out);
    drawFlowHeading(env, ctx, env.tr.tr("equipment.clause.title"), 3, kEquipmentSteps);
    TouchScrollBegin(ctx, "##eq-clause-body", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    Paragraph(ctx, env.tr.format("equipment.clause.controller", {{"cus", env.text(env.catalog.municipality.cusName)}}));
    for (const char* key :
         {"equipment.clause.purpose", "equipment.clause.retention", "equipment.clause.rights", "equipment.clause.dpo"})
        Paragraph(ctx, env.tr.tr(key));
    ParagraphColored(ctx, env.tr.tr("equipment.clause.to_confirm"), ctx.palette.mutedText);
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    if (BigButton(ctx, env.tr.tr("equipment.clause.accept") + "##eq-clause-ok",
                  wide(ButtonStyle::Primary, "eq-clause-ok")))
        emit(out, equipment::AcknowledgeClause{});
    cancelButton(env, ctx, out);
    TouchScrollEnd(ctx);
    drawBottomBar(env, ctx, out);
    endScreen();
}

void drawEquipmentPersonScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##eq-person");
    drawTopBar(env, ctx, out);
    const EquipmentState& e = env.state.equipment;
    const bool numeric = e.person.focus == PersonField::Phone || e.person.focus == PersonField::PostalCode;
    beginFormColumn(env, ctx, "##eq-person-column", numeric);
    drawFlowHeading(env, ctx, env.tr.tr(e.waitingList ? "equipment.person.title_waiting" : "equipment.person.title"), 4,
                    kEquipmentSteps, true);
    beginPersonForm(env, ctx, "##eq-person-body", numeric);
    const ImGuiID nextPresses = ImGui::GetID("##next-presses");
    fieldRow(env, ctx, out, PersonField::Name);
    fieldRow(env, ctx, out, PersonField::Phone);
    if (!e.waitingList)
    {
        fieldRow(env, ctx, out, PersonField::Street);
        fieldRow(env, ctx, out, PersonField::PostalCode);
        fieldRow(env, ctx, out, PersonField::City);
    }
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    if (Checkbox(ctx, env.tr.tr("equipment.on_behalf"), e.onBehalf, "eq-on-behalf"))
        emit(out, equipment::ToggleOnBehalf{});
    if (e.onBehalf)
        fieldRow(env, ctx, out, PersonField::CarerName);
    if (!e.waitingList)
    {
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        Label(ctx, env.tr.tr("equipment.declaration.title"));
        Paragraph(ctx, env.tr.format("equipment.declaration.text",
                                     {{"municipality", env.text(env.catalog.municipality.name)}}));
        const float tickTop = ImGui::GetCursorPosY();
        if (Checkbox(ctx, env.tr.tr("equipment.declaration.toggle"), e.residencyDeclared, "eq-residency"))
            emit(out, equipment::ToggleResidency{});
        if (e.residencyError)
            errorText(ctx, env.tr.tr("equipment.error.residency"));
        // Next with every field right but no tick: the tick box and its message come whole into sight
        // (a field's error scrolls to that field instead). Only a press of Next scrolls: the last
        // field's error going away while it is typed must not pull the field out of sight.
        const bool showTick = e.residencyError && e.person.errors.empty();
        scrollSpanIntoViewOnChange("##residency", std::to_string(ImGui::GetStateStorage()->GetInt(nextPresses)),
                                   tickTop, showTick ? ImGui::GetCursorPosY() : tickTop);
    }
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    if (BigButton(ctx, env.tr.tr("equipment.next") + "##eq-person-next", wide(ButtonStyle::Primary, "eq-person-next")))
    {
        ImGuiStorage* storage = ImGui::GetStateStorage();
        storage->SetInt(nextPresses, storage->GetInt(nextPresses) + 1);
        emit(out, equipment::PersonNext{});
    }
    cancelButton(env, ctx, out);
    if (const std::optional<Key> key = endPersonForm(env, ctx, numeric))
        emit(out, equipment::Press{*key});
    drawBottomBar(env, ctx, out);
    endScreen();
}

namespace
{

void drawSummaryBody(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const EquipmentState& e = env.state.equipment;
    const domain::EquipmentType* t = chosenType(env);
    // Landscape: what will be sent on the left, Confirm beside it.
    TwoPane panes(ctx, "##eq-summary-panes", 0.6f);
    if (t != nullptr)
        keyValue(env, ctx, "equipment.summary.equipment", env.text(t->name));
    if (e.pickUp && !e.waitingList)
        keyValue(
            env, ctx, "equipment.summary.dates",
            env.tr.format("equipment.dates.summary", {{"from", formatDay(*e.pickUp)},
                                                      {"until", formatDay(rules::dueDateFor(*e.pickUp, e.days))}}));
    keyValue(env, ctx, "equipment.field.name", e.person.name.buffer.text());
    keyValue(env, ctx, "equipment.field.phone", validate::maskPhone(e.person.phone.buffer.text()));
    if (!e.waitingList)
    {
        const std::string postal = shownPersonValue(PersonField::PostalCode, e.person.postalCode.buffer.text(), false);
        keyValue(env, ctx, "equipment.summary.address",
                 e.person.street.buffer.text() + ", " + postal + " " + e.person.city.buffer.text());
    }
    if (e.onBehalf)
        keyValue(env, ctx, "equipment.field.carer_name", e.carerName.buffer.text());
    panes.next();
    if (!panes.split())
        ImGui::Dummy(ImVec2(0, ctx.em(0.5f)));

    switch (e.phase)
    {
    case EquipmentPhase::Checking:
        Title(ctx, env.tr.tr("equipment.summary.checking"));
        ctx.animating = true;
        break;
    case EquipmentPhase::Unavailable:
        errorText(ctx, env.tr.tr("equipment.error.none_free"));
        if (e.unavailableNext)
            Paragraph(ctx, env.tr.format("equipment.available_from", {{"date", formatDay(*e.unavailableNext)}}));
        if (!e.errorKey.empty())
            errorText(ctx, env.tr.tr(e.errorKey));
        if (BigButton(ctx, env.tr.tr("equipment.waiting_list.join") + "##eq-wait2",
                      wide(ButtonStyle::Primary, "eq-waiting-list")))
            emit(out, equipment::JoinWaitingList{});
        cancelButton(env, ctx, out);
        break;
    case EquipmentPhase::Failed:
        errorText(ctx, env.tr.tr(e.errorKey.empty() ? "equipment.error.storage" : e.errorKey));
        [[fallthrough]];
    case EquipmentPhase::Editing:
    case EquipmentPhase::Done:
    {
        ButtonOptions o = wide(ButtonStyle::Primary, "eq-confirm");
        o.enabled = e.phase != EquipmentPhase::Done;
        const char* label = e.waitingList ? "equipment.waiting_list.join" : "equipment.confirm";
        if (BigButton(ctx, env.tr.tr(label) + "##eq-confirm", o))
            emit(out, equipment::Confirm{});
        cancelButton(env, ctx, out);
        break;
    }
    }
}

} // namespace

void drawEquipmentSummaryScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##eq-summary");
    const EquipmentState& e = env.state.equipment;
    // While the server is asked, leaving half-way would hide the answer: no Back/Home then.
    drawTopBar(env, ctx, out, {.backAndHome = e.phase != EquipmentPhase::Checking});
    drawFlowHeading(env, ctx, env.tr.tr(e.waitingList ? "equipment.summary.title_waiting" : "equipment.summary.title"),
                    kEquipmentSteps, kEquipmentSteps);
    TouchScrollBegin(ctx, "##eq-summary-body", ImVec2(0, ImGui::GetContentRegionAvail().y - bottomBarHeight(ctx)));
    drawSummaryBody(env, ctx, out);
    TouchScrollEnd(ctx);
    drawBottomBar(env, ctx, out);
    endScreen();
}

void drawEquipmentDoneScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginScreen(ctx, "##eq-done");
    drawTopBar(env, ctx, out, {.backAndHome = false});
    const EquipmentState& e = env.state.equipment;
    const domain::EquipmentType* t = chosenType(env);
    const bool waiting = !e.waitingListCode.empty();
    CompletionView view;
    if (waiting)
        view.title = env.tr.tr("equipment.done.waiting_title");
    else
        view.title = env.tr.tr(e.status == domain::ReservationStatus::Held ? "equipment.done.held"
                                                                           : "equipment.done.provisional");
    view.codeLabel = env.tr.tr("equipment.done.code");
    view.code = waiting ? e.waitingListCode : e.code;
    if (waiting)
    {
        view.next.push_back(env.tr.format("equipment.done.waiting_text", {{"phone", e.maskedPhone}}));
        view.next.push_back(env.tr.tr("equipment.done.waiting_hold"));
    }
    else
    {
        if (e.status != domain::ReservationStatus::Held)
            view.next.push_back(env.tr.format("equipment.done.provisional_text", {{"phone", e.maskedPhone}}));
        if (t != nullptr && e.pickUp)
            view.next.push_back(
                env.tr.format("equipment.dates.summary", {{"from", formatDay(*e.pickUp)},
                                                          {"until", formatDay(rules::dueDateFor(*e.pickUp, e.days))}}));
        if (t != nullptr)
        {
            view.listLabel = env.tr.tr("equipment.done.bring");
            view.list = t->whatToBring.in(env.lang());
        }
    }
    view.slipStatus = [&]()
    {
        switch (e.slip.status)
        {
        case SlipStatus::None:
        case SlipStatus::NoPrinter:
            ParagraphColored(ctx, env.tr.tr("equipment.done.no_printer"), ctx.palette.mutedText);
            break;
        case SlipStatus::Printing:
            ParagraphColored(ctx, env.tr.tr("equipment.done.printing"), ctx.palette.mutedText);
            break;
        case SlipStatus::Printed:
            ParagraphColored(ctx, env.tr.tr("equipment.done.printed"), ctx.palette.mutedText);
            break;
        case SlipStatus::Failed:
            errorText(ctx, env.tr.tr("printer.failed_show_code"));
            if (!e.slip.messageKey.empty())
                Paragraph(ctx, env.tr.tr(e.slip.messageKey));
            break;
        }
    };
    view.finishId = "eq-finish";
    view.scrollId = "##eq-done-body";
    (void)drawCompletion(env, ctx, out, view);
    drawBottomBar(env, ctx, out);
    endScreen();
}

} // namespace okienko::kiosk::ui

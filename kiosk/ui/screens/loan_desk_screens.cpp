// Check-in, open loans with extension, overdue loans and units screens. Staff stand at the terminal
// with a unit in their hands: big targets, body-size text or larger, and the facts they act on
// (unit, borrower, due date, days overdue) in the order they need them.
#include "kiosk/ui/screens/loan_desk_screens.hpp"

#include "kiosk/ui/screens/equipment_screens.hpp" // formatDay
#include "kiosk/ui/screens/staff_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "shared/domain/codes.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace okienko::kiosk::ui
{
namespace
{

void emit(Intents& out, loan_desk::Action a)
{
    out.emplace_back(LoanDeskIntent{std::move(a)});
}

ButtonOptions wide(ButtonStyle style, std::string_view id, bool enabled = true)
{
    ButtonOptions o;
    o.style = style;
    o.id = id;
    o.enabled = enabled;
    o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    return o;
}

void errorText(UiContext& ctx, const std::string& text)
{
    ParagraphColored(ctx, "⚠ " + text, ctx.palette.warningText);
}

std::string phoneText(const std::string& phone)
{
    return phone.size() == 9 ? validate::formatPhone(phone) : phone;
}

std::string stateText(const ScreenEnv& env, domain::UnitState s)
{
    std::string code(domain::toCode(s));
    std::replace(code.begin(), code.end(), '-', '_');
    return env.tr.tr("desk.unit_state." + code);
}

std::string typeName(const ScreenEnv& env, const std::string& typeId)
{
    const domain::EquipmentType* t = env.catalog.findEquipmentType(typeId);
    return t != nullptr ? env.text(t->name) : typeId;
}

std::string overdueText(const ScreenEnv& env, int days)
{
    return env.tr.format("desk.overdue_days", {{"days", std::to_string(days)}});
}

void keyValue(const ScreenEnv& env, UiContext& ctx, const char* key, const std::string& value)
{
    Label(ctx, env.tr.tr(key));
    Paragraph(ctx, value);
}

/// The unit and its loan: what staff compare with the unit in their hands and the person before them.
void loanCard(const ScreenEnv& env, UiContext& ctx, const DeskLoan& l)
{
    Title(ctx, l.inventoryNumber + " · " + typeName(env, l.typeId));
    keyValue(env, ctx, "desk.checkin.borrower", l.name + (l.phone.empty() ? "" : " · " + phoneText(l.phone)));
    Paragraph(ctx, env.tr.tr("desk.checkin.start") + ": " + formatDay(l.start) + "   " + env.tr.tr("desk.checkin.due") +
                       ": " + formatDay(l.due));
    if (l.daysOverdue > 0)
        errorText(ctx, overdueText(env, l.daysOverdue));
}

// --- check-in ------------------------------------------------------------------------------------

void drawCheckIn(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CheckInState& c = env.state.staff.desk.checkIn;
    const bool keyboard = c.focus != DeskField::None;
    // An inventory number gets the code keyboard (Latin and digits in any language), notes the letters.
    const StaffKeys keys = !keyboard                      ? StaffKeys::None
                           : c.focus == DeskField::Number ? StaffKeys::Code
                                                          : StaffKeys::Letters;
    beginStaffScreen(env, ctx, out, "##loan-desk", {.title = env.tr.tr("desk.checkin.title"), .keys = keys});
    // The screen's action (Find, then Confirm) stays in sight above or beside the keys.
    const std::string action = env.tr.tr(c.loan ? "desk.checkin.confirm" : "desk.checkin.find");
    const StaffKeysArea area = staffKeysArea(env, ctx, keys, action);
    beginStaffForm(env, ctx, "##desk-checkin", area);
    if (!c.loan)
    {
        const float top = ImGui::GetCursorScreenPos().y;
        Label(ctx, env.tr.tr("desk.checkin.number"));
        const std::string typed = c.number.buffer.text();
        const std::string shown = typed.empty() ? env.tr.tr("desk.checkin.number_hint") : typed + " |";
        if (BigButton(ctx, shown + "##desk-field-number", wide(ButtonStyle::Selected, "desk-field-number")))
            emit(out, loan_desk::Focus{DeskField::Number});
        if (!c.errorKey.empty())
        {
            std::string state;
            if (c.errorUnitState)
                state = stateText(env, *c.errorUnitState);
            errorText(ctx, env.tr.format(c.errorKey, {{"number", c.errorNumber}, {"state", state}}));
        }
        keepTypedFieldInView("desk-checkin", c.errorKey.empty() ? 1 : 2, top);
    }
    else
    {
        // Landscape without the keys: the loan on the left, how it came back on the right.
        const int columns = keyboard ? 1 : staffColumns(ctx, 14.0f, 2);
        beginStaffColumns(ctx, "##desk-checkin-columns", columns);
        nextStaffColumn(columns);
        loanCard(env, ctx, *c.loan);
        if (StaffAction(ctx, env.tr.tr("desk.checkin.change_unit"), "desk-change-unit", ButtonStyle::Secondary))
            emit(out, loan_desk::ChangeUnit{});
        nextStaffColumn(columns);
        if (columns == 1)
            ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        Label(ctx, env.tr.tr("desk.checkin.condition"));
        struct Choice
        {
            domain::ReturnCondition condition;
            const char* key;
            const char* id;
        };
        const Choice choices[] = {
            {domain::ReturnCondition::Fine, "desk.condition.fine", "desk-cond-fine"},
            {domain::ReturnCondition::NeedsCleaning, "desk.condition.cleaning", "desk-cond-cleaning"},
            {domain::ReturnCondition::NeedsRepair, "desk.condition.repair", "desk-cond-repair"},
        };
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float w = (ImGui::GetContentRegionAvail().x - 2.0f * gap) / 3.0f;
        // All three as high as the tallest label needs ("Wymaga naprawy" wraps in a narrow column).
        float h = ctx.em(3.2f);
        for (const Choice& ch : choices)
        {
            ButtonOptions probe;
            probe.size = ImVec2(w, 0);
            h = std::max(h, BigButtonSize(ctx, std::string("✓ ") + env.tr.tr(ch.key), probe).y);
        }
        bool first = true;
        for (const Choice& ch : choices)
        {
            if (!first)
                ImGui::SameLine();
            first = false;
            const bool on = c.condition == ch.condition;
            ButtonOptions o;
            o.style = on ? ButtonStyle::Selected : ButtonStyle::Secondary;
            o.size = ImVec2(w, h);
            o.id = ch.id;
            if (BigButton(ctx, std::string(on ? "✓ " : "") + env.tr.tr(ch.key) + "##" + ch.id, o))
                emit(out, loan_desk::SetCondition{ch.condition});
        }
        ParagraphColored(ctx, env.tr.tr("desk.checkin.always_cleaned"), ctx.palette.mutedText);
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        const float top = ImGui::GetCursorScreenPos().y;
        Label(ctx, env.tr.tr("desk.checkin.notes"));
        const std::string notes = c.notes.buffer.text();
        const bool focused = c.focus == DeskField::Notes;
        const std::string shownNotes =
            notes.empty() && !focused ? env.tr.tr("desk.checkin.notes_hint") : notes + (focused ? " |" : "");
        if (BigButton(ctx, shownNotes + "##desk-field-notes",
                      wide(focused ? ButtonStyle::Selected : ButtonStyle::Secondary, "desk-field-notes")))
            emit(out, loan_desk::Focus{DeskField::Notes});
        if (!c.notesErrorKey.empty())
            errorText(ctx, env.tr.format(c.notesErrorKey, {{"min", "0"}, {"max", std::to_string(kReturnNotesMax)}}));
        if (!c.errorKey.empty())
            errorText(ctx, env.tr.tr(c.errorKey));
        if (focused)
            keepTypedFieldInView("desk-checkin", 3, top);
        endStaffColumns(columns);
    }
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f))); // the field can scroll clear of the area's edge
    TouchScrollEnd(ctx);
    if (c.loan)
    {
        if (StaffPinnedAction(ctx, area, action, "desk-confirm-checkin", c.phase != DeskPhase::Done))
            emit(out, loan_desk::ConfirmCheckIn{});
    }
    else if (StaffPinnedAction(ctx, area, action, "desk-find"))
        emit(out, loan_desk::FindUnit{});
    if (keyboard)
    {
        const float keysW = placeStaffKeys(area, keys);
        if (const std::optional<Key> key =
                OnScreenKeyboard(ctx, env.state.keyboard.state, env.tr, keysW, 0.0f, staffKeyRows(keys)))
            emit(out, loan_desk::Press{*key});
        endStaffKeys();
    }
    endStaffScreen(env, ctx, out);
}

void drawCheckInDone(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CheckInState& c = env.state.staff.desk.checkIn;
    beginStaffScreen(env, ctx, out, "##loan-desk", {.title = env.tr.tr("desk.done.title")});
    const std::string next = env.tr.tr("desk.done.next");
    const StaffKeysArea area = staffKeysArea(env, ctx, StaffKeys::None, next);
    TouchScrollBegin(ctx, "##desk-checkin-done", area.content);
    if (c.loan)
    {
        const char* key = c.unitState == domain::UnitState::Repair ? "desk.done.to_repair" : "desk.done.to_cleaning";
        Title(ctx, env.tr.format(key, {{"unit", c.loan->inventoryNumber}}));
        Paragraph(ctx, typeName(env, c.loan->typeId));
        if (c.condition)
        {
            const char* condKey = *c.condition == domain::ReturnCondition::Fine            ? "desk.condition.fine"
                                  : *c.condition == domain::ReturnCondition::NeedsCleaning ? "desk.condition.cleaning"
                                                                                           : "desk.condition.repair";
            keyValue(env, ctx, "desk.checkin.condition", env.tr.tr(condKey));
        }
        if (!c.notes.buffer.empty())
            keyValue(env, ctx, "desk.checkin.notes", c.notes.buffer.text());
    }
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    switch (c.slip.status)
    {
    case SlipStatus::None:
    case SlipStatus::NoPrinter:
        ParagraphColored(ctx, env.tr.tr("desk.done.no_printer"), ctx.palette.mutedText);
        break;
    case SlipStatus::Printing:
        ParagraphColored(ctx, env.tr.tr("desk.done.printing"), ctx.palette.mutedText);
        break;
    case SlipStatus::Printed:
        ParagraphColored(ctx, env.tr.tr("desk.done.printed"), ctx.palette.mutedText);
        break;
    case SlipStatus::Failed:
        errorText(ctx, env.tr.tr("desk.done.print_failed"));
        if (!c.slip.messageKey.empty())
            Paragraph(ctx, env.tr.tr(c.slip.messageKey));
        break;
    }
    TouchScrollEnd(ctx);
    // Always in sight: the next unit is usually waiting on the counter.
    if (StaffPinnedAction(ctx, area, next, "desk-next-checkin"))
        emit(out, loan_desk::StartCheckIn{});
    endStaffScreen(env, ctx, out);
}

// --- loans and extension -------------------------------------------------------------------------

void drawExtension(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const ExtendState& x = env.state.staff.desk.extend;
    beginStaffScreen(env, ctx, out, "##loan-desk", {.title = env.tr.tr("desk.extend.title")});
    const bool done = x.phase == DeskPhase::Done;
    // Confirm and Back stay in sight under the loan (one row: room for the taller of the two).
    const std::string confirm = env.tr.tr("desk.extend.confirm");
    const std::string back = env.tr.tr("desk.extend.back");
    const StaffKeysArea area = staffKeysArea(env, ctx, StaffKeys::None, confirm + " " + back);
    TouchScrollBegin(ctx, "##desk-extend", area.content);
    loanCard(env, ctx, *x.loan);
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    Label(ctx, env.tr.tr("desk.extend.new"));
    ButtonOptions minus;
    minus.id = "desk-due-minus1";
    minus.enabled = !done && x.newDue > x.loan->due;
    if (BigButton(ctx, "-1##desk-due-minus1", minus))
        emit(out, loan_desk::ShiftDue{-1});
    ImGui::SameLine();
    TextIn(ctx, ctx.faces().title, ctx.palette.text, formatDay(x.newDue));
    for (int step : {7, 14})
    {
        ImGui::SameLine();
        ButtonOptions plus;
        const std::string id = "desk-due-plus" + std::to_string(step);
        plus.id = id;
        plus.enabled = !done && x.newDue < x.maxDue;
        if (BigButton(ctx, "+" + std::to_string(step) + "##" + id, plus))
            emit(out, loan_desk::ShiftDue{step});
    }
    const domain::EquipmentType* t = env.catalog.findEquipmentType(x.loan->typeId);
    if (t != nullptr)
        ParagraphColored(
            ctx,
            env.tr.format("desk.extend.max", {{"date", formatDay(x.maxDue)}, {"days", std::to_string(t->maxLoanDays)}}),
            ctx.palette.mutedText);
    if (x.atMax && !done)
        errorText(ctx, env.tr.tr("desk.extend.at_max"));
    if (!x.errorKey.empty())
        errorText(ctx, env.tr.tr(x.errorKey));
    if (done)
        Label(ctx, env.tr.format("desk.extend.done", {{"date", formatDay(x.newDue)}}));
    TouchScrollEnd(ctx);
    // Side by side, each half the width in portrait: both in sight in the one row kept for them.
    ButtonOptions backOptions =
        staffActionOptions(ctx, back, done ? ButtonStyle::Primary : ButtonStyle::Secondary, "desk-extend-back");
    if (!done)
    {
        ButtonOptions confirmOptions =
            staffActionOptions(ctx, confirm, ButtonStyle::Primary, "desk-confirm-extend", x.newDue > x.loan->due);
        if (!staffLandscape())
        {
            confirmOptions.size.x = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
            backOptions.size.x = confirmOptions.size.x;
        }
        if (BigButton(ctx, confirm + "##desk-confirm-extend", confirmOptions))
            emit(out, loan_desk::ConfirmExtension{});
        ImGui::SameLine();
    }
    if (BigButton(ctx, back + "##desk-extend-back", backOptions))
        emit(out, loan_desk::CloseExtension{});
    endStaffScreen(env, ctx, out);
}

void drawLoans(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const LoanDeskState& d = env.state.staff.desk;
    if (d.extend.loan)
    {
        drawExtension(env, ctx, out);
        return;
    }
    beginStaffScreen(env, ctx, out, "##loan-desk", {.title = env.tr.tr("desk.loans.title")});
    if (!d.listErrorKey.empty())
        errorText(ctx, env.tr.tr(d.listErrorKey));
    else if (d.loans.empty())
        Paragraph(ctx, env.tr.tr("desk.loans.empty"));
    else
        ParagraphColored(ctx,
                         env.tr.format("desk.loans.count", {{"count", std::to_string(d.loans.size())}}) + " · " +
                             env.tr.tr("desk.loans.hint"),
                         ctx.palette.mutedText);
    TouchScrollBegin(ctx, "##desk-loans", ImVec2(0, staffContentHeight(env, ctx)));
    std::vector<StaffTile> tiles;
    for (const DeskLoan& l : d.loans)
    {
        std::string subtitle = l.name + (l.phone.empty() ? "" : " · " + phoneText(l.phone)) + "\n" +
                               env.tr.format("desk.loans.due", {{"date", formatDay(l.due)}});
        if (l.daysOverdue > 0)
            subtitle += "  ⚠ " + overdueText(env, l.daysOverdue);
        const std::string id = "desk-loan-" + l.inventoryNumber;
        tiles.push_back({l.inventoryNumber + " · " + typeName(env, l.typeId), subtitle, id, id + l.loanId});
    }
    // One card a row in portrait; two or three side by side in landscape.
    const int tapped = StaffTiles(ctx, tiles, staffColumns(ctx, 18.0f, 3));
    if (tapped >= 0)
        emit(out, loan_desk::SelectLoan{d.loans[static_cast<std::size_t>(tapped)].loanId});
    TouchScrollEnd(ctx);
    endStaffScreen(env, ctx, out);
}

void drawOverdue(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const LoanDeskState& d = env.state.staff.desk;
    beginStaffScreen(env, ctx, out, "##loan-desk", {.title = env.tr.tr("desk.overdue.title")});
    if (!d.listErrorKey.empty())
        errorText(ctx, env.tr.tr(d.listErrorKey));
    else if (d.loans.empty())
        Label(ctx, env.tr.tr("desk.overdue.empty"));
    else
        ParagraphColored(ctx, env.tr.tr("desk.overdue.hint"), ctx.palette.mutedText);
    TouchScrollBegin(ctx, "##desk-overdue", ImVec2(0, staffContentHeight(env, ctx)));
    // A card per borrower to call: side by side in landscape.
    const int columns = staffColumns(ctx, 18.0f, 3);
    beginStaffColumns(ctx, "##desk-overdue-columns", columns);
    for (const DeskLoan& l : d.loans)
    {
        nextStaffColumn(columns);
        Title(ctx, l.name);
        if (!l.phone.empty())
            Label(ctx, env.tr.tr("desk.phone") + ": " + phoneText(l.phone));
        Paragraph(ctx, l.inventoryNumber + " · " + typeName(env, l.typeId));
        Paragraph(ctx, env.tr.format("desk.loans.due", {{"date", formatDay(l.due)}}));
        errorText(ctx, overdueText(env, l.daysOverdue));
        Divider(ctx);
    }
    endStaffColumns(columns);
    TouchScrollEnd(ctx);
    endStaffScreen(env, ctx, out);
}

// --- units ---------------------------------------------------------------------------------------

void drawUnits(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const LoanDeskState& d = env.state.staff.desk;
    beginStaffScreen(env, ctx, out, "##loan-desk", {.title = env.tr.tr("desk.units.title")});
    if (!d.listErrorKey.empty())
        errorText(ctx, env.tr.tr(d.listErrorKey));
    if (!d.unitsMessageKey.empty())
    {
        const std::string msg = env.tr.format(d.unitsMessageKey, {{"unit", d.unitsMessageUnit}});
        if (d.unitsMessageKey == "desk.units.now_available" || d.unitsMessageKey == "desk.units.now_cleaning")
            Label(ctx, "✓ " + msg);
        else
            errorText(ctx, msg);
    }
    TouchScrollBegin(ctx, "##desk-units", ImVec2(0, staffContentHeight(env, ctx)));
    // Landscape: the types in two or three columns, each with its units under its name.
    const int columns = staffColumns(ctx, 20.0f, 3);
    beginStaffColumns(ctx, "##desk-units-columns", columns);
    nextStaffColumn(columns);
    // Wide enough for either label on one line, so each row is one button high.
    const float pad = 2.0f * ImGui::GetStyle().FramePadding.x + ctx.em(1.0f);
    const float buttonW = std::min(ImGui::GetContentRegionAvail().x * 0.5f,
                                   std::max(ImGui::CalcTextSize(env.tr.tr("desk.units.clean_done").c_str()).x,
                                            ImGui::CalcTextSize(env.tr.tr("desk.units.repair_done").c_str()).x) +
                                       pad);
    int shown = 0;
    for (const domain::EquipmentType& t : env.catalog.equipmentTypes)
    {
        bool any = false;
        for (const DeskUnit& u : d.units)
        {
            if (u.typeId != t.id)
                continue;
            if (!any)
            {
                if (shown++ > 0 && columns > 1)
                    nextStaffColumn(columns); // one type a cell, filled row by row
                ImGui::Dummy(ImVec2(0, ctx.em(0.2f)));
                Title(ctx, env.text(t.name)); // wrapped: some names are long in Ukrainian
                any = true;
            }
            // An open loan is the fact staff need, even where the unit's stored state lags behind it.
            std::string line = u.inventoryNumber + " — " + stateText(env, u.due ? domain::UnitState::OnLoan : u.state);
            if (u.due)
                line += " " + env.tr.format("desk.units.until", {{"date", formatDay(*u.due)}});
            const bool cleaning = u.state == domain::UnitState::Cleaning;
            const bool repair = u.state == domain::UnitState::Repair;
            const float rowX = ImGui::GetCursorPosX();
            const float right = rowX + ImGui::GetContentRegionAvail().x;
            if (cleaning || repair)
            {
                // The text centred on the button's height, the button at the right edge.
                const float rowY = ImGui::GetCursorPosY();
                const float buttonH = std::max(ctx.minTargetPx(), ctx.em(2.2f));
                ImGui::SetCursorPosY(rowY + (buttonH - ImGui::GetFontSize()) * 0.5f);
                // Wrapped short of the button: a column in landscape is narrower than the screen.
                ImGui::PushTextWrapPos(right - buttonW - ImGui::GetStyle().ItemSpacing.x);
                ctx.record.addText(line);
                ImGui::TextUnformatted(line.c_str());
                ImGui::PopTextWrapPos();
                ImGui::SetCursorPos(ImVec2(right - buttonW, rowY));
                ButtonOptions o;
                o.style = ButtonStyle::Primary;
                o.size = ImVec2(buttonW, buttonH);
                const std::string id = (cleaning ? "desk-clean-done-" : "desk-repair-done-") + u.inventoryNumber;
                o.id = id;
                const std::string label = env.tr.tr(cleaning ? "desk.units.clean_done" : "desk.units.repair_done");
                if (BigButton(ctx, label + "##" + id, o))
                {
                    if (cleaning)
                        emit(out, loan_desk::FinishCleaning{u.inventoryNumber});
                    else
                        emit(out, loan_desk::FinishRepair{u.inventoryNumber});
                }
            }
            else
            {
                ParagraphColored(ctx, line,
                                 u.state == domain::UnitState::Available ? ctx.palette.text : ctx.palette.mutedText);
            }
        }
    }
    endStaffColumns(columns);
    TouchScrollEnd(ctx);
    endStaffScreen(env, ctx, out);
}

} // namespace

void drawLoanDeskScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    // Each screen draws the staff frame around itself (the loans screen's extension has its own title).
    switch (env.state.router.current())
    {
    case ScreenId::StaffCheckIn:
        drawCheckIn(env, ctx, out);
        break;
    case ScreenId::StaffCheckInDone:
        drawCheckInDone(env, ctx, out);
        break;
    case ScreenId::StaffLoans:
        drawLoans(env, ctx, out);
        break;
    case ScreenId::StaffOverdue:
        drawOverdue(env, ctx, out);
        break;
    case ScreenId::StaffUnits:
        drawUnits(env, ctx, out);
        break;
    default:
        break;
    }
}

} // namespace okienko::kiosk::ui

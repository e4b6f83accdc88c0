// Today's pick-ups and the check-out screens (unit, borrower and due date, done).
#include "kiosk/ui/screens/check_out_screens.hpp"

#include "kiosk/ui/screens/equipment_screens.hpp" // formatDay
#include "kiosk/ui/screens/feedback_screens.hpp"
#include "kiosk/ui/screens/person_field_row.hpp"
#include "kiosk/ui/screens/staff_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "shared/rules/loan_period.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

void send(Intents& out, check_out::Action a)
{
    out.emplace_back(CheckOutIntent{std::move(a)});
}

ButtonOptions wide(ButtonStyle style, const char* id)
{
    ButtonOptions o;
    o.style = style;
    o.id = id;
    o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    return o;
}

void errorText(UiContext& ctx, const std::string& text)
{
    ParagraphColored(ctx, "⚠ " + text, ctx.palette.warningText);
}

std::string typeName(const ScreenEnv& env, const std::string& typeId)
{
    const domain::EquipmentType* t = env.catalog.findEquipmentType(typeId);
    return t != nullptr ? env.text(t->name) : typeId;
}

std::string statusText(const ScreenEnv& env, domain::ReservationStatus s)
{
    switch (s)
    {
    case domain::ReservationStatus::Provisional:
        return env.tr.tr("checkout.status.to_confirm");
    case domain::ReservationStatus::Held:
        return env.tr.tr("checkout.status.held");
    default:
        return env.tr.tr("checkout.status.confirmed");
    }
}

std::string pickupTitle(const ScreenEnv& env, const PickupRow& r)
{
    const bool overdue = r.pickUpDate < env.now.date;
    return (overdue ? "⚠ " : "") + r.code + " · " + typeName(env, r.typeId);
}

std::string pickupSubtitle(const ScreenEnv& env, const PickupRow& r)
{
    const bool overdue = r.pickUpDate < env.now.date;
    return env.tr.format(overdue ? "checkout.pickups.overdue" : "checkout.pickups.date",
                         {{"date", formatDay(r.pickUpDate)}}) +
           "\n" + r.name + " · " + validate::formatPhone(r.phone) + " · " + statusText(env, r.status);
}

/// One group of pick-ups (today's and overdue, or tomorrow's) as cards: one a row in portrait, side
/// by side in landscape. False when the group is empty.
bool pickupGroup(const ScreenEnv& env, UiContext& ctx, Intents& out, bool today)
{
    std::vector<const PickupRow*> rows;
    std::vector<StaffTile> tiles;
    for (const PickupRow& r : env.state.staff.checkOut.pickups)
        if ((r.pickUpDate <= env.now.date) == today)
        {
            rows.push_back(&r);
            const std::string id = "pickup-" + r.reservationId;
            tiles.push_back({pickupTitle(env, r), pickupSubtitle(env, r), id, id});
        }
    if (rows.empty())
        return false;
    const int tapped = StaffTiles(ctx, tiles, staffColumns(ctx, 18.0f, 3));
    if (tapped >= 0)
        send(out, check_out::ChoosePickup{rows[static_cast<std::size_t>(tapped)]->reservationId});
    return true;
}

void drawPickups(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CheckOutState& c = env.state.staff.checkOut;
    beginStaffScreen(env, ctx, out, "##co-pickups", {.title = env.tr.tr("checkout.pickups.title"), .back = true});
    TouchScrollBegin(ctx, "##co-pickups-list", ImVec2(0, staffContentHeight(env, ctx)));
    if (!c.pickupsErrorKey.empty())
        errorText(ctx, env.tr.tr(c.pickupsErrorKey));
    else if (c.pickups.empty())
        Paragraph(ctx, env.tr.tr("checkout.pickups.empty"));
    else
    {
        Label(ctx, env.tr.tr("checkout.pickups.today"));
        if (!pickupGroup(env, ctx, out, true))
            ParagraphColored(ctx, env.tr.tr("checkout.pickups.none_today"), ctx.palette.mutedText);
        ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
        Label(ctx, env.tr.tr("checkout.pickups.tomorrow"));
        if (!pickupGroup(env, ctx, out, false))
            ParagraphColored(ctx, "—", ctx.palette.mutedText);
    }
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    if (StaffAction(ctx, env.tr.tr("checkout.pickups.walk_in"), "checkout-start", ButtonStyle::Secondary))
        send(out, check_out::Start{});
    TouchScrollEnd(ctx);
    endStaffScreen(env, ctx, out);
}

std::string unitError(const ScreenEnv& env, const CheckOutState& c)
{
    std::string code;
    std::string reserved;
    if (c.reservation)
    {
        code = c.reservation->code;
        reserved = typeName(env, c.reservation->typeId);
    }
    return env.tr.format(c.unitErrorKey, {{"number", c.unitErrorNumber},
                                          {"type", typeName(env, c.unitErrorType)},
                                          {"code", code},
                                          {"reserved", reserved}});
}

void drawUnit(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CheckOutState& c = env.state.staff.checkOut;
    beginStaffScreen(env, ctx, out, "##co-unit",
                     {.title = env.tr.tr("checkout.unit.title"), .back = true, .keys = StaffKeys::Code});
    const std::string next = env.tr.tr("checkout.next");
    const StaffKeysArea area = staffKeysArea(env, ctx, StaffKeys::Code, next);
    beginStaffForm(env, ctx, "##co-unit-body", area);
    if (c.reservation)
    {
        Paragraph(ctx, env.tr.format("checkout.unit.reservation", {{"code", c.reservation->code},
                                                                   {"type", typeName(env, c.reservation->typeId)},
                                                                   {"name", c.reservation->name}}));
        if (StaffAction(ctx, env.tr.tr("checkout.unit.drop_reservation"), "checkout-drop-reservation",
                        ButtonStyle::Secondary))
            send(out, check_out::ChooseWalkIn{});
    }
    Paragraph(ctx, env.tr.tr("checkout.unit.intro"));
    const float fieldTop = ImGui::GetCursorScreenPos().y;
    Label(ctx, env.tr.tr("checkout.unit.field"));
    const std::string& value = c.inventory.buffer.text();
    if (BigButton(ctx,
                  (value.empty() ? env.tr.tr("checkout.field.tap_to_type") : value) + " |##checkout-field-inventory",
                  wide(ButtonStyle::Selected, "checkout-field-inventory")))
        send(out, check_out::Focus{PersonField::InventoryNumber});
    if (!c.unitErrorKey.empty())
        errorText(ctx, unitError(env, c));
    keepTypedFieldInView("checkout-unit", c.unitErrorKey.empty() ? 1 : 2, fieldTop);
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f))); // the field can scroll clear of the area's edge
    TouchScrollEnd(ctx);
    if (StaffPinnedAction(ctx, area, next, "checkout-unit-next"))
        send(out, check_out::SubmitUnit{});
    const float keysW = placeStaffKeys(area, StaffKeys::Code);
    if (const std::optional<Key> key =
            OnScreenKeyboard(ctx, env.state.keyboard.state, env.tr, keysW, 0.0f, staffKeyRows(StaffKeys::Code)))
        send(out, check_out::Press{*key});
    endStaffKeys();
    endStaffScreen(env, ctx, out);
}

void fieldRow(const ScreenEnv& env, UiContext& ctx, Intents& out, PersonField f)
{
    const CheckOutState& c = env.state.staff.checkOut;
    if (personFieldRow(env, ctx, c.person, f, c.field(f), {"checkout.field.", "checkout-field-"}))
        send(out, check_out::Focus{f});
}

void drawLoan(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CheckOutState& c = env.state.staff.checkOut;
    const std::string title =
        env.tr.format("checkout.loan.title", {{"number", c.inventoryNumber}, {"type", typeName(env, c.typeId)}});
    const bool numeric = c.person.focus == PersonField::Phone || c.person.focus == PersonField::PostalCode ||
                         c.person.focus == PersonField::Pesel;
    const StaffKeys keys = numeric ? StaffKeys::Keypad : StaffKeys::Letters;
    beginStaffScreen(env, ctx, out, "##co-loan", {.title = title, .back = true, .keys = keys});
    // In portrait Confirm stands between the form and the keys.
    const std::string confirm = env.tr.tr("checkout.loan.confirm");
    const StaffKeysArea area = staffKeysArea(env, ctx, keys, confirm);
    beginStaffForm(env, ctx, "##co-loan-body", area);

    Label(ctx, env.tr.tr("checkout.loan.reservation"));
    for (const PickupRow& r : c.candidates)
    {
        const bool chosen = c.reservation && c.reservation->reservationId == r.reservationId;
        const std::string id = "checkout-res-" + r.reservationId;
        const std::string label = std::string(chosen ? "✓ " : "") + r.code + " · " + formatDay(r.pickUpDate) + " · " +
                                  r.name + " · " + statusText(env, r.status);
        if (BigButton(ctx, label + "##" + id,
                      wide(chosen ? ButtonStyle::Selected : ButtonStyle::Secondary, id.c_str())))
            send(out, check_out::ChooseReservation{r.reservationId});
    }
    if (BigButton(ctx, std::string(c.walkIn ? "✓ " : "") + env.tr.tr("checkout.loan.walk_in") + "##checkout-walkin",
                  wide(c.walkIn ? ButtonStyle::Selected : ButtonStyle::Secondary, "checkout-walkin")))
        send(out, check_out::ChooseWalkIn{});
    if (c.reservationError)
        errorText(ctx, env.tr.tr("checkout.loan.choose_error"));

    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    Label(ctx, env.tr.tr("checkout.loan.borrower"));
    for (PersonField f : {PersonField::Name, PersonField::Phone, PersonField::Street, PersonField::PostalCode,
                          PersonField::City, PersonField::Pesel})
    {
        const float top = ImGui::GetCursorScreenPos().y;
        fieldRow(env, ctx, out, f);
        if (f == c.person.focus)
            keepTypedFieldInView("checkout-loan", static_cast<int>(f) * 2 + (area.beside ? 1 : 0), top);
    }
    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    if (BigButton(
            ctx, std::string(c.idChecked ? "✓ " : "") + env.tr.tr("checkout.loan.id_checked") + "##checkout-id-checked",
            wide(c.idChecked ? ButtonStyle::Selected : ButtonStyle::Secondary, "checkout-id-checked")))
        send(out, check_out::ToggleIdChecked{});
    if (c.idError)
        errorText(ctx, env.tr.tr("checkout.loan.id_error"));

    ImGui::Dummy(ImVec2(0, ctx.em(0.3f)));
    Label(ctx, env.tr.tr("checkout.due.title"));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - 2.0f * gap) / 3.0f;
    struct Shift
    {
        int days;
        const char* key;
        const char* id;
        bool enabled;
    };
    const Shift shifts[] = {{-1, "checkout.due.minus1", "checkout-due-minus1", c.due > c.minDue},
                            {1, "checkout.due.plus1", "checkout-due-plus1", c.due < c.maxDue},
                            {7, "checkout.due.plus7", "checkout-due-plus7", c.due < c.maxDue}};
    for (std::size_t i = 0; i < 3; ++i)
    {
        if (i > 0)
            ImGui::SameLine();
        ButtonOptions o;
        o.size = ImVec2(w, 0);
        o.id = shifts[i].id;
        o.enabled = shifts[i].enabled;
        if (BigButton(ctx, env.tr.tr(shifts[i].key) + "##" + shifts[i].id, o))
            send(out, check_out::ShiftDue{shifts[i].days});
    }
    TextIn(ctx, ctx.faces().title, ctx.palette.text,
           env.tr.format("checkout.due.value",
                         {{"date", formatDay(c.due)}, {"days", std::to_string(rules::loanDays(c.start, c.due))}}));
    ParagraphColored(ctx,
                     env.tr.format("checkout.due.limits", {{"min", formatDay(c.minDue)}, {"max", formatDay(c.maxDue)}}),
                     ctx.palette.mutedText);
    if (c.phase == CheckOutPhase::Failed)
        errorText(ctx, env.tr.tr(c.errorKey.empty() ? "checkout.error.storage" : c.errorKey));
    TouchScrollEnd(ctx);

    if (StaffPinnedAction(ctx, area, confirm, "checkout-confirm", c.phase != CheckOutPhase::Done))
        send(out, check_out::Confirm{});
    placeStaffKeys(area, keys); // personFormKeys takes the width from there to the right edge
    if (const std::optional<Key> key = personFormKeys(env, ctx, numeric))
        send(out, check_out::Press{*key});
    endStaffKeys();
    endStaffScreen(env, ctx, out);
}

void copyLine(const ScreenEnv& env, UiContext& ctx, const char* labelKey, const SlipProgress& copy)
{
    const std::string label = env.tr.tr(labelKey) + ": ";
    switch (copy.status)
    {
    case SlipStatus::None:
    case SlipStatus::NoPrinter:
    case SlipStatus::Printing:
        Paragraph(ctx, label + env.tr.tr("checkout.done.printing"));
        return;
    case SlipStatus::Printed:
        Paragraph(ctx, "✓ " + label + env.tr.tr("checkout.done.printed"));
        return;
    case SlipStatus::Failed:
        errorText(ctx, label + env.tr.tr("checkout.done.failed") +
                           (copy.messageKey.empty() ? std::string() : " — " + env.tr.tr(copy.messageKey)));
        return;
    }
}

void drawDone(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const CheckOutState& c = env.state.staff.checkOut;
    const std::string title =
        env.tr.format("checkout.done.title", {{"number", c.doneInventory}, {"date", formatDay(c.doneDue)}});
    beginStaffScreen(env, ctx, out, "##co-done", {.title = title});
    const std::string next = env.tr.tr("checkout.done.next");
    const StaffKeysArea area = staffKeysArea(env, ctx, StaffKeys::None, next);
    TouchScrollBegin(ctx, "##co-done-body", area.content);
    if (!c.printed)
        ParagraphColored(ctx, env.tr.tr("checkout.done.no_printer"), ctx.palette.warningText);
    else
    {
        copyLine(env, ctx, "checkout.done.copy_cus", c.copies[0]);
        copyLine(env, ctx, "checkout.done.copy_borrower", c.copies[1]);
        if (c.copies[0].status == SlipStatus::Failed || c.copies[1].status == SlipStatus::Failed)
            ParagraphColored(ctx, env.tr.tr("checkout.done.reprint_hint"), ctx.palette.mutedText);
    }
    // The borrower rates the hand-over, as every resident flow ends.
    drawRatingPanel(env, ctx, out);
    TouchScrollEnd(ctx);
    // Always in sight: the next borrower is usually waiting.
    if (StaffPinnedAction(ctx, area, next, "checkout-next"))
        send(out, check_out::Next{});
    endStaffScreen(env, ctx, out);
}

} // namespace

void drawCheckOutScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    switch (env.state.router.current())
    {
    case ScreenId::StaffPickups:
        drawPickups(env, ctx, out);
        break;
    case ScreenId::StaffCheckOutUnit:
        drawUnit(env, ctx, out);
        break;
    case ScreenId::StaffCheckOutLoan:
        drawLoan(env, ctx, out);
        break;
    case ScreenId::StaffCheckOutDone:
        drawDone(env, ctx, out);
        break;
    default:
        break;
    }
}

} // namespace okienko::kiosk::ui

// Staff mode's PIN keypad, menu and kiosk status screen (see staff_entry_screens.hpp). Staff are
// often not young either, and the panel is the same: big targets, body-size text or larger.
#include "kiosk/ui/screens/staff_entry_screens.hpp"

#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/screens/staff_frame.hpp"
#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/long_press.hpp"
#include "kiosk/ui/widgets/number_keypad.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <iterator>
#include <string>

namespace okienko::kiosk::ui
{
namespace
{

/// A short tap is released well before the hold would open anything.
constexpr float kShortTapSeconds = 1.0f;

void emit(Intents& out, staff_entry::Action action)
{
    out.emplace_back(StaffEntryIntent{std::move(action)});
}

/// "02.03.2026 10:42" in the kiosk's local time zone.
std::string localDateTime(std::int64_t unixSeconds)
{
    const std::optional<LocalDateTime> t = localDateTimeOf(unixSeconds);
    return t ? formatDateTime(*t) : "--";
}

bool before(const LocalDateTime& a, const LocalDateTime& b)
{
    if (a.date != b.date)
        return a.date < b.date;
    return a.hour * 3600 + a.minute * 60 + a.second < b.hour * 3600 + b.minute * 60 + b.second;
}

/// The lock is still running by the clock the screen shows (the keypad comes back on time).
bool lockedNow(const ScreenEnv& env)
{
    const StaffEntryState& e = env.state.staff.entry;
    return e.lockedUntilLocal.has_value() && before(env.now, *e.lockedUntilLocal);
}

/// Filled dots for the digits typed, in a framed box the keypad's width: the PIN is never shown.
void pinDots(const ScreenEnv& env, UiContext& ctx, std::size_t digits, float width)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float h = std::max(ctx.minTargetPx(), ctx.em(2.4f));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + h);
    ImGui::Dummy(ImVec2(width, h));
    ImDrawList* list = ImGui::GetWindowDrawList();
    FillRoundedRectWithBorder(list, min, max, packed(ctx.palette.surface), packed(ctx.palette.border),
                              style.FrameRounding, style.FrameBorderSize * 2);
    if (digits == 0)
    {
        const std::string& hint = env.tr.tr("staff.pin.placeholder");
        const ImVec2 ts = ImGui::CalcTextSize(hint.c_str());
        list->AddText(ImVec2(min.x + (width - ts.x) * 0.5f, min.y + (h - ts.y) * 0.5f), packed(ctx.palette.mutedText),
                      hint.c_str());
        ctx.record.addText(hint);
        return;
    }
    const float r = ctx.em(0.45f);
    const float gap = ctx.em(0.7f);
    const float total = static_cast<float>(digits) * r * 2 + static_cast<float>(digits - 1) * gap;
    float x = min.x + (width - total) * 0.5f + r;
    for (std::size_t i = 0; i < digits; ++i)
    {
        list->AddCircleFilled(ImVec2(x, (min.y + max.y) * 0.5f), r, packed(ctx.palette.text), 24);
        x += r * 2 + gap;
    }
    // What a script can check: how many digits, never which.
    ctx.record.addText("pin-digits:" + std::to_string(digits));
}

/// An ever-turning arc while a worker answers (the PIN check takes a moment on purpose).
void spinner(UiContext& ctx)
{
    const float r = ctx.em(0.6f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(r * 2, r * 2));
    const float t = static_cast<float>(ImGui::GetTime());
    const ImVec2 c(p.x + r, p.y + r);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PathArcTo(c, r * 0.8f, t * 6.0f, t * 6.0f + 4.5f, 24);
    list->PathStroke(packed(ctx.palette.accent), ImDrawFlags_None, ctx.em(0.18f));
    ctx.animating = true; // keep frames coming until the answer arrives
}

void drawPin(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const StaffEntryState& e = env.state.staff.entry;
    const bool locked = lockedNow(env);
    const bool busy = e.checking;
    const ImGuiStyle& style = ImGui::GetStyle();

    // Nobody is logged in yet: no Menu; "Anuluj" under the keypad leaves.
    beginStaffScreen(env, ctx, out, "##staff-pin", {.title = env.tr.tr("staff.pin.title"), .menu = false});
    const float roomDown = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    // Cancel and OK: as tall as a key, never less than a target.
    const float buttonH = std::max(ctx.minTargetPx(), ctx.em(2.6f));
    NumberKeypadOptions pad;
    pad.enabled = !locked && !busy;
    // Landscape: the keypad beside the dots and the buttons, all of it above the bottom bar.
    const bool beside = beginBesideKeypad(ctx, pad, roomDown, "##staff-pin-side");
    Paragraph(ctx, env.tr.tr(e.badgeStaffId ? "staff.pin.badge" : "staff.pin.intro"));
    ImGui::Spacing();

    const float padW = beside ? ImGui::GetContentRegionAvail().x : numberKeypadSize(ctx, pad).x;
    const float indent = (ImGui::GetContentRegionAvail().x - padW) * 0.5f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    pinDots(env, ctx, e.pin.size(), padW);

    // What the keypad has to say: above the keys in portrait; under Cancel and OK beside the keypad,
    // where a long message cannot push OK off the screen.
    const auto message = [&]
    {
        if (locked)
        {
            const LocalDateTime& until = *e.lockedUntilLocal;
            Title(ctx, env.tr.format("staff.pin.locked", {{"time", formatClock(until.hour, until.minute)}}));
            ParagraphColored(ctx, env.tr.tr("staff.pin.locked_hint"), ctx.palette.mutedText);
        }
        else if (busy)
        {
            spinner(ctx);
            ImGui::SameLine();
            Label(ctx, env.tr.tr("staff.pin.checking"));
        }
        else if (!e.messageKey.empty() && e.messageKey != "staff.pin.locked")
        {
            const std::string text = e.messageKey == "staff.pin.wrong"
                                         ? env.tr.format("staff.pin.wrong", {{"n", std::to_string(e.attemptsLeft)}})
                                         : env.tr.format(e.messageKey, {{"min", std::to_string(kStaffPinMinDigits)},
                                                                        {"max", std::to_string(kStaffPinMaxDigits)}});
            // Wrapped, so a long message ("Kiosk nie zna jeszcze…") is read whole in a narrow column.
            ParagraphColored(ctx, "⚠ " + text, ctx.palette.warningText);
        }
        ImGui::Spacing();
    };
    // Cancel left, OK right, each half the keypad's width: the same reach as the keys.
    const auto cancelAndOk = [&]
    {
        const float half = (padW - style.ItemSpacing.x) * 0.5f;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        ButtonOptions cancel;
        cancel.size = ImVec2(half, buttonH);
        cancel.id = "staff-pin-cancel";
        if (BigButton(ctx, env.tr.tr("staff.pin.cancel") + "##staff-pin-cancel", cancel))
            out.emplace_back(EndSession{}); // back to the attract screen, nothing kept
        ImGui::SameLine();
        ButtonOptions ok;
        ok.size = ImVec2(half, buttonH);
        ok.style = ButtonStyle::Primary;
        ok.id = "staff-pin-ok";
        ok.enabled = !locked && !busy && e.pin.size() >= kStaffPinMinDigits;
        if (BigButton(ctx, env.tr.tr("staff.pin.ok") + "##staff-pin-ok", ok))
            emit(out, staff_entry::SubmitPin{});
    };
    if (beside)
    {
        cancelAndOk();
        ImGui::Spacing();
        message();
        ImGui::EndChild();
        ImGui::SameLine();
    }
    else
    {
        message();
        // The keys take what is left above Cancel and OK, up to their comfortable height.
        pad.height = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx) - buttonH - style.ItemSpacing.y * 3;
    }
    ImGui::BeginGroup();
    if (const std::optional<Key> key = NumberKeypad(ctx, env.tr, pad))
        emit(out, staff_entry::Press{*key});
    ImGui::EndGroup();
    if (!beside)
    {
        ImGui::Spacing();
        cancelAndOk();
    }
    endStaffScreen(env, ctx, out);
}

std::string roleText(const ScreenEnv& env, domain::StaffRole role)
{
    switch (role)
    {
    case domain::StaffRole::Equipment:
        return env.tr.tr("staff.role.equipment");
    case domain::StaffRole::Coordinator:
        return env.tr.tr("staff.role.coordinator");
    case domain::StaffRole::Admin:
        return env.tr.tr("staff.role.admin");
    case domain::StaffRole::Counsellor:
        return env.tr.tr("staff.role.counsellor");
    case domain::StaffRole::Partner: // never on a kiosk: the staff feed leaves partners out
        break;
    }
    return {};
}

void drawMenu(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    // The frame says who is logged in; the menu adds the role. No Menu button on the menu itself.
    beginStaffScreen(env, ctx, out, "##staff-menu", {.title = env.tr.tr("staff.menu.title"), .menu = false});
    if (const std::optional<StaffSession>& s = env.state.staff.session)
        ParagraphColored(ctx, roleText(env, s->role), ctx.palette.mutedText);
    ImGui::Spacing();

    TouchScrollBegin(ctx, "##staff-menu-tiles", ImVec2(0, staffContentHeight(env, ctx)));
    // Two tiles a row in portrait; in landscape as many as fit (four on a wide panel), so every
    // task is in sight without scrolling.
    const int columns = staffLandscape() ? staffColumns(ctx, 9.0f, 4) : 2;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float tileW =
        (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    struct Tile
    {
        const char* key;
        const char* id;
        Intent intent;
    };
    const Tile tiles[] = {
        {"staff.menu.pickups", "staff-menu-pickups", CheckOutIntent{check_out::ShowPickups{}}},
        {"staff.menu.checkout", "staff-menu-checkout", CheckOutIntent{check_out::Start{}}},
        {"staff.menu.checkin", "staff-menu-checkin", LoanDeskIntent{loan_desk::StartCheckIn{}}},
        {"staff.menu.loans", "staff-menu-loans", LoanDeskIntent{loan_desk::ShowLoans{}}},
        {"staff.menu.overdue", "staff-menu-overdue", LoanDeskIntent{loan_desk::ShowOverdue{}}},
        {"staff.menu.units", "staff-menu-units", LoanDeskIntent{loan_desk::ShowUnits{}}},
        {"staff.menu.status", "staff-menu-status", StaffEntryIntent{staff_entry::ShowStatus{}}},
        {"staff.menu.logout", "staff-menu-logout", StaffEntryIntent{staff_entry::Logout{}}},
    };
    // Centred labels in the title face: staff read them at arm's length too, in any language; in the
    // bold body face where a word of some label would not fit its tile in the title face.
    ImFont* face = ctx.faces().title;
    const float inner = tileW - ImGui::GetStyle().FramePadding.x * 2.0f;
    for (const Tile& t : tiles)
    {
        const std::string label = env.tr.tr(t.key);
        std::size_t start = 0;
        while (start < label.size())
        {
            const std::size_t end = std::min(label.find(' ', start), label.size());
            const char* b = label.data() + start;
            if (face->CalcTextSizeA(face->FontSize, FLT_MAX, 0.0f, b, label.data() + end).x > inner)
                face = ctx.faces().bold;
            start = end + 1;
        }
    }
    ImGui::PushFont(face);
    // Every tile as high as the tallest label needs (a long Ukrainian word wraps), so rows stay even;
    // lower than the usual 3.4 lines where that keeps all of them in sight (a short landscape panel).
    const float rows = static_cast<float>((std::size(tiles) + static_cast<std::size_t>(columns) - 1) /
                                          static_cast<std::size_t>(columns));
    const float fitH = (ImGui::GetContentRegionAvail().y - ctx.em(2.0f)) / rows - ImGui::GetStyle().ItemSpacing.y;
    float tileH = std::clamp(fitH, ctx.minTargetPx(), ctx.em(3.4f));
    for (const Tile& t : tiles)
    {
        ButtonOptions probe;
        probe.size = ImVec2(tileW, 0);
        tileH = std::max(tileH, BigButtonSize(ctx, env.tr.tr(t.key), probe).y);
    }
    std::size_t i = 0;
    for (const Tile& t : tiles)
    {
        if (i % static_cast<std::size_t>(columns) != 0)
            ImGui::SameLine();
        ButtonOptions o;
        o.size = ImVec2(tileW, tileH);
        o.id = t.id;
        if (BigButton(ctx, env.tr.tr(t.key) + "##" + t.id, o))
            out.push_back(t.intent);
        ++i;
    }
    ImGui::PopFont();
    ImGui::Spacing();
    ParagraphColored(ctx, env.tr.tr("staff.menu.idle_hint"), ctx.palette.mutedText);
    TouchScrollEnd(ctx);
    endStaffScreen(env, ctx, out);
}

std::string ageText(const ScreenEnv& env, std::int64_t seconds)
{
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60)
        return env.tr.format("staff.status.age_minutes", {{"n", std::to_string(minutes)}});
    return env.tr.format("staff.status.age_hours",
                         {{"h", std::to_string(minutes / 60)}, {"m", std::to_string(minutes % 60)}});
}

std::string linkText(const ScreenEnv& env)
{
    switch (env.state.connectivity.link)
    {
    case LinkState::Standalone:
        return env.tr.tr("staff.status.link.standalone");
    case LinkState::Connecting:
        return env.tr.tr("staff.status.link.connecting");
    case LinkState::Online:
        return env.tr.tr("staff.status.link.online");
    case LinkState::Offline:
        return env.tr.tr("staff.status.link.offline");
    }
    return {};
}

/// What became of a slip the status screen queued; nothing before it was asked.
void slipLine(const ScreenEnv& env, UiContext& ctx, const StaffSlipJob& job)
{
    std::string text;
    bool problem = false;
    switch (job.state)
    {
    case StaffSlipState::None:
        return;
    case StaffSlipState::Queued:
        text = env.tr.tr("staff.status.slip.queued");
        break;
    case StaffSlipState::Nothing:
        text = env.tr.tr("staff.status.slip.nothing");
        break;
    case StaffSlipState::NoPrinter:
        text = env.tr.tr("staff.status.slip.no_printer");
        problem = true;
        break;
    case StaffSlipState::Printed:
        text = env.tr.tr("staff.status.slip.printed");
        break;
    case StaffSlipState::Failed:
        text = env.tr.format("staff.status.slip.failed",
                             {{"reason", env.tr.tr(receipt::conditionMessageKey(job.failure))}});
        problem = true;
        break;
    case StaffSlipState::TimedOut:
        text = env.tr.tr("staff.status.slip.timed_out");
        problem = true;
        break;
    }
    if (problem)
        Badge(ctx, text, ctx.palette.warning, ctx.palette.warningText);
    else
        Paragraph(ctx, text);
}

/// One dead letter: what it was and why the server refused it, with "Załatwione" beside it, as wide
/// as its word (a full-width bar per line would push the rest of the screen out of sight).
void deadLetterRow(const ScreenEnv& env, UiContext& ctx, Intents& out, const StaffDeadLetterLine& d, int n)
{
    // Numbered from 1 as listed, so a script can tap the first one without knowing the event's UUID.
    const std::string id = "staff-status-resolve-" + std::to_string(n);
    const std::string label = env.tr.tr("staff.status.dead_resolve");
    ButtonOptions o;
    o.style = ButtonStyle::Secondary;
    o.id = id;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    o.size = ImVec2(std::min(avail, BigButtonSize(ctx, label, o).x + ctx.em(1.0f)), 0);
    const ImVec2 size = BigButtonSize(ctx, label, o);
    // Type, reference code and the server's reason: enough to find the resident's slip, nothing personal.
    const std::string text = d.type + " · " + (d.reference.empty() ? std::string("—") : d.reference) + " · " + d.reason;
    const float x = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    const float textW = avail - size.x - gap;
    const float textH = wrappedHeight(ImGui::GetFont(), ImGui::GetFontSize(), std::max(textW, 1.0f), text);
    if (textW < ctx.em(8.0f))
    {
        // Too narrow for both on one line: the text, then the button under it.
        Paragraph(ctx, text);
    }
    else
    {
        ImGui::SetCursorPosY(y + std::max(0.0f, (size.y - textH) * 0.5f));
        ImGui::PushTextWrapPos(x + textW);
        ctx.record.addText(text);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPos(ImVec2(x + avail - size.x, y));
    }
    if (BigButton(ctx, label + "##" + id, o))
        emit(out, staff_entry::ResolveDeadLetter{d.eventId});
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), y + textH + gap));
}

/// The link to the server, the outbox and what it could not send.
void syncPart(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const StaffStatusState& s = env.state.staff.entry.status;
    const ConnectivityStatus& c = env.state.connectivity;
    Label(ctx, env.tr.tr("staff.status.link"));
    Paragraph(ctx, linkText(env));
    if (!c.lastError.empty() && c.link != LinkState::Standalone)
        Paragraph(ctx, env.tr.format("staff.status.last_error", {{"code", c.lastError}}));
    if (c.link != LinkState::Standalone)
        Paragraph(ctx, env.tr.format(
                           "staff.status.last_sync",
                           {{"time", c.lastSyncAt ? localDateTime(*c.lastSyncAt) : env.tr.tr("staff.status.never")}}));
    // The database's own count when the screen opened; the sync worker's report otherwise.
    const std::int64_t pending = s.outbox ? s.outbox->pending : c.outboxDepth;
    const std::optional<std::int64_t> oldest = s.outbox ? s.outbox->oldestAgeSeconds : c.outboxOldestAgeSeconds;
    const std::int64_t dead = s.outbox ? s.outbox->dead : c.deadLetters;
    Paragraph(ctx, env.tr.format("staff.status.outbox", {{"n", std::to_string(pending)}}));
    if (oldest && pending > 0)
        Paragraph(ctx, env.tr.format("staff.status.outbox_oldest", {{"age", ageText(env, *oldest)}}));
    if (dead > 0)
    {
        Badge(ctx, env.tr.format("staff.status.dead", {{"n", std::to_string(dead)}}), ctx.palette.warning,
              ctx.palette.warningText);
        ImGui::Spacing();
        if (s.outbox)
        {
            int n = 0;
            for (const StaffDeadLetterLine& d : s.outbox->deadLetters)
                deadLetterRow(env, ctx, out, d, ++n);
        }
    }
    else
        Paragraph(ctx, env.tr.format("staff.status.dead", {{"n", "0"}}));
}

/// The printer, reprint and test print, then which kiosk and version this is.
void printerPart(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    const StaffStatusState& s = env.state.staff.entry.status;
    Label(ctx, env.tr.tr("staff.status.printer"));
    if (s.printerChecking)
    {
        spinner(ctx);
        ImGui::SameLine();
        Paragraph(ctx, env.tr.tr("staff.status.printer_checking"));
    }
    else if (s.printer)
    {
        const bool ok = receipt::canPrint(*s.printer) && *s.printer == receipt::PrinterCondition::Ready;
        const std::string text = env.tr.tr(receipt::conditionMessageKey(*s.printer));
        if (ok)
            Paragraph(ctx, text);
        else
            Badge(ctx, text, ctx.palette.warning, ctx.palette.warningText);
    }
    if (StaffAction(ctx, env.tr.tr("staff.status.printer_recheck"), "staff-status-printer-check",
                    ButtonStyle::Secondary, !s.printerChecking))
        emit(out, staff_entry::CheckPrinter{});
    ImGui::Spacing();
    if (StaffAction(ctx, env.tr.tr("staff.status.reprint"), "staff-status-reprint", ButtonStyle::Secondary,
                    s.reprint.state != StaffSlipState::Queued))
        emit(out, staff_entry::Reprint{});
    slipLine(env, ctx, s.reprint);
    ImGui::Spacing();
    if (StaffAction(ctx, env.tr.tr("staff.status.test_print"), "staff-status-test-print", ButtonStyle::Secondary,
                    s.testPrint.state != StaffSlipState::Queued))
        emit(out, staff_entry::TestPrint{});
    slipLine(env, ctx, s.testPrint);
    Divider(ctx);

    const std::string name = s.kioskName.empty() ? s.kioskId : s.kioskName;
    Paragraph(ctx, env.tr.format("staff.status.kiosk", {{"name", name}, {"id", s.kioskId}}));
    Paragraph(ctx, env.tr.format("staff.status.version", {{"version", s.version}}));
}

void drawStatus(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    beginStaffScreen(env, ctx, out, "##staff-status-screen", {.title = env.tr.tr("staff.status.title")});
    TouchScrollBegin(ctx, "##staff-status", ImVec2(0, staffContentHeight(env, ctx)));
    // Landscape: the server side and the printer side next to each other; portrait: one after the other.
    const int columns = staffColumns(ctx, 16.0f, 2);
    beginStaffColumns(ctx, "##staff-status-columns", columns);
    nextStaffColumn(columns);
    syncPart(env, ctx, out);
    if (columns == 1)
        Divider(ctx);
    nextStaffColumn(columns);
    printerPart(env, ctx, out);
    endStaffColumns(columns);
    TouchScrollEnd(ctx);
    endStaffScreen(env, ctx, out);
}

} // namespace

bool StaffEntryHeader(const ScreenEnv& env, UiContext& ctx, Intents& out, std::string_view text, HeaderStyle style)
{
    ImFont* font = style == HeaderStyle::Title ? ctx.faces().title : ImGui::GetFont();
    const ImVec4 color = style == HeaderStyle::Title ? ctx.palette.text : ctx.palette.mutedText;
    const float wrapW = ImGui::GetContentRegionAvail().x;
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapW, text.data(), text.data() + text.size());
    // At least a finger's size, and no wider than the name: the hold ring then circles the name.
    const ImVec2 size(std::min(std::max(ts.x, ctx.minTargetPx()), wrapW), std::max(ts.y, ctx.minTargetPx()));
    const bool released = ImGui::InvisibleButton("##cus-logo", size);
    const bool held = LongPressed(ctx, kStaffEntryHoldSeconds);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ctx.record.addTarget(text, min, max, true, "cus-logo", spokenAs(SpokenRole::Button));
    ctx.record.addText(text);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(min.x, min.y + (max.y - min.y - ts.y) * 0.5f),
                                        packed(color), text.data(), text.data() + text.size(), wrapW);
    (void)env;
    if (held)
    {
        emit(out, staff_entry::Open{});
        return false;
    }
    return released && !touchDragged(ctx) && ImGui::GetIO().MouseDownDurationPrev[0] < kShortTapSeconds;
}

void drawStaffEntryScreen(const ScreenEnv& env, UiContext& ctx, Intents& out)
{
    // Each screen draws the staff frame around itself.
    switch (env.state.router.current())
    {
    case ScreenId::StaffPin:
        drawPin(env, ctx, out);
        break;
    case ScreenId::StaffMenu:
        drawMenu(env, ctx, out);
        break;
    case ScreenId::StaffStatus:
        drawStatus(env, ctx, out);
        break;
    default:
        break;
    }
}

} // namespace okienko::kiosk::ui

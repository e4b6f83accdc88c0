// Counselling duty hours: the page loads PanelStore::slotsOverview and renders it; the form is
// checked here field by field, and the store re-checks bookings and overlaps inside its write
// (PanelStore::saveSlot / withdrawSlot) and says which one refused the change. Counsellors read the
// page without its forms; the move of a booked request is theirs as well.
#include "server/panel/slots_pages.hpp"

#include "server/panel/route_table.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/text/percent_encode.hpp"
#include "shared/validate/free_text.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace okienko::server::panel
{

namespace
{
/// The form as typed (kept for re-display) and what it parses to.
struct SlotForm
{
    std::string id, dateText, startText, minutesText, counsellor, room;
    std::vector<std::string> kindIds;
    Date date;
    int start = 0, minutes = 0;
    std::map<std::string, std::string> errors; ///< field name → message
};

/// The messages of the redirects' ?msg= codes.
const std::map<std::string, FlashMessage>& slotMessages()
{
    static const std::map<std::string, FlashMessage> messages = withMoveMessages(
        {{"published", {"Dyżur opublikowany; kioski pokażą go po najbliższej synchronizacji.", false}},
         {"edited", {"Zmiany zapisane; kioski dostaną je po najbliższej synchronizacji.", false}},
         {"withdrawn", {"Dyżur wycofany; kioski przestaną go pokazywać po najbliższej synchronizacji.", false}},
         {"bad-input", {"Nieprawidłowe dane formularza.", true}},
         {"error", {"Błąd bazy danych; nic nie zmieniono. Spróbuj ponownie.", true}}});
    return messages;
}

std::string kindNames(const std::vector<std::string>& ids, const std::vector<CounsellingKindView>& kinds)
{
    std::string out;
    for (const auto& id : ids)
    {
        auto it = std::find_if(kinds.begin(), kinds.end(), [&](const CounsellingKindView& k) { return k.id == id; });
        out += (out.empty() ? "" : ", ") + (it == kinds.end() ? id : it->name);
    }
    return out;
}

std::string requestStatusLabel(const std::string& code)
{
    static const std::map<std::string, std::string> labels{
        {"provisional", "wstępne"}, {"received", "przyjęte"}, {"confirmed", "potwierdzone"}, {"moved", "przeniesione"}};
    auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

std::string timeRange(int start, int minutes)
{
    return clockText(start) + "–" + clockText(start + minutes);
}

std::optional<std::string> singleLine(const std::string& text, std::size_t max)
{
    auto valid = validate::validateFreeText(text, 1, max);
    if (!valid || valid->find('\n') != std::string::npos)
        return std::nullopt;
    return *valid;
}

SlotForm readForm(const std::map<std::string, std::string>& form, const std::vector<CounsellingKindView>& kinds,
                  const Now& now)
{
    SlotForm f;
    f.id = fieldValue(form, "id");
    f.dateText = fieldValue(form, "date");
    f.startText = fieldValue(form, "start");
    f.minutesText = fieldValue(form, "minutes");
    f.counsellor = fieldValue(form, "counsellor");
    f.room = fieldValue(form, "room");
    for (const auto& k : kinds)
        if (form.count("kind-" + k.id) != 0)
            f.kindIds.push_back(k.id);

    const auto date = parseIsoDate(f.dateText);
    if (!date)
        f.errors["date"] = "Podaj datę dyżuru (RRRR-MM-DD).";
    else if (*date < now.today)
        f.errors["date"] = "Data dyżuru nie może być w przeszłości.";
    else
        f.date = *date;
    const auto start = parseClock(f.startText);
    if (!start)
        f.errors["start"] = "Podaj godzinę rozpoczęcia (GG:MM).";
    else
    {
        f.start = *start;
        if (date && *date == now.today && *start <= minuteOfDay(now.unix))
            f.errors["start"] = "Ta godzina dziś już minęła.";
    }
    const auto minutes = parseWholeNumber(f.minutesText);
    if (!minutes || *minutes < kMinSlotMinutes || *minutes > kMaxSlotMinutes)
        f.errors["minutes"] = "Czas trwania: od " + std::to_string(kMinSlotMinutes) + " do " +
                              std::to_string(kMaxSlotMinutes) + " minut.";
    else
    {
        f.minutes = *minutes;
        if (start && *start + *minutes > 24 * 60)
            f.errors["minutes"] = "Dyżur musi skończyć się przed północą.";
    }
    if (auto c = singleLine(f.counsellor, 120))
        f.counsellor = *c;
    else
        f.errors["counsellor"] = "Podaj imię i nazwisko doradcy (do 120 znaków, bez znaków sterujących).";
    if (auto r = singleLine(f.room, 60))
        f.room = *r;
    else
        f.errors["room"] = "Podaj pokój (do 60 znaków, bez znaków sterujących).";
    if (f.kindIds.empty())
        f.errors["kinds"] = "Zaznacz co najmniej jeden rodzaj poradnictwa.";
    if (!f.id.empty() && !protocol::matchesIdPattern(f.id, protocol::IdPattern::Code))
        f.errors["id"] = "Nieprawidłowy identyfikator dyżuru.";
    return f;
}

/// One labelled input of the form, with its error beside it.
Html formField(const SlotForm& f, const std::string& name, const std::string& label, const Html& attributes,
               const std::string& value)
{
    const auto error = f.errors.find(name);
    Html out;
    out << "<p><label for=\"pole-" << name << "\">" << label << "</label><br><input id=\"pole-" << name << "\" name=\""
        << name << "\" " << attributes << " value=\"" << value << "\"";
    if (error != f.errors.end())
        out << " aria-invalid=\"true\" aria-describedby=\"blad-" << name << "\"";
    out << ">";
    if (error != f.errors.end())
        out << " <span id=\"blad-" << name << "\" class=\"warn\">" << error->second << "</span>";
    return out << "</p>\n";
}

/// The publish / edit form. `f` holds what to show (typed values, or the slot being edited).
Html renderForm(const PageContext& ctx, const SlotForm& f, const std::vector<CounsellingKindView>& kinds,
                const std::string& problem)
{
    const bool editing = !f.id.empty();
    Html out;
    out << "<section aria-labelledby=\"formularz\">\n<h2 id=\"formularz\" tabindex=\"-1\">"
        << (editing ? Markup("Zmień dyżur") : Markup("Nowy dyżur")) << "</h2>\n";
    out << formProblems(f.errors, problem);
    out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/slots/save\" class=\"slot-form\">"
        << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << f.id << "\">\n";
    out << formField(f, "date", "Data", Html() << "type=\"date\" required min=\"" << ctx.now.today.iso() << "\"",
                     f.dateText);
    out << formField(f, "start", "Godzina rozpoczęcia", Html() << "type=\"time\" required step=\"300\"", f.startText);
    out << formField(f, "minutes",
                     "Czas trwania (minuty, " + std::to_string(kMinSlotMinutes) + "–" +
                         std::to_string(kMaxSlotMinutes) + ")",
                     Html() << "type=\"number\" required min=\"" << kMinSlotMinutes << "\" max=\"" << kMaxSlotMinutes
                            << "\" step=\"5\"",
                     f.minutesText);
    out << formField(f, "counsellor", "Doradca (imię i nazwisko)",
                     Html() << "required maxlength=\"120\" autocomplete=\"off\"", f.counsellor);
    out << formField(f, "room", "Pokój", Html() << "required maxlength=\"60\" autocomplete=\"off\"", f.room);
    const auto kindsError = f.errors.find("kinds");
    out << "<fieldset id=\"pole-kinds\""
        << (kindsError != f.errors.end() ? Markup(" aria-describedby=\"blad-kinds\"") : Markup(""))
        << "><legend>Rodzaje poradnictwa na tym dyżurze</legend>\n";
    for (const auto& k : kinds)
    {
        const bool checked = std::find(f.kindIds.begin(), f.kindIds.end(), k.id) != f.kindIds.end();
        const std::string id = "kind-" + k.id;
        out << "<input type=\"checkbox\" id=\"" << id << "\" name=\"" << id << "\" value=\"1\""
            << (checked ? Markup(" checked") : Markup("")) << "> <label for=\"" << id << "\">" << k.name
            << "</label><br>\n";
    }
    if (kindsError != f.errors.end())
        out << "<span id=\"blad-kinds\" class=\"warn\">" << kindsError->second << "</span>\n";
    out << "</fieldset>\n<p><button type=\"submit\">" << (editing ? Markup("Zapisz zmiany") : Markup("Opublikuj dyżur"))
        << "</button>";
    if (editing)
        out << " <a href=\"/panel/slots\">Anuluj zmianę</a>";
    return out << "</p>\n</form>\n</section>\n";
}

/// True when the reader may publish, edit and withdraw duty hours (counsellors only read them).
bool mayPublish(const PageContext& ctx)
{
    return mayUse(ctx.session.role, Method::Post, "/panel/slots/save");
}

/// One upcoming slot's row: free (edit, withdraw) or booked (move its request).
Html slotRow(const PageContext& ctx, const BookedSlotView& booking, const std::vector<CounsellingKindView>& kinds,
             const std::vector<SlotOption>& options)
{
    const SlotView& row = booking.slot;
    const auto date = parseIsoDate(row.date);
    const std::string day = date ? dayText(*date) : row.date;
    const std::string when = timeRange(row.start, row.minutes);
    const std::string label = day + " " + when;
    Html out;
    out << "<tr><th scope=\"row\">" << day << "</th><td>" << when << "</td><td class=\"num\">" << row.minutes
        << "</td><td>" << row.counsellor << "</td><td>" << row.room << "</td><td>" << kindNames(row.kindIds, kinds)
        << "</td><td>";
    if (!booking.booked && !mayPublish(ctx))
        return out << "wolny</td><td></td></tr>\n";
    if (!booking.booked)
        return out << "wolny</td><td><a href=\"/panel/slots?edit=" << text::percentEncode(row.id)
                   << "#formularz\" aria-label=\"Zmień dyżur " << label
                   << "\">Zmień</a> <form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
                      "action=\"/panel/slots/withdraw\">"
                   << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << row.id
                   << "\"><button type=\"submit\" class=\"secondary\" aria-label=\"Wycofaj dyżur " << label
                   << "\">Wycofaj</button></form></td></tr>\n";
    out << "<strong>zajęty</strong>";
    if (!booking.requestCode.empty())
        out << ", zgłoszenie " << booking.requestCode << " (" << requestStatusLabel(booking.requestStatus) << ")";
    out << "</td><td>";
    const Html move = booking.requestId.empty() ? Html()
                                                : moveRequestForm(ctx.session, booking.requestId, booking.requestCode,
                                                                  booking.requestKind, row.id, options, "slots");
    if (move.empty())
        out << "brak wolnego terminu tego rodzaju";
    else
        out << move;
    return out << "</td></tr>\n";
}

/// The whole page over `data`: the form (blank, the slot to edit, or what was typed) and the
/// upcoming slots.
PanelResponse renderSlots(const PageContext& ctx, const SlotsOverview& data, std::optional<SlotForm> form,
                          const std::string& problem, const FlashMessage& flash, int httpStatus)
{
    const std::vector<SlotOption> options = slotOptions(data.free);
    const std::string editId = form ? std::string() : fieldValue(ctx.request.query, "edit");
    std::optional<SlotForm> editing;
    for (const auto& row : data.upcoming)
        if (row.slot.id == editId && !row.booked)
        {
            SlotForm f;
            f.id = row.slot.id;
            f.dateText = row.slot.date;
            f.startText = clockText(row.slot.start);
            f.minutesText = std::to_string(row.slot.minutes);
            f.counsellor = row.slot.counsellor;
            f.room = row.slot.room;
            f.kindIds = row.slot.kindIds;
            editing = std::move(f);
        }

    FlashMessage shown = flash;
    if (!form && !editId.empty() && !editing && shown.text.empty())
        shown = {"Tego dyżuru nie można zmienić: nie istnieje, minął albo jest już zarezerwowany.", true};
    SlotForm blank;
    blank.minutesText = "60";
    const SlotForm& shownForm = form ? *form : editing ? *editing : blank;

    Html body;
    body << "<p>Dyżury publikowane tutaj kioski pokazują mieszkańcom jako wolne terminy. Zajęty dyżur "
            "można tylko przenieść razem ze zgłoszeniem na inny wolny termin (kod zgłoszenia się nie "
            "zmienia).</p>\n";
    if (mayPublish(ctx))
        body << "<p><a href=\"#formularz\">Przejdź do formularza nowego dyżuru</a></p>\n";
    body << "<h2 id=\"dyzury\">Nadchodzące dyżury</h2>\n";
    Html rows;
    for (const auto& booking : data.upcoming)
        rows << slotRow(ctx, booking, data.kinds, options);
    body << tableOrEmpty("dyzury",
                         "<th scope=\"col\">Data</th><th scope=\"col\">Godzina</th><th scope=\"col\" "
                         "class=\"num\">Minuty</th><th scope=\"col\">Doradca</th><th scope=\"col\">Pokój</th><th "
                         "scope=\"col\">Rodzaje</th><th scope=\"col\">Rezerwacja</th><th scope=\"col\">Działania</th>",
                         rows, "<p role=\"status\">Brak opublikowanych dyżurów od dziś.</p>\n");
    if (mayPublish(ctx))
        body << renderForm(ctx, shownForm, data.kinds, problem);
    PanelResponse r;
    r.status = httpStatus;
    r.body = renderPage(pageFrame(ctx, "Dyżury poradnictwa", "/panel/slots", shown), body);
    return r;
}

/// Loads the page's data and renders it.
PanelResponse showSlots(const PageContext& ctx, std::optional<SlotForm> form, const std::string& problem,
                        const FlashMessage& flash, int httpStatus)
{
    auto data = ctx.panelStore.slotsOverview(ctx.now.today, minuteOfDay(ctx.now.unix));
    if (!data)
        return messagePage(503, "Błąd", "Nie udało się odczytać dyżurów. Spróbuj ponownie.");
    return renderSlots(ctx, *data, std::move(form), problem, flash, httpStatus);
}

/// What the coordinator reads about the slot in the way of a save.
std::string overlapMessage(const SlotChangeOutcome& o)
{
    const SlotView& other = o.overlapping;
    const std::string when = timeRange(other.start, other.minutes);
    if (o.sameCounsellor)
        return "Doradca " + other.counsellor + " ma już tego dnia dyżur " + when + " (pokój " + other.room +
               "). Dyżury jednej osoby nie mogą na siebie zachodzić.";
    return "Pokój " + other.room + " jest tego dnia zajęty " + when + " (dyżur: " + other.counsellor + ").";
}
} // namespace

std::vector<SlotOption> slotOptions(const std::vector<SlotView>& free)
{
    std::vector<SlotOption> out;
    for (const auto& slot : free)
    {
        const auto date = parseIsoDate(slot.date);
        out.push_back({slot.id,
                       (date ? dayText(*date) : slot.date) + ", " + timeRange(slot.start, slot.minutes) + ", pokój " +
                           slot.room + ", " + slot.counsellor,
                       slot.kindIds});
    }
    return out;
}

Result<std::vector<SlotOption>, db::Error> loadFreeSlotOptions(PanelStore& store, const Now& now, int limit)
{
    auto free = store.freeSlots(now.today, minuteOfDay(now.unix), limit);
    if (!free)
        return makeErr(free.error());
    return slotOptions(*free);
}

Html moveRequestForm(const PanelSession& session, const std::string& requestId, const std::string& code,
                     const std::string& kindId, const std::string& currentSlotId,
                     const std::vector<SlotOption>& options, const std::string& returnTo)
{
    Html choices;
    for (const auto& o : options)
        if (o.id != currentSlotId && std::find(o.kindIds.begin(), o.kindIds.end(), kindId) != o.kindIds.end())
            choices << "<option value=\"" << o.id << "\">" << o.label << "</option>";
    if (choices.empty())
        return {};
    const std::string id = "przenies-" + requestId;
    return Html() << "<form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
                     "action=\"/panel/counselling/decide\">"
                  << csrfField(session) << "<input type=\"hidden\" name=\"id\" value=\"" << requestId
                  << "\"><input type=\"hidden\" name=\"action\" value=\"move\"><input type=\"hidden\" name=\"return\" "
                     "value=\""
                  << returnTo << "\"><label for=\"" << id << "\">Nowy termin dla " << code << "</label> <select id=\""
                  << id << "\" name=\"slot\">" << choices
                  << "</select> <button type=\"submit\" aria-label=\"Przenieś zgłoszenie " << code
                  << "\">Przenieś</button></form>";
}

std::map<std::string, FlashMessage> withMoveMessages(std::map<std::string, FlashMessage> messages)
{
    messages.insert({
        {"moved",
         {"Zgłoszenie przeniesione na nowy termin (kod bez zmian). Zadzwoń do osoby i podaj nową godzinę.", false}},
        {"slot-taken", {"Wybrany termin jest już zajęty, minął albo nie obejmuje tego rodzaju poradnictwa.", true}},
        {"stale", {"Stan zmienił się w międzyczasie; odśwież i spróbuj ponownie.", true}},
    });
    return messages;
}

PanelResponse slotsPage(const PageContext& ctx)
{
    return showSlots(ctx, std::nullopt, "", lookupFlash(slotMessages(), fieldValue(ctx.request.query, "msg")), 200);
}

PanelResponse slotSaveAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    auto kinds = ctx.panelStore.counsellingKinds();
    if (!kinds)
        return seeOther("/panel/slots?msg=error");
    SlotForm f = readForm(form, *kinds, ctx.now);
    if (!f.errors.empty())
        return showSlots(ctx, f, "", {}, 422);

    auto outcome = ctx.panelStore.saveSlot(
        SlotEdit{f.id, f.date, f.start, f.minutes, f.counsellor, f.room, f.kindIds, ctx.session.staffId, ctx.now.unix});
    if (!outcome)
        return seeOther("/panel/slots?msg=error");
    switch (outcome->result)
    {
    case SlotChangeResult::Published:
        return seeOther("/panel/slots?msg=published");
    case SlotChangeResult::Edited:
    case SlotChangeResult::Withdrawn:
        return seeOther("/panel/slots?msg=edited");
    case SlotChangeResult::Gone:
        return showSlots(ctx, f, "Tego dyżuru już nie ma (został wycofany). Nic nie zmieniono.", {}, 409);
    case SlotChangeResult::Booked:
        return showSlots(ctx, f,
                         "Ten dyżur został w międzyczasie zarezerwowany, więc nie można go zmienić. Przenieś "
                         "zgłoszenie na inny termin.",
                         {}, 409);
    case SlotChangeResult::Overlap:
        return showSlots(ctx, f, overlapMessage(*outcome) + " Nic nie zapisano.", {}, 409);
    }
    return seeOther("/panel/slots?msg=error");
}

PanelResponse slotWithdrawAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const std::string id = fieldValue(form, "id");
    if (!protocol::matchesIdPattern(id, protocol::IdPattern::Code))
        return seeOther("/panel/slots?msg=bad-input");
    auto outcome = ctx.panelStore.withdrawSlot(id, ctx.session.staffId, ctx.now.unix);
    if (!outcome)
        return seeOther("/panel/slots?msg=error");
    if (outcome->result == SlotChangeResult::Gone)
        return showSlots(ctx, std::nullopt, "", {"Tego dyżuru już nie ma. Nic nie zmieniono.", true}, 409);
    if (outcome->result == SlotChangeResult::Booked)
        return showSlots(ctx, std::nullopt, "",
                         {"Ten dyżur jest zarezerwowany i nie można go wycofać. Przenieś najpierw zgłoszenie na inny "
                          "termin.",
                          true},
                         409);
    return seeOther("/panel/slots?msg=withdrawn");
}

} // namespace okienko::server::panel

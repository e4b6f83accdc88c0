// Counselling duty hours. Overlaps are checked inside the write transaction (two coordinators
// publishing at once cannot both take a room). Editing the time, length or room of a free slot
// gives it a new id and withdraws the old one: a kiosk that was offline may have shown the old
// time on a resident's slip, and its late booking of the old id must surface as a conflict for a
// coordinator rather than silently book the resident at a time they were never told.
#include "server/panel/slots_pages.hpp"

#include "server/store_sql.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/util/uuid.hpp"
#include "shared/validate/free_text.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace okienko::server::panel
{

namespace
{
struct Kind
{
    std::string id, name;
};

/// The form as typed (kept for re-display) and what it parses to.
struct SlotForm
{
    std::string id, dateText, startText, minutesText, counsellor, room;
    std::vector<std::string> kindIds;
    Date date;
    int start = 0, minutes = 0;
    std::map<std::string, std::string> errors; ///< field name → message
};

struct Refusal
{
    int status = 409;
    std::string message;
};

struct SlotRow
{
    std::string id, counsellor, room, date, requestId, requestCode, requestStatus, requestKind;
    std::vector<std::string> kindIds;
    int start = 0, minutes = 0;
    bool booked = false;
};

FlashMessage flashFor(const std::string& code)
{
    static const std::map<std::string, FlashMessage> messages{
        {"published", {"Dyżur opublikowany; kioski pokażą go po najbliższej synchronizacji.", false}},
        {"edited", {"Zmiany zapisane; kioski dostaną je po najbliższej synchronizacji.", false}},
        {"withdrawn", {"Dyżur wycofany; kioski przestaną go pokazywać po najbliższej synchronizacji.", false}},
        {"moved",
         {"Zgłoszenie przeniesione na nowy termin (kod bez zmian). Zadzwoń do osoby i podaj nową godzinę.", false}},
        {"slot-taken", {"Wybrany termin jest już zajęty, minął albo nie obejmuje tego rodzaju poradnictwa.", true}},
        {"stale", {"Stan zmienił się w międzyczasie; odśwież i spróbuj ponownie.", true}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"error", {"Błąd bazy danych; nic nie zmieniono. Spróbuj ponownie.", true}}};
    auto it = messages.find(code);
    return it == messages.end() ? FlashMessage{} : it->second;
}

std::vector<std::string> parseKindIds(const std::string& json)
{
    std::vector<std::string> out;
    const auto kinds = protocol::Json::parse(json, nullptr, false);
    if (kinds.is_array())
        for (const auto& k : kinds)
            if (k.is_string())
                out.push_back(k.get<std::string>());
    return out;
}

Result<std::vector<Kind>, db::Error> loadKinds(db::Database& d)
{
    auto st = sqlQuery(d, "SELECT id, name_pl FROM counselling_kinds ORDER BY position");
    if (!st)
        return makeErr(st.error());
    std::vector<Kind> out;
    auto rows = forEachRow(*st,
                           [&](db::Statement& r) {
                               out.push_back({r.columnText(0).value(), r.columnText(1).value()});
                           });
    if (!rows)
        return makeErr(rows.error());
    return out;
}

std::string kindNames(const std::vector<std::string>& ids, const std::vector<Kind>& kinds)
{
    std::string out;
    for (const auto& id : ids)
    {
        auto it = std::find_if(kinds.begin(), kinds.end(), [&](const Kind& k) { return k.id == id; });
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

SlotForm readForm(const std::map<std::string, std::string>& form, const std::vector<Kind>& kinds, const Now& now)
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

/// The publish / edit form. `f` holds what to show (typed values, or the slot being edited).
std::string renderForm(const PageContext& ctx, const SlotForm& f, const std::vector<Kind>& kinds,
                       const std::string& problem)
{
    const bool editing = !f.id.empty();
    std::string out = std::string("<section aria-labelledby=\"formularz\">\n<h2 id=\"formularz\" tabindex=\"-1\">") +
                      (editing ? "Zmień dyżur" : "Nowy dyżur") + "</h2>\n";
    if (!f.errors.empty() || !problem.empty())
    {
        out += "<div class=\"flash error\" role=\"alert\"><p>" +
               htmlEscape(problem.empty() ? "Popraw zaznaczone pola:" : problem) + "</p>";
        if (!f.errors.empty())
        {
            out += "<ul>";
            for (const auto& [field, message] : f.errors)
                out += "<li><a href=\"#pole-" + htmlEscape(field) + "\">" + htmlEscape(message) + "</a></li>";
            out += "</ul>";
        }
        out += "</div>\n";
    }
    auto field =
        [&](const std::string& name, const std::string& label, const std::string& attrs, const std::string& value)
    {
        const auto error = f.errors.find(name);
        std::string html = "<p><label for=\"pole-" + name + "\">" + label + "</label><br><input id=\"pole-" + name +
                           "\" name=\"" + name + "\" " + attrs + " value=\"" + htmlEscape(value) + "\"";
        if (error != f.errors.end())
            html += " aria-invalid=\"true\" aria-describedby=\"blad-" + name + "\"";
        html += ">";
        if (error != f.errors.end())
            html += " <span id=\"blad-" + name + "\" class=\"warn\">" + htmlEscape(error->second) + "</span>";
        return html + "</p>\n";
    };
    out += "<form method=\"post\" action=\"/panel/slots/save\" class=\"slot-form\">" + csrfInput(ctx.session) +
           "<input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(f.id) + "\">\n";
    out += field("date", "Data", "type=\"date\" required min=\"" + ctx.now.today.iso() + "\"", f.dateText);
    out += field("start", "Godzina rozpoczęcia", "type=\"time\" required step=\"300\"", f.startText);
    out +=
        field("minutes",
              "Czas trwania (minuty, " + std::to_string(kMinSlotMinutes) + "–" + std::to_string(kMaxSlotMinutes) + ")",
              "type=\"number\" required min=\"" + std::to_string(kMinSlotMinutes) + "\" max=\"" +
                  std::to_string(kMaxSlotMinutes) + "\" step=\"5\"",
              f.minutesText);
    out += field("counsellor", "Doradca (imię i nazwisko)", "required maxlength=\"120\" autocomplete=\"off\"",
                 f.counsellor);
    out += field("room", "Pokój", "required maxlength=\"60\" autocomplete=\"off\"", f.room);
    const auto kindsError = f.errors.find("kinds");
    out += "<fieldset id=\"pole-kinds\"" +
           std::string(kindsError != f.errors.end() ? " aria-describedby=\"blad-kinds\"" : "") +
           "><legend>Rodzaje poradnictwa na tym dyżurze</legend>\n";
    for (const auto& k : kinds)
    {
        const bool checked = std::find(f.kindIds.begin(), f.kindIds.end(), k.id) != f.kindIds.end();
        const std::string id = "kind-" + htmlEscape(k.id);
        out += "<input type=\"checkbox\" id=\"" + id + "\" name=\"" + id + "\" value=\"1\"" +
               (checked ? " checked" : "") + "> <label for=\"" + id + "\">" + htmlEscape(k.name) + "</label><br>\n";
    }
    if (kindsError != f.errors.end())
        out += "<span id=\"blad-kinds\" class=\"warn\">" + htmlEscape(kindsError->second) + "</span>\n";
    out += "</fieldset>\n<p><button type=\"submit\">" + std::string(editing ? "Zapisz zmiany" : "Opublikuj dyżur") +
           "</button>";
    if (editing)
        out += " <a href=\"/panel/slots\">Anuluj zmianę</a>";
    out += "</p>\n</form>\n</section>\n";
    return out;
}

/// The whole page: the form (blank, the slot to edit, or what was typed) and the upcoming slots.
PanelResponse renderSlots(const PageContext& ctx, std::optional<SlotForm> form, const std::string& problem,
                          const FlashMessage& flash, int httpStatus)
{
    std::vector<Kind> kinds;
    std::vector<SlotRow> rows;
    std::vector<SlotOption> options;
    const std::string editId = form ? std::string() : fieldValue(ctx.request.query, "edit");
    std::optional<SlotForm> editing;
    auto status = ctx.store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto k = loadKinds(d);
            if (!k)
                return makeErr(k.error());
            kinds = std::move(k).value();
            auto free = loadFreeSlotOptions(d, ctx.now);
            if (!free)
                return makeErr(free.error());
            options = std::move(free).value();
            auto st = sqlQuery(d,
                               "SELECT s.id, s.kind_ids, s.counsellor, s.room, s.date, s.start_minute, "
                               "s.duration_minutes, s.booked_by IS NOT NULL, COALESCE(r.id, ''), COALESCE(r.code, ''), "
                               "COALESCE(r.status, ''), COALESCE(r.kind_id, '') FROM counselling_slots s LEFT JOIN "
                               "counselling_requests r ON r.id = s.booked_by WHERE s.date >= ? ORDER BY s.date, "
                               "s.start_minute, s.room",
                               ctx.now.today.iso());
            if (!st)
                return makeErr(st.error());
            return forEachRow(*st,
                              [&](db::Statement& r)
                              {
                                  SlotRow row;
                                  row.id = r.columnText(0).value();
                                  row.kindIds = parseKindIds(r.columnText(1).value());
                                  row.counsellor = r.columnText(2).value();
                                  row.room = r.columnText(3).value();
                                  row.date = r.columnText(4).value();
                                  row.start = r.columnInt(5).value();
                                  row.minutes = r.columnInt(6).value();
                                  row.booked = r.columnInt(7).value() != 0;
                                  row.requestId = r.columnText(8).value();
                                  row.requestCode = r.columnText(9).value();
                                  row.requestStatus = r.columnText(10).value();
                                  row.requestKind = r.columnText(11).value();
                                  if (row.id == editId && !row.booked)
                                  {
                                      SlotForm f;
                                      f.id = row.id;
                                      f.dateText = row.date;
                                      f.startText = clockText(row.start);
                                      f.minutesText = std::to_string(row.minutes);
                                      f.counsellor = row.counsellor;
                                      f.room = row.room;
                                      f.kindIds = row.kindIds;
                                      editing = std::move(f);
                                  }
                                  rows.push_back(std::move(row));
                              });
        });
    if (!status)
        return messagePage(503, "Błąd", "Nie udało się odczytać dyżurów. Spróbuj ponownie.");

    FlashMessage shown = flash;
    if (!form && !editId.empty() && !editing && shown.text.empty())
        shown = {"Tego dyżuru nie można zmienić: nie istnieje, minął albo jest już zarezerwowany.", true};
    SlotForm blank;
    blank.minutesText = "60";
    const SlotForm& shownForm = form ? *form : editing ? *editing : blank;

    std::string body = "<p>Dyżury publikowane tutaj kioski pokazują mieszkańcom jako wolne terminy. Zajęty dyżur "
                       "można tylko przenieść razem ze zgłoszeniem na inny wolny termin (kod zgłoszenia się nie "
                       "zmienia).</p>\n<p><a href=\"#formularz\">Przejdź do formularza nowego dyżuru</a></p>\n";
    body += "<h2 id=\"dyzury\">Nadchodzące dyżury</h2>\n";
    if (rows.empty())
        body += "<p role=\"status\">Brak opublikowanych dyżurów od dziś.</p>\n";
    else
    {
        body += "<table aria-labelledby=\"dyzury\">\n<thead><tr><th scope=\"col\">Data</th><th scope=\"col\">Godzina"
                "</th><th scope=\"col\" class=\"num\">Minuty</th><th scope=\"col\">Doradca</th><th scope=\"col\">Pokój"
                "</th><th scope=\"col\">Rodzaje</th><th scope=\"col\">Rezerwacja</th><th scope=\"col\">Działania</th>"
                "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows)
        {
            const auto date = parseIsoDate(row.date);
            const std::string when = timeRange(row.start, row.minutes);
            const std::string label = (date ? dayText(*date) : row.date) + " " + when;
            body += "<tr><th scope=\"row\">" + htmlEscape(date ? dayText(*date) : row.date) + "</th><td>" +
                    htmlEscape(when) + "</td><td class=\"num\">" + std::to_string(row.minutes) + "</td><td>" +
                    htmlEscape(row.counsellor) + "</td><td>" + htmlEscape(row.room) + "</td><td>" +
                    htmlEscape(kindNames(row.kindIds, kinds)) + "</td><td>";
            if (!row.booked)
                body += "wolny</td><td><a href=\"/panel/slots?edit=" + urlEncode(row.id) +
                        "#formularz\" aria-label=\"Zmień dyżur " + htmlEscape(label) +
                        "\">Zmień</a> <form class=\"inline\" method=\"post\" action=\"/panel/slots/withdraw\">" +
                        csrfInput(ctx.session) + "<input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(row.id) +
                        "\"><button type=\"submit\" class=\"secondary\" aria-label=\"Wycofaj dyżur " +
                        htmlEscape(label) + "\">Wycofaj</button></form></td></tr>\n";
            else
            {
                body += "<strong>zajęty</strong>" +
                        (row.requestCode.empty() ? std::string()
                                                 : ", zgłoszenie " + htmlEscape(row.requestCode) + " (" +
                                                       htmlEscape(requestStatusLabel(row.requestStatus)) + ")") +
                        "</td><td>";
                const std::string move = row.requestId.empty()
                                             ? std::string()
                                             : moveRequestForm(ctx.session, row.requestId, row.requestCode,
                                                               row.requestKind, row.id, options, "slots");
                body += (move.empty() ? std::string("brak wolnego terminu tego rodzaju") : move) + "</td></tr>\n";
            }
        }
        body += "</tbody>\n</table>\n";
    }
    body += renderForm(ctx, shownForm, kinds, problem);
    PanelResponse r;
    r.status = httpStatus;
    r.body = renderPage(pageFrame(ctx, "Dyżury poradnictwa", "/panel/slots", shown), body);
    return r;
}

/// Another slot on the same day that shares the counsellor or the room and overlaps in time.
Result<std::optional<std::string>, db::Error> findOverlap(db::Database& d, const SlotForm& f,
                                                          const std::string& exceptId)
{
    auto st = sqlQuery(d,
                       "SELECT counsellor, room, start_minute, duration_minutes, counsellor = ?1 COLLATE NOCASE FROM "
                       "counselling_slots WHERE date = ?3 AND id <> ?4 AND start_minute < ?6 AND start_minute + "
                       "duration_minutes > ?5 AND (counsellor = ?1 COLLATE NOCASE OR room = ?2 COLLATE NOCASE) "
                       "ORDER BY start_minute LIMIT 1",
                       f.counsellor, f.room, f.date.iso(), exceptId, f.start, f.start + f.minutes);
    if (!st)
        return makeErr(st.error());
    std::optional<std::string> message;
    auto rows = forEachRow(*st,
                           [&](db::Statement& r)
                           {
                               const std::string when = timeRange(r.columnInt(2).value(), r.columnInt(3).value());
                               if (r.columnInt(4).value() != 0)
                                   message = "Doradca " + r.columnText(0).value() + " ma już tego dnia dyżur " + when +
                                             " (pokój " + r.columnText(1).value() +
                                             "). Dyżury jednej osoby nie mogą na siebie zachodzić.";
                               else
                                   message = "Pokój " + r.columnText(1).value() + " jest tego dnia zajęty " + when +
                                             " (dyżur: " + r.columnText(0).value() + ").";
                           });
    if (!rows)
        return makeErr(rows.error());
    return message;
}
} // namespace

Result<std::vector<SlotOption>, db::Error> loadFreeSlotOptions(db::Database& d, const Now& now, int limit)
{
    auto st = sqlQuery(d,
                       "SELECT id, kind_ids, counsellor, room, date, start_minute, duration_minutes FROM "
                       "counselling_slots WHERE booked_by IS NULL AND (date > ?1 OR (date = ?1 AND start_minute > ?2)) "
                       "ORDER BY date, start_minute, room LIMIT ?3",
                       now.today.iso(), minuteOfDay(now.unix), limit);
    if (!st)
        return makeErr(st.error());
    std::vector<SlotOption> out;
    auto rows = forEachRow(*st,
                           [&](db::Statement& r)
                           {
                               SlotOption o;
                               o.id = r.columnText(0).value();
                               o.kindIds = parseKindIds(r.columnText(1).value());
                               const auto date = parseIsoDate(r.columnText(4).value());
                               o.label = (date ? dayText(*date) : r.columnText(4).value()) + ", " +
                                         timeRange(r.columnInt(5).value(), r.columnInt(6).value()) + ", pokój " +
                                         r.columnText(3).value() + ", " + r.columnText(2).value();
                               out.push_back(std::move(o));
                           });
    if (!rows)
        return makeErr(rows.error());
    return out;
}

std::string moveRequestForm(const PanelSession& session, const std::string& requestId, const std::string& code,
                            const std::string& kindId, const std::string& currentSlotId,
                            const std::vector<SlotOption>& options, const std::string& returnTo)
{
    std::string choices;
    for (const auto& o : options)
        if (o.id != currentSlotId && std::find(o.kindIds.begin(), o.kindIds.end(), kindId) != o.kindIds.end())
            choices += "<option value=\"" + htmlEscape(o.id) + "\">" + htmlEscape(o.label) + "</option>";
    if (choices.empty())
        return {};
    const std::string id = "przenies-" + htmlEscape(requestId);
    return "<form class=\"inline\" method=\"post\" action=\"/panel/counselling/decide\">" + csrfInput(session) +
           "<input type=\"hidden\" name=\"id\" value=\"" + htmlEscape(requestId) +
           "\"><input type=\"hidden\" name=\"action\" value=\"move\"><input type=\"hidden\" name=\"return\" "
           "value=\"" +
           htmlEscape(returnTo) + "\"><label for=\"" + id + "\">Nowy termin dla " + htmlEscape(code) +
           "</label> <select id=\"" + id + "\" name=\"slot\">" + choices +
           "</select> <button type=\"submit\" aria-label=\"Przenieś zgłoszenie " + htmlEscape(code) +
           "\">Przenieś</button></form>";
}

PanelResponse slotsPage(const PageContext& ctx)
{
    return renderSlots(ctx, std::nullopt, "", flashFor(fieldValue(ctx.request.query, "msg")), 200);
}

PanelResponse slotSaveAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    std::vector<Kind> kinds;
    auto loaded = ctx.store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto k = loadKinds(d);
            if (!k)
                return makeErr(k.error());
            kinds = std::move(k).value();
            return {};
        });
    if (!loaded)
        return seeOther("/panel/slots?msg=error");
    SlotForm f = readForm(form, kinds, ctx.now);
    if (!f.errors.empty())
        return renderSlots(ctx, f, "", {}, 422);

    std::optional<Refusal> refusal;
    std::string message;
    auto status = ctx.store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            bool placeChanged = true;
            if (!f.id.empty())
            {
                auto st = sqlQuery(d,
                                   "SELECT date, start_minute, duration_minutes, room, booked_by IS NOT NULL FROM "
                                   "counselling_slots WHERE id = ?",
                                   f.id);
                if (!st)
                    return makeErr(st.error());
                bool found = false, booked = false;
                auto rows = forEachRow(*st,
                                       [&](db::Statement& r)
                                       {
                                           found = true;
                                           placeChanged = r.columnText(0).value() != f.date.iso() ||
                                                          r.columnInt(1).value() != f.start ||
                                                          r.columnInt(2).value() != f.minutes ||
                                                          r.columnText(3).value() != f.room;
                                           booked = r.columnInt(4).value() != 0;
                                       });
                if (!rows)
                    return rows;
                if (!found)
                {
                    refusal = Refusal{409, "Tego dyżuru już nie ma (został wycofany). Nic nie zmieniono."};
                    return {};
                }
                if (booked)
                {
                    refusal = Refusal{409, "Ten dyżur został w międzyczasie zarezerwowany, więc nie można go zmienić. "
                                           "Przenieś zgłoszenie na inny termin."};
                    return {};
                }
            }
            auto overlap = findOverlap(d, f, f.id);
            if (!overlap)
                return makeErr(overlap.error());
            if (*overlap)
            {
                refusal = Refusal{409, **overlap + " Nic nie zapisano."};
                return {};
            }
            const std::string kindsJson = protocol::Json(f.kindIds).dump();
            if (!f.id.empty() && !placeChanged)
            {
                if (auto e = sqlExec(d, "UPDATE counselling_slots SET counsellor = ?, kind_ids = ? WHERE id = ?",
                                     f.counsellor, kindsJson, f.id);
                    !e)
                    return e;
                message = "edited";
                if (auto e = logCounsellingSlotChange(d, f.id, ctx.now.unix); !e)
                    return e;
                return recordAction(d, ctx.session, "counselling_slot", f.id, "edit", ctx.now.unix);
            }
            const std::string newId = newUuid();
            if (auto e = sqlExec(d,
                                 "INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, "
                                 "duration_minutes) VALUES (?,?,?,?,?,?,?)",
                                 newId, kindsJson, f.counsellor, f.room, f.date.iso(), f.start, f.minutes);
                !e)
                return e;
            if (auto e = logCounsellingSlotChange(d, newId, ctx.now.unix); !e)
                return e;
            if (f.id.empty())
            {
                message = "published";
                return recordAction(d, ctx.session, "counselling_slot", newId, "publish", ctx.now.unix);
            }
            // A new time or room: the old id is withdrawn (see the top of this file).
            if (auto e = sqlExec(d, "DELETE FROM counselling_slots WHERE id = ? AND booked_by IS NULL", f.id); !e)
                return e;
            if (auto e = logCounsellingSlotChange(d, f.id, ctx.now.unix); !e)
                return e;
            message = "edited";
            return recordAction(d, ctx.session, "counselling_slot", f.id, "edit: replaced by " + newId, ctx.now.unix);
        });
    if (!status)
        return seeOther("/panel/slots?msg=error");
    if (refusal)
        return renderSlots(ctx, f, refusal->message, {}, refusal->status);
    return seeOther("/panel/slots?msg=" + message);
}

PanelResponse slotWithdrawAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const std::string id = fieldValue(form, "id");
    if (!protocol::matchesIdPattern(id, protocol::IdPattern::Code))
        return seeOther("/panel/slots?msg=bad-input");
    std::optional<Refusal> refusal;
    auto status = ctx.store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = sqlQuery(d, "SELECT booked_by IS NOT NULL FROM counselling_slots WHERE id = ?", id);
            if (!st)
                return makeErr(st.error());
            std::optional<bool> booked;
            auto rows = forEachRow(*st, [&](db::Statement& r) { booked = r.columnInt(0).value() != 0; });
            if (!rows)
                return rows;
            if (!booked)
            {
                refusal = Refusal{409, "Tego dyżuru już nie ma. Nic nie zmieniono."};
                return {};
            }
            if (*booked)
            {
                refusal = Refusal{409, "Ten dyżur jest zarezerwowany i nie można go wycofać. Przenieś najpierw "
                                       "zgłoszenie na inny termin."};
                return {};
            }
            if (auto e = sqlExec(d, "DELETE FROM counselling_slots WHERE id = ?", id); !e)
                return e;
            if (auto e = logCounsellingSlotChange(d, id, ctx.now.unix); !e)
                return e;
            return recordAction(d, ctx.session, "counselling_slot", id, "withdraw", ctx.now.unix);
        });
    if (!status)
        return seeOther("/panel/slots?msg=error");
    if (refusal)
        return renderSlots(ctx, std::nullopt, "", {refusal->message, true}, refusal->status);
    return seeOther("/panel/slots?msg=withdrawn");
}

} // namespace okienko::server::panel

// The schedule's panel pages (see schedule_pages.hpp). The form's text is read as typed, parsed into
// an Activity, and checked by ActivityStore::save with shared/rules' checks; what this file adds is
// only what a form can get wrong on its own (a date or time that does not parse, a kind or area
// that is not one of the list).
#include "server/panel/schedule_pages.hpp"

#include "server/panel/form_catalogue.hpp"
#include "server/panel/monitoring.hpp"
#include "server/store/activity_store.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/text/percent_encode.hpp"
#include "shared/util/date_format.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace okienko::server::panel
{
namespace
{

constexpr const char* kNav = "/panel/schedule";

const std::map<std::string, FlashMessage>& scheduleMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"added", {"Zajęcia dodane; kioski i strona publiczna pokażą je po najbliższej synchronizacji.", false}},
        {"edited", {"Zmiany zapisane; kioski dostaną je po najbliższej synchronizacji.", false}},
        {"cancelled", {"Zajęcia odwołane; kioski pokażą je jako odwołane po najbliższej synchronizacji.", false}},
        {"restored", {"Zajęcia przywrócone; kioski pokażą je znowu po najbliższej synchronizacji.", false}},
        {"date-cancelled",
         {"Ten dzień odwołany; kioski i strona publiczna pokażą go jako odwołany (z powodem) po najbliższej "
          "synchronizacji.",
          false}},
        {"date-restored", {"Ten dzień przywrócony; zajęcia odbędą się w nim jak w planie.", false}},
        {"gone", {"Tych zajęć nie ma w harmonogramie. Nic nie zmieniono.", true}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"error", {"Błąd bazy danych; nic nie zmieniono. Spróbuj ponownie.", true}}};
    return messages;
}

std::string kindLabel(domain::ActivityKind kind)
{
    switch (kind)
    {
    case domain::ActivityKind::Workshop:
        return "Warsztaty (CAS)";
    case domain::ActivityKind::Club:
        return "Spotkanie klubu lub grupy (CAS)";
    case domain::ActivityKind::Duty:
        return "Dyżur doradczy";
    case domain::ActivityKind::PartnerEvent:
        return "Wydarzenie partnera";
    }
    return "";
}

/// The form as typed (kept for re-display), and the activity it parses to.
struct ActivityForm
{
    std::map<std::string, std::string> values; ///< field name → as typed
    domain::Activity activity;
    std::map<std::string, std::string> errors; ///< field name → message

    const std::string& value(const std::string& name) const
    {
        static const std::string none;
        auto it = values.find(name);
        return it == values.end() ? none : it->second;
    }
};

constexpr const char* kTextFields[] = {"id",       "kind",       "title_pl",   "title_uk",  "title_en", "service",
                                       "area",     "place",      "date",       "start",     "end",      "until",
                                       "capacity", "sign_up_pl", "sign_up_uk", "sign_up_en"};

/// `catalogue`: an activity's area is one the catalogue defines (retired ones too: an activity
/// saved before its area was retired keeps it).
ActivityForm readForm(const std::map<std::string, std::string>& form, const domain::Catalog& catalogue)
{
    ActivityForm f;
    for (const char* name : kTextFields)
        f.values[name] = fieldValue(form, name);
    f.values["weekly"] = form.count("weekly") != 0 ? "1" : "";
    domain::Activity& a = f.activity;
    a.id = f.value("id");
    if (!a.id.empty() && !protocol::matchesIdPattern(a.id, protocol::IdPattern::Code))
        f.errors["id"] = "Nieprawidłowy identyfikator zajęć.";
    if (auto kind = domain::parseActivityKind(f.value("kind")))
        a.kind = *kind;
    else
        f.errors["kind"] = "Wybierz rodzaj zajęć z listy.";
    a.title = {f.value("title_pl"), f.value("title_uk"), f.value("title_en")};
    a.serviceId = f.value("service");
    if (!f.value("area").empty())
    {
        if (auto area = domain::parseArea(f.value("area")); area && catalogue.findArea(*area) != nullptr)
            a.area = *area;
        else
            f.errors["area"] = "Wybierz obszar z listy.";
    }
    a.place = f.value("place");
    if (auto date = parseIsoDate(f.value("date")))
        a.date = *date;
    else
        f.errors["date"] = "Podaj datę (pierwszych) zajęć w formacie RRRR-MM-DD.";
    if (auto start = parseClock(f.value("start")))
        a.startMinute = *start;
    else
        f.errors["start"] = "Podaj godzinę rozpoczęcia (GG:MM).";
    if (auto end = parseClock(f.value("end")))
        a.endMinute = *end;
    else
        f.errors["end"] = "Podaj godzinę zakończenia (GG:MM).";
    a.weekly = !f.value("weekly").empty();
    if (!f.value("until").empty())
    {
        if (auto until = parseIsoDate(f.value("until")))
            a.until = *until;
        else
            f.errors["until"] = "Podaj datę ostatnich zajęć w formacie RRRR-MM-DD.";
    }
    if (!f.value("capacity").empty())
    {
        if (auto capacity = parseWholeNumber(f.value("capacity")))
            a.capacity = *capacity;
        else
            f.errors["capacity"] = "Liczbę miejsc wpisz cyframi (albo zostaw puste, gdy nie ma limitu).";
    }
    a.signUp = {f.value("sign_up_pl"), f.value("sign_up_uk"), f.value("sign_up_en")};
    return f;
}

ActivityForm formOf(const domain::Activity& a)
{
    ActivityForm f;
    f.activity = a;
    f.values = {{"id", a.id},
                {"kind", std::string(domain::activityKindCode(a.kind))},
                {"title_pl", a.title.pl},
                {"title_uk", a.title.uk},
                {"title_en", a.title.en},
                {"service", a.serviceId},
                {"area", a.area ? std::string(domain::areaCode(*a.area)) : std::string()},
                {"place", a.place},
                {"date", a.date.iso()},
                {"start", clockText(a.startMinute)},
                {"end", clockText(a.endMinute)},
                {"weekly", a.weekly ? "1" : ""},
                {"until", a.until ? a.until->iso() : std::string()},
                {"capacity", a.capacity ? std::to_string(*a.capacity) : std::string()},
                {"sign_up_pl", a.signUp.pl},
                {"sign_up_uk", a.signUp.uk},
                {"sign_up_en", a.signUp.en}};
    return f;
}

/// The error of `name`, tied to its field.
Html fieldError(const ActivityForm& f, const std::string& name)
{
    const auto error = f.errors.find(name);
    if (error == f.errors.end())
        return {};
    return Html() << " <span id=\"blad-" << name << "\" class=\"warn\">" << error->second << "</span>";
}

Html invalidMark(const ActivityForm& f, const std::string& name)
{
    if (f.errors.count(name) == 0)
        return {};
    return Html() << " aria-invalid=\"true\" aria-describedby=\"blad-" << name << "\"";
}

Html input(const ActivityForm& f, const std::string& name, const std::string& label, const Html& attributes)
{
    return Html() << "<p><label for=\"pole-" << name << "\">" << label << "</label><br><input id=\"pole-" << name
                  << "\" name=\"" << name << "\" " << attributes << " value=\"" << f.value(name) << "\""
                  << invalidMark(f, name) << ">" << fieldError(f, name) << "</p>\n";
}

Html select(const ActivityForm& f, const std::string& name, const std::string& label,
            const std::vector<std::pair<std::string, std::string>>& options)
{
    Html out;
    out << "<p><label for=\"pole-" << name << "\">" << label << "</label><br><select id=\"pole-" << name << "\" name=\""
        << name << "\"" << invalidMark(f, name) << ">";
    for (const auto& [value, text] : options)
        out << "<option value=\"" << value << "\"" << (value == f.value(name) ? Markup(" selected") : Markup("")) << ">"
            << text << "</option>";
    return out << "</select>" << fieldError(f, name) << "</p>\n";
}

Html renderForm(const PageContext& ctx, const ActivityForm& f,
                const std::vector<std::pair<std::string, std::string>>& services, const std::string& problem)
{
    const bool editing = !f.value("id").empty();
    Html out;
    out << "<section aria-labelledby=\"formularz\">\n<h2 id=\"formularz\" tabindex=\"-1\">"
        << (editing ? Markup("Zmień zajęcia") : Markup("Nowe zajęcia")) << "</h2>\n";
    out << formProblems(f.errors, problem);
    std::vector<std::pair<std::string, std::string>> kinds;
    for (auto k : domain::allActivityKinds())
        kinds.emplace_back(std::string(domain::activityKindCode(k)), kindLabel(k));
    std::vector<std::pair<std::string, std::string>> serviceOptions{{"", "— bez powiązanej usługi —"}};
    serviceOptions.insert(serviceOptions.end(), services.begin(), services.end());
    std::vector<std::pair<std::string, std::string>> areas{{"", "— nie podano —"}};
    const domain::Catalog catalogue = formCatalogue(ctx);
    for (const auto* def : catalogue.activeAreas())
    {
        const std::string code(domain::areaCode(def->id));
        areas.emplace_back(code, domain::actNumber(def->id) ? areaLabel(code) : def->name.pl);
    }

    out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/schedule/save\">"
        << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << f.value("id") << "\">\n";
    out << select(f, "kind", "Rodzaj", kinds);
    out << "<fieldset><legend>Tytuł (tak zobaczą go mieszkańcy)</legend>\n"
        << input(f, "title_pl", "po polsku (wymagany)", Html() << "required maxlength=\"120\"")
        << input(f, "title_uk", "po ukraińsku", Html() << "maxlength=\"120\" lang=\"uk\"")
        << input(f, "title_en", "po angielsku", Html() << "maxlength=\"120\" lang=\"en\"") << "</fieldset>\n";
    out << select(f, "service", "Powiązana usługa z katalogu", serviceOptions);
    out << select(f, "area", "Obszar (art. 2 ust. 1 ustawy o CUS)", areas);
    out << input(f, "place", "Miejsce (np. CAS, ul. Główna 1, sala 2)", Html() << "required maxlength=\"160\"");
    out << input(f, "date", "Data (pierwszych) zajęć", Html() << "type=\"date\" required");
    out << input(f, "start", "Godzina rozpoczęcia (czas warszawski)", Html() << "type=\"time\" required step=\"300\"");
    out << input(f, "end", "Godzina zakończenia", Html() << "type=\"time\" required step=\"300\"");
    out << "<fieldset><legend>Powtarzanie</legend>\n<p><input type=\"checkbox\" id=\"pole-weekly\" name=\"weekly\" "
           "value=\"1\""
        << (f.value("weekly").empty() ? Markup("") : Markup(" checked"))
        << "> <label for=\"pole-weekly\">co tydzień, w ten sam dzień tygodnia co pierwsze zajęcia</label></p>\n"
        << input(f, "until", "do dnia (włącznie; najwyżej rok)", Html() << "type=\"date\"") << "</fieldset>\n";
    out << input(f, "capacity", "Liczba miejsc (puste: bez limitu)",
                 Html() << "type=\"number\" min=\"1\" max=\"1000\" inputmode=\"numeric\"");
    out << "<fieldset><legend>Zapisy (np. „Zapisy: tel. 85 715 00 00”)</legend>\n"
        << input(f, "sign_up_pl", "po polsku", Html() << "maxlength=\"300\"")
        << input(f, "sign_up_uk", "po ukraińsku", Html() << "maxlength=\"300\" lang=\"uk\"")
        << input(f, "sign_up_en", "po angielsku", Html() << "maxlength=\"300\" lang=\"en\"") << "</fieldset>\n";
    out << "<p><button type=\"submit\">" << (editing ? Markup("Zapisz zmiany") : Markup("Dodaj do harmonogramu"))
        << "</button>";
    if (editing)
        out << " <a href=\"/panel/schedule\">Anuluj zmianę</a>";
    return out << "</p>\n</form>\n</section>\n";
}

std::string whenText(const domain::Activity& a)
{
    std::string when = dayText(a.date);
    if (a.weekly && a.until)
        when += ", co tydzień do " + formatDate(*a.until);
    return when;
}

/// How many coming dates of a weekly series the "call one day off" list offers.
constexpr int kCancellableDates = 12;

/// The dates called off, each with its reason and a button to bring it back; and for a weekly
/// series not called off as a whole, a form to call off one of its coming dates.
Html singleDates(const PageContext& ctx, const domain::Activity& a)
{
    Html out;
    for (const domain::CancelledDate& c : a.cancelledDates)
    {
        if (c.date < ctx.now.today)
            continue;
        out << "<p><strong>odwołane " << dayText(c.date) << "</strong>"
            << (c.reason.empty() ? std::string() : " (" + c.reason + ")")
            << " <form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
               "action=\"/panel/schedule/cancel-date\">"
            << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << a.id
            << "\"><input type=\"hidden\" name=\"date\" value=\"" << c.date.iso()
            << "\"><input type=\"hidden\" name=\"action\" value=\"restore\"><button type=\"submit\" "
               "class=\"secondary\" aria-label=\"Przywróć dzień "
            << dayText(c.date) << ": " << a.title.pl << "\">Przywróć dzień</button></form></p>";
    }
    if (!a.weekly || a.cancelled)
        return out;
    const auto coming =
        domain::occurrencesBetween({a}, ctx.now.today, ctx.now.today.plusDays(domain::kMaxRecurrenceDays), false);
    Html options;
    int offered = 0;
    for (const domain::ActivityOccurrence& o : coming)
        if (!o.cancelled && offered++ < kCancellableDates)
            options << "<option value=\"" << o.date.iso() << "\">" << dayText(o.date) << "</option>";
    if (offered == 0)
        return out;
    const std::string fieldId = "odwolaj-" + a.id;
    out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/schedule/cancel-date\">"
        << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << a.id
        << "\"><input type=\"hidden\" name=\"action\" value=\"cancel\"><label for=\"" << fieldId
        << "-dzien\">Odwołaj jeden dzień</label> <select id=\"" << fieldId << "-dzien\" name=\"date\">" << options
        << "</select> <label for=\"" << fieldId
        << "-powod\">powód dla mieszkańców, widoczny publicznie — bez danych osobowych (nieobowiązkowy)</label> <input "
           "type=\"text\" id=\""
        << fieldId
        << "-powod\" name=\"reason\" maxlength=\"120\"> <button type=\"submit\" class=\"secondary\">Odwołaj "
           "dzień</button></form>";
    return out;
}

Html activityRow(const PageContext& ctx, const ActivityRecord& rec)
{
    const domain::Activity& a = rec.activity;
    const std::string label = a.title.pl + " (" + dayText(a.date) + ")";
    Html out;
    out << "<tr><th scope=\"row\">" << a.title.pl << "</th><td>" << kindLabel(a.kind) << "</td><td>" << whenText(a)
        << "</td><td>" << clockText(a.startMinute) << "–" << clockText(a.endMinute) << "</td><td>" << a.place
        << "</td><td>" << std::string(rec.enteredBy.kind == ActivityActor::Kind::Partner ? "partner " : "")
        << rec.enteredBy.id << "</td><td>" << (a.cancelled ? Markup("<strong>odwołane</strong>") : Markup("w planie"))
        << "</td><td>";
    out << "<a href=\"/panel/schedule?edit=" << text::percentEncode(a.id) << "#formularz\" aria-label=\"Zmień " << label
        << "\">Zmień</a> <form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" "
           "action=\"/panel/schedule/cancel\">"
        << csrfField(ctx.session) << "<input type=\"hidden\" name=\"id\" value=\"" << a.id
        << "\"><input type=\"hidden\" name=\"action\" value=\"" << (a.cancelled ? Markup("restore") : Markup("cancel"))
        << "\"><button type=\"submit\" class=\"secondary\" "
        << "aria-label=\"" << (a.cancelled ? Markup("Przywróć ") : Markup("Odwołaj ")) << label << "\">"
        << (a.cancelled ? Markup("Przywróć") : Markup("Odwołaj")) << "</button></form>" << singleDates(ctx, a)
        << "</td></tr>\n";
    return out;
}

PanelResponse showSchedule(const PageContext& ctx, std::optional<ActivityForm> form, const std::string& problem,
                           const FlashMessage& flash, int httpStatus)
{
    ActivityStore store(ctx.store, ctx.session.scope());
    auto list = store.list(ctx.now.today);
    auto services = store.services();
    if (!list || !services)
        return messagePage(503, "Błąd", "Nie udało się odczytać harmonogramu. Spróbuj ponownie.");
    FlashMessage shown = flash;
    const std::string editId = form ? std::string() : fieldValue(ctx.request.query, "edit");
    if (!form && !editId.empty())
    {
        auto found = store.find(editId);
        if (found && *found)
            form = formOf((*found)->activity);
        else if (shown.text.empty())
            shown = {"Tych zajęć nie ma w harmonogramie.", true};
    }
    ActivityForm blank;
    blank.values["kind"] = "workshop";
    blank.values["date"] = ctx.now.today.iso();

    Html body;
    body << "<p>Harmonogram pokazują kioski (ekran startowy i „Zajęcia i wydarzenia”) oraz strona publiczna "
            "(/public/pl/schedule). Godziny są czasem warszawskim; zajęcia co tydzień zostają o tej samej godzinie "
            "także po zmianie czasu. Odwołane zajęcia zostają na liście, oznaczone jako odwołane; w zajęciach co "
            "tydzień można odwołać jeden dzień (z powodem, który zobaczą mieszkańcy), a pozostałe się odbywają.</p>\n"
            "<p><a href=\"#formularz\">Przejdź do formularza nowych zajęć</a></p>\n"
            "<h2 id=\"zajecia\">Zajęcia od dziś</h2>\n";
    Html rows;
    for (const ActivityRecord& rec : *list)
        rows << activityRow(ctx, rec);
    body << tableOrEmpty("zajecia",
                         "<th scope=\"col\">Tytuł</th><th scope=\"col\">Rodzaj</th><th scope=\"col\">Kiedy</th><th "
                         "scope=\"col\">Godziny</th><th scope=\"col\">Miejsce</th><th scope=\"col\">Wpisał(a)</th><th "
                         "scope=\"col\">Stan</th><th scope=\"col\">Działania</th>",
                         rows, "<p role=\"status\">Brak zajęć w harmonogramie od dziś.</p>\n");
    body << renderForm(ctx, form ? *form : blank, *services, problem);
    PanelResponse r;
    r.status = httpStatus;
    r.body = renderPage(pageFrame(ctx, "Harmonogram zajęć", kNav, shown), body);
    return r;
}

ActivityActor actorOf(const PageContext& ctx)
{
    return ActivityActor{ActivityActor::Kind::Staff, ctx.session.staffId};
}

} // namespace

PanelResponse schedulePage(const PageContext& ctx)
{
    return showSchedule(ctx, std::nullopt, "", lookupFlash(scheduleMessages(), fieldValue(ctx.request.query, "msg")),
                        200);
}

PanelResponse scheduleSaveAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    ActivityForm f = readForm(form, formCatalogue(ctx));
    if (!f.errors.empty())
        return showSchedule(ctx, f, "", {}, 422);
    const bool adding = f.activity.id.empty();
    auto outcome =
        ActivityStore(ctx.store, ctx.session.scope()).save(f.activity, actorOf(ctx), ctx.now.today, ctx.now.unix);
    if (!outcome)
        return seeOther("/panel/schedule?msg=error");
    switch (outcome->result)
    {
    case ActivitySaveResult::Saved:
        return seeOther(adding ? "/panel/schedule?msg=added" : "/panel/schedule?msg=edited");
    case ActivitySaveResult::Invalid:
        // The checks name the form's own fields.
        for (const auto& p : outcome->problems)
            f.errors.emplace(p.field, p.message);
        return showSchedule(ctx, f, "", {}, 422);
    case ActivitySaveResult::Gone:
    case ActivitySaveResult::NotOwner:
        return showSchedule(ctx, f, "Tych zajęć już nie ma w harmonogramie. Nic nie zmieniono.", {}, 409);
    }
    return seeOther("/panel/schedule?msg=error");
}

PanelResponse scheduleCancelAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const std::string id = fieldValue(form, "id");
    const std::string action = fieldValue(form, "action");
    if (!protocol::matchesIdPattern(id, protocol::IdPattern::Code) || (action != "cancel" && action != "restore"))
        return seeOther("/panel/schedule?msg=bad-input");
    auto outcome =
        ActivityStore(ctx.store, ctx.session.scope()).setCancelled(id, action == "cancel", actorOf(ctx), ctx.now.unix);
    if (!outcome)
        return seeOther("/panel/schedule?msg=error");
    if (outcome->result != ActivitySaveResult::Saved)
        return seeOther("/panel/schedule?msg=gone");
    return seeOther(action == "cancel" ? "/panel/schedule?msg=cancelled" : "/panel/schedule?msg=restored");
}

PanelResponse scheduleCancelDateAction(const PageContext& ctx, const std::map<std::string, std::string>& form)
{
    const std::string id = fieldValue(form, "id");
    const std::string action = fieldValue(form, "action");
    const auto day = parseIsoDate(fieldValue(form, "date"));
    if (!protocol::matchesIdPattern(id, protocol::IdPattern::Code) || (action != "cancel" && action != "restore") ||
        !day)
        return seeOther("/panel/schedule?msg=bad-input");
    const std::string reason = fieldValue(form, "reason");
    auto outcome = ActivityStore(ctx.store, ctx.session.scope())
                       .setDateCancelled(id, *day, action == "cancel", reason, actorOf(ctx), ctx.now.unix);
    if (!outcome)
        return seeOther("/panel/schedule?msg=error");
    switch (outcome->result)
    {
    case ActivitySaveResult::Saved:
        return seeOther(action == "cancel" ? "/panel/schedule?msg=date-cancelled"
                                           : "/panel/schedule?msg=date-restored");
    case ActivitySaveResult::Invalid:
    {
        std::string text = "Nie odwołano dnia " + dayText(*day) + ":";
        for (const auto& p : outcome->problems)
            text += " " + p.message;
        return showSchedule(ctx, std::nullopt, "", FlashMessage{text, true}, 422);
    }
    case ActivitySaveResult::Gone:
    case ActivitySaveResult::NotOwner:
        break;
    }
    return seeOther("/panel/schedule?msg=gone");
}

} // namespace okienko::server::panel

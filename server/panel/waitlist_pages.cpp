// The waiting-list page: load (PanelStore::waitlist, which first ends lapsed holds) and render one
// table per equipment type; the outcome action answers with 303 and a fixed message code.
#include "server/panel/waitlist_pages.hpp"

#include "server/panel/callbacks_pages.hpp"

#include <map>

namespace okienko::server::panel
{

namespace
{
/// Outcomes stay on the page this long after they were recorded.
constexpr int kHistoryDays = 90;

const std::map<std::string, FlashMessage>& waitlistMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"recorded", {"Zapisano. Odmowa lub wycofanie przekazuje egzemplarz następnej osobie w kolejce.", false}},
        {"not-allowed", {"Tego nie można już zapisać: stan wpisu się zmienił (np. rezerwacja wygasła).", true}},
        {"unknown", {"Nie ma takiego wpisu na liście oczekujących.", true}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    return messages;
}

std::optional<WaitlistDecision> parseDecision(const std::string& code)
{
    if (code == "taken")
        return WaitlistDecision::Taken;
    if (code == "declined")
        return WaitlistDecision::Declined;
    if (code == "withdrawn")
        return WaitlistDecision::Withdrawn;
    return std::nullopt;
}

/// One outcome button about the entry.
Html decideButton(const PageContext& ctx, const std::string& entryId, const std::string& code, Markup outcome,
                  Markup label, Markup back)
{
    Html out;
    out << inlinePostForm(ctx.session, "/panel/waiting-list/decide", entryId)
        << "<input type=\"hidden\" name=\"outcome\" value=\"" << outcome << "\">"
        << "<input type=\"hidden\" name=\"back\" value=\"" << back << "\">"
        << "<button type=\"submit\" class=\"secondary\" aria-label=\"" << label << " — " << code << "\">" << label
        << "</button></form>";
    return out;
}

std::string heldText(const WaitlistEntryView& e)
{
    if (e.inventoryNumber.empty())
        return "—";
    if (e.holdActive)
        return e.inventoryNumber + " zatrzymany do " + dateTimeText(e.holdUntil);
    return e.inventoryNumber;
}

Html typeSection(const PageContext& ctx, const std::string& typeName, const std::vector<const WaitlistEntryView*>& rows,
                 int index)
{
    Html out;
    const std::string hid = "typ-" + std::to_string(index);
    out << "<section aria-labelledby=\"" << hid << "\">\n<h2 id=\"" << hid << "\">" << typeName
        << "</h2>\n<table>\n<thead><tr><th scope=\"col\">Miejsce</th><th scope=\"col\">Kod</th>"
           "<th scope=\"col\">Imię i nazwisko</th><th scope=\"col\">Telefon</th><th scope=\"col\">Potrzebny od</th>"
           "<th scope=\"col\" class=\"num\">Dni</th><th scope=\"col\">Zapisano</th><th scope=\"col\">Stan</th>"
           "<th scope=\"col\">Egzemplarz</th><th scope=\"col\">Wynik zapisał</th><th scope=\"col\">Działania</th>"
           "</tr></thead>\n<tbody>\n";
    for (const WaitlistEntryView* e : rows)
    {
        out << "<tr><td class=\"num\">";
        if (e->position > 0)
            out << e->position;
        else
            out << "—";
        out << "</td><th scope=\"row\">" << e->code << "</th><td>" << (e->name.empty() ? std::string("—") : e->name)
            << "</td><td>" << (e->phone.empty() ? std::string("—") : e->phone) << "</td><td>" << e->wantedFrom
            << "</td><td class=\"num\">" << e->loanDays << "</td><td>" << dateTimeText(e->joinedAt) << "</td><td>"
            << waitlistStatusLabel(e->status) << "</td><td>" << heldText(*e) << "</td><td>";
        if (e->resolvedAt > 0)
            out << e->resolvedBy << ", " << dateTimeText(e->resolvedAt);
        else
            out << "—";
        out << "</td><td>";
        if (e->status == "offered")
            out << decideButton(ctx, e->id, e->code, "taken", "Przyjął", "waiting-list")
                << decideButton(ctx, e->id, e->code, "declined", "Odmówił", "waiting-list");
        if (e->status == "waiting" || e->status == "offered")
            out << decideButton(ctx, e->id, e->code, "withdrawn", "Wycofaj z kolejki", "waiting-list");
        out << "</td></tr>\n";
    }
    return out << "</tbody>\n</table>\n</section>\n";
}
} // namespace

std::string waitlistStatusLabel(const std::string& status)
{
    static const std::map<std::string, std::string> labels{{"waiting", "oczekuje"}, {"offered", "zaproponowano"},
                                                           {"taken", "przyjęto"},   {"declined", "odmówiono"},
                                                           {"expired", "wygasło"},  {"withdrawn", "wycofano"}};
    auto it = labels.find(status);
    return it == labels.end() ? status : it->second;
}

Html waitlistOfferControls(const PageContext& ctx, const std::string& entryId, const std::string& code)
{
    Html out;
    out << decideButton(ctx, entryId, code, "taken", "Przyjął", "callbacks")
        << decideButton(ctx, entryId, code, "declined", "Odmówił", "callbacks");
    return out;
}

PanelResponse waitlistPage(const PageContext& ctx)
{
    auto rows = ctx.panelStore.waitlist(ctx.now, kHistoryDays);
    if (!rows)
        return messagePage(503, "Błąd", "Nie udało się odczytać listy oczekujących. Spróbuj ponownie.");
    Html body;
    body << "<p>Osoby, które w kiosku nie znalazły wolnego sprzętu na potrzebny termin, w kolejności zapisów, osobno "
            "dla każdego rodzaju sprzętu. Gdy egzemplarz wróci i zostanie oznaczony jako wyczyszczony, pierwsza "
            "osoba w kolejce trafia do próśb o telefon, a egzemplarz jest dla niej zatrzymany przez "
         << ctx.config.waitlistHoldHours
         << " godz.; odmowa, wycofanie albo upływ tego czasu przekazuje go następnej osobie. Wyniki z ostatnich "
         << kHistoryDays << " dni.</p>\n";
    if (rows->empty())
        body << "<p role=\"status\">Nikt nie czeka na sprzęt.</p>\n";
    std::vector<const WaitlistEntryView*> section;
    int index = 0;
    for (std::size_t i = 0; i < rows->size(); ++i)
    {
        section.push_back(&(*rows)[i]);
        if (i + 1 == rows->size() || (*rows)[i + 1].typeId != (*rows)[i].typeId)
        {
            body << typeSection(ctx, (*rows)[i].typeName, section, ++index);
            section.clear();
        }
    }
    return htmlPage(pageFrame(ctx, "Lista oczekujących na sprzęt", "/panel/waiting-list", waitlistMessages()), body);
}

PanelResponse waitlistDecideAction(const PageContext& ctx, const Form& form)
{
    const std::string back = fieldValue(form, "back") == "callbacks" ? "/panel/callbacks" : "/panel/waiting-list";
    const std::string id = fieldValue(form, "id");
    const auto decision = parseDecision(fieldValue(form, "outcome"));
    if (id.empty() || id.size() > 64 || !decision)
        return seeOther(back + "?msg=bad-input");
    auto result = ctx.panelStore.decideWaitlist(id, *decision, ctx.session.staffId, ctx.now);
    if (!result)
        return seeOther(back + "?msg=error");
    switch (*result)
    {
    case WaitlistDecisionOutcome::Recorded:
        return seeOther(back + (back == "/panel/callbacks" ? "?msg=waitlist" : "?msg=recorded"));
    case WaitlistDecisionOutcome::NotAllowed:
        return seeOther(back + "?msg=not-allowed");
    case WaitlistDecisionOutcome::Unknown:
        break;
    }
    return seeOther(back + "?msg=unknown");
}

} // namespace okienko::server::panel

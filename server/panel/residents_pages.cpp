// The residents' pages of residents_pages.hpp: load through residents::ResidentStore, render with
// Html, every action one store call answered with 303 and a fixed message code.
#include "server/panel/residents_pages.hpp"

#include "server/panel/form_catalogue.hpp"
#include "server/panel/resident_form.hpp"
#include "server/residents/resident_store.hpp"
#include "server/residents/service_availability.hpp"
#include "server/residents/service_matching.hpp"
#include "shared/validate/phone.hpp"

#include <map>

namespace okienko::server::panel
{

namespace
{
const std::map<std::string, FlashMessage>& residentMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"registered", {"Mieszkaniec zapisany. Usługi pasujące teraz są poniżej: przekaż je w tej rozmowie.", false}},
        {"told", {"Zapisano: mieszkaniec poinformowany.", false}},
        {"unreachable", {"Zapisano: brak kontaktu z mieszkańcem.", false}},
        {"not-interested", {"Zapisano: mieszkaniec nie jest już zainteresowany tą usługą.", false}},
        {"not-in-queue", {"Tej pozycji nie ma już w kolejce (ktoś ją właśnie zapisał).", true}},
        {"contact", {"Zapisano kontakt z mieszkańcem; okres przechowywania danych liczy się od dziś.", false}},
        {"erased", {"Dane mieszkańca usunięte na jego prośbę.", false}},
        {"erase-confirm", {"Aby usunąć dane, zaznacz potwierdzenie.", true}},
        {"not-found", {"Nie ma takiego mieszkańca (albo jego dane usunięto).", true}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    return messages;
}

const std::map<std::string, std::string>& statusLabels()
{
    static const std::map<std::string, std::string> labels{{"known", "przekazana przy rejestracji"},
                                                           {"waiting", "czeka na wolne miejsce"},
                                                           {"to-tell", "do powiadomienia"},
                                                           {"told", "poinformowany"},
                                                           {"unreachable", "brak kontaktu"},
                                                           {"not-interested", "niezainteresowany"},
                                                           {"withdrawn", "wycofana"}};
    return labels;
}

std::string label(const std::map<std::string, std::string>& labels, const std::string& code)
{
    auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

std::string sourceLabel(const std::string& source)
{
    static const std::map<std::string, std::string> labels{
        {"registration", "przy rejestracji"}, {"published", "usługa opublikowana"}, {"capacity", "wolne miejsce"}};
    return label(labels, source);
}

std::string emailLabel(const std::string& state, const ServerConfig& config)
{
    if (state == "pending")
        return config.mail.enabled() ? "wysyłany" : "nie wysłano (poczta nie skonfigurowana)";
    static const std::map<std::string, std::string> labels{
        {"none", "—"}, {"sent", "wysłany"}, {"failed", "nie udało się wysłać"}};
    return label(labels, state);
}

std::string contactText(const std::string& phone, const std::string& email)
{
    const std::string shownPhone = phone.empty() ? std::string() : validate::formatPhone(phone);
    if (shownPhone.empty())
        return email.empty() ? std::string("—") : email;
    return email.empty() ? shownPhone : shownPhone + ", " + email;
}

std::string languageLabel(const std::string& code)
{
    static const std::map<std::string, std::string> labels{{"pl", "polski"}, {"uk", "ukraiński"}, {"en", "angielski"}};
    return label(labels, code);
}

std::optional<std::int64_t> residentId(const std::string& text)
{
    return parseDigits(text, 12);
}

Html hidden(const PanelSession& session, Markup action)
{
    Html out;
    out << "<form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" action=\"" << action << "\">"
        << csrfField(session);
    return out;
}

/// The three outcomes of a queued match, as one form.
Html markForm(const PanelSession& session, std::int64_t resident, const std::string& serviceId,
              const std::string& serviceName, Markup back)
{
    const std::string id = "wynik-" + std::to_string(resident) + "-" + serviceId;
    Html out = hidden(session, "/panel/residents/mark");
    out << "<input type=\"hidden\" name=\"resident\" value=\"" << resident
        << "\"><input type=\"hidden\" name=\"service\" value=\"" << serviceId
        << "\"><input type=\"hidden\" name=\"return\" value=\"" << back << "\"><label for=\"" << id
        << "\">Wynik</label> <select id=\"" << id
        << "\" name=\"outcome\"><option value=\"told\">poinformowany (telefon)</option>"
           "<option value=\"unreachable\">brak kontaktu</option>"
           "<option value=\"not-interested\">już niezainteresowany</option></select> "
           "<button type=\"submit\" aria-label=\"Zapisz wynik: "
        << serviceName << "\">Zapisz</button></form>";
    return out;
}

Html renderQueue(const PageContext& ctx, const std::vector<residents::QueueItem>& queue)
{
    Html body;
    body << "<section aria-labelledby=\"kolejka\">\n<h2 id=\"kolejka\">Do powiadomienia</h2>\n<p>Mieszkańcy, "
            "którym trzeba powiedzieć o usłudze, która pasuje do ich potrzeb i właśnie stała się dostępna. Każdy "
            "usłyszy o danej usłudze tylko raz.</p>\n";
    Html rows;
    for (const auto& q : queue)
        rows << "<tr><th scope=\"row\"><a href=\"/panel/residents/resident?id=" << q.residentId << "\">" << q.name
             << "</a></th><td>" << contactText(q.phone, q.email) << "</td><td>" << languageLabel(q.language)
             << "</td><td>" << q.serviceName << "</td><td>" << sourceLabel(q.source) << "</td><td>"
             << dateTimeText(q.queuedAt) << "</td><td>" << emailLabel(q.emailState, ctx.config) << "</td><td>"
             << markForm(ctx.session, q.residentId, q.serviceId, q.serviceName, "queue") << "</td></tr>\n";
    body << tableOrEmpty("kolejka",
                         "<th scope=\"col\">Mieszkaniec</th><th scope=\"col\">Kontakt</th><th scope=\"col\">Język</th>"
                         "<th scope=\"col\">Usługa</th><th scope=\"col\">Powód</th><th scope=\"col\">Od</th>"
                         "<th scope=\"col\">E-mail</th><th scope=\"col\">Działania</th>",
                         rows, "<p role=\"status\">Nikogo nie trzeba teraz powiadamiać.</p>\n");
    return body << "</section>\n";
}

Html renderResidents(const std::vector<residents::ResidentSummary>& list)
{
    Html body;
    body << "<section aria-labelledby=\"zapisani\">\n<h2 id=\"zapisani\">Zapisani mieszkańcy</h2>\n"
            "<p><a href=\"/panel/residents/new\">Zapisz mieszkańca z rozmowy telefonicznej</a></p>\n";
    Html rows;
    for (const auto& r : list)
        rows << "<tr><th scope=\"row\"><a href=\"/panel/residents/resident?id=" << r.id << "\">" << r.name
             << "</a></th><td>" << contactText(r.phone, r.email) << "</td><td>" << languageLabel(r.language)
             << "</td><td>" << dateTimeText(r.registeredAt) << "</td><td>" << dateTimeText(r.lastContactAt)
             << "</td><td class=\"num\">" << r.toTell << "</td></tr>\n";
    body << tableOrEmpty("zapisani",
                         "<th scope=\"col\">Mieszkaniec</th><th scope=\"col\">Kontakt</th><th scope=\"col\">Język</th>"
                         "<th scope=\"col\">Zapisany</th><th scope=\"col\">Ostatni kontakt</th>"
                         "<th scope=\"col\" class=\"num\">Do powiadomienia</th>",
                         rows, "<p>Nikt nie jest zapisany.</p>\n");
    return body << "</section>\n";
}

/// A service matching the resident's needs, with what the coordinator must check about its fee.
struct MatchingService
{
    domain::Service service;
    std::string feeNote;
};

/// The services matching the resident's needs in the stored catalogue today.
Result<std::vector<MatchingService>, db::Error> matchingNow(const PageContext& ctx,
                                                            const residents::ResidentNeeds& needs)
{
    std::vector<MatchingService> found;
    auto read = ctx.store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto c = storedCatalog(d, ctx.session.scope().catalogueSite());
            if (!c)
                return makeErr(c.error());
            if (*c)
                for (const domain::Service* s : residents::matchingServices(needs, **c, ctx.now.today))
                    found.push_back({*s, residents::feeNote(needs, *s, **c)});
            return {};
        });
    if (!read)
        return makeErr(read.error());
    return found;
}

Html renderResident(const PageContext& ctx, const residents::ResidentDetail& r,
                    const std::vector<MatchingService>& matching)
{
    const auto& s = r.summary;
    Html body;
    body << "<dl>\n<dt>Kontakt</dt><dd>" << contactText(s.phone, s.email) << "</dd>\n<dt>Język</dt><dd>"
         << languageLabel(s.language) << "</dd>\n<dt>Potrzeby</dt><dd>"
         << (r.needs ? needsText(*r.needs) : std::string("—"))
         << "</dd>\n<dt>Zgoda</dt><dd>przyjęła osoba: " << r.consentByName << ", " << dateTimeText(r.consentAt)
         << ", treść w wersji " << r.consentVersion << "</dd>\n<dt>Zapisał(a)</dt><dd>" << r.registeredByName << ", "
         << dateTimeText(s.registeredAt) << "</dd>\n<dt>Ostatni kontakt</dt><dd>" << dateTimeText(s.lastContactAt)
         << "</dd>\n</dl>\n";

    body << "<section aria-labelledby=\"pasujace\">\n<h2 id=\"pasujace\">Usługi pasujące dziś</h2>\n";
    Html matchRows;
    for (const auto& [m, feeNote] : matching)
        matchRows << "<tr><th scope=\"row\">" << m.name.raw(domain::Language::Pl) << "</th><td>"
                  << m.summary.raw(domain::Language::Pl) << "</td><td>" << m.contact.raw(domain::Language::Pl)
                  << "</td><td>" << (feeNote.empty() ? std::string("—") : feeNote) << "</td></tr>\n";
    body << tableOrEmpty("pasujace",
                         "<th scope=\"col\">Usługa</th><th scope=\"col\">Na czym polega</th>"
                         "<th scope=\"col\">Kontakt</th><th scope=\"col\">Odpłatność do sprawdzenia</th>",
                         matchRows, "<p>Żadna opublikowana usługa nie pasuje dziś do tych potrzeb.</p>\n")
         << "</section>\n";

    body << "<section aria-labelledby=\"historia\">\n<h2 id=\"historia\">Dopasowania i powiadomienia</h2>\n";
    Html rows;
    for (const auto& m : r.matches)
    {
        rows << "<tr><th scope=\"row\">" << m.serviceName << "</th><td>" << sourceLabel(m.source) << ", "
             << dateTimeText(m.matchedAt) << "</td><td>" << label(statusLabels(), m.status);
        if (m.decidedAt != 0)
            rows << " (" << m.decidedByName << ", " << dateTimeText(m.decidedAt) << ")";
        rows << "</td><td>" << emailLabel(m.emailState, ctx.config)
             << (m.emailedAt != 0 ? " " + dateTimeText(m.emailedAt) : std::string()) << "</td><td>";
        if (m.status == "to-tell")
            rows << markForm(ctx.session, s.id, m.serviceId, m.serviceName, "resident");
        rows << "</td></tr>\n";
    }
    body << tableOrEmpty("historia",
                         "<th scope=\"col\">Usługa</th><th scope=\"col\">Dopasowana</th><th scope=\"col\">Stan</th>"
                         "<th scope=\"col\">E-mail</th><th scope=\"col\">Działania</th>",
                         rows, "<p>Brak dopasowań.</p>\n")
         << "</section>\n";

    body << "<section aria-labelledby=\"dzialania\">\n<h2 id=\"dzialania\">Kontakt i usunięcie danych</h2>\n"
         << hidden(ctx.session, "/panel/residents/contact") << "<input type=\"hidden\" name=\"id\" value=\"" << s.id
         << "\"><button type=\"submit\" class=\"secondary\">Mieszkaniec potwierdził potrzeby w rozmowie</button>"
            "</form>\n"
         << hidden(ctx.session, "/panel/residents/erase") << "<input type=\"hidden\" name=\"id\" value=\"" << s.id
         << "\"><input type=\"checkbox\" id=\"potwierdz\" name=\"confirm\" value=\"1\"> <label for=\"potwierdz\">"
            "Mieszkaniec prosi o usunięcie danych (nie da się tego cofnąć)</label> <button type=\"submit\">"
            "Usuń dane mieszkańca</button></form>\n<p class=\"muted\">Dane usuwają się też same po "
         << ctx.config.retention.residentDays << " dniach bez kontaktu.</p>\n</section>\n";
    return body;
}

PanelResponse afterMark(const std::string& back, std::int64_t resident, const std::string& code)
{
    if (back == "resident")
        return seeOther("/panel/residents/resident?id=" + std::to_string(resident) + "&msg=" + code);
    return seeOther("/panel/residents?msg=" + code);
}
} // namespace

PanelResponse residentsPage(const PageContext& ctx)
{
    residents::ResidentStore store(ctx.store, ctx.session.scope());
    auto queue = store.queue();
    auto list = store.residents();
    if (!queue || !list)
        return messagePage(503, "Błąd", "Nie udało się odczytać listy mieszkańców. Spróbuj ponownie.");
    Html body = renderQueue(ctx, *queue);
    body << renderResidents(*list);
    return htmlPage(pageFrame(ctx, "Mieszkańcy i powiadomienia", "/panel/residents", residentMessages()), body);
}

PanelResponse residentNewPage(const PageContext& ctx)
{
    return htmlPage(pageFrame(ctx, "Zapisz mieszkańca z rozmowy", "/panel/residents"),
                    renderResidentForm(ctx.session, ResidentForm{}, formCatalogue(ctx)));
}

PanelResponse residentNewAction(const PageContext& ctx, const Form& form)
{
    const domain::Catalog catalogue = formCatalogue(ctx);
    const ResidentForm f = readResidentForm(form, ctx.session.staffId, catalogue);
    if (!f.errors.empty())
    {
        PanelResponse r = htmlPage(pageFrame(ctx, "Zapisz mieszkańca z rozmowy", "/panel/residents"),
                                   renderResidentForm(ctx.session, f, catalogue));
        r.status = 422;
        return r;
    }
    auto id = residents::ResidentStore(ctx.store, ctx.session.scope()).registerResident(f.resident, ctx.now);
    if (!id)
        return messagePage(503, "Błąd", "Nie udało się zapisać mieszkańca. Spróbuj ponownie.", "/panel/residents",
                           "Wróć do listy mieszkańców");
    return seeOther("/panel/residents/resident?id=" + std::to_string(*id) + "&msg=registered");
}

PanelResponse residentPage(const PageContext& ctx)
{
    const auto id = residentId(fieldValue(ctx.request.query, "id"));
    if (!id)
        return messagePage(404, "Nie ma takiego mieszkańca", "Nie ma takiego mieszkańca.", "/panel/residents",
                           "Wróć do listy mieszkańców");
    auto detail = residents::ResidentStore(ctx.store, ctx.session.scope()).resident(*id);
    if (!detail)
        return messagePage(503, "Błąd", "Nie udało się odczytać danych. Spróbuj ponownie.");
    if (!*detail)
        return messagePage(404, "Nie ma takiego mieszkańca", "Nie ma takiego mieszkańca albo jego dane usunięto.",
                           "/panel/residents", "Wróć do listy mieszkańców");
    std::vector<MatchingService> matching;
    if ((*detail)->needs)
    {
        auto found = matchingNow(ctx, *(*detail)->needs);
        if (!found)
            return messagePage(503, "Błąd", "Nie udało się odczytać katalogu. Spróbuj ponownie.");
        matching = std::move(found).value();
    }
    return htmlPage(pageFrame(ctx, "Mieszkaniec: " + (*detail)->summary.name, "/panel/residents", residentMessages()),
                    renderResident(ctx, **detail, matching));
}

PanelResponse residentMarkAction(const PageContext& ctx, const Form& form)
{
    const auto resident = residentId(fieldValue(form, "resident"));
    const std::string service = fieldValue(form, "service");
    const std::string outcome = fieldValue(form, "outcome");
    const std::string back = fieldValue(form, "return");
    if (!resident || service.empty() || service.size() > 100 ||
        (outcome != "told" && outcome != "unreachable" && outcome != "not-interested"))
        return seeOther("/panel/residents?msg=bad-input");
    auto marked = residents::ResidentStore(ctx.store, ctx.session.scope())
                      .markNotification(*resident, service, outcome, ctx.session.staffId, ctx.now.unix);
    if (!marked)
        return afterMark(back, *resident, "error");
    return afterMark(back, *resident, *marked == residents::MarkResult::Marked ? outcome : "not-in-queue");
}

PanelResponse residentContactAction(const PageContext& ctx, const Form& form)
{
    const auto id = residentId(fieldValue(form, "id"));
    if (!id)
        return seeOther("/panel/residents?msg=bad-input");
    auto done =
        residents::ResidentStore(ctx.store, ctx.session.scope()).confirmContact(*id, ctx.session.staffId, ctx.now.unix);
    if (!done)
        return afterMark("resident", *id, "error");
    if (!*done)
        return seeOther("/panel/residents?msg=not-found");
    return afterMark("resident", *id, "contact");
}

PanelResponse residentEraseAction(const PageContext& ctx, const Form& form)
{
    const auto id = residentId(fieldValue(form, "id"));
    if (!id)
        return seeOther("/panel/residents?msg=bad-input");
    if (fieldValue(form, "confirm") != "1")
        return afterMark("resident", *id, "erase-confirm");
    auto done =
        residents::ResidentStore(ctx.store, ctx.session.scope()).eraseOnRequest(*id, ctx.session.staffId, ctx.now.unix);
    if (!done)
        return afterMark("resident", *id, "error");
    return seeOther(std::string("/panel/residents?msg=") + (*done ? "erased" : "not-found"));
}

} // namespace okienko::server::panel

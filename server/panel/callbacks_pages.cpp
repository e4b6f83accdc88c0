// The callback queue: load (the store's open requests) and render (one table per window), and the
// two actions, each answered with 303 and a fixed message code.
#include "server/panel/callbacks_pages.hpp"

#include "server/panel/catalog_placeholders.hpp"
#include "server/panel/waitlist_pages.hpp"
#include "shared/domain/codes.hpp"

#include <map>
#include <string>
#include <vector>

namespace okienko::server::panel
{

namespace
{
const std::map<std::string, FlashMessage>& callbackMessages()
{
    static const std::map<std::string, FlashMessage> messages{
        {"claimed", {"Prośba przyjęta do realizacji.", false}},
        {"claimed-other", {"Tę prośbę realizuje już inna osoba.", true}},
        {"attempt", {"Próba połączenia zapisana.", false}},
        {"done", {"Prośba załatwiona; kiosk dostanie informację przy najbliższej synchronizacji.", false}},
        {"closed", {"Prośba zamknięta po nieudanych próbach kontaktu.", false}},
        {"not-open", {"Ta prośba jest już zamknięta.", true}},
        {"waitlist", {"Odpowiedź na propozycję z listy oczekujących zapisana.", false}},
        {"not-allowed", {"Tego nie można już zapisać: stan wpisu na liście oczekujących się zmienił.", true}},
        {"unknown", {"Nie ma takiego wpisu na liście oczekujących.", true}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    return messages;
}

/// The heading of a window: "poniedziałek 2025-03-03 (dziś), przed południem".
std::string windowHeading(const OpenCallback& c, const Date& today)
{
    std::string heading = c.day;
    if (auto d = parseIsoDate(c.day))
    {
        heading = dayText(*d);
        if (*d < today)
            heading += " (zaległe)";
        else if (*d == today)
            heading += " (dziś)";
    }
    return heading + (c.dayPart == "morning" ? ", przed południem" : ", po południu");
}

Html renderCallbacks(const PageContext& ctx, const std::vector<OpenCallback>& rows)
{
    Html body;
    body << "<p>Prośby o telefon w kolejności zgłoszeń w każdym oknie (dzień, pora dnia). Po "
         << ctx.config.callbackMaxFailedAttempts
         << " nieudanych próbach prośba zamyka się sama z podaniem powodu.</p>\n";
    if (rows.empty())
        body << "<p role=\"status\">Brak otwartych próśb o telefon.</p>\n";
    std::string window;
    bool open = false;
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        const OpenCallback& c = rows[i];
        const std::string thisWindow = c.day + "|" + c.dayPart;
        if (thisWindow != window)
        {
            if (open)
                body << "</tbody>\n</table>\n</section>\n";
            window = thisWindow;
            open = true;
            const std::string hid = "okno-" + c.day + "-" + c.dayPart;
            body << "<section aria-labelledby=\"" << hid << "\">\n<h2 id=\"" << hid << "\">"
                 << windowHeading(c, ctx.now.today)
                 << "</h2>\n<table>\n<thead><tr><th scope=\"col\">Lp.</th>"
                    "<th scope=\"col\">Kod</th><th scope=\"col\">Imię</th><th scope=\"col\">Telefon</th>"
                    "<th scope=\"col\">Temat</th><th scope=\"col\">Język</th><th scope=\"col\">Zgłoszono</th>"
                    "<th scope=\"col\" class=\"num\">Nieudane próby</th><th scope=\"col\">Realizuje</th>"
                    "<th scope=\"col\">Działania</th></tr></thead>\n<tbody>\n";
        }
        std::string topic = c.waitingList ? "lista oczekujących: " + c.topic : c.topic;
        if (!c.heldUnit.empty())
            topic += " — egzemplarz " + c.heldUnit + " zatrzymany do " + dateTimeText(c.holdUntil);
        if (c.fromWeb)
            topic = "formularz WWW" + (topic.empty() ? std::string() : ", " + topic) +
                    (c.message.empty() ? std::string() : ": " + c.message);
        const std::string contact = c.phone.empty() ? c.email : c.email.empty() ? c.phone : c.phone + ", " + c.email;
        body << "<tr><td class=\"num\">" << i + 1 << "</td><th scope=\"row\">" << c.code << "</th><td>"
             << (c.firstName.empty() ? std::string("—") : c.firstName) << "</td><td>" << contact << "</td><td>"
             << (topic.empty() ? std::string("—") : topic) << "</td><td>" << c.language << "</td><td>"
             << dateTimeText(c.receivedAt) << "</td><td class=\"num\">" << c.failedAttempts << "</td><td>"
             << (c.claimedByName.empty() ? std::string("—") : c.claimedByName) << "</td><td>";
        if (!c.heldUnit.empty())
            body << waitlistOfferControls(ctx, c.waitlistEntryId, c.code);
        if (c.claimedById != ctx.session.staffId)
            body << inlinePostForm(ctx.session, "/panel/callbacks/claim", c.id)
                 << "<button type=\"submit\" class=\"secondary\" aria-label=\"Przyjmij prośbę " << c.code
                 << "\">Przyjmij</button></form>";
        body << inlinePostForm(ctx.session, "/panel/callbacks/attempt", c.id) << "<label for=\"wynik-" << c.id
             << "\">Wynik próby</label><select id=\"wynik-" << c.id
             << "\" name=\"outcome\"><option value=\"no-answer\">nie odebrano</option>"
                "<option value=\"wrong-number\">błędny numer</option><option value=\"done\">załatwione</option>"
                "</select><label for=\"uwagi-"
             << c.id << "\" class=\"sr-only\">Uwagi</label><input id=\"uwagi-" << c.id
             << "\" name=\"note\" maxlength=\"500\" placeholder=\"uwagi\"><button type=\"submit\" "
                "aria-label=\"Zapisz próbę dla "
             << c.code << "\">Zapisz próbę</button></form></td></tr>\n";
    }
    if (open)
        body << "</tbody>\n</table>\n</section>\n";
    return body;
}

const char* messageCode(CallbackActionResult result)
{
    switch (result)
    {
    case CallbackActionResult::Claimed:
        return "claimed";
    case CallbackActionResult::ClaimedByOther:
        return "claimed-other";
    case CallbackActionResult::AttemptRecorded:
        return "attempt";
    case CallbackActionResult::Done:
        return "done";
    case CallbackActionResult::Closed:
        return "closed";
    case CallbackActionResult::NotOpen:
        break;
    }
    return "not-open";
}

PanelResponse afterAction(const Result<CallbackActionResult, db::Error>& result)
{
    if (!result)
        return seeOther("/panel/callbacks?msg=error");
    return seeOther(std::string("/panel/callbacks?msg=") + messageCode(*result));
}

/// The form's id and note when they are within bounds.
bool validRequestFields(const Form& form)
{
    const std::string id = fieldValue(form, "id");
    return !id.empty() && id.size() <= 64 && fieldValue(form, "note").size() <= 2000;
}
} // namespace

Html inlinePostForm(const PanelSession& session, Markup action, const std::string& id)
{
    Html form;
    form << "<form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" action=\"" << action << "\">"
         << csrfField(session) << "<input type=\"hidden\" name=\"id\" value=\"" << id << "\">";
    return form;
}

PanelResponse callbacksPage(const PageContext& ctx)
{
    auto rows = ctx.panelStore.openCallbacks();
    if (!rows)
        return messagePage(503, "Błąd", "Nie udało się odczytać kolejki. Spróbuj ponownie.");
    // The coordinators' start page: what the catalogue still lacks comes first.
    return htmlPage(pageFrame(ctx, "Prośby o telefon", "/panel/callbacks", callbackMessages()),
                    Html() << placeholdersSection(ctx) << renderCallbacks(ctx, *rows));
}

PanelResponse callbackClaimAction(const PageContext& ctx, const Form& form)
{
    if (!validRequestFields(form))
        return seeOther("/panel/callbacks?msg=bad-input");
    return afterAction(ctx.panelStore.claimCallback(fieldValue(form, "id"), ctx.session.staffId, ctx.now.unix));
}

PanelResponse callbackAttemptAction(const PageContext& ctx, const Form& form)
{
    const std::string outcome = fieldValue(form, "outcome");
    if (!validRequestFields(form) || !domain::fromCode<domain::CallbackOutcome>(outcome))
        return seeOther("/panel/callbacks?msg=bad-input");
    const CallbackAttempt attempt{fieldValue(form, "id"), ctx.session.staffId, outcome, fieldValue(form, "note")};
    return afterAction(
        ctx.panelStore.recordCallbackAttempt(attempt, ctx.config.callbackMaxFailedAttempts, ctx.now.unix));
}

} // namespace okienko::server::panel

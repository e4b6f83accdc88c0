// Routing and pages of the panel. Every value from the database or the request is written through
// htmlEscape; every state change is a POST checked for a session, the session's CSRF token
// (constant-time) and, when the browser sends them, Origin/Referer; after it the browser is sent
// back with 303 (post/redirect/get) and a fixed message code, never reflected text.
#include "server/panel/panel.hpp"

#include "server/credentials.hpp"
#include "server/panel/catalog_pages.hpp"
#include "server/panel/html.hpp"
#include "server/panel/loans_pages.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/page_parts.hpp"
#include "server/panel/slots_pages.hpp"
#include "server/panel/units_pages.hpp"
#include "server/staff_changes.hpp"
#include "server/store_sql.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/json_reader.hpp"

#include <chrono>
#include <cstdio>
#include <exception>

namespace okienko::server::panel
{

namespace
{
double steadySeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void securityHeaders(PanelResponse& r)
{
    r.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                                                      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "same-origin");
    r.headers.emplace_back("X-Frame-Options", "DENY");
    r.headers.emplace_back("Cache-Control", "no-store");
}

std::string formatDuration(std::int64_t seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return std::to_string(seconds) + " s";
    if (seconds < 7200)
        return std::to_string(seconds / 60) + " min";
    if (seconds < 2 * 86400)
        return std::to_string(seconds / 3600) + " h";
    return std::to_string(seconds / 86400) + " dni";
}

std::string statusLabel(const std::string& code)
{
    static const std::map<std::string, std::string> labels{{"provisional", "wstępna (offline)"},
                                                           {"held", "zablokowana online"},
                                                           {"confirmed", "potwierdzona"},
                                                           {"picked-up", "odebrana"},
                                                           {"cancelled", "odwołana"},
                                                           {"expired", "wygasła"},
                                                           {"rejected", "odrzucona"},
                                                           {"conflict", "konflikt"},
                                                           {"received", "przyjęta"},
                                                           {"moved", "przeniesiona"},
                                                           {"done", "załatwiona"},
                                                           {"closed", "zamknięta"}};
    auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

FlashMessage flashFor(const std::string& code)
{
    static const std::map<std::string, FlashMessage> messages{
        {"claimed", {"Prośba przyjęta do realizacji.", false}},
        {"claimed-other", {"Tę prośbę realizuje już inna osoba.", true}},
        {"attempt", {"Próba połączenia zapisana.", false}},
        {"done", {"Prośba załatwiona; kiosk dostanie informację przy najbliższej synchronizacji.", false}},
        {"closed", {"Prośba zamknięta po nieudanych próbach kontaktu.", false}},
        {"not-open", {"Ta prośba jest już zamknięta.", true}},
        {"bad-input", {"Nieprawidłowe dane formularza.", true}},
        {"confirmed", {"Potwierdzono.", false}},
        {"rejected", {"Odrzucono.", false}},
        {"cancelled", {"Odwołano; termin wrócił do puli wolnych.", false}},
        {"resolved", {"Konflikt oznaczony jako rozwiązany.", false}},
        {"moved",
         {"Zgłoszenie przeniesione na nowy termin (kod bez zmian). Zadzwoń do osoby i podaj nową godzinę.", false}},
        {"slot-taken", {"Wybrany termin jest już zajęty, minął albo nie obejmuje tego rodzaju poradnictwa.", true}},
        {"stale", {"Stan zmienił się w międzyczasie; odśwież i spróbuj ponownie.", true}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    return lookupFlash(messages, code);
}

/// The frame of one of this file's pages, with the message of the redirect's ?msg= code.
PageFrame frameFor(const PanelSession& s, const std::string& title, const std::string& nav, const PanelRequest& request)
{
    return pageFrame(s, title, nav, flashFor(fieldValue(request.query, "msg")));
}

/// The opening of a one-button POST form about the row `escapedId`, up to its own fields.
std::string inlinePostForm(const PanelSession& s, const std::string& action, const std::string& escapedId)
{
    return "<form class=\"inline\" method=\"post\" action=\"" + action + "\">" + csrfInput(s) +
           "<input type=\"hidden\" name=\"id\" value=\"" + escapedId + "\">";
}

/// `formStart` (from inlinePostForm) with the decision `action` and its one button; `ariaLabel`
/// names the row for a screen reader, since every row's button reads the same.
std::string decisionForm(const std::string& formStart, const char* action, bool secondary, const std::string& ariaLabel,
                         const char* text)
{
    return formStart + "<input type=\"hidden\" name=\"action\" value=\"" + action + "\"><button type=\"submit\" " +
           (secondary ? "class=\"secondary\" " : "") + "aria-label=\"" + ariaLabel + "\">" + text + "</button></form>";
}

/// A section of the reservations page: its heading, then `emptyText` or a table of `rows` under
/// the column headings `headCells`.
std::string decisionSection(const std::string& id, const std::string& heading, const std::string& emptyText,
                            const std::string& headCells, const std::string& rows)
{
    std::string out = "<h2 id=\"" + id + "\">" + heading + "</h2>\n";
    if (rows.empty())
        return out + "<p>" + emptyText + "</p>\n";
    return out + "<table aria-labelledby=\"" + id + "\">\n<thead><tr>" + headCells + "</tr></thead>\n<tbody>\n" + rows +
           "</tbody>\n</table>\n";
}

Status<db::Error> logRequestStatus(db::Database& d, std::string_view entity, const std::string& id,
                                   const std::string& code, const std::string& status, std::int64_t kioskId,
                                   std::int64_t now)
{
    return sqlExec(d,
                   "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                   "VALUES (?, ?, 'upsert', ?, NULL, ?, ?)",
                   entity, id, protocol::encodeRequestStatus({id, code, status}).dump(), kioskId, now);
}

/// A refusal inside a write transaction ("stale", "slot-taken"): rolls it back and is shown as
/// that message code.
db::Error refusal(const char* code)
{
    return db::makeError(db::ErrorKind::BadData, code, "panel");
}

bool isRefusal(const db::Error& e, const char* code)
{
    return e.kind == db::ErrorKind::BadData && e.message == code;
}

/// Runs `sql`, whose one parameter is `id`, and hands its row to `read`; false when there is none.
Result<bool, db::Error> readRowById(db::Database& d, std::string_view sql, const std::string& id,
                                    const std::function<void(db::Statement&)>& read)
{
    bool found = false;
    auto rows = sqlEachRow(
        d,
        [&](db::Statement& r)
        {
            found = true;
            read(r);
        },
        sql, id);
    if (!rows)
        return makeErr(rows.error());
    return found;
}

/// Gives `slotId`, booked by request `requestId`, back to the free pool, on every kiosk.
Status<db::Error> releaseSlot(db::Database& d, const std::string& slotId, const std::string& requestId,
                              std::int64_t now)
{
    if (auto e = sqlExec(d, "UPDATE counselling_slots SET booked_by = NULL WHERE id = ? AND booked_by = ?", slotId,
                         requestId);
        !e)
        return e;
    return logCounsellingSlotChange(d, slotId, now);
}

/// Marks the open conflicts about `entity` `id` resolved: a coordinator's decision settles them.
Status<db::Error> resolveConflictsOf(db::Database& d, std::string_view entity, const std::string& id, std::int64_t now)
{
    return sqlExec(d, "UPDATE conflicts SET resolved_at = ? WHERE entity = ? AND entity_id = ? AND resolved_at IS NULL",
                   now, entity, id);
}
} // namespace

Panel::Panel(ServerStore& store, const ServerConfig& config, std::function<Now()> clock,
             std::function<double()> monotonicSeconds, AuthLimits limits)
    : m_store(store), m_panelStore(store), m_config(config), m_clock(std::move(clock)),
      m_monotonic(monotonicSeconds ? std::move(monotonicSeconds) : std::function<double()>(steadySeconds)),
      m_auth(store, limits)
{
}

bool Panel::owns(const std::string& path)
{
    return path == "/" || path == "/panel" || path.rfind("/panel/", 0) == 0;
}

PanelResponse Panel::handle(const PanelRequest& request)
{
    PanelResponse r;
    try
    {
        r = route(request);
    }
    catch (const std::exception&)
    {
        r = messagePage(500, "Błąd serwera", "Wystąpił błąd serwera. Spróbuj ponownie za chwilę.");
    }
    securityHeaders(r);
    return r;
}

bool Panel::sameOrigin(const PanelRequest& request) const
{
    if (request.host.empty())
        return false;
    const std::string self = "https://" + request.host;
    if (!request.origin.empty())
        return request.origin == self;
    if (!request.referer.empty())
        return request.referer == self || request.referer.rfind(self + "/", 0) == 0;
    return true; // neither sent (privacy settings): the CSRF token alone decides
}

PanelResponse Panel::route(const PanelRequest& request)
{
    const std::string& path = request.path;
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    if (!get && !post)
    {
        PanelResponse r = messagePage(405, "Niedozwolona metoda", "Panel przyjmuje tylko GET i POST.");
        r.headers.emplace_back("Allow", "GET, POST");
        return r;
    }
    // A kiosk's bearer token is for /api/v1 only; the panel never treats it as a login.
    if (!request.authorization.empty())
    {
        PanelResponse r = messagePage(401, "Brak dostępu", "Panel nie przyjmuje tokenów kiosków. Zaloguj się.");
        return r;
    }
    if (path == "/panel/static/panel.css" && get)
    {
        PanelResponse r;
        r.body = panelCss();
        r.contentType = "text/css; charset=utf-8";
        return r;
    }
    if (path == "/panel/login")
    {
        if (post)
            return loginPost(request);
        if (m_auth.session(cookieValue(request.cookie, kSessionCookie), m_clock().unix))
            return seeOther("/panel/callbacks");
        return loginPage(request, "", 200);
    }

    auto session = m_auth.session(cookieValue(request.cookie, kSessionCookie), m_clock().unix);
    if (!session)
        return seeOther("/panel/login");

    if (post)
    {
        const auto form = parseForm(request.body);
        if (!sameOrigin(request) || !constantTimeEquals(fieldValue(form, "csrf"), session->csrfToken))
            return messagePage(403, "Odmowa", "Formularz wygasł lub nie pochodzi z panelu. Odśwież stronę.");
        if (path == "/panel/logout")
        {
            m_auth.logout(*session);
            PanelResponse r = seeOther("/panel/login");
            r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) +
                                                     "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
            return r;
        }
        if (path == "/panel/callbacks/claim")
            return callbackAction(*session, "claim", form);
        if (path == "/panel/callbacks/attempt")
            return callbackAction(*session, "attempt", form);
        if (path == "/panel/reservations/decide" || path == "/panel/counselling/decide" ||
            path == "/panel/conflicts/resolve")
            return reservationAction(*session, path, form);
        if (path == "/panel/units/state")
            return unitStateAction(PageContext{m_store, m_panelStore, *session, request, m_clock()}, form);
        if (path == "/panel/slots/save")
            return slotSaveAction(PageContext{m_store, m_panelStore, *session, request, m_clock()}, form);
        if (path == "/panel/slots/withdraw")
            return slotWithdrawAction(PageContext{m_store, m_panelStore, *session, request, m_clock()}, form);
        if (path == "/panel/catalog/service")
            return servicePost(PageContext{m_store, m_panelStore, *session, request, m_clock()}, form);
        if (path == "/panel/catalog/announcement")
            return announcementPost(PageContext{m_store, m_panelStore, *session, request, m_clock()}, form);
        if (path == "/panel/catalog/announcement/withdraw")
            return announcementWithdraw(PageContext{m_store, m_panelStore, *session, request, m_clock()}, form);
        return messagePage(404, "Nie ma takiej strony", "Nie ma takiej akcji.");
    }
    if (path == "/" || path == "/panel" || path == "/panel/")
        return seeOther("/panel/callbacks");
    if (path == "/panel/callbacks")
        return callbacksPage(*session, request);
    if (path == "/panel/kiosks")
        return kiosksPage(*session, request);
    if (path == "/panel/monitoring")
        return monitoringPage(*session, request, false);
    if (path == "/panel/monitoring.csv")
        return monitoringPage(*session, request, true);
    if (path == "/panel/reservations")
        return reservationsPage(*session, request);
    if (path == "/panel/loans")
        return loansPage(PageContext{m_store, m_panelStore, *session, request, m_clock()});
    if (path == "/panel/units")
        return unitsPage(PageContext{m_store, m_panelStore, *session, request, m_clock()});
    if (path == "/panel/slots")
        return slotsPage(PageContext{m_store, m_panelStore, *session, request, m_clock()});
    if (path == "/panel/catalog")
        return catalogPage(PageContext{m_store, m_panelStore, *session, request, m_clock()});
    if (path == "/panel/catalog/service")
        return servicePage(PageContext{m_store, m_panelStore, *session, request, m_clock()});
    if (path == "/panel/catalog/announcement")
        return announcementPage(PageContext{m_store, m_panelStore, *session, request, m_clock()});
    return messagePage(404, "Nie ma takiej strony", "Nie ma takiej strony w panelu.");
}

// --- login ---

PanelResponse Panel::loginPage(const PanelRequest&, const std::string& message, int status)
{
    // Login CSRF: a random value in a cookie and in the form must match (double submit), so a
    // foreign page cannot log a browser into an attacker's account.
    const std::string token = newKioskToken();
    PageFrame f;
    f.title = "Logowanie";
    f.flash = message;
    f.flashIsError = !message.empty();
    const std::string body =
        "<form class=\"login\" method=\"post\" action=\"/panel/login\">\n"
        "<input type=\"hidden\" name=\"csrf\" value=\"" +
        token +
        "\">\n<label for=\"login\">Login (imię i nazwisko lub identyfikator)</label>\n"
        "<input id=\"login\" name=\"login\" autocomplete=\"username\" required autofocus>\n"
        "<label for=\"password\">Hasło</label>\n"
        "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n"
        "<button type=\"submit\">Zaloguj</button>\n</form>\n"
        "<p class=\"muted\">Po 5 nieudanych próbach konto jest blokowane na 15 minut.</p>\n";
    PanelResponse r;
    r.status = status;
    r.body = renderPage(f, body);
    r.headers.emplace_back("Set-Cookie", std::string(kLoginCookie) + "=" + token +
                                             "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600");
    return r;
}

PanelResponse Panel::loginPost(const PanelRequest& request)
{
    const auto form = parseForm(request.body);
    const std::string expected = cookieValue(request.cookie, kLoginCookie);
    if (!sameOrigin(request) || expected.empty() || !constantTimeEquals(fieldValue(form, "csrf"), expected))
        return messagePage(403, "Odmowa", "Formularz logowania wygasł. Otwórz stronę logowania ponownie.");
    const Now now = m_clock();
    const LoginResult result = m_auth.login(fieldValue(form, "login"), fieldValue(form, "password"),
                                            request.remoteAddress, now.unix, m_monotonic());
    switch (result.outcome)
    {
    case LoginOutcome::Ok:
    {
        std::fprintf(stderr, "okienko-central: panel login ok\n");
        PanelResponse r = seeOther("/panel/callbacks");
        r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + result.cookieValue +
                                                 "; Path=/; Secure; HttpOnly; SameSite=Strict");
        r.headers.emplace_back("Set-Cookie",
                               std::string(kLoginCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
        return r;
    }
    case LoginOutcome::BadCredentials:
        std::fprintf(stderr, "okienko-central: panel login failed\n");
        return loginPage(request, "Nieprawidłowy login lub hasło.", 401);
    case LoginOutcome::Locked:
    {
        std::fprintf(stderr, "okienko-central: panel login refused: account locked\n");
        PanelResponse r = loginPage(
            request, "Konto zablokowane po zbyt wielu nieudanych próbach. Spróbuj ponownie za kilkanaście minut.", 423);
        return r;
    }
    case LoginOutcome::Throttled:
    {
        std::fprintf(stderr, "okienko-central: panel login throttled\n");
        PanelResponse r = loginPage(request,
                                    "Zbyt wiele nieudanych prób z tego komputera. Spróbuj ponownie za " +
                                        std::to_string(result.retryAfter) + " s.",
                                    429);
        r.headers.emplace_back("Retry-After", std::to_string(result.retryAfter));
        return r;
    }
    case LoginOutcome::NotAllowed:
        return loginPage(request, "To konto nie ma dostępu do panelu koordynatora.", 403);
    case LoginOutcome::Error:
        break;
    }
    return loginPage(request, "Błąd serwera; spróbuj ponownie.", 503);
}

// --- callback queue ---

PanelResponse Panel::callbacksPage(const PanelSession& s, const PanelRequest& request)
{
    struct Row
    {
        std::string id, code, phone, day, dayPart, topic, firstName, language, claimedBy, claimedById;
        int failed = 0;
        std::int64_t receivedAt = 0;
    };
    std::vector<Row> rows;
    auto status = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = sqlQuery(
                d, "SELECT c.id, c.code, c.phone, c.day, c.day_part, COALESCE(sv.name_pl, et.name_pl, ''), "
                   "c.first_name, c.language, COALESCE(st.name, ''), COALESCE(c.claimed_by, ''), c.failed_attempts, "
                   "c.received_at, c.equipment_type_id FROM callback_requests c "
                   "LEFT JOIN services sv ON sv.id = NULLIF(c.topic_service_id, '') "
                   "LEFT JOIN equipment_types et ON et.id = NULLIF(c.equipment_type_id, '') "
                   "LEFT JOIN staff st ON st.id = c.claimed_by "
                   "WHERE c.status NOT IN ('done', 'closed', 'cancelled') "
                   "ORDER BY c.day, CASE c.day_part WHEN 'morning' THEN 0 ELSE 1 END, c.received_at, c.rowid");
            if (!st)
                return makeErr(st.error());
            return forEachRow(*st,
                              [&](db::Statement& r)
                              {
                                  Row row;
                                  row.id = r.columnText(0).value();
                                  row.code = r.columnText(1).value();
                                  row.phone = r.columnText(2).value();
                                  row.day = r.columnText(3).value();
                                  row.dayPart = r.columnText(4).value();
                                  row.topic = r.columnText(5).value();
                                  if (!r.columnText(12).value().empty())
                                      row.topic = "lista oczekujących: " + row.topic;
                                  row.firstName = r.columnText(6).value();
                                  row.language = r.columnText(7).value();
                                  row.claimedBy = r.columnText(8).value();
                                  row.claimedById = r.columnText(9).value();
                                  row.failed = r.columnInt(10).value();
                                  row.receivedAt = r.columnInt64(11).value();
                                  rows.push_back(std::move(row));
                              });
        });
    if (!status)
        return messagePage(503, "Błąd", "Nie udało się odczytać kolejki. Spróbuj ponownie.");

    const Now now = m_clock();
    std::string body = "<p>Prośby o telefon w kolejności zgłoszeń w każdym oknie (dzień, pora dnia). Po " +
                       std::to_string(m_config.callbackMaxFailedAttempts) +
                       " nieudanych próbach prośba zamyka się sama z podaniem powodu.</p>\n";
    if (rows.empty())
        body += "<p role=\"status\">Brak otwartych próśb o telefon.</p>\n";
    std::string window;
    bool open = false;
    for (const auto& row : rows)
    {
        const std::string thisWindow = row.day + "|" + row.dayPart;
        if (thisWindow != window)
        {
            if (open)
                body += "</tbody>\n</table>\n</section>\n";
            window = thisWindow;
            open = true;
            std::string heading = row.day;
            if (auto d = parseIsoDate(row.day))
            {
                heading = dayText(*d);
                if (*d < now.today)
                    heading += " (zaległe)";
                else if (*d == now.today)
                    heading += " (dziś)";
            }
            heading += row.dayPart == "morning" ? ", przed południem" : ", po południu";
            const std::string hid = "okno-" + row.day + "-" + row.dayPart;
            body += "<section aria-labelledby=\"" + htmlEscape(hid) + "\">\n<h2 id=\"" + htmlEscape(hid) + "\">" +
                    htmlEscape(heading) +
                    "</h2>\n<table>\n<thead><tr><th scope=\"col\">Lp.</th>"
                    "<th scope=\"col\">Kod</th><th scope=\"col\">Imię</th><th scope=\"col\">Telefon</th>"
                    "<th scope=\"col\">Temat</th><th scope=\"col\">Język</th><th scope=\"col\">Zgłoszono</th>"
                    "<th scope=\"col\" class=\"num\">Nieudane próby</th><th scope=\"col\">Realizuje</th>"
                    "<th scope=\"col\">Działania</th></tr></thead>\n<tbody>\n";
        }
        const std::string rid = htmlEscape(row.id);
        body += "<tr><td class=\"num\">" + std::to_string(&row - rows.data() + 1) + "</td><th scope=\"row\">" +
                htmlEscape(row.code) + "</th><td>" + (row.firstName.empty() ? "—" : htmlEscape(row.firstName)) +
                "</td><td>" + htmlEscape(row.phone) + "</td><td>" + (row.topic.empty() ? "—" : htmlEscape(row.topic)) +
                "</td><td>" + htmlEscape(row.language) + "</td><td>" + htmlEscape(dateTimeText(row.receivedAt)) +
                "</td><td class=\"num\">" + std::to_string(row.failed) + "</td><td>" +
                (row.claimedBy.empty() ? "—" : htmlEscape(row.claimedBy)) + "</td><td>";
        if (row.claimedById != s.staffId)
            body += inlinePostForm(s, "/panel/callbacks/claim", rid) +
                    "<button type=\"submit\" class=\"secondary\" aria-label=\"Przyjmij prośbę " + htmlEscape(row.code) +
                    "\">Przyjmij</button></form>";
        body += inlinePostForm(s, "/panel/callbacks/attempt", rid) + "<label for=\"wynik-" + rid +
                "\">Wynik próby</label><select id=\"wynik-" + rid +
                "\" name=\"outcome\"><option value=\"no-answer\">nie odebrano</option>"
                "<option value=\"wrong-number\">błędny numer</option><option value=\"done\">załatwione</option>"
                "</select><label for=\"uwagi-" +
                rid + "\" class=\"sr-only\">Uwagi</label><input id=\"uwagi-" + rid +
                "\" name=\"note\" maxlength=\"500\" placeholder=\"uwagi\"><button type=\"submit\" "
                "aria-label=\"Zapisz próbę dla " +
                htmlEscape(row.code) + "\">Zapisz próbę</button></form></td></tr>\n";
    }
    if (open)
        body += "</tbody>\n</table>\n</section>\n";
    PanelResponse r;
    r.body = renderPage(frameFor(s, "Prośby o telefon", "/panel/callbacks", request), body);
    return r;
}

PanelResponse Panel::callbackAction(const PanelSession& s, const std::string& action,
                                    const std::map<std::string, std::string>& form)
{
    const std::string id = fieldValue(form, "id");
    const std::string outcome = fieldValue(form, "outcome");
    std::string note = fieldValue(form, "note");
    if (id.empty() || id.size() > 64 || note.size() > 2000)
        return seeOther("/panel/callbacks?msg=bad-input");
    if (action == "attempt" && !domain::fromCode<domain::CallbackOutcome>(outcome))
        return seeOther("/panel/callbacks?msg=bad-input");
    const Now now = m_clock();
    std::string message;
    auto status = m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            std::string code, state, claimedBy;
            std::int64_t kiosk = 0;
            int failed = 0;
            auto found = readRowById(d,
                                     "SELECT code, status, COALESCE(claimed_by, ''), kiosk_id, failed_attempts FROM "
                                     "callback_requests WHERE id = ?",
                                     id,
                                     [&](db::Statement& r)
                                     {
                                         code = r.columnText(0).value();
                                         state = r.columnText(1).value();
                                         claimedBy = r.columnText(2).value();
                                         kiosk = r.columnInt64(3).value();
                                         failed = r.columnInt(4).value();
                                     });
            if (!found)
                return makeErr(found.error());
            if (!*found || state == "done" || state == "closed" || state == "cancelled")
            {
                message = "not-open";
                return {};
            }
            if (action == "claim")
            {
                if (!claimedBy.empty() && claimedBy != s.staffId)
                {
                    message = "claimed-other";
                    return {};
                }
                message = "claimed";
                return sqlExec(d, "UPDATE callback_requests SET claimed_by = ?, claimed_at = ? WHERE id = ?", s.staffId,
                               now.unix, id);
            }
            if (auto e = sqlExec(d,
                                 "INSERT INTO callback_attempts(callback_id, staff_id, outcome, note, at) "
                                 "VALUES (?,?,?,?,?)",
                                 id, s.staffId, outcome, note, now.unix);
                !e)
                return e;
            if (claimedBy.empty())
                if (auto e = sqlExec(d, "UPDATE callback_requests SET claimed_by = ?, claimed_at = ? WHERE id = ?",
                                     s.staffId, now.unix, id);
                    !e)
                    return e;
            if (outcome == "done")
            {
                message = "done";
                if (auto e = sqlExec(d, "UPDATE callback_requests SET status = 'done', closed_at = ? WHERE id = ?",
                                     now.unix, id);
                    !e)
                    return e;
                return logRequestStatus(d, protocol::entity::kCallbackRequest, id, code, "done", kiosk, now.unix);
            }
            ++failed;
            if (failed < m_config.callbackMaxFailedAttempts)
            {
                message = "attempt";
                return sqlExec(d, "UPDATE callback_requests SET failed_attempts = ? WHERE id = ?", failed, id);
            }
            message = "closed";
            const std::string reason =
                (outcome == "wrong-number" ? std::string("błędny numer") : std::string("brak odpowiedzi")) + " — " +
                std::to_string(failed) + " nieudane próby kontaktu";
            if (auto e = sqlExec(d,
                                 "UPDATE callback_requests SET failed_attempts = ?, status = 'closed', closed_at = ?, "
                                 "closed_reason = ? WHERE id = ?",
                                 failed, now.unix, reason, id);
                !e)
                return e;
            return logRequestStatus(d, protocol::entity::kCallbackRequest, id, code, "closed", kiosk, now.unix);
        });
    if (!status)
        return seeOther("/panel/callbacks?msg=error");
    return seeOther("/panel/callbacks?msg=" + message);
}

// --- kiosk health ---

PanelResponse Panel::kiosksPage(const PanelSession& s, const PanelRequest& request)
{
    struct Row
    {
        std::string name, version, printer;
        bool active = true, heartbeat = false;
        std::int64_t receivedAt = 0, uptime = 0, depth = 0, oldest = 0, lastSync = 0;
        std::optional<std::int64_t> skew;
    };
    std::vector<Row> rows;
    auto status = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            // Clock skew is estimated from events: an event's kiosk timestamp minus the server's
            // receive time is the skew minus the delivery delay, so the largest value over the
            // last day is the best (lower-bound) estimate. The heartbeat carries no kiosk clock.
            auto st = sqlQuery(
                d, "SELECT k.name, k.active, h.received_at, h.kiosk_version, h.uptime_s, h.outbox_depth, "
                   "h.outbox_oldest_age_s, h.printer_state, h.last_sync, "
                   "(SELECT MAX(x) FROM (SELECT at - received_at AS x FROM usage_events u WHERE u.kiosk_id = k.id AND "
                   " u.received_at > h.received_at - 86400 UNION ALL SELECT created_at - received_at FROM "
                   " callback_requests c WHERE c.kiosk_id = k.id AND c.received_at > h.received_at - 86400 UNION ALL "
                   " SELECT created_at - received_at FROM counselling_requests r WHERE r.kiosk_id = k.id AND "
                   " r.received_at > h.received_at - 86400)) "
                   "FROM kiosks k LEFT JOIN heartbeats h ON h.kiosk_id = k.id ORDER BY k.name");
            if (!st)
                return makeErr(st.error());
            return forEachRow(*st,
                              [&](db::Statement& r)
                              {
                                  Row row;
                                  row.name = r.columnText(0).value();
                                  row.active = r.columnInt(1).value() != 0;
                                  row.heartbeat = !r.isNull(2).value();
                                  if (row.heartbeat)
                                  {
                                      row.receivedAt = r.columnInt64(2).value();
                                      row.version = r.columnText(3).value();
                                      row.uptime = r.columnInt64(4).value();
                                      row.depth = r.columnInt64(5).value();
                                      row.oldest = r.columnInt64(6).value();
                                      row.printer = r.columnText(7).value();
                                      row.lastSync = r.columnOptionalInt64(8).value().value_or(0);
                                      row.skew = r.columnOptionalInt64(9).value();
                                  }
                                  rows.push_back(std::move(row));
                              });
        });
    if (!status)
        return messagePage(503, "Błąd", "Nie udało się odczytać stanu kiosków.");
    static const std::map<std::string, std::string> printerLabels{{"ok", "sprawna"},
                                                                  {"no-paper", "brak papieru"},
                                                                  {"offline", "niedostępna"},
                                                                  {"error", "błąd"},
                                                                  {"unknown", "nieznany"}};
    const Now now = m_clock();
    std::string body =
        "<p>Ostatni sygnał każdego kiosku. Kiosk wysyła sygnał co kilka minut; brak sygnału "
        "dłużej niż 10 minut jest oznaczony.</p>\n<table>\n<caption>Kioski</caption>\n<thead><tr>"
        "<th scope=\"col\">Kiosk</th><th scope=\"col\">Ostatni sygnał</th><th scope=\"col\">Drukarka</th>"
        "<th scope=\"col\" class=\"num\">Kolejka do wysłania</th><th scope=\"col\">Najstarsza w "
        "kolejce</th><th scope=\"col\">Wersja</th><th scope=\"col\">Czas pracy</th>"
        "<th scope=\"col\">Ostatnia synchronizacja</th><th scope=\"col\">Przesunięcie zegara "
        "(szacunek)</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows)
    {
        body += "<tr><th scope=\"row\">" + htmlEscape(row.name) + (row.active ? "" : " (wyłączony)") + "</th>";
        if (!row.heartbeat)
        {
            body += "<td class=\"warn\">brak sygnału</td><td>—</td><td class=\"num\">—</td><td>—</td><td>—</td>"
                    "<td>—</td><td>—</td><td>—</td></tr>\n";
            continue;
        }
        const std::int64_t age = now.unix - row.receivedAt;
        auto printer = printerLabels.find(row.printer);
        const std::string printerText = printer == printerLabels.end() ? row.printer : printer->second;
        std::string skewText = "brak danych";
        if (row.skew)
        {
            const std::int64_t v = *row.skew;
            skewText = (v > 0 ? "+" : "") + std::to_string(v) + " s";
            if (v > 120)
                skewText += " (zegar kiosku się spieszy)";
        }
        body += std::string("<td") + (age > 600 ? " class=\"warn\"" : "") + ">" +
                htmlEscape(dateTimeText(row.receivedAt)) + " (" + htmlEscape(formatDuration(age)) + " temu)" +
                (age > 600 ? " — brak kontaktu" : "") + "</td>" + "<td" +
                (row.printer == "ok" ? "" : " class=\"warn\"") + ">" + htmlEscape(printerText) + "</td>" +
                "<td class=\"num\">" + std::to_string(row.depth) + "</td><td" +
                (row.oldest > 3600 ? " class=\"warn\"" : "") + ">" +
                (row.depth > 0 ? htmlEscape(formatDuration(row.oldest)) : std::string("—")) + "</td><td>" +
                htmlEscape(row.version) + "</td><td>" + htmlEscape(formatDuration(row.uptime)) + "</td><td>" +
                htmlEscape(dateTimeText(row.lastSync)) + "</td><td>" + htmlEscape(skewText) + "</td></tr>\n";
    }
    body += "</tbody>\n</table>\n";
    PanelResponse r;
    r.body = renderPage(frameFor(s, "Stan kiosków", "/panel/kiosks", request), body);
    return r;
}

// --- monitoring ---

PanelResponse Panel::monitoringPage(const PanelSession& s, const PanelRequest& request, bool csv)
{
    const Now now = m_clock();
    Date from{now.today.year, now.today.month, 1};
    Date to = now.today;
    std::string error;
    const std::string fromText = fieldValue(request.query, "from");
    const std::string toText = fieldValue(request.query, "to");
    if (!fromText.empty() || !toText.empty())
    {
        auto f = parseIsoDate(fromText);
        auto t = parseIsoDate(toText);
        if (!f || !t)
            error = "Podaj obie daty w formacie RRRR-MM-DD.";
        else if (*t < *f)
            error = "Data końcowa jest wcześniejsza niż początkowa.";
        else if (t->toDays() - f->toDays() > 3700)
            error = "Okres może mieć najwyżej 10 lat.";
        else
        {
            from = *f;
            to = *t;
        }
    }
    if (csv && !error.empty())
        return messagePage(400, "Błędny okres", error);
    std::vector<IndicatorRow> rows;
    auto status = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto computed = computeIndicators(d, from, to);
            if (!computed)
                return makeErr(computed.error());
            rows = std::move(computed).value();
            return {};
        });
    if (!status)
        return messagePage(503, "Błąd", "Nie udało się policzyć wskaźników.");
    if (csv)
    {
        PanelResponse r;
        r.body = indicatorsCsv(rows, from, to);
        r.contentType = "text/csv; charset=utf-8";
        r.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"okienko-wskazniki-" + from.iso() + "-" + to.iso() + ".csv\"");
        return r;
    }
    std::string body =
        "<form method=\"get\" action=\"/panel/monitoring\" class=\"inline\"><fieldset><legend>Okres</legend>"
        "<label for=\"from\">Od</label> <input id=\"from\" name=\"from\" type=\"date\" required value=\"" +
        htmlEscape(from.iso()) +
        "\"> <label for=\"to\">Do</label> <input id=\"to\" name=\"to\" type=\"date\" required value=\"" +
        htmlEscape(to.iso()) + "\"> <button type=\"submit\">Pokaż</button></fieldset></form>\n";
    if (!error.empty())
        body += "<p class=\"flash error\" role=\"alert\">" + htmlEscape(error) + "</p>\n";
    body += "<p><a href=\"/panel/monitoring.csv?from=" + urlEncode(from.iso()) + "&amp;to=" + urlEncode(to.iso()) +
            "\">Pobierz CSV (Excel)</a></p>\n<table>\n<caption>Wskaźniki za okres " + htmlEscape(from.iso()) + " – " +
            htmlEscape(to.iso()) +
            "</caption>\n<thead><tr><th scope=\"col\">Obszar</th><th scope=\"col\">Wskaźnik</th>"
            "<th scope=\"col\">Szczegół</th><th scope=\"col\" class=\"num\">Wartość</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows)
        body += "<tr><td>" + htmlEscape(row.section) + "</td><th scope=\"row\">" + htmlEscape(row.indicator) +
                "</th><td>" + htmlEscape(row.detail) + "</td><td class=\"num\">" + htmlEscape(row.value) +
                "</td></tr>\n";
    body += "</tbody>\n</table>\n<p class=\"muted\">Spotkania w poradnictwie liczone są z terminów umówionych "
            "przez kiosk (data terminu w okresie); osoby — po numerze telefonu, a bez numeru po nazwisku.</p>\n";
    PanelResponse r;
    r.body = renderPage(frameFor(s, "Monitoring", "/panel/monitoring", request), body);
    return r;
}

// --- reservations, conflicts, counselling ---

PanelResponse Panel::reservationsPage(const PanelSession& s, const PanelRequest& request)
{
    std::string reservations, conflicts, counselling;
    auto status = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = sqlQuery(d, "SELECT r.id, r.code, COALESCE(t.name_pl, r.type_id), r.pick_up_date, r.loan_days, "
                                  "r.status, COALESCE(r.person_name, ''), COALESCE(r.person_phone, ''), k.name FROM "
                                  "reservations r JOIN kiosks k ON k.id = r.kiosk_id LEFT JOIN equipment_types t ON "
                                  "t.id = r.type_id WHERE r.code <> '' AND r.status IN ('provisional', 'held', "
                                  "'conflict') ORDER BY r.pick_up_date, r.received_at");
            if (!st)
                return makeErr(st.error());
            auto rows = forEachRow(
                *st,
                [&](db::Statement& r)
                {
                    const std::string id = htmlEscape(r.columnText(0).value());
                    const std::string code = htmlEscape(r.columnText(1).value());
                    const std::string state = r.columnText(5).value();
                    reservations += "<tr><th scope=\"row\">" + code + "</th><td>" +
                                    htmlEscape(r.columnText(2).value()) + "</td><td>" +
                                    htmlEscape(r.columnText(3).value()) + "</td><td class=\"num\">" +
                                    std::to_string(r.columnInt(4).value()) + "</td><td" +
                                    (state == "conflict" ? " class=\"warn\"" : "") + ">" +
                                    htmlEscape(statusLabel(state)) + "</td><td>" + htmlEscape(r.columnText(6).value()) +
                                    "</td><td>" + htmlEscape(r.columnText(7).value()) + "</td><td>" +
                                    htmlEscape(r.columnText(8).value()) + "</td><td>";
                    const std::string form = inlinePostForm(s, "/panel/reservations/decide", id);
                    // A conflict means the period no longer fits: confirming it would lend a unit twice.
                    if (state != "conflict")
                        reservations +=
                            decisionForm(form, "confirm", false, "Potwierdź rezerwację " + code, "Potwierdź");
                    reservations +=
                        decisionForm(form, "reject", true, "Odrzuć rezerwację " + code, "Odrzuć") + "</td></tr>\n";
                });
            if (!rows)
                return rows;
            auto cs = sqlQuery(d, "SELECT c.id, c.kind, c.entity, c.entity_id, COALESCE(k.name, ''), c.detail, "
                                  "c.created_at FROM conflicts c LEFT JOIN kiosks k ON k.id = c.kiosk_id WHERE "
                                  "c.resolved_at IS NULL ORDER BY c.created_at");
            if (!cs)
                return makeErr(cs.error());
            rows = forEachRow(*cs,
                              [&](db::Statement& r)
                              {
                                  const std::string id = std::to_string(r.columnInt64(0).value());
                                  conflicts += "<tr><th scope=\"row\">" + htmlEscape(r.columnText(1).value()) +
                                               "</th><td>" + htmlEscape(r.columnText(2).value()) + " " +
                                               htmlEscape(r.columnText(3).value()) + "</td><td>" +
                                               htmlEscape(r.columnText(5).value()) + "</td><td>" +
                                               htmlEscape(r.columnText(4).value()) + "</td><td>" +
                                               htmlEscape(dateTimeText(r.columnInt64(6).value())) + "</td><td>" +
                                               inlinePostForm(s, "/panel/conflicts/resolve", id) +
                                               "<button type=\"submit\" aria-label=\"Oznacz konflikt " + id +
                                               " jako rozwiązany\">Rozwiązany</button></form></td></tr>\n";
                              });
            if (!rows)
                return rows;
            auto rq = sqlQuery(d, "SELECT r.id, r.code, COALESCE(ck.name_pl, r.kind_id), COALESCE(s.date, ''), "
                                  "COALESCE(s.start_minute, -1), COALESCE(s.room, ''), COALESCE(r.name, ''), "
                                  "COALESCE(r.phone, ''), r.status, r.kind_id, COALESCE(r.slot_id, '') FROM "
                                  "counselling_requests r LEFT JOIN "
                                  "counselling_slots s ON s.id = r.slot_id LEFT JOIN counselling_kinds ck ON ck.id = "
                                  "r.kind_id WHERE r.status IN ('received', 'provisional') ORDER BY r.received_at");
            if (!rq)
                return makeErr(rq.error());
            auto freeSlots = loadFreeSlotOptions(m_panelStore, m_clock());
            if (!freeSlots)
                return makeErr(freeSlots.error());
            return forEachRow(
                *rq,
                [&](db::Statement& r)
                {
                    const std::string id = htmlEscape(r.columnText(0).value());
                    const std::string code = htmlEscape(r.columnText(1).value());
                    std::string when = "do uzgodnienia telefonicznie";
                    const int minute = r.columnInt(4).value();
                    if (minute >= 0)
                        when = r.columnText(3).value() + " " + clockText(minute) + ", pokój " + r.columnText(5).value();
                    const std::string form = inlinePostForm(s, "/panel/counselling/decide", id);
                    counselling +=
                        "<tr><th scope=\"row\">" + code + "</th><td>" + htmlEscape(r.columnText(2).value()) +
                        "</td><td>" + htmlEscape(when) + "</td><td>" + htmlEscape(r.columnText(6).value()) +
                        "</td><td>" + htmlEscape(r.columnText(7).value()) + "</td><td>" +
                        decisionForm(form, "confirm", false, "Potwierdź zgłoszenie " + code, "Potwierdź") +
                        decisionForm(form, "cancel", true, "Odwołaj zgłoszenie " + code, "Odwołaj") +
                        moveRequestForm(s, r.columnText(0).value(), r.columnText(1).value(), r.columnText(9).value(),
                                        r.columnText(10).value(), *freeSlots, "reservations")
                            .str() +
                        "</td></tr>\n";
                });
        });
    if (!status)
        return messagePage(503, "Błąd", "Nie udało się odczytać rezerwacji.");
    const std::string body =
        decisionSection(
            "rez", "Rezerwacje sprzętu do decyzji", "Brak rezerwacji czekających na decyzję.",
            "<th scope=\"col\">Kod</th><th scope=\"col\">Sprzęt</th><th scope=\"col\">Odbiór</th>"
            "<th scope=\"col\" class=\"num\">Dni</th><th scope=\"col\">Stan</th><th scope=\"col\">Osoba</th>"
            "<th scope=\"col\">Telefon</th><th scope=\"col\">Kiosk</th><th scope=\"col\">Działania</th>",
            reservations) +
        decisionSection("konf", "Konflikty z kiosków pracujących offline", "Brak nierozwiązanych konfliktów.",
                        "<th scope=\"col\">Rodzaj</th><th scope=\"col\">Dotyczy</th><th scope=\"col\">Szczegóły</th>"
                        "<th scope=\"col\">Kiosk</th><th scope=\"col\">Zgłoszono</th><th scope=\"col\">Działania</th>",
                        conflicts) +
        decisionSection("por", "Zgłoszenia do poradnictwa", "Brak zgłoszeń czekających na decyzję.",
                        "<th scope=\"col\">Kod</th><th scope=\"col\">Rodzaj</th><th scope=\"col\">Termin</th>"
                        "<th scope=\"col\">Osoba</th><th scope=\"col\">Telefon</th><th scope=\"col\">Działania</th>",
                        counselling);
    PanelResponse r;
    r.body = renderPage(frameFor(s, "Rezerwacje i poradnictwo", "/panel/reservations", request), body);
    return r;
}

PanelResponse Panel::reservationAction(const PanelSession& s, const std::string& path,
                                       const std::map<std::string, std::string>& form)
{
    const std::string id = fieldValue(form, "id");
    const std::string action = fieldValue(form, "action");
    if (id.empty() || id.size() > 64)
        return seeOther("/panel/reservations?msg=bad-input");
    const Now now = m_clock();
    std::string message;
    auto status = m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            if (path == "/panel/conflicts/resolve")
            {
                auto st = sqlExec(d, "UPDATE conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL",
                                  now.unix, id);
                if (!st)
                    return st;
                if (d.changes() == 0)
                    return makeErr(refusal("stale"));
                message = "resolved";
                return recordAction(d, s, "conflict", id, "resolve", now.unix);
            }
            const bool reservation = path == "/panel/reservations/decide";
            if (reservation && action != "confirm" && action != "reject")
                return makeErr(refusal("stale"));
            if (!reservation && action != "confirm" && action != "cancel" && action != "move")
                return makeErr(refusal("stale"));
            std::string code, state, slotId;
            std::int64_t kiosk = 0;
            auto read = readRowById(d,
                                    reservation ? "SELECT code, status, kiosk_id, '' FROM reservations WHERE id = ?"
                                                : "SELECT code, status, kiosk_id, COALESCE(slot_id, '') FROM "
                                                  "counselling_requests WHERE id = ?",
                                    id,
                                    [&](db::Statement& r)
                                    {
                                        code = r.columnText(0).value();
                                        state = r.columnText(1).value();
                                        kiosk = r.columnInt64(2).value();
                                        slotId = r.columnText(3).value();
                                    });
            if (!read)
                return makeErr(read.error());
            const bool found = *read;
            if (reservation)
            {
                const bool open = state == "provisional" || state == "held" || state == "conflict";
                if (!found || !open || (action == "confirm" && state == "conflict"))
                    return makeErr(refusal("stale"));
                const std::string next = action == "confirm" ? "confirmed" : "rejected";
                if (auto e = sqlExec(d, "UPDATE reservations SET status = ? WHERE id = ?", next, id); !e)
                    return e;
                if (auto e = resolveConflictsOf(d, "reservation", id, now.unix); !e)
                    return e;
                message = action == "confirm" ? "confirmed" : "rejected";
                if (auto e = recordAction(d, s, "reservation", id, action, now.unix); !e)
                    return e;
                if (auto e = logRequestStatus(d, protocol::entity::kReservation, id, code, next, kiosk, now.unix); !e)
                    return e;
                // Staff mode on every kiosk: a confirmed pick-up is updated, a rejected one disappears.
                return logPickup(d, id, now.unix);
            }
            if (action == "move")
            {
                // The request keeps its id and code; its old slot (if any) goes back to the pool.
                const bool movable =
                    state == "received" || state == "provisional" || state == "confirmed" || state == "moved";
                if (!found || !movable)
                    return makeErr(refusal("stale"));
                const std::string target = fieldValue(form, "slot");
                std::string kindId;
                if (auto kind = readRowById(d, "SELECT kind_id FROM counselling_requests WHERE id = ?", id,
                                            [&](db::Statement& r) { kindId = r.columnText(0).value(); });
                    !kind)
                    return makeErr(kind.error());
                auto targetFree =
                    sqlExists(d,
                              "SELECT 1 FROM counselling_slots WHERE id = ?1 AND id <> ?2 AND booked_by IS NULL "
                              "AND (date > ?3 OR (date = ?3 AND start_minute > ?4)) AND EXISTS (SELECT 1 FROM "
                              "json_each(kind_ids) WHERE value = ?5)",
                              target, slotId, now.today.iso(), minuteOfDay(now.unix), kindId);
                if (!targetFree)
                    return makeErr(targetFree.error());
                if (!*targetFree)
                    return makeErr(refusal("slot-taken"));
                if (!slotId.empty())
                    if (auto e = releaseSlot(d, slotId, id, now.unix); !e)
                        return e;
                if (auto e = sqlExec(d, "UPDATE counselling_slots SET booked_by = ? WHERE id = ? AND booked_by IS NULL",
                                     id, target);
                    !e)
                    return e;
                if (auto e = logCounsellingSlotChange(d, target, now.unix); !e)
                    return e;
                if (auto e = sqlExec(d, "UPDATE counselling_requests SET slot_id = ?, status = 'moved' WHERE id = ?",
                                     target, id);
                    !e)
                    return e;
                // A request whose slot was taken while its kiosk was offline is settled by the new slot.
                if (auto e = resolveConflictsOf(d, "counselling_request", id, now.unix); !e)
                    return e;
                message = "moved";
                if (auto e = recordAction(d, s, "counselling_request", id, "move", now.unix); !e)
                    return e;
                return logRequestStatus(d, protocol::entity::kCounsellingRequest, id, code, "moved", kiosk, now.unix);
            }
            if (!found || (state != "received" && state != "provisional"))
                return makeErr(refusal("stale"));
            const std::string next = action == "confirm" ? "confirmed" : "cancelled";
            if (auto e = sqlExec(d, "UPDATE counselling_requests SET status = ? WHERE id = ?", next, id); !e)
                return e;
            if (action == "cancel" && !slotId.empty())
                if (auto e = releaseSlot(d, slotId, id, now.unix); !e)
                    return e;
            message = action == "confirm" ? "confirmed" : "cancelled";
            if (auto e = recordAction(d, s, "counselling_request", id, action, now.unix); !e)
                return e;
            return logRequestStatus(d, protocol::entity::kCounsellingRequest, id, code, next, kiosk, now.unix);
        });
    const std::string back = fieldValue(form, "return") == "slots" ? "/panel/slots?msg=" : "/panel/reservations?msg=";
    if (!status)
    {
        const db::Error& e = status.error();
        return seeOther(back + (isRefusal(e, "slot-taken") ? "slot-taken" : isRefusal(e, "stale") ? "stale" : "error"));
    }
    return seeOther(back + message);
}

} // namespace okienko::server::panel

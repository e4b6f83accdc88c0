// Routing and pages of the panel. Every value from the database or the request is written through
// htmlEscape; every state change is a POST checked for a session, the session's CSRF token
// (constant-time) and, when the browser sends them, Origin/Referer; after it the browser is sent
// back with 303 (post/redirect/get) and a fixed message code, never reflected text.
#include "server/panel/panel.hpp"

#include "server/credentials.hpp"
#include "server/panel/html.hpp"
#include "server/panel/monitoring.hpp"
#include "server/panel/sql.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/json_reader.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
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

PanelResponse redirect(const std::string& location)
{
    PanelResponse r;
    r.status = 303;
    r.headers.emplace_back("Location", location);
    r.body = "<!DOCTYPE html><title>Przekierowanie</title><a href=\"" + htmlEscape(location) + "\">Dalej</a>";
    return r;
}

PanelResponse simplePage(int status, const std::string& title, const std::string& text)
{
    PanelResponse r;
    r.status = status;
    PageFrame f;
    f.title = title;
    r.body = renderPage(f, "<p>" + htmlEscape(text) + "</p>\n<p><a href=\"/panel/callbacks\">Wróć do panelu</a></p>\n");
    return r;
}

std::string param(const std::map<std::string, std::string>& m, const std::string& key)
{
    auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

std::string formatTime(std::int64_t unix)
{
    if (unix <= 0)
        return "—";
    const std::time_t t = static_cast<std::time_t>(unix);
    std::tm local{};
    localtime_r(&t, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return buffer;
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

std::string csrfField(const PanelSession& s)
{
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + htmlEscape(s.csrfToken) + "\">";
}

const char* kWeekdays[] = {"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"};

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

std::string flashText(const std::string& code, bool& isError)
{
    static const std::map<std::string, std::pair<std::string, bool>> messages{
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
        {"stale", {"Stan zmienił się w międzyczasie; odśwież i spróbuj ponownie.", true}},
        {"error", {"Błąd bazy danych; spróbuj ponownie.", true}}};
    auto it = messages.find(code);
    if (it == messages.end())
        return {};
    isError = it->second.second;
    return it->second.first;
}

PageFrame frameFor(const PanelSession& s, const std::string& title, const std::string& nav, const PanelRequest& request)
{
    PageFrame f;
    f.title = title;
    f.activeNav = nav;
    f.staffName = s.staffName;
    f.csrfToken = s.csrfToken;
    f.flash = flashText(param(request.query, "msg"), f.flashIsError);
    return f;
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

Status<db::Error> audit(db::Database& d, const PanelSession& s, const std::string& entity, const std::string& id,
                        const std::string& action, std::int64_t now)
{
    return sqlExec(d, "INSERT INTO panel_actions(staff_id, entity, entity_id, action, at) VALUES (?,?,?,?,?)",
                   s.staffId, entity, id, action, now);
}

db::Error staleError()
{
    return db::makeError(db::ErrorKind::BadData, "stale", "panel");
}

bool isStale(const db::Error& e)
{
    return e.kind == db::ErrorKind::BadData && e.message == "stale";
}
} // namespace

Panel::Panel(ServerStore& store, const ServerConfig& config, std::function<Now()> clock,
             std::function<double()> monotonicSeconds, AuthLimits limits)
    : m_store(store), m_config(config), m_clock(std::move(clock)),
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
        r = simplePage(500, "Błąd serwera", "Wystąpił błąd serwera. Spróbuj ponownie za chwilę.");
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
        PanelResponse r = simplePage(405, "Niedozwolona metoda", "Panel przyjmuje tylko GET i POST.");
        r.headers.emplace_back("Allow", "GET, POST");
        return r;
    }
    // A kiosk's bearer token is for /api/v1 only; the panel never treats it as a login.
    if (!request.authorization.empty())
    {
        PanelResponse r = simplePage(401, "Brak dostępu", "Panel nie przyjmuje tokenów kiosków. Zaloguj się.");
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
            return redirect("/panel/callbacks");
        return loginPage(request, "", 200);
    }

    auto session = m_auth.session(cookieValue(request.cookie, kSessionCookie), m_clock().unix);
    if (!session)
        return redirect("/panel/login");

    if (post)
    {
        const auto form = parseForm(request.body);
        if (!sameOrigin(request) || !constantTimeEquals(param(form, "csrf"), session->csrfToken))
            return simplePage(403, "Odmowa", "Formularz wygasł lub nie pochodzi z panelu. Odśwież stronę.");
        if (path == "/panel/logout")
        {
            m_auth.logout(*session);
            PanelResponse r = redirect("/panel/login");
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
        return simplePage(404, "Nie ma takiej strony", "Nie ma takiej akcji.");
    }
    if (path == "/" || path == "/panel" || path == "/panel/")
        return redirect("/panel/callbacks");
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
    return simplePage(404, "Nie ma takiej strony", "Nie ma takiej strony w panelu.");
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
    if (!sameOrigin(request) || expected.empty() || !constantTimeEquals(param(form, "csrf"), expected))
        return simplePage(403, "Odmowa", "Formularz logowania wygasł. Otwórz stronę logowania ponownie.");
    const Now now = m_clock();
    const LoginResult result =
        m_auth.login(param(form, "login"), param(form, "password"), request.remoteAddress, now.unix, m_monotonic());
    switch (result.outcome)
    {
    case LoginOutcome::Ok:
    {
        std::fprintf(stderr, "okienko-central: panel login ok\n");
        PanelResponse r = redirect("/panel/callbacks");
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
        return simplePage(503, "Błąd", "Nie udało się odczytać kolejki. Spróbuj ponownie.");

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
                heading = std::string(kWeekdays[d->weekday()]) + " " + row.day;
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
                "</td><td>" + htmlEscape(row.language) + "</td><td>" + htmlEscape(formatTime(row.receivedAt)) +
                "</td><td class=\"num\">" + std::to_string(row.failed) + "</td><td>" +
                (row.claimedBy.empty() ? "—" : htmlEscape(row.claimedBy)) + "</td><td>";
        if (row.claimedById != s.staffId)
            body += "<form class=\"inline\" method=\"post\" action=\"/panel/callbacks/claim\">" + csrfField(s) +
                    "<input type=\"hidden\" name=\"id\" value=\"" + rid +
                    "\"><button type=\"submit\" class=\"secondary\" aria-label=\"Przyjmij prośbę " +
                    htmlEscape(row.code) + "\">Przyjmij</button></form>";
        body += "<form class=\"inline\" method=\"post\" action=\"/panel/callbacks/attempt\">" + csrfField(s) +
                "<input type=\"hidden\" name=\"id\" value=\"" + rid + "\"><label for=\"wynik-" + rid +
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
    const std::string id = param(form, "id");
    const std::string outcome = param(form, "outcome");
    std::string note = param(form, "note");
    if (id.empty() || id.size() > 64 || note.size() > 2000)
        return redirect("/panel/callbacks?msg=bad-input");
    if (action == "attempt" && !domain::fromCode<domain::CallbackOutcome>(outcome))
        return redirect("/panel/callbacks?msg=bad-input");
    const Now now = m_clock();
    std::string message;
    auto status = m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            std::string code, state, claimedBy;
            std::int64_t kiosk = 0;
            int failed = 0;
            bool found = false;
            {
                auto st = sqlQuery(d,
                                   "SELECT code, status, COALESCE(claimed_by, ''), kiosk_id, failed_attempts FROM "
                                   "callback_requests WHERE id = ?",
                                   id);
                if (!st)
                    return makeErr(st.error());
                auto rows = forEachRow(*st,
                                       [&](db::Statement& r)
                                       {
                                           found = true;
                                           code = r.columnText(0).value();
                                           state = r.columnText(1).value();
                                           claimedBy = r.columnText(2).value();
                                           kiosk = r.columnInt64(3).value();
                                           failed = r.columnInt(4).value();
                                       });
                if (!rows)
                    return rows;
            }
            if (!found || state == "done" || state == "closed" || state == "cancelled")
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
        return redirect("/panel/callbacks?msg=error");
    return redirect("/panel/callbacks?msg=" + message);
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
        return simplePage(503, "Błąd", "Nie udało się odczytać stanu kiosków.");
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
                htmlEscape(formatTime(row.receivedAt)) + " (" + htmlEscape(formatDuration(age)) + " temu)" +
                (age > 600 ? " — brak kontaktu" : "") + "</td>" + "<td" +
                (row.printer == "ok" ? "" : " class=\"warn\"") + ">" + htmlEscape(printerText) + "</td>" +
                "<td class=\"num\">" + std::to_string(row.depth) + "</td><td" +
                (row.oldest > 3600 ? " class=\"warn\"" : "") + ">" +
                (row.depth > 0 ? htmlEscape(formatDuration(row.oldest)) : std::string("—")) + "</td><td>" +
                htmlEscape(row.version) + "</td><td>" + htmlEscape(formatDuration(row.uptime)) + "</td><td>" +
                htmlEscape(formatTime(row.lastSync)) + "</td><td>" + htmlEscape(skewText) + "</td></tr>\n";
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
    const std::string fromText = param(request.query, "from");
    const std::string toText = param(request.query, "to");
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
        return simplePage(400, "Błędny okres", error);
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
        return simplePage(503, "Błąd", "Nie udało się policzyć wskaźników.");
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
                    const std::string form = "<form class=\"inline\" method=\"post\" action=\"/panel/reservations/"
                                             "decide\">" +
                                             csrfField(s) + "<input type=\"hidden\" name=\"id\" value=\"" + id + "\">";
                    // A conflict means the period no longer fits: confirming it would lend a unit twice.
                    if (state != "conflict")
                        reservations += form +
                                        "<input type=\"hidden\" name=\"action\" value=\"confirm\"><button "
                                        "type=\"submit\" aria-label=\"Potwierdź rezerwację " +
                                        code + "\">Potwierdź</button></form>";
                    reservations += form +
                                    "<input type=\"hidden\" name=\"action\" value=\"reject\"><button type=\"submit\" "
                                    "class=\"secondary\" aria-label=\"Odrzuć rezerwację " +
                                    code + "\">Odrzuć</button></form></td></tr>\n";
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
                                               htmlEscape(formatTime(r.columnInt64(6).value())) +
                                               "</td><td><form class=\"inline\" method=\"post\" "
                                               "action=\"/panel/conflicts/resolve\">" +
                                               csrfField(s) + "<input type=\"hidden\" name=\"id\" value=\"" + id +
                                               "\"><button type=\"submit\" aria-label=\"Oznacz konflikt " + id +
                                               " jako rozwiązany\">Rozwiązany</button></form></td></tr>\n";
                              });
            if (!rows)
                return rows;
            auto rq = sqlQuery(d, "SELECT r.id, r.code, COALESCE(ck.name_pl, r.kind_id), COALESCE(s.date, ''), "
                                  "COALESCE(s.start_minute, -1), COALESCE(s.room, ''), COALESCE(r.name, ''), "
                                  "COALESCE(r.phone, ''), r.status FROM counselling_requests r LEFT JOIN "
                                  "counselling_slots s ON s.id = r.slot_id LEFT JOIN counselling_kinds ck ON ck.id = "
                                  "r.kind_id WHERE r.status IN ('received', 'provisional') ORDER BY r.received_at");
            if (!rq)
                return makeErr(rq.error());
            return forEachRow(
                *rq,
                [&](db::Statement& r)
                {
                    const std::string id = htmlEscape(r.columnText(0).value());
                    const std::string code = htmlEscape(r.columnText(1).value());
                    std::string when = "do uzgodnienia telefonicznie";
                    const int minute = r.columnInt(4).value();
                    if (minute >= 0)
                    {
                        char hm[8];
                        std::snprintf(hm, sizeof hm, "%02d:%02d", minute / 60 % 100, minute % 60);
                        when = r.columnText(3).value() + " " + hm + ", pokój " + r.columnText(5).value();
                    }
                    const std::string form = "<form class=\"inline\" method=\"post\" action=\"/panel/counselling/"
                                             "decide\">" +
                                             csrfField(s) + "<input type=\"hidden\" name=\"id\" value=\"" + id + "\">";
                    counselling += "<tr><th scope=\"row\">" + code + "</th><td>" + htmlEscape(r.columnText(2).value()) +
                                   "</td><td>" + htmlEscape(when) + "</td><td>" + htmlEscape(r.columnText(6).value()) +
                                   "</td><td>" + htmlEscape(r.columnText(7).value()) + "</td><td>" + form +
                                   "<input type=\"hidden\" name=\"action\" value=\"confirm\"><button type=\"submit\" "
                                   "aria-label=\"Potwierdź zgłoszenie " +
                                   code + "\">Potwierdź</button></form>" + form +
                                   "<input type=\"hidden\" name=\"action\" value=\"cancel\"><button type=\"submit\" "
                                   "class=\"secondary\" aria-label=\"Odwołaj zgłoszenie " +
                                   code + "\">Odwołaj</button></form></td></tr>\n";
                });
        });
    if (!status)
        return simplePage(503, "Błąd", "Nie udało się odczytać rezerwacji.");
    std::string body = "<h2 id=\"rez\">Rezerwacje sprzętu do decyzji</h2>\n";
    if (reservations.empty())
        body += "<p>Brak rezerwacji czekających na decyzję.</p>\n";
    else
        body += "<table aria-labelledby=\"rez\">\n<thead><tr><th scope=\"col\">Kod</th><th scope=\"col\">Sprzęt</th>"
                "<th scope=\"col\">Odbiór</th><th scope=\"col\" class=\"num\">Dni</th><th scope=\"col\">Stan</th>"
                "<th scope=\"col\">Osoba</th><th scope=\"col\">Telefon</th><th scope=\"col\">Kiosk</th>"
                "<th scope=\"col\">Działania</th></tr></thead>\n<tbody>\n" +
                reservations + "</tbody>\n</table>\n";
    body += "<h2 id=\"konf\">Konflikty z kiosków pracujących offline</h2>\n";
    if (conflicts.empty())
        body += "<p>Brak nierozwiązanych konfliktów.</p>\n";
    else
        body += "<table aria-labelledby=\"konf\">\n<thead><tr><th scope=\"col\">Rodzaj</th><th scope=\"col\">Dotyczy"
                "</th><th scope=\"col\">Szczegóły</th><th scope=\"col\">Kiosk</th><th scope=\"col\">Zgłoszono</th>"
                "<th scope=\"col\">Działania</th></tr></thead>\n<tbody>\n" +
                conflicts + "</tbody>\n</table>\n";
    body += "<h2 id=\"por\">Zgłoszenia do poradnictwa</h2>\n";
    if (counselling.empty())
        body += "<p>Brak zgłoszeń czekających na decyzję.</p>\n";
    else
        body += "<table aria-labelledby=\"por\">\n<thead><tr><th scope=\"col\">Kod</th><th scope=\"col\">Rodzaj</th>"
                "<th scope=\"col\">Termin</th><th scope=\"col\">Osoba</th><th scope=\"col\">Telefon</th>"
                "<th scope=\"col\">Działania</th></tr></thead>\n<tbody>\n" +
                counselling + "</tbody>\n</table>\n";
    PanelResponse r;
    r.body = renderPage(frameFor(s, "Rezerwacje i poradnictwo", "/panel/reservations", request), body);
    return r;
}

PanelResponse Panel::reservationAction(const PanelSession& s, const std::string& path,
                                       const std::map<std::string, std::string>& form)
{
    const std::string id = param(form, "id");
    const std::string action = param(form, "action");
    if (id.empty() || id.size() > 64)
        return redirect("/panel/reservations?msg=bad-input");
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
                    return makeErr(staleError());
                message = "resolved";
                return audit(d, s, "conflict", id, "resolve", now.unix);
            }
            const bool reservation = path == "/panel/reservations/decide";
            if (reservation && action != "confirm" && action != "reject")
                return makeErr(staleError());
            if (!reservation && action != "confirm" && action != "cancel")
                return makeErr(staleError());
            std::string code, state, slotId;
            std::int64_t kiosk = 0;
            bool found = false;
            auto st = sqlQuery(d,
                               reservation ? "SELECT code, status, kiosk_id, '' FROM reservations WHERE id = ?"
                                           : "SELECT code, status, kiosk_id, COALESCE(slot_id, '') FROM "
                                             "counselling_requests WHERE id = ?",
                               id);
            if (!st)
                return makeErr(st.error());
            auto rows = forEachRow(*st,
                                   [&](db::Statement& r)
                                   {
                                       found = true;
                                       code = r.columnText(0).value();
                                       state = r.columnText(1).value();
                                       kiosk = r.columnInt64(2).value();
                                       slotId = r.columnText(3).value();
                                   });
            if (!rows)
                return rows;
            if (reservation)
            {
                const bool open = state == "provisional" || state == "held" || state == "conflict";
                if (!found || !open || (action == "confirm" && state == "conflict"))
                    return makeErr(staleError());
                const std::string next = action == "confirm" ? "confirmed" : "rejected";
                if (auto e = sqlExec(d, "UPDATE reservations SET status = ? WHERE id = ?", next, id); !e)
                    return e;
                if (auto e = sqlExec(d,
                                     "UPDATE conflicts SET resolved_at = ? WHERE entity = 'reservation' AND "
                                     "entity_id = ? AND resolved_at IS NULL",
                                     now.unix, id);
                    !e)
                    return e;
                message = action == "confirm" ? "confirmed" : "rejected";
                if (auto e = audit(d, s, "reservation", id, action, now.unix); !e)
                    return e;
                return logRequestStatus(d, protocol::entity::kReservation, id, code, next, kiosk, now.unix);
            }
            if (!found || (state != "received" && state != "provisional"))
                return makeErr(staleError());
            const std::string next = action == "confirm" ? "confirmed" : "cancelled";
            if (auto e = sqlExec(d, "UPDATE counselling_requests SET status = ? WHERE id = ?", next, id); !e)
                return e;
            if (action == "cancel" && !slotId.empty())
            {
                // The slot goes back to the free pool, on every kiosk.
                if (auto e = sqlExec(d, "UPDATE counselling_slots SET booked_by = NULL WHERE id = ? AND booked_by = ?",
                                     slotId, id);
                    !e)
                    return e;
                auto slot = sqlQuery(d,
                                     "SELECT kind_ids, counsellor, room, date, start_minute, duration_minutes FROM "
                                     "counselling_slots WHERE id = ?",
                                     slotId);
                if (!slot)
                    return makeErr(slot.error());
                std::string data;
                auto read = forEachRow(*slot,
                                       [&](db::Statement& r)
                                       {
                                           domain::CounsellingSlot cs;
                                           cs.id = slotId;
                                           const auto kinds =
                                               protocol::Json::parse(r.columnText(0).value(), nullptr, false);
                                           if (kinds.is_array())
                                               for (const auto& k : kinds)
                                                   if (k.is_string())
                                                       cs.kindIds.push_back(k.get<std::string>());
                                           cs.counsellor = r.columnText(1).value();
                                           cs.room = r.columnText(2).value();
                                           cs.date = parseIsoDate(r.columnText(3).value()).value_or(Date{});
                                           cs.startMinute = r.columnInt(4).value();
                                           cs.durationMinutes = r.columnInt(5).value();
                                           cs.booked = false;
                                           data = protocol::encodeSlot(cs).dump();
                                       });
                if (!read)
                    return read;
                if (!data.empty())
                    if (auto e = sqlExec(d,
                                         "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, "
                                         "created_at) VALUES (?, ?, 'upsert', ?, NULL, NULL, ?)",
                                         protocol::entity::kCounsellingSlot, slotId, data, now.unix);
                        !e)
                        return e;
            }
            message = action == "confirm" ? "confirmed" : "cancelled";
            if (auto e = audit(d, s, "counselling_request", id, action, now.unix); !e)
                return e;
            return logRequestStatus(d, protocol::entity::kCounsellingRequest, id, code, next, kiosk, now.unix);
        });
    if (!status)
        return redirect(std::string("/panel/reservations?msg=") + (isStale(status.error()) ? "stale" : "error"));
    return redirect("/panel/reservations?msg=" + message);
}

} // namespace okienko::server::panel

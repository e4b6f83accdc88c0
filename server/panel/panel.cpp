// The panel's policy. Every state change is a POST checked for a session, the session's CSRF token
// (constant-time) and, when the browser sends them, Origin/Referer; the pages answer it with 303
// (post/redirect/get) and a fixed message code, never reflected text.
#include "server/panel/panel.hpp"

#include "server/credentials.hpp"
#include "server/panel/html.hpp"
#include "server/panel/page_parts.hpp"
#include "server/panel/route_table.hpp"

#include <chrono>
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

} // namespace

Panel::Panel(ServerStore& store, const ServerConfig& config, std::function<Now()> clock,
             std::function<double()> monotonicSeconds, AuthLimits limits)
    : m_store(store), m_panelStore(store), m_config(config), m_clock(std::move(clock)),
      m_monotonic(monotonicSeconds ? std::move(monotonicSeconds) : std::function<double()>(steadySeconds)),
      m_auth(m_panelStore, limits)
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

PanelResponse Panel::refusal(int status)
{
    PanelResponse r;
    if (status == 413)
        r = messagePage(413, "Formularz za duży",
                        "Formularz jest większy, niż serwer przyjmuje (server.max_body_bytes). Nic nie zostało "
                        "zapisane. Skróć teksty albo poproś administratora o zwiększenie limitu.");
    else
        r = messagePage(status, "Odmowa", "Serwer nie przyjął tego żądania. Odśwież stronę i spróbuj ponownie.");
    securityHeaders(r);
    return r;
}

PanelResponse Panel::route(const PanelRequest& request)
{
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
        return messagePage(401, "Brak dostępu", "Panel nie przyjmuje tokenów kiosków. Zaloguj się.");

    const Method method = post ? Method::Post : Method::Get;
    const Route* route = findRoute(method, request.path);
    const Now now = m_clock();
    const Form form = !post ? Form{} : request.multipartFields ? *request.multipartFields : parseForm(request.body);
    auto call = [&](const PanelSession& session)
    {
        // One store per request, limited to the session's site: no page can read or change a row
        // of a site the account does not show now (decision 0011).
        SqlitePanelStore scoped(m_store, session.scope());
        const PageContext ctx{m_store, scoped, session, request, now, m_config, m_auth, m_monotonic};
        return post ? route->post(ctx, form) : route->get(ctx);
    };
    if (route && !route->needsSession)
        return call(PanelSession{});

    auto session = m_auth.session(cookieValue(request.cookie, kSessionCookie), now.unix);
    if (!session)
        return seeOther("/panel/login");
    if (post && (!sameOrigin(request) || !constantTimeEquals(fieldValue(form, "csrf"), session->csrfToken)))
        return messagePage(403, "Odmowa", "Formularz wygasł lub nie pochodzi z panelu. Odśwież stronę.");
    if (!route)
        return notFoundPage(method, request.path);
    if (!roleAllowed(*route, session->role))
        return roleRefusedPage();
    return call(*session);
}

} // namespace okienko::server::panel

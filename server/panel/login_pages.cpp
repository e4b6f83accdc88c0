// Login and logout. No password, cookie value or CSRF token is ever logged.
#include "server/panel/login_pages.hpp"

#include "server/credentials.hpp"
#include "server/panel/route_table.hpp"

#include <cstdio>
#include <string>

namespace okienko::server::panel
{

namespace
{
/// One answer for a wrong password, an unknown account and a locked one: the same text and status
/// (and one password verification each), so the answer does not tell which accounts exist or are
/// locked.
constexpr const char* kRefused = "Nieprawidłowy login lub hasło albo konto jest chwilowo zablokowane.";

PanelResponse loginForm(const std::string& message, int status)
{
    // Login CSRF: a random value in a cookie and in the form must match (double submit), so a
    // foreign page cannot log a browser into an attacker's account.
    const std::string token = newKioskToken();
    PageFrame f;
    f.title = "Logowanie";
    f.flash = message;
    f.flashIsError = !message.empty();
    Html body;
    body << "<form class=\"login\" method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/login\">\n"
            "<input type=\"hidden\" name=\"csrf\" value=\""
         << token
         << "\">\n<label for=\"login\">Login (imię i nazwisko lub identyfikator)</label>\n"
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
} // namespace

PanelResponse stylesheet(const PageContext&)
{
    PanelResponse r;
    r.body = panelCss();
    r.contentType = "text/css; charset=utf-8";
    return r;
}

PanelResponse loginPage(const PageContext& ctx)
{
    // A role without a panel has no section to go to: it gets the form, not a redirect loop.
    if (auto session = ctx.auth.session(cookieValue(ctx.request.cookie, kSessionCookie), ctx.now.unix);
        session && roleHasPanel(session->role))
        return seeOther(startPathFor(session->role));
    return loginForm("", 200);
}

PanelResponse loginAction(const PageContext& ctx, const Form& form)
{
    const std::string expected = cookieValue(ctx.request.cookie, kLoginCookie);
    if (!sameOrigin(ctx.request) || expected.empty() || !constantTimeEquals(fieldValue(form, "csrf"), expected))
        return messagePage(403, "Odmowa", "Formularz logowania wygasł. Otwórz stronę logowania ponownie.");
    const LoginResult result = ctx.auth.login(fieldValue(form, "login"), fieldValue(form, "password"),
                                              ctx.request.remoteAddress, ctx.now.unix, ctx.monotonicSeconds());
    switch (result.outcome)
    {
    case LoginOutcome::Ok:
    {
        std::fprintf(stderr, "okienko-central: panel login ok\n");
        PanelResponse r = seeOther(startPathFor(result.role));
        r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + result.cookieValue +
                                                 "; Path=/; Secure; HttpOnly; SameSite=Strict");
        r.headers.emplace_back("Set-Cookie",
                               std::string(kLoginCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
        return r;
    }
    case LoginOutcome::BadCredentials:
        std::fprintf(stderr, "okienko-central: panel login failed\n");
        return loginForm(kRefused, 401);
    case LoginOutcome::Locked:
        std::fprintf(stderr, "okienko-central: panel login refused: account locked\n");
        return loginForm(kRefused, 401);
    case LoginOutcome::Busy:
    {
        std::fprintf(stderr, "okienko-central: panel login deferred: verifications busy\n");
        PanelResponse r = loginForm("Serwer sprawdza teraz wiele logowań naraz. Spróbuj ponownie za chwilę.", 503);
        r.headers.emplace_back("Retry-After", std::to_string(result.retryAfter));
        return r;
    }
    case LoginOutcome::Throttled:
    {
        std::fprintf(stderr, "okienko-central: panel login throttled\n");
        PanelResponse r = loginForm("Zbyt wiele nieudanych prób z tego komputera. Spróbuj ponownie za " +
                                        std::to_string(result.retryAfter) + " s.",
                                    429);
        r.headers.emplace_back("Retry-After", std::to_string(result.retryAfter));
        return r;
    }
    case LoginOutcome::NotAllowed:
        return loginForm("To konto nie ma dostępu do panelu koordynatora.", 403);
    case LoginOutcome::Error:
        break;
    }
    return loginForm("Błąd serwera; spróbuj ponownie.", 503);
}

PanelResponse logoutAction(const PageContext& ctx, const Form&)
{
    ctx.auth.logout(ctx.session);
    PanelResponse r = seeOther("/panel/login");
    r.headers.emplace_back("Set-Cookie",
                           std::string(kSessionCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    return r;
}

PanelResponse startPage(const PageContext& ctx)
{
    return seeOther(startPathFor(ctx.session.role));
}

} // namespace okienko::server::panel

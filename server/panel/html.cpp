// Escaping, decoding and the page frame. The CSS keeps focus visible (outline on :focus-visible),
// contrast above 4.5:1 and a layout that reads on a 1366×768 laptop.
#include "server/panel/html.hpp"

#include <utility>

namespace okienko::server::panel
{

namespace
{
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string formDecode(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        if (s[i] == '+')
            out.push_back(' ');
        else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0)
        {
            out.push_back(static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2])));
            i += 2;
        }
        else
            out.push_back(s[i]);
    }
    return out;
}
} // namespace

std::map<std::string, std::string> parseForm(std::string_view body)
{
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos <= body.size())
    {
        auto amp = body.find('&', pos);
        if (amp == std::string_view::npos)
            amp = body.size();
        const std::string_view pair = body.substr(pos, amp - pos);
        if (!pair.empty())
        {
            const auto eq = pair.find('=');
            if (eq == std::string_view::npos)
                out[formDecode(pair)] = "";
            else
                out[formDecode(pair.substr(0, eq))] = formDecode(pair.substr(eq + 1));
        }
        pos = amp + 1;
    }
    return out;
}

std::string cookieValue(std::string_view header, std::string_view name)
{
    std::size_t pos = 0;
    while (pos < header.size())
    {
        auto semi = header.find(';', pos);
        if (semi == std::string_view::npos)
            semi = header.size();
        std::string_view part = header.substr(pos, semi - pos);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        const auto eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name)
            return std::string(part.substr(eq + 1));
        pos = semi + 1;
    }
    return {};
}

const std::vector<NavItem>& panelNav()
{
    static const std::vector<NavItem> nav{{"/panel/callbacks", "Prośby o telefon"},
                                          {"/panel/residents", "Mieszkańcy"},
                                          {"/panel/waiting-list", "Lista oczekujących"},
                                          {"/panel/reservations", "Rezerwacje i poradnictwo"},
                                          {"/panel/loans", "Wypożyczenia"},
                                          {"/panel/units", "Sprzęt"},
                                          {"/panel/slots", "Dyżury poradnictwa"},
                                          {"/panel/schedule", "Harmonogram zajęć"},
                                          {"/panel/catalog", "Katalog usług"},
                                          {"/panel/kiosks", "Stan kiosków"},
                                          {"/panel/registers", "Rejestry"},
                                          {"/panel/ideas", "Pomysły i oceny"},
                                          {"/panel/monitoring", "Monitoring"},
                                          {"/panel/report", "Sprawozdanie"},
                                          {"/panel/staff", "Konta personelu"},
                                          {"/panel/partners", "Instytucje partnerskie"},
                                          {"/panel/partner", "Moja instytucja"}};
    return nav;
}

namespace
{
/// The site the page shows, and for an account that reaches several a form to show another (a POST
/// with the CSRF token, back to the same section).
Html siteBar(const PageFrame& frame)
{
    Html out;
    if (frame.siteName.empty())
        return out;
    out << "<div class=\"site\"><span>Ośrodek: <strong>" << frame.siteName << "</strong></span>";
    if (frame.sites.size() > 1)
    {
        out << "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/panel/site\">"
               "<input type=\"hidden\" name=\"csrf\" value=\""
            << frame.csrfToken << "\"><input type=\"hidden\" name=\"back\" value=\"" << frame.activeNav
            << "\"><label for=\"zmiana-osrodka\">Pokaż ośrodek</label> <select id=\"zmiana-osrodka\" name=\"site\">";
        for (const SiteChoice& site : frame.sites)
            out << "<option value=\"" << site.id << "\"" << (site.id == frame.siteId ? Markup(" selected") : Markup(""))
                << ">" << site.name << "</option>";
        out << "</select> <button type=\"submit\">Przełącz</button></form>";
    }
    out << "</div>\n";
    return out;
}
} // namespace

std::string renderPage(const PageFrame& frame, const Html& body)
{
    Html out;
    out << "<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        << frame.title
        << " — Okienko, panel koordynatora</title>\n"
           "<link rel=\"stylesheet\" href=\"/panel/static/panel.css\">\n</head>\n<body>\n"
           "<a class=\"skip\" href=\"#tresc\">Przejdź do treści</a>\n<header class=\"top\">\n"
           "<p class=\"brand\">Okienko — panel koordynatora</p>\n";
    if (!frame.staffName.empty())
    {
        out << "<nav aria-label=\"Główna nawigacja\"><ul>\n";
        for (const auto& item : frame.nav)
            out << "<li><a href=\"" << item.path << "\""
                << (frame.activeNav == item.path.view() ? Markup(" aria-current=\"page\"") : Markup("")) << ">"
                << item.label << "</a></li>\n";
        out << "</ul></nav>\n<form class=\"logout\" method=\"post\" enctype=\"multipart/form-data\" "
               "action=\"/panel/logout\">"
               "<span>Zalogowano: "
            << frame.staffName << "</span> <input type=\"hidden\" name=\"csrf\" value=\"" << frame.csrfToken
            << "\"><button type=\"submit\">Wyloguj</button></form>\n";
        out << siteBar(frame);
    }
    out << "</header>\n<main id=\"tresc\" tabindex=\"-1\">\n<h1>" << frame.title << "</h1>\n";
    if (!frame.flash.empty())
        out << "<p class=\"flash"
            << (frame.flashIsError ? Markup(" error\" role=\"alert\"") : Markup("\" role=\"status\"")) << ">"
            << frame.flash << "</p>\n";
    out << body << "</main>\n</body>\n</html>\n";
    return std::move(out).str();
}

std::string renderPage(const PageFrame& frame, const std::string& bodyHtml)
{
    return renderPage(frame, Html::assumeEscaped(bodyHtml));
}

const std::string& panelCss()
{
    static const std::string css = R"css(
:root { color-scheme: light; --fg: #1a1a1a; --muted: #4a4a4a; --accent: #0b4f9c; --bg: #ffffff; --line: #8a8a8a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--fg); background: var(--bg); }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: .5rem; z-index: 10; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .5rem 1.5rem; border-bottom: 2px solid var(--accent); }
.brand { font-weight: bold; margin: 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
nav a { color: var(--accent); font-weight: bold; }
nav a[aria-current="page"] { color: var(--fg); text-decoration: underline 3px; }
form.logout { margin-left: auto; }
.site { flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; }
.site form { display: flex; align-items: center; gap: .5rem; }
main { padding: 1rem 1.5rem 3rem; max-width: 90rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef6; }
td.num, th.num { text-align: right; }
a { color: var(--accent); }
button, input, select, textarea { font: inherit; }
button { background: var(--accent); color: #fff; border: 2px solid var(--accent); border-radius: 4px; padding: .2rem .7rem; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
input, select, textarea { border: 1px solid #555; border-radius: 3px; padding: .2rem .4rem; }
:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
.flash { padding: .5rem 1rem; border-left: 6px solid #2e7d32; background: #eef7ee; }
.flash.error { border-left-color: #b00020; background: #fdecee; }
.muted { color: var(--muted); }
.inline { display: inline-flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .15rem 0; }
.login { max-width: 26rem; }
.login label { display: block; margin-top: .75rem; font-weight: bold; }
.login input { width: 100%; padding: .4rem; }
.login button { margin-top: 1rem; padding: .4rem 1.2rem; }
.warn { color: #8a1c00; font-weight: bold; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.catalog-form fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .5rem 1rem 1rem; margin: 0 0 1rem; min-width: 0; }
.catalog-form legend { font-weight: bold; font-size: 1.1rem; padding: 0 .3rem; }
.langs { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 0 1rem; }
.field { margin: .6rem 0; }
.field label { display: block; font-weight: bold; }
.field.check label { display: inline; font-weight: normal; }
.field input[type="text"], .field textarea { width: 100%; }
.hint { color: var(--muted); font-size: .9rem; margin: .1rem 0; }
.field-error { color: #b00020; font-weight: bold; margin: .1rem 0; }
[aria-invalid="true"] { border: 2px solid #b00020; }
.error-summary { border: 3px solid #b00020; padding: .25rem 1rem; margin: 0 0 1rem; }
.error-summary h2 { margin-top: .5rem; }
.stale { border-left: 6px solid #8a1c00; padding: 0 1rem; margin: 0 0 1rem; }
.stale dd { margin: 0 0 .5rem 1rem; white-space: pre-wrap; }
svg.chart { max-width: 100%; height: auto; margin: .5rem 0 1rem; }
svg.trend { display: block; }
table.report th[scope="row"] { font-weight: bold; }
.report-head .wording { max-width: 60rem; }
@media print {
  header.top, .skip, .no-print, form { display: none; }
  main { padding: 0; max-width: none; }
  body { font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  @page { size: A4 landscape; margin: 12mm; }
}
)css";
    return css;
}

} // namespace okienko::server::panel

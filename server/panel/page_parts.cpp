// Shared pieces of the panel's pages.
#include "server/panel/page_parts.hpp"

#include "server/panel/route_table.hpp"
#include "server/store/panel_actions.hpp"
#include "shared/util/date_format.hpp"

#include <cstdio>
#include <ctime>
#include <utility>

namespace okienko::server::panel
{

namespace
{
const char* const kWeekdayNames[] = {"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"};
} // namespace

PanelResponse htmlPage(const PageFrame& frame, const Html& body)
{
    PanelResponse r;
    r.body = renderPage(frame, body);
    return r;
}

PanelResponse seeOther(const std::string& location)
{
    PanelResponse r;
    r.status = 303;
    r.headers.emplace_back("Location", location);
    Html body;
    body << "<!DOCTYPE html><title>Przekierowanie</title><a href=\"" << location << "\">Dalej</a>";
    r.body = std::move(body).str();
    return r;
}

PanelResponse messagePage(int status, const std::string& title, const std::string& text)
{
    // "/panel" sends each role to its own first section (and a visitor without a session to the login).
    return messagePage(status, title, text, "/panel", "Wróć do panelu");
}

PanelResponse messagePage(int status, const std::string& title, const std::string& text, const std::string& backHref,
                          const std::string& backLabel)
{
    PageFrame f;
    f.title = title;
    Html body;
    body << "<p>" << text << "</p>\n<p><a href=\"" << backHref << "\">" << backLabel << "</a></p>\n";
    PanelResponse r = htmlPage(f, body);
    r.status = status;
    return r;
}

PageFrame pageFrame(const PageContext& ctx, const std::string& title, const std::string& nav, const FlashMessage& flash)
{
    return pageFrame(ctx.session, title, nav, flash);
}

PageFrame pageFrame(const PanelSession& session, const std::string& title, const std::string& nav,
                    const FlashMessage& flash)
{
    PageFrame f;
    f.title = title;
    f.activeNav = nav;
    f.staffName = session.staffName;
    f.nav = navFor(session.role);
    f.csrfToken = session.csrfToken;
    f.flash = flash.text;
    f.flashIsError = flash.isError;
    f.siteId = session.siteId;
    f.siteName = session.siteName;
    f.sites = session.sites;
    return f;
}

PageFrame pageFrame(const PageContext& ctx, const std::string& title, const std::string& nav,
                    const std::map<std::string, FlashMessage>& messages)
{
    return pageFrame(ctx.session, title, nav, lookupFlash(messages, fieldValue(ctx.request.query, "msg")));
}

bool sameOrigin(const PanelRequest& request)
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

FlashMessage lookupFlash(const std::map<std::string, FlashMessage>& messages, const std::string& code)
{
    auto it = messages.find(code);
    return it == messages.end() ? FlashMessage{} : it->second;
}

Html csrfField(const PanelSession& session)
{
    Html field;
    field << "<input type=\"hidden\" name=\"csrf\" value=\"" << session.csrfToken << "\">";
    return field;
}

std::string csrfInput(const PanelSession& session)
{
    return csrfField(session).str();
}

std::string fieldValue(const std::map<std::string, std::string>& m, const std::string& key)
{
    auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

std::string clockText(int minuteOfDay)
{
    return formatClock((minuteOfDay / 60) % 100, minuteOfDay % 60);
}

std::optional<int> parseClock(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    for (std::size_t i : {0U, 1U, 3U, 4U})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return hours * 60 + minutes;
}

std::optional<std::int64_t> parseDigits(std::string_view text, std::size_t maxDigits)
{
    if (text.empty() || text.size() > maxDigits)
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : text)
    {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<int> parseWholeNumber(std::string_view text)
{
    // Nine digits always fit an int.
    const auto value = parseDigits(text, 9);
    if (!value)
        return std::nullopt;
    return static_cast<int>(*value);
}

Html tableOrEmpty(Markup headingId, Markup headCells, const Html& rows, Markup emptyParagraph)
{
    Html out;
    if (rows.empty())
        out << emptyParagraph;
    else
        out << "<table aria-labelledby=\"" << headingId << "\">\n<thead><tr>" << headCells << "</tr></thead>\n<tbody>\n"
            << rows << "</tbody>\n</table>\n";
    return out;
}

std::string dateTimeText(std::int64_t unix)
{
    const auto local = unix > 0 ? localDateTimeOf(unix) : std::nullopt;
    return local ? formatIsoDateTime(*local) : "—";
}

std::string dayText(const Date& date)
{
    return std::string(kWeekdayNames[date.weekday()]) + " " + date.iso();
}

int minuteOfDay(std::int64_t unix)
{
    const auto local = localDateTimeOf(unix);
    return local ? local->hour * 60 + local->minute : 0;
}

Status<db::Error> recordAction(db::Database& d, const PanelSession& session, std::string_view entity,
                               const std::string& entityId, const std::string& action, std::int64_t now)
{
    return recordPanelAction(d, session.staffId, entity, entityId, action, now);
}

Html formProblems(const std::map<std::string, std::string>& errors, const std::string& problem)
{
    Html out;
    if (errors.empty() && problem.empty())
        return out;
    out << "<div class=\"flash error\" role=\"alert\"><p>";
    if (problem.empty())
        out << "Popraw zaznaczone pola:";
    else
        out << problem;
    out << "</p>";
    if (!errors.empty())
    {
        out << "<ul>";
        for (const auto& [field, message] : errors)
            out << "<li><a href=\"#pole-" << field << "\">" << message << "</a></li>";
        out << "</ul>";
    }
    return out << "</div>\n";
}

} // namespace okienko::server::panel

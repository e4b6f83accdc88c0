// HTML building blocks of the coordinators' panel: escaping (every value from the database or the
// request goes through htmlEscape), form and query decoding, and the page frame with its
// landmarks, skip link and navigation. Polish UI.
#pragma once

#include "server/panel/html_builder.hpp"
#include "server/store/login_views.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server::panel
{

/// application/x-www-form-urlencoded → name/value (last one wins; '+' is a space).
std::map<std::string, std::string> parseForm(std::string_view body);
/// The value of cookie `name` in a Cookie header; "" when absent.
std::string cookieValue(std::string_view header, std::string_view name);

/// A link of the main navigation: a panel path and its label, both written in the source.
struct NavItem
{
    Markup path;
    Markup label;
};

/// Every section of the main navigation, in order; a page shows those its reader's role may open.
const std::vector<NavItem>& panelNav();

struct PageFrame
{
    std::string title;        ///< <title> and <h1>
    std::string activeNav;    ///< path of the current section ("/panel/callbacks"), "" on the login page
    std::string staffName;    ///< shown in the header; "" when logged out
    std::vector<NavItem> nav; ///< the sections the reader may open
    std::string csrfToken;    ///< for the logout form
    std::string flash;        ///< an escaped-on-output status message (role=status), may be empty
    bool flashIsError = false;
    std::string siteId;            ///< the site the panel shows now
    std::string siteName;          ///< shown in the header of every page of a logged-in account
    std::vector<SiteChoice> sites; ///< more than one: the header's switcher
};

/// A whole HTML document around `body`.
std::string renderPage(const PageFrame& frame, const Html& body);
/// The same for a body built as a string by code that escapes on its own (pages not yet written
/// with Html); `bodyHtml` must already be escaped markup.
std::string renderPage(const PageFrame& frame, const std::string& bodyHtml);

/// The panel's stylesheet (served at /panel/static/panel.css).
const std::string& panelCss();

} // namespace okienko::server::panel

// What the panel's pages (callbacks, reservations, kiosks, loans, units, slots, catalogue) share: the
// request context a page handler gets, post/redirect/get responses, the page frame with a fixed
// message code, form helpers, time formatting and the audit row of a coordinator's action.
#pragma once

#include "server/panel/html.hpp"
#include "server/panel/panel.hpp"
#include "server/server_store.hpp"
#include "server/store/panel_store.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace okienko::server::panel
{

/// A POST's fields (application/x-www-form-urlencoded, parsed).
using Form = std::map<std::string, std::string>;

/// What a page handler needs: the store, the logged-in coordinator (an empty session on the login
/// routes), the request, one reading of the clock (so a page is consistent with itself), the
/// server's configuration and the login machinery.
struct PageContext
{
    ServerStore& store;
    PanelStore& panelStore;
    const PanelSession& session;
    const PanelRequest& request;
    Now now;
    const ServerConfig& config;
    PanelAuth& auth;
    /// Seconds on a clock that never goes back (the per-address login slow-down).
    const std::function<double()>& monotonicSeconds;
};

/// A message shown at the top of a page after post/redirect/get, chosen by a fixed code.
struct FlashMessage
{
    std::string text;
    bool isError = false;
};

/// A 200 page: `body` in `frame`.
PanelResponse htmlPage(const PageFrame& frame, const Html& body);
/// 303 See Other to a panel path.
PanelResponse seeOther(const std::string& location);
/// A page with one escaped paragraph and a link back (errors outside a page's own layout).
PanelResponse messagePage(int status, const std::string& title, const std::string& text);
/// The same with the link back to `backHref` (a panel path) labelled `backLabel`, for a section
/// whose errors lead back to its own start page.
PanelResponse messagePage(int status, const std::string& title, const std::string& text, const std::string& backHref,
                          const std::string& backLabel);
/// The page frame for `ctx`'s coordinator; `flash` is shown as a status (or alert when isError).
PageFrame pageFrame(const PageContext& ctx, const std::string& title, const std::string& nav,
                    const FlashMessage& flash = {});
/// The frame with the message of the redirect's ?msg= code, looked up in `messages`.
PageFrame pageFrame(const PageContext& ctx, const std::string& title, const std::string& nav,
                    const std::map<std::string, FlashMessage>& messages);
/// The same for a handler that has only the session.
PageFrame pageFrame(const PanelSession& session, const std::string& title, const std::string& nav,
                    const FlashMessage& flash = {});
/// The message of a fixed `code` (a redirect's ?msg=) in `messages`; empty for an unknown code,
/// so a crafted URL shows nothing.
FlashMessage lookupFlash(const std::map<std::string, FlashMessage>& messages, const std::string& code);
/// `rows` as a table under `headCells`, labelled by the heading whose id is `headingId`; when there
/// are no rows, `emptyParagraph` (a whole element, e.g. "<p>Brak …</p>\n") instead.
Html tableOrEmpty(Markup headingId, Markup headCells, const Html& rows, Markup emptyParagraph);
/// A form's problems at its top: `problem` (or "Popraw zaznaczone pola:") and a link to each field
/// with an error (`errors`: field name → message; the fields' ids are "pole-<name>"); nothing when
/// both are empty.
Html formProblems(const std::map<std::string, std::string>& errors, const std::string& problem);
/// True when the request's Origin (or else Referer), if the browser sent one, is this server.
bool sameOrigin(const PanelRequest& request);
/// The hidden CSRF field of the session, for every POST form.
Html csrfField(const PanelSession& session);
/// The same as a string, for pages that build their markup as strings.
std::string csrfInput(const PanelSession& session);
/// The value of `key` in a form or query map; "" when absent.
std::string fieldValue(const std::map<std::string, std::string>& m, const std::string& key);
/// "HH:MM" for minutes after midnight.
std::string clockText(int minuteOfDay);
/// "HH:MM" → minutes after midnight; nullopt unless exactly two-digit hours 00–23 and minutes 00–59.
std::optional<int> parseClock(std::string_view text);
/// A whole decimal number of at most `maxDigits` digits (at most 18, so it fits); nullopt otherwise.
std::optional<std::int64_t> parseDigits(std::string_view text, std::size_t maxDigits);
/// A whole decimal number of at most 9 digits; nullopt otherwise.
std::optional<int> parseWholeNumber(std::string_view text);
/// "YYYY-MM-DD HH:MM" in local time; "—" for 0.
std::string dateTimeText(std::int64_t unix);
/// "poniedziałek 2025-03-03".
std::string dayText(const Date& date);
/// The local minute of the day of `unix`.
int minuteOfDay(std::int64_t unix);
/// Records who did what to which entity, when (panel_actions), inside the caller's transaction.
Status<db::Error> recordAction(db::Database& d, const PanelSession& session, std::string_view entity,
                               const std::string& entityId, const std::string& action, std::int64_t now);

} // namespace okienko::server::panel

// The coordinators' web panel of okienko-central (/panel/…): the policy around the route table
// (route_table.hpp) — methods, kiosk tokens refused, session, CSRF and origin on every POST, roles
// — and the security headers. Like Api it takes a request and returns a response without the HTTP
// library, so the policy is the same whichever adapter serves it. Never throws.
#pragma once

#include "server/panel/panel_auth.hpp"
#include "server/server_config.hpp"
#include "server/server_store.hpp"
#include "server/store/sqlite_panel_store.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace okienko::server::panel
{

struct PanelRequest
{
    std::string method;
    std::string path;
    std::map<std::string, std::string> query; ///< GET parameters
    std::string body;                         ///< POST: application/x-www-form-urlencoded
    /// POST: the fields of a multipart/form-data body, already split by the HTTP adapter (the panel's
    /// forms are sent so, since a urlencoded body over 8 KiB never reaches us); unset for urlencoded.
    std::optional<std::map<std::string, std::string>> multipartFields;
    std::string cookie;        ///< the Cookie header
    std::string origin;        ///< the Origin header, "" when absent
    std::string referer;       ///< the Referer header, "" when absent
    std::string host;          ///< the Host header
    std::string authorization; ///< the Authorization header (a kiosk token is refused)
    std::string remoteAddress;
};

struct PanelResponse
{
    int status = 200;
    std::string body;
    std::string contentType = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
};

inline constexpr const char* kSessionCookie = "__Host-okienko_sesja";
inline constexpr const char* kLoginCookie = "__Host-okienko_logowanie";

class Panel
{
  public:
    Panel(ServerStore& store, const ServerConfig& config, std::function<Now()> clock = systemNow,
          std::function<double()> monotonicSeconds = {}, AuthLimits limits = {});

    /// True for the paths the panel serves: "/" and everything under "/panel".
    static bool owns(const std::string& path);
    PanelResponse handle(const PanelRequest& request);
    /// The page for a request the HTTP library refused before it reached the panel (413: a form over
    /// `server.max_body_bytes`, 400: a malformed body), with the panel's security headers.
    static PanelResponse refusal(int status);

  private:
    PanelResponse route(const PanelRequest& request);

    ServerStore& m_store;
    SqlitePanelStore m_panelStore;
    ServerConfig m_config;
    std::function<Now()> m_clock;
    std::function<double()> m_monotonic;
    PanelAuth m_auth;
};

} // namespace okienko::server::panel

// The HTTP API of okienko-central without the HTTP library: a request in, a status, headers and a
// JSON body out. Routing, authentication (bearer token → kiosk, hashes compared in constant time),
// per-token rate limiting, content checks and the mapping of store outcomes to status codes live
// here, so they are unit-tested without sockets; http_server.cpp only adapts cpp-httplib to it.
#pragma once

#include "server/rate_limiter.hpp"
#include "server/server_config.hpp"
#include "server/server_store.hpp"

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace okienko::server
{

struct ApiRequest
{
    std::string method; ///< "GET", "POST", …
    std::string path;   ///< without the query string
    std::map<std::string, std::string> query;
    std::string authorization; ///< the Authorization header, "" when absent
    std::string contentType;   ///< the Content-Type header, "" when absent
    std::string body;
};

struct ApiResponse
{
    int status = 200;
    std::string body; ///< always JSON
    std::vector<std::pair<std::string, std::string>> headers;
};

/// {"error":{"code":…,"message":…}}.
std::string errorJson(const std::string& code, const std::string& message);

class Api
{
  public:
    /// `clock` gives the server's now (tests pass a fixed day); `monotonicSeconds` feeds the rate
    /// limiter. `onStorageFailure` is called when SQLite reports an I/O error, a full disk or
    /// corruption: the process must stop rather than retry a commit (fsyncgate).
    Api(ServerStore& store, const ServerConfig& config, std::function<Now()> clock = systemNow,
        std::function<double()> monotonicSeconds = {}, std::function<void()> onStorageFailure = {});

    /// Never throws for any input.
    ApiResponse handle(const ApiRequest& request);

    /// Every route as (method, path): what a test that must cover each route enumerates.
    static std::vector<std::pair<std::string, std::string>> routeList();

  private:
    /// One endpoint: its exact path, its method, and the member that answers it once the kiosk is
    /// authenticated, within its rate and, for a POST, sent JSON within the size limit.
    struct Route
    {
        std::string_view path;
        std::string_view method;
        ApiResponse (Api::*handler)(const KioskIdentity&, const ApiRequest&);
    };
    /// Every endpoint of protocol v1; adding one is one line here and its handler.
    static const std::vector<Route>& routes();

    std::optional<KioskIdentity> authenticate(const std::string& header);
    ApiResponse fromStoreError(const db::Error& error);
    ApiResponse events(const KioskIdentity& kiosk, const ApiRequest& request);
    ApiResponse changes(const KioskIdentity& kiosk, const ApiRequest& request);
    ApiResponse hold(const KioskIdentity& kiosk, const ApiRequest& request);
    ApiResponse book(const KioskIdentity& kiosk, const ApiRequest& request);
    ApiResponse heartbeat(const KioskIdentity& kiosk, const ApiRequest& request);
    ApiResponse lostEvents(const KioskIdentity& kiosk, const ApiRequest& request);

    ServerStore& m_store;
    ServerConfig m_config;
    std::function<Now()> m_clock;
    std::function<double()> m_monotonic;
    std::function<void()> m_onStorageFailure;
    RateLimiter m_limiter;
    std::mutex m_kioskMutex;
    std::vector<std::pair<std::string, KioskIdentity>> m_kiosks;
    double m_lastKioskReload = -1e9;
};

} // namespace okienko::server

// cpp-httplib (0.11.4, OpenSSL) around Api: plain HTTP on loopback behind the nginx front (the
// deployed shape, decision 0007; the client's address from the front's X-Real-IP) or TLS itself,
// compressed request bodies refused unread (415), TCP_NODELAY (Nagle + delayed ACK otherwise cap a
// keep-alive connection at ~40 requests/s), a body cap with a JSON 413, JSON for every error the
// library produces itself (404, 400, 413, exceptions), and a worker pool sized from central.toml.
#pragma once

#include "server/api.hpp"
#include "server/panel/panel.hpp"
#include "server/public/public_site.hpp"
#include "server/server_config.hpp"
#include "shared/util/result.hpp"

#include <memory>
#include <string>

namespace okienko::server
{

class HttpServer
{
  public:
    /// `panel` (optional) serves "/" and "/panel/…", `publicSite` (optional) "/public/…"; everything
    /// else goes to `api`.
    HttpServer(Api& api, const ServerConfig& config, panel::Panel* panel = nullptr,
               pub::PublicSite* publicSite = nullptr);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Loads the certificate (unless behind the front) and binds; returns the port (the chosen one when config.port is
    /// 0).
    Result<int, std::string> bind();
    /// Serves until stop(); blocks.
    bool run();
    /// Thread-safe; makes run() return.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace okienko::server

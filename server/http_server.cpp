// Adapting cpp-httplib to Api.
#include "server/http_server.hpp"

#include "shared/util/log_escape.hpp"

#include <chrono>
#include <cstdio>
#include <httplib.h>
#include <sys/socket.h>

namespace okienko::server
{

namespace
{
std::string codeForStatus(int status)
{
    switch (status)
    {
    case 400:
        return "bad_request";
    case 404:
        return "not_found";
    case 405:
        return "method_not_allowed";
    case 413:
        return "body_too_large";
    case 414:
        return "uri_too_long";
    case 431:
        return "headers_too_large";
    case 500:
        return "internal";
    case 503:
        return "busy";
    default:
        return "http_" + std::to_string(status);
    }
}

/// X-Real-IP is the front's word for the client's address (nginx sets it from the connection, over
/// whatever the client sent); any other peer could write anything there, so from it the header is
/// ignored. An implausible value (not an IPv4 or IPv6 literal) falls back to the peer too.
std::string clientAddress(const httplib::Request& req, const ServerConfig& config)
{
    if (!config.behindFront || req.remote_addr != config.frontAddress)
        return req.remote_addr;
    const std::string real = req.get_header_value("X-Real-IP");
    const bool plausible =
        !real.empty() && real.size() <= 45 && real.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos;
    return plausible ? real : req.remote_addr;
}

/// A compressed request body is refused before it is read: the library would inflate it without a
/// cap (a 1 MiB gzip body can become 1 GiB). Nothing Okienko sends is compressed.
bool compressedBody(const httplib::Request& req)
{
    const std::string encoding = req.get_header_value("Content-Encoding");
    return !encoding.empty() && encoding != "identity";
}

/// The panel is HTTPS only: a browser that has seen it once never tries plain HTTP for a year.
void addHsts(httplib::Response& res)
{
    if (!res.has_header("Strict-Transport-Security"))
        res.set_header("Strict-Transport-Security", "max-age=31536000");
}
/// Method, path, query (not for a POST) and form of a browser's request, for the panel and the
/// public pages alike. Forms may be multipart/form-data: Debian's library refuses a urlencoded body
/// over 8 KiB (a compiled-in limit) before any handler runs, and the catalogue's texts are longer.
/// The library has parsed the parts (bounded by payload_max_length); a small urlencoded form still
/// arrives as the body.
template <typename BrowserRequest> BrowserRequest browserRequest(const httplib::Request& req)
{
    BrowserRequest p;
    p.method = req.method;
    p.path = req.path;
    if (req.method != "POST")
        for (const auto& [k, v] : req.params)
            p.query[k] = v;
    if (req.is_multipart_form_data())
    {
        p.multipartFields.emplace();
        for (const auto& [name, part] : req.files)
        {
            (*p.multipartFields)[name] = part.content; // the last of a repeated name wins, as in parseForm
            if (!part.filename.empty()) // an uploaded file's name, which the form's own fields cannot carry
                (*p.multipartFields)[name + "#filename"] = part.filename;
        }
    }
    else
        p.body = req.body;
    return p;
}

/// A page's status, headers (with HSTS) and body, and its log line: method, path (shortened) and
/// status only.
template <typename PageResponse>
void sendPage(const httplib::Request& req, httplib::Response& res, const PageResponse& out, const char* family)
{
    res.status = out.status;
    for (const auto& [k, v] : out.headers)
        res.set_header(k.c_str(), v);
    addHsts(res);
    res.set_content(out.body, out.contentType.c_str());
    std::fprintf(stderr, "okienko-central: %s %s %s %d\n", family, req.method.c_str(),
                 util::escapeForLog(req.path.substr(0, 64)).c_str(), out.status);
}
} // namespace

struct HttpServer::Impl
{
    Impl(Api& a, const ServerConfig& c, panel::Panel* p, pub::PublicSite* s) : api(a), config(c), panel(p), site(s) {}

    Api& api;
    ServerConfig config;
    panel::Panel* panel;
    pub::PublicSite* site;
    std::unique_ptr<httplib::Server> server;
    int listenSocket = -1; // the listening socket, seen by the socket-options hook before bind
};

HttpServer::HttpServer(Api& api, const ServerConfig& config, panel::Panel* panel, pub::PublicSite* publicSite)
    : m_impl(std::make_unique<Impl>(api, config, panel, publicSite))
{
}

HttpServer::~HttpServer() = default;

Result<int, std::string> HttpServer::bind()
{
    auto& impl = *m_impl;
    if (impl.config.behindFront)
        // nginx holds the certificate and the limits; this side is plain HTTP on loopback (checked
        // by the configuration loader), one short connection per request.
        impl.server = std::make_unique<httplib::Server>();
    else
    {
        auto tls =
            std::make_unique<httplib::SSLServer>(impl.config.tlsCertFile.c_str(), impl.config.tlsKeyFile.c_str());
        if (!tls->is_valid())
            return makeErr(std::string("cannot load the TLS certificate or key (tls.cert_file, tls.key_file)"));
        // Explicitly, not left to the system's openssl.cnf: TLS 1.0 and 1.1 are refused at the handshake.
        if (SSL_CTX_set_min_proto_version(tls->ssl_context(), TLS1_2_VERSION) != 1)
            return makeErr(std::string("cannot require TLS 1.2 or newer"));
        impl.server = std::move(tls);
    }
    httplib::Server& s = *impl.server;
    const auto threads = static_cast<std::size_t>(impl.config.threads);
    s.new_task_queue = [threads]
    {
        return new httplib::ThreadPool(threads);
    };
    s.set_tcp_nodelay(true);
    // Debian's 0.11.4 closes a keep-alive connection after 5 requests by default; a kiosk's sync
    // round is more than that, and each reconnect is a TLS handshake.
    s.set_keep_alive_max_count(1000);
    s.set_keep_alive_timeout(10);
    s.set_read_timeout(15, 0);
    s.set_write_timeout(15, 0);
    s.set_payload_max_length(impl.config.maxBodyBytes);

    auto handler = [&impl](const httplib::Request& req, httplib::Response& res)
    {
        const auto started = std::chrono::steady_clock::now();
        if (impl.panel != nullptr && panel::Panel::owns(req.path))
        {
            auto p = browserRequest<panel::PanelRequest>(req);
            p.cookie = req.get_header_value("Cookie");
            p.origin = req.get_header_value("Origin");
            p.referer = req.get_header_value("Referer");
            p.host = req.get_header_value("Host");
            p.authorization = req.get_header_value("Authorization");
            p.remoteAddress = clientAddress(req, impl.config);
            // The path only: panel query strings can carry dates, never personal data, but keep it short.
            sendPage(req, res, impl.panel->handle(p), "panel");
            return;
        }
        if (impl.site != nullptr && pub::PublicSite::owns(req.path))
        {
            auto p = browserRequest<pub::PublicRequest>(req);
            p.origin = req.get_header_value("Origin");
            p.ifNoneMatch = req.get_header_value("If-None-Match");
            p.remoteAddress = clientAddress(req, impl.config);
            // The path only: a search query or a contact form's fields never reach the log.
            sendPage(req, res, impl.site->handle(p), "public");
            return;
        }
        ApiRequest a;
        a.method = req.method;
        a.path = req.path;
        for (const auto& [k, v] : req.params)
            a.query[k] = v;
        a.authorization = req.get_header_value("Authorization");
        a.contentType = req.get_header_value("Content-Type");
        a.body = req.body;
        ApiResponse out = impl.api.handle(a);
        res.status = out.status;
        for (const auto& [k, v] : out.headers)
            res.set_header(k.c_str(), v);
        res.set_content(out.body, "application/json");
        const auto micros =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
        if (out.status >= 400 || req.path != "/api/v1/events")
            std::fprintf(stderr, "okienko-central: %s %s %d %lldus\n", req.method.c_str(),
                         util::escapeForLog(req.path.substr(0, 64)).c_str(), out.status,
                         static_cast<long long>(micros));
    };
    // Runs after the headers and before the library reads (and would inflate) the body.
    s.set_pre_routing_handler(
        [](const httplib::Request& req, httplib::Response& res)
        {
            if (!compressedBody(req))
                return httplib::Server::HandlerResponse::Unhandled;
            res.status = 415;
            // The unread body must not be taken for the next request on this connection.
            res.set_header("Connection", "close");
            res.set_content(errorJson("unsupported_encoding", "compressed request bodies are not accepted"),
                            "application/json");
            return httplib::Server::HandlerResponse::Handled;
        });
    s.Get(".*", handler);
    s.Post(".*", handler);
    s.Put(".*", handler);
    s.Patch(".*", handler);
    s.Delete(".*", handler);
    s.Options(".*", handler);
    s.set_error_handler(httplib::Server::HandlerWithResponse(
        [&impl](const httplib::Request& req, httplib::Response& res)
        {
            if (panel::Panel::owns(req.path))
                addHsts(res);
            // Our own errors already have a JSON body; the library's (400, 404, 413, …) do not.
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            if (impl.panel != nullptr && panel::Panel::owns(req.path))
            {
                // A coordinator's browser gets a page, not JSON (e.g. 413 for a form over max_body_bytes).
                const panel::PanelResponse out = panel::Panel::refusal(res.status);
                for (const auto& [k, v] : out.headers)
                    res.set_header(k.c_str(), v);
                res.set_content(out.body, out.contentType.c_str());
                return httplib::Server::HandlerResponse::Handled;
            }
            res.set_content(errorJson(codeForStatus(res.status), "request refused"), "application/json");
            return httplib::Server::HandlerResponse::Handled;
        }));
    s.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr)
        {
            res.status = 500;
            res.set_content(errorJson("internal", "internal server error"), "application/json");
        });

    // Debian's compiled cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed
    // in the library). Behind the front every kiosk request is a new connection from nginx, and a
    // burst of more than five connects in one accept turn overflowed the queue: the dropped SYN is
    // sent again a second later, so those kiosk requests took ~1 s (TcpExtListenDrops counted them).
    // Calling listen() again on the bound socket sets the backlog the kernel allows.
    s.set_socket_options(
        [&impl](socket_t sock)
        {
            httplib::default_socket_options(sock);
            impl.listenSocket = sock;
        });
    int port = impl.config.port;
    if (port == 0)
        port = s.bind_to_any_port(impl.config.listenAddress);
    else if (!s.bind_to_port(impl.config.listenAddress, port))
        port = -1;
    if (port <= 0)
        return makeErr("cannot listen on " + impl.config.listenAddress + ":" + std::to_string(impl.config.port));
    if (impl.listenSocket < 0 || ::listen(impl.listenSocket, SOMAXCONN) != 0)
        return makeErr("cannot set the listen backlog on " + impl.config.listenAddress + ":" + std::to_string(port));
    return port;
}

bool HttpServer::run()
{
    return m_impl->server && m_impl->server->listen_after_bind();
}

void HttpServer::stop()
{
    if (m_impl->server)
        m_impl->server->stop();
}

} // namespace okienko::server

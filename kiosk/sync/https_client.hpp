// The kiosk's HTTPS client: one libcurl easy handle (its connection is kept alive between calls),
// TLS verified against the CA file the kiosk is configured with, explicit connect/total/low-speed
// timeouts (libcurl's defaults are 300 s to connect and no total limit), a bearer token and JSON
// bodies. It never logs, and its errors never contain request or response bodies: those carry
// residents' personal data. Not thread-safe: one client per thread.
#pragma once

#include "shared/util/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace okienko::sync
{

struct HttpsConfig
{
    /// "https://host:port" (no trailing path needed); anything not https is refused.
    std::string baseUrl;
    /// PEM file with the CA(s) the server's certificate must chain to. Required: the system store is
    /// never used (empty → TransportErrorKind::Config).
    std::string caFile;
    /// The kiosk's token, sent as "Authorization: Bearer …".
    std::string bearerToken;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds totalTimeout{20000};
    /// Abort a transfer slower than lowSpeedLimit bytes/s for lowSpeedTime.
    long lowSpeedLimit = 100;
    std::chrono::seconds lowSpeedTime{10};
    /// Largest response body accepted; a longer one fails with TooLarge.
    std::size_t maxResponseBytes = 64u * 1024u * 1024u;
    std::string userAgent = "okienko-kiosk";
};

struct HttpResponse
{
    long status = 0;
    std::string body; ///< PERSONAL possibly: never log it
    /// Retry-After as a delay (delta-seconds, or an HTTP-date relative to the response's Date).
    std::optional<std::chrono::seconds> retryAfter;
    /// The server's Date header as Unix seconds, for clock-skew estimation.
    std::optional<std::int64_t> serverDate;
};

enum class TransportErrorKind
{
    Config,  ///< the configuration cannot work (not https, …)
    Resolve, ///< host name not found
    Connect, ///< refused or unreachable
    Timeout, ///< connect, total or low-speed limit hit
    Tls,     ///< certificate not trusted, wrong host name, handshake failed, CA file unreadable
    TooLarge,
    Other,
};

/// A failure before an HTTP status was received. `message` is libcurl's text (no bodies).
struct TransportError
{
    TransportErrorKind kind = TransportErrorKind::Other;
    int curlCode = 0;
    std::string message;
};

/// A short stable code for status reports and sync_state.last_error, e.g. "tls", "timeout".
std::string_view transportErrorCode(TransportErrorKind kind);

/// Parses a Retry-After value: delta-seconds, or an HTTP-date taken relative to `nowUnix`.
/// A date in the past gives 0; anything unparsable gives nullopt.
std::optional<std::chrono::seconds> parseRetryAfter(std::string_view value, std::int64_t nowUnix);

class HttpsClient
{
  public:
    explicit HttpsClient(HttpsConfig config);
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    /// GET baseUrl + path. `timeout` overrides the total timeout for this call.
    Result<HttpResponse, TransportError> get(std::string_view path,
                                             std::optional<std::chrono::milliseconds> timeout = {});
    /// POST a JSON body to baseUrl + path.
    Result<HttpResponse, TransportError> postJson(std::string_view path, std::string_view json,
                                                  std::optional<std::chrono::milliseconds> timeout = {});

    const HttpsConfig& config() const { return m_config; }

  private:
    Result<HttpResponse, TransportError> perform(bool post, std::string_view path, std::string_view body,
                                                 std::optional<std::chrono::milliseconds> timeout);

    HttpsConfig m_config;
    void* m_curl = nullptr; ///< CURL*, kept for connection reuse
};

} // namespace okienko::sync

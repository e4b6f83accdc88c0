// libcurl plumbing. Headers are parsed in the header callback; the body is collected with a size
// cap. TLS verification is switched on explicitly even though it is libcurl's default, so a change
// of default or of build can never turn it off silently.
#include "kiosk/sync/https_client.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <curl/curl.h>
#include <mutex>

namespace okienko::sync
{

namespace
{

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

std::optional<std::int64_t> parseHttpDate(std::string_view value)
{
    const std::string text(value);
    const time_t t = curl_getdate(text.c_str(), nullptr);
    if (t < 0)
        return std::nullopt;
    return static_cast<std::int64_t>(t);
}

struct Exchange
{
    std::string body;
    std::size_t maxBytes = 0;
    bool tooLarge = false;
    std::string retryAfterRaw;
    std::string dateRaw;
};

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* ex = static_cast<Exchange*>(user);
    const size_t n = size * count;
    if (ex->body.size() + n > ex->maxBytes)
    {
        ex->tooLarge = true;
        return 0; // makes libcurl fail with CURLE_WRITE_ERROR
    }
    ex->body.append(data, n);
    return n;
}

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* ex = static_cast<Exchange*>(user);
    const size_t n = size * count;
    const std::string_view line(data, n);
    // A new status line (after a redirect or 100-continue) starts a new header block.
    if (startsWithNoCase(line, "HTTP/"))
    {
        ex->retryAfterRaw.clear();
        ex->dateRaw.clear();
    }
    else if (startsWithNoCase(line, "retry-after:"))
        ex->retryAfterRaw = std::string(trim(line.substr(12)));
    else if (startsWithNoCase(line, "date:"))
        ex->dateRaw = std::string(trim(line.substr(5)));
    return n;
}

TransportErrorKind classify(CURLcode code)
{
    switch (code)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return TransportErrorKind::Resolve;
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return TransportErrorKind::Connect;
    case CURLE_OPERATION_TIMEDOUT:
        return TransportErrorKind::Timeout;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ISSUER_ERROR:
        return TransportErrorKind::Tls;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return TransportErrorKind::Config;
    default:
        return TransportErrorKind::Other;
    }
}

} // namespace

std::string_view transportErrorCode(TransportErrorKind kind)
{
    switch (kind)
    {
    case TransportErrorKind::Config:
        return "config";
    case TransportErrorKind::Resolve:
        return "resolve";
    case TransportErrorKind::Connect:
        return "connect";
    case TransportErrorKind::Timeout:
        return "timeout";
    case TransportErrorKind::Tls:
        return "tls";
    case TransportErrorKind::TooLarge:
        return "too_large";
    case TransportErrorKind::Other:
        return "transport";
    }
    return "transport";
}

std::optional<std::chrono::seconds> parseRetryAfter(std::string_view value, std::int64_t nowUnix)
{
    value = trim(value);
    if (value.empty())
        return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    {
        std::int64_t seconds = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec != std::errc() || ptr != value.data() + value.size())
            return std::nullopt; // too many digits
        return std::chrono::seconds(seconds);
    }
    auto date = parseHttpDate(value);
    if (!date)
        return std::nullopt;
    return std::chrono::seconds(std::max<std::int64_t>(0, *date - nowUnix));
}

HttpsClient::HttpsClient(HttpsConfig config) : m_config(std::move(config))
{
    globalInit();
    m_curl = curl_easy_init();
}

HttpsClient::~HttpsClient()
{
    if (m_curl != nullptr)
        curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

Result<HttpResponse, TransportError> HttpsClient::get(std::string_view path,
                                                      std::optional<std::chrono::milliseconds> timeout)
{
    return perform(false, path, {}, timeout);
}

Result<HttpResponse, TransportError> HttpsClient::postJson(std::string_view path, std::string_view json,
                                                           std::optional<std::chrono::milliseconds> timeout)
{
    return perform(true, path, json, timeout);
}

Result<HttpResponse, TransportError> HttpsClient::perform(bool post, std::string_view path, std::string_view body,
                                                          std::optional<std::chrono::milliseconds> timeout)
{
    if (m_curl == nullptr)
        return makeErr(TransportError{TransportErrorKind::Other, 0, "curl_easy_init failed"});
    if (!startsWithNoCase(m_config.baseUrl, "https://"))
        return makeErr(TransportError{TransportErrorKind::Config, 0, "server URL must start with https://"});
    // The kiosk trusts only the CA it was provisioned with, never the system store.
    if (m_config.caFile.empty())
        return makeErr(TransportError{TransportErrorKind::Config, 0, "no CA file configured"});
    CURL* curl = static_cast<CURL*>(m_curl);
    curl_easy_reset(curl); // keeps the connection cache, clears last call's options

    std::string url = m_config.baseUrl;
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    if (path.empty() || path.front() != '/')
        url += '/';
    url += path;

    Exchange ex;
    ex.maxBytes = m_config.maxResponseBytes;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    const long connectMs = static_cast<long>(m_config.connectTimeout.count());
    const long totalMs = static_cast<long>(timeout.value_or(m_config.totalTimeout).count());

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_CAINFO, m_config.caFile.c_str());
    curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(connectMs, totalMs));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, totalMs);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, m_config.lowSpeedLimit);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_config.lowSpeedTime.count()));
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, m_config.userAgent.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ex);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &ex);

    struct curl_slist* headers = nullptr;
    const std::string auth = "Authorization: Bearer " + m_config.bearerToken;
    headers = curl_slist_append(headers, "Accept: application/json");
    if (!m_config.bearerToken.empty())
        headers = curl_slist_append(headers, auth.c_str());
    if (post)
    {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    else
    {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    const CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);

    if (code != CURLE_OK)
    {
        TransportError err;
        err.kind = ex.tooLarge ? TransportErrorKind::TooLarge : classify(code);
        err.curlCode = static_cast<int>(code);
        err.message = errorBuffer[0] != '\0' ? std::string(errorBuffer) : std::string(curl_easy_strerror(code));
        return makeErr(std::move(err));
    }

    HttpResponse response;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    response.body = std::move(ex.body);
    if (!ex.dateRaw.empty())
        response.serverDate = parseHttpDate(ex.dateRaw);
    if (!ex.retryAfterRaw.empty())
    {
        const std::int64_t now = response.serverDate.value_or(static_cast<std::int64_t>(std::time(nullptr)));
        response.retryAfter = parseRetryAfter(ex.retryAfterRaw, now);
    }
    return response;
}

} // namespace okienko::sync

// Routing and policy of the API. Logs carry kiosk names, event ids and types, and status codes —
// never a body, a phone number or a name.
#include "server/api.hpp"

#include "server/credentials.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/lost_events.hpp"
#include "shared/util/log_escape.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>

namespace okienko::server
{

namespace
{
ApiResponse json(int status, std::string body)
{
    return ApiResponse{status, std::move(body), {}};
}

ApiResponse error(int status, const std::string& code, const std::string& message)
{
    return ApiResponse{status, errorJson(code, message), {}};
}

ApiResponse badRequest(const protocol::ProtocolError& e)
{
    return error(400, std::string(protocol::errorCodeName(e.code)), e.path + ": " + e.message);
}

bool isJsonContentType(const std::string& value)
{
    // "application/json" with optional parameters ("; charset=utf-8"), case-insensitive.
    std::string lower;
    for (char c : value.substr(0, value.find(';')))
        if (c != ' ')
            lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    return lower == "application/json";
}

double steadySeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

const std::vector<Api::Route>& Api::routes()
{
    static const std::vector<Route> kRoutes{
        {"/api/v1/changes", "GET", &Api::changes},         {"/api/v1/events", "POST", &Api::events},
        {"/api/v1/reservations/hold", "POST", &Api::hold}, {"/api/v1/counselling/book", "POST", &Api::book},
        {"/api/v1/heartbeat", "POST", &Api::heartbeat},    {"/api/v1/lost-events", "POST", &Api::lostEvents}};
    return kRoutes;
}

std::vector<std::pair<std::string, std::string>> Api::routeList()
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const Route& r : routes())
        out.emplace_back(std::string(r.method), std::string(r.path));
    return out;
}

std::string errorJson(const std::string& code, const std::string& message)
{
    return protocol::encodeErrorBody({code, message});
}

Api::Api(ServerStore& store, const ServerConfig& config, std::function<Now()> clock,
         std::function<double()> monotonicSeconds, std::function<void()> onStorageFailure)
    : m_store(store), m_config(config), m_clock(std::move(clock)),
      m_monotonic(monotonicSeconds ? std::move(monotonicSeconds) : std::function<double()>(steadySeconds)),
      m_onStorageFailure(std::move(onStorageFailure)), m_limiter(config.rateLimitPerSecond, config.rateLimitBurst)
{
}

std::optional<KioskIdentity> Api::authenticate(const std::string& header)
{
    constexpr std::string_view kPrefix = "Bearer ";
    if (header.size() <= kPrefix.size() || header.compare(0, kPrefix.size(), kPrefix) != 0 || header.size() > 256)
        return std::nullopt;
    const std::string hash = sha256Hex(std::string_view(header).substr(kPrefix.size()));
    auto find = [&]() -> std::optional<KioskIdentity>
    {
        // Every entry is compared, without an early exit, so timing says nothing about the hashes.
        std::optional<KioskIdentity> found;
        for (const auto& [stored, identity] : m_kiosks)
            if (constantTimeEquals(stored, hash))
                found = identity;
        return found;
    };
    std::optional<KioskIdentity> cached;
    {
        std::lock_guard lock(m_kioskMutex);
        cached = find();
        if (!cached)
        {
            // A kiosk enrolled with the CLI while serving: reload, but at most once a second so that
            // a flood of bad tokens cannot turn into a flood of queries.
            const double now = m_monotonic();
            if (now - m_lastKioskReload < 1.0)
                return std::nullopt;
            m_lastKioskReload = now;
            auto all = m_store.activeKiosks();
            if (!all)
                return std::nullopt;
            m_kiosks = std::move(all).value();
            return find(); // just read from the database: nothing to confirm
        }
    }
    // Only a token the cache knows gets this far, so bad tokens never reach the database. The CLI
    // may have revoked or rotated it since the cache was filled: one indexed read makes that count
    // from the very next request, without a restart.
    auto current = m_store.activeKioskByTokenHash(hash);
    if (!current)
        return cached; // the database could not answer just now; the token was valid a moment ago
    if (!current.value())
    {
        std::lock_guard lock(m_kioskMutex);
        std::erase_if(m_kiosks, [&](const auto& entry) { return entry.first == hash; });
        return std::nullopt;
    }
    return current.value();
}

ApiResponse Api::fromStoreError(const db::Error& e)
{
    if (e.isBusy())
    {
        ApiResponse r = error(503, "busy", "the database is busy; retry later");
        r.headers.emplace_back("Retry-After", "1");
        return r;
    }
    std::fprintf(stderr, "okienko-central: database error: %s\n", util::escapeForLog(e.describe()).c_str());
    if (e.isStorageFailure() && m_onStorageFailure)
        m_onStorageFailure();
    return error(500, "internal", "internal server error");
}

ApiResponse Api::handle(const ApiRequest& request)
{
    try
    {
        const Route* route = nullptr;
        for (const auto& r : routes())
            if (request.path == r.path)
                route = &r;
        if (route == nullptr)
            return error(404, "not_found", "no such endpoint");
        const bool headForGet = request.method == "HEAD" && route->method == "GET";
        if (request.method != route->method && !headForGet)
        {
            ApiResponse r = error(405, "method_not_allowed", "use " + std::string(route->method));
            r.headers.emplace_back("Allow", std::string(route->method));
            return r;
        }
        auto kiosk = authenticate(request.authorization);
        if (!kiosk)
        {
            ApiResponse r = error(401, "unauthorized", "a valid bearer token is required");
            r.headers.emplace_back("WWW-Authenticate", "Bearer");
            return r;
        }
        if (auto wait = m_limiter.take(kiosk->id, m_monotonic()))
        {
            ApiResponse r = error(429, "rate_limited", "too many requests");
            r.headers.emplace_back("Retry-After", std::to_string(*wait));
            return r;
        }
        if (route->method == "POST")
        {
            if (!isJsonContentType(request.contentType))
                return error(415, "unsupported_media_type", "send application/json");
            if (request.body.size() > m_config.maxBodyBytes)
                return error(413, "body_too_large", "the body is over the limit");
        }
        return (this->*route->handler)(*kiosk, request);
    }
    catch (const std::exception&)
    {
        return error(500, "internal", "internal server error");
    }
}

ApiResponse Api::events(const KioskIdentity& kiosk, const ApiRequest& request)
{
    auto batch = protocol::decodeEventBatch(request.body);
    if (!batch)
        return badRequest(batch.error());
    auto results = m_store.applyEvents(kiosk, *batch, m_clock());
    if (!results)
        return fromStoreError(results.error());
    std::string log;
    for (const auto& r : *results)
    {
        const auto& e = (*batch)[static_cast<std::size_t>(&r - results->data())];
        log += "okienko-central: kiosk=" + util::escapeForLog(kiosk.name) + " event " + util::escapeForLog(r.id) + " " +
               util::escapeForLog(e.type.substr(0, 64)) + " " + std::string(protocol::toCode(r.status)) +
               (r.code.empty() ? "" : " " + util::escapeForLog(r.code)) + "\n";
    }
    std::fputs(log.c_str(), stderr);
    return json(200, protocol::encodeEventResults(*results, m_store.epoch()));
}

ApiResponse Api::changes(const KioskIdentity& kiosk, const ApiRequest& request)
{
    std::string since;
    int limit = protocol::kDefaultChangesLimit;
    for (const auto& [key, value] : request.query)
    {
        if (key == "since")
            since = value;
        else if (key == "limit")
        {
            bool digits = !value.empty() && value.size() <= 4;
            for (char c : value)
                digits = digits && c >= '0' && c <= '9';
            limit = digits ? std::stoi(value) : 0;
            if (limit < 1 || limit > protocol::kMaxChangesLimit)
                return error(400, "bad_limit", "limit: a whole number 1 … 1000");
        }
        else
            return error(400, "unknown_field", key.substr(0, 40) + ": unknown query parameter");
    }
    if (since.size() > 128)
        return error(400, "bad_cursor", "since: not a cursor of this server");
    auto outcome = m_store.changes(kiosk, since, limit, m_clock());
    if (!outcome)
        return fromStoreError(outcome.error());
    if (!outcome->errorCode.empty())
        return error(outcome->status, outcome->errorCode, outcome->errorMessage);
    return json(outcome->status, std::move(outcome->body));
}

ApiResponse Api::hold(const KioskIdentity& kiosk, const ApiRequest& request)
{
    auto decoded = protocol::decodeHoldRequest(request.body);
    if (!decoded)
        return badRequest(decoded.error());
    auto outcome = m_store.hold(kiosk, *decoded, m_clock());
    if (!outcome)
        return fromStoreError(outcome.error());
    std::fprintf(stderr, "okienko-central: kiosk=%s hold %s -> %d\n", util::escapeForLog(kiosk.name).c_str(),
                 util::escapeForLog(decoded->reservationId).c_str(), outcome->status);
    if (!outcome->errorCode.empty())
        return error(outcome->status, outcome->errorCode, outcome->errorMessage);
    return json(outcome->status, std::move(outcome->body));
}

ApiResponse Api::book(const KioskIdentity& kiosk, const ApiRequest& request)
{
    auto decoded = protocol::decodeCounsellingBookRequest(request.body);
    if (!decoded)
        return badRequest(decoded.error());
    auto outcome = m_store.bookCounselling(kiosk, *decoded, m_clock());
    if (!outcome)
        return fromStoreError(outcome.error());
    std::fprintf(stderr, "okienko-central: kiosk=%s counselling booking %s -> %d\n",
                 util::escapeForLog(kiosk.name).c_str(), util::escapeForLog(decoded->requestId).c_str(),
                 outcome->status);
    if (!outcome->errorCode.empty())
        return error(outcome->status, outcome->errorCode, outcome->errorMessage);
    return json(outcome->status, std::move(outcome->body));
}

ApiResponse Api::heartbeat(const KioskIdentity& kiosk, const ApiRequest& request)
{
    auto decoded = protocol::decodeHeartbeat(request.body);
    if (!decoded)
        return badRequest(decoded.error());
    const Now now = m_clock();
    if (auto s = m_store.recordHeartbeat(kiosk, *decoded, now); !s)
        return fromStoreError(s.error());
    return json(200, protocol::Json{{"server_time", now.unix}, {"epoch", m_store.epoch()}}.dump());
}

ApiResponse Api::lostEvents(const KioskIdentity& kiosk, const ApiRequest& request)
{
    auto reports = protocol::decodeLostEventReports(request.body);
    if (!reports)
        return badRequest(reports.error());
    auto results = m_store.recordLostEvents(kiosk, *reports, m_clock());
    if (!results)
        return fromStoreError(results.error());
    const auto lost =
        std::count_if(results->begin(), results->end(),
                      [](const protocol::LostEventResult& r) { return r.status == protocol::LostEventStatus::Lost; });
    // Counts only: the coordinators' kiosks page lists them.
    std::fprintf(stderr, "okienko-central: kiosk=%s reported %zu events acknowledged before a restore: %ld lost\n",
                 util::escapeForLog(kiosk.name).c_str(), reports->size(), static_cast<long>(lost));
    return json(200, protocol::encodeLostEventResults(*results, m_store.epoch()));
}

} // namespace okienko::server

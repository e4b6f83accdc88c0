// The public site's policy and routing. Logs (http_server.cpp) carry the path and status only: a
// search query or what a resident typed into the contact form never reaches a log line.
#include "server/public/public_site.hpp"

#include "server/credentials.hpp"
#include "server/panel/html.hpp"
#include "server/public/public_json.hpp"
#include "server/public/public_pages.hpp"
#include "server/public/public_schedule.hpp"
#include "server/public/public_texts.hpp"
#include "server/store/activity_store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>

namespace okienko::server::pub
{

namespace
{
constexpr std::string_view kApiPrefix = "/public/api/v1/";
constexpr const char* kPageCsp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                 "frame-ancestors 'none'; base-uri 'none'";
constexpr const char* kJsonCsp = "default-src 'none'; frame-ancestors 'none'";

double steadySeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::int64_t addressKey(const std::string& address)
{
    return static_cast<std::int64_t>(std::hash<std::string>{}(address));
}

PublicResponse jsonResponse(const JsonAnswer& answer)
{
    PublicResponse r;
    r.status = answer.status;
    r.body = answer.body;
    r.contentType = "application/json; charset=utf-8";
    return r;
}

PublicResponse redirect(const std::string& location)
{
    PublicResponse r;
    r.status = 303;
    r.headers.emplace_back("Location", location);
    return r;
}

/// The language of a page path ("/public/uk/…"); Polish when there is none.
domain::Language pathLanguage(const std::string& path)
{
    if (path.size() >= 10 && path.compare(0, 8, "/public/") == 0)
        if (auto lang = domain::parseLanguage(path.substr(8, 2)); lang && (path.size() == 10 || path[10] == '/'))
            return *lang;
    return domain::Language::Pl;
}

/// A site's public path ("/public/site/<id>/…", "/public/api/v1/site/<id>/…", decision 0015) as the
/// default site's path of the same page, with the site; the default site's paths as they are.
struct SitePath
{
    std::string site;
    std::string path;
    bool valid = true; ///< false for a malformed id (and for "default", whose pages have one address)
};

SitePath sitePath(const std::string& path, bool api)
{
    const std::string prefix = api ? "/public/api/v1/site/" : "/public/site/";
    if (path.rfind(prefix, 0) != 0)
        return {std::string(kDefaultSite), path};
    const std::string rest = path.substr(prefix.size());
    const auto slash = rest.find('/');
    SitePath out{rest.substr(0, slash), std::string(api ? "/public/api/v1/" : "/public/") +
                                            (slash == std::string::npos ? std::string() : rest.substr(slash + 1))};
    out.valid = isValidSiteId(out.site) && out.site != kDefaultSite;
    return out;
}

/// True when the If-None-Match header names `etag` (or is "*"); weak validators compare equal.
bool matchesEtag(const std::string& header, const std::string& etag)
{
    if (header.empty())
        return false;
    std::size_t start = 0;
    while (start < header.size())
    {
        std::size_t end = header.find(',', start);
        if (end == std::string::npos)
            end = header.size();
        std::string item = header.substr(start, end - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (item.rfind("W/", 0) == 0)
            item = item.substr(2);
        if (item == etag || item == "*")
            return true;
        start = end + 1;
    }
    return false;
}

std::string fieldOf(const std::map<std::string, std::string>& form, const std::string& key)
{
    auto it = form.find(key);
    return it == form.end() ? std::string() : it->second;
}
} // namespace

PublicSite::PublicSite(ServerStore& store, const ServerConfig& config, std::function<Now()> clock,
                       std::function<double()> monotonicSeconds)
    : m_store(store), m_config(config), m_clock(std::move(clock)),
      m_monotonic(monotonicSeconds ? std::move(monotonicSeconds) : std::function<double()>(steadySeconds)),
      m_catalog(store), m_limiter(config.publicSite.requestsPerSecond, config.publicSite.burst),
      m_contactLimiter(config.publicSite.contactPerHour / 3600.0, config.publicSite.contactPerHour),
      m_partners(store, m_tokens, config.publicSite.contactMinSeconds, config.publicSite.contactPerHour)
{
}

bool PublicSite::owns(const std::string& path)
{
    return path == "/public" || path.rfind("/public/", 0) == 0;
}

PublicResponse PublicSite::handle(const PublicRequest& request)
{
    const bool isApi = request.path.rfind("/public/api/", 0) == 0;
    PublicResponse r;
    try
    {
        if (!m_config.publicSite.enabled)
            r = isApi ? jsonResponse(jsonError(404, "not_found", "the public catalogue is switched off"))
                      : PublicResponse{404, "Not found\n", "text/plain; charset=utf-8", {}};
        else
            r = route(request, isApi);
    }
    catch (const std::exception&)
    {
        r = isApi ? jsonResponse(jsonError(500, "internal", "internal server error"))
                  : PublicResponse{500, "Internal server error\n", "text/plain; charset=utf-8", {}};
    }
    r.headers.emplace_back("Content-Security-Policy", isApi ? kJsonCsp : kPageCsp);
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!isApi)
        r.headers.emplace_back("X-Frame-Options", "DENY");
    if (isApi)
    {
        // CORS: only the configured origins (or every one with "*") may read answers in a browser.
        const auto& origins = m_config.publicSite.corsOrigins;
        const bool any = std::find(origins.begin(), origins.end(), "*") != origins.end();
        const bool allowed =
            !request.origin.empty() && std::find(origins.begin(), origins.end(), request.origin) != origins.end();
        if (any)
            r.headers.emplace_back("Access-Control-Allow-Origin", "*");
        else
        {
            if (allowed)
                r.headers.emplace_back("Access-Control-Allow-Origin", request.origin);
            r.headers.emplace_back("Vary", "Origin");
        }
        if (any || allowed)
            r.headers.emplace_back("Access-Control-Expose-Headers", "ETag, Retry-After");
    }
    return r;
}

PublicResponse PublicSite::route(const PublicRequest& request, bool isApi)
{
    if (auto wait = m_limiter.take(addressKey(request.remoteAddress), m_monotonic()))
    {
        PublicResponse r;
        if (isApi)
            r = jsonResponse(jsonError(429, "rate_limited", "too many requests from this address; retry later"));
        else
        {
            const domain::Language lang = pathLanguage(request.path);
            r.status = 429;
            r.body = renderDocument(PageFrame{lang, word(lang, "pub.rate_limited"), ""}, domain::Municipality{},
                                    messageBody(word(lang, "pub.rate_limited"), word(lang, "pub.rate_limited"), lang));
        }
        r.headers.emplace_back("Retry-After", std::to_string(*wait));
        return r;
    }
    const SitePath at = sitePath(request.path, isApi);
    if (!at.valid)
        return isApi ? jsonResponse(jsonError(404, "unknown_site", "no such site"))
                     : PublicResponse{404, "Not found\n", "text/plain; charset=utf-8", {}};
    PublicRequest local = request;
    local.path = at.path;
    return isApi ? api(local, at.site) : page(local, at.site);
}

PublicResponse PublicSite::api(const PublicRequest& request, const std::string& site)
{
    if (request.method == "OPTIONS")
    {
        // A preflight: what a page of an allowed origin may send (handle() adds the origin).
        PublicResponse r;
        r.status = 204;
        r.contentType = "text/plain";
        r.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        r.headers.emplace_back("Access-Control-Allow-Headers", "If-None-Match");
        r.headers.emplace_back("Access-Control-Max-Age", "600");
        return r;
    }
    if (request.method != "GET" && request.method != "HEAD")
    {
        PublicResponse r = jsonResponse(jsonError(405, "method_not_allowed", "the public API is read-only: use GET"));
        r.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
        return r;
    }
    if (request.path.rfind(kApiPrefix, 0) != 0)
        return jsonResponse(jsonError(404, "not_found", "no such route (the API is under /public/api/v1/)"));
    const auto snapshot = m_catalog.current(site);
    if (!snapshot && site != kDefaultSite)
        return jsonResponse(jsonError(404, "unknown_site", "no such site, or it has no catalogue"));
    if (!snapshot)
    {
        PublicResponse r = jsonResponse(jsonError(503, "no_catalogue", "the catalogue is not available yet"));
        r.headers.emplace_back("Retry-After", "60");
        return r;
    }
    const std::string route = request.path.substr(kApiPrefix.size());
    PublicResponse r;
    if (route == "schedule")
    {
        auto activities = allActivities(site);
        if (!activities)
            return jsonResponse(jsonError(503, "busy", "the schedule cannot be read now; retry"));
        r = jsonResponse(scheduleJson(*activities, request.query, m_clock().today));
    }
    else if (auto institutions = site == kDefaultSite ? m_partners.api(route, *snapshot) : std::nullopt)
        r = jsonResponse(*institutions);
    else
        r = jsonResponse(answerJson(*snapshot, route, request.query));
    if (r.status != 200)
        return r;
    const std::string etag = "\"" + sha256Hex(r.body).substr(0, 32) + "\"";
    r.headers.emplace_back("ETag", etag);
    // Always revalidate; an unchanged catalogue costs a 304 without a body.
    r.headers.emplace_back("Cache-Control", "public, no-cache");
    if (matchesEtag(request.ifNoneMatch, etag))
    {
        r.status = 304;
        r.body.clear();
    }
    return r;
}

PublicResponse PublicSite::page(const PublicRequest& request, const std::string& site)
{
    const std::string& path = request.path;
    const std::string base = PublicCatalog::baseOf(site);
    if (path == "/public/static/public.css")
    {
        PublicResponse r{200, publicStylesheet(), "text/css; charset=utf-8", {}};
        r.headers.emplace_back("Cache-Control", "public, max-age=3600");
        return r;
    }
    if (path == "/public" || path == "/public/")
        return redirect(base + "pl/");
    const domain::Language lang = pathLanguage(path);
    const bool knownLanguage = path.size() >= 10 && domain::parseLanguage(path.substr(8, 2)).has_value() &&
                               (path.size() == 10 || path[10] == '/');
    if (knownLanguage && path.size() == 10)
        return redirect(base + path.substr(8) + "/");
    auto snapshot = m_catalog.current(site);
    const domain::Municipality centre = snapshot ? snapshot->catalog.municipality : domain::Municipality{};
    auto document = [&](int status, const std::string& title, const std::string& pathInLanguage, const Html& body)
    {
        PublicResponse r;
        r.status = status;
        r.body = renderDocument(PageFrame{lang, title, pathInLanguage, base}, centre, body);
        r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
    };
    auto notFound = [&]
    {
        const std::string title = word(lang, "pub.not_found.title");
        return document(404, title, "", messageBody(title, word(lang, "pub.not_found"), lang, base));
    };
    if (!knownLanguage || (!snapshot && site != kDefaultSite))
        return notFound();
    const bool post = request.method == "POST";
    if (!post && request.method != "GET" && request.method != "HEAD")
    {
        PublicResponse r{405, "Method not allowed\n", "text/plain; charset=utf-8", {}};
        r.headers.emplace_back("Allow", "GET, HEAD, POST");
        return r;
    }
    if (!snapshot)
    {
        PublicResponse r =
            document(503, word(lang, "catalog.title"), "",
                     messageBody(word(lang, "catalog.title"), word(lang, "slip.service.to_confirm"), lang, base));
        r.headers.emplace_back("Retry-After", "60");
        return r;
    }
    const std::string rest = path.substr(11);
    const std::string q = fieldOf(request.query, "q");
    if (post && rest == "contact")
        return contactPost(request, lang, snapshot);
    // The partner institutions' desk is the default site's (decision 0015).
    if (auto partner = site == kDefaultSite ? partnerPage(request, lang, rest, *snapshot) : std::nullopt)
        return *partner;
    if (post)
        return notFound();
    if (rest.empty())
        return document(200, word(lang, "catalog.title"), "", homePage(*snapshot, lang));
    std::string title;
    if (rest.rfind("area/", 0) == 0)
        if (auto body = areaPage(*snapshot, lang, rest.substr(5), title))
            return document(200, title, rest, *body);
    if (rest.rfind("group/", 0) == 0)
        if (auto body = groupPage(*snapshot, lang, rest.substr(6), title))
            return document(200, title, rest, *body);
    if (rest == "search")
        return document(200, q.empty() ? word(lang, "pub.search.title") : q + " — " + word(lang, "pub.search.title"),
                        q.empty() ? rest : rest + "?q=" + urlEncode(q), searchPage(*snapshot, lang, q));
    if (rest.rfind("service/", 0) == 0)
        if (const domain::Service* s = snapshot->catalog.findService(rest.substr(8)))
            return document(200, s->name.in(lang), rest, *servicePage(*snapshot, lang, s->id));
    if (rest == "fee")
    {
        bool bad = false;
        Html body = feePage(*snapshot, lang, request.query, bad);
        std::string back = "fee";
        char sep = '?';
        for (const char* key : {"service", "household", "income"})
            if (request.query.count(key) != 0)
            {
                back += sep + std::string(key) + "=" + urlEncode(fieldOf(request.query, key));
                sep = '&';
            }
        return document(bad ? 400 : 200, word(lang, "fee.title"), back, body);
    }
    if (rest == "schedule")
    {
        auto activities = allActivities(site);
        if (!activities)
            return document(503, word(lang, "schedule.title"), rest,
                            messageBody(word(lang, "schedule.title"), word(lang, "pub.rate_limited"), lang, base));
        return document(200, word(lang, "schedule.title"), rest,
                        schedulePage(*snapshot, lang, *activities, m_clock().today));
    }
    if (rest == "contact")
    {
        ContactFormState state;
        state.input.serviceId = fieldOf(request.query, "service");
        if (snapshot->catalog.findService(state.input.serviceId) == nullptr)
            state.input.serviceId.clear();
        state.token = m_tokens.issue(m_clock().unix);
        PublicResponse r = document(200, word(lang, "pub.contact.title"), rest, contactPage(*snapshot, lang, state));
        r.headers.back().second = "no-store"; // the page carries a fresh token
        return r;
    }
    if (rest == "contact/sent")
    {
        std::string code = fieldOf(request.query, "code");
        // Only a reference code's own symbols: the page never reflects other text.
        if (code.size() > 16 || code.find_first_not_of("0123456789ABCDEFGHJKMNPRSTUWXYZ-") != std::string::npos)
            code.clear();
        return document(200, word(lang, "pub.contact.sent.title"), "contact",
                        contactSentPage(lang, code, fieldOf(request.query, "merged") == "1", base));
    }
    return notFound();
}

std::optional<PublicResponse> PublicSite::partnerPage(const PublicRequest& request, domain::Language lang,
                                                      const std::string& rest, const CatalogSnapshot& snapshot)
{
    const auto form = request.method != "POST"  ? std::map<std::string, std::string>{}
                      : request.multipartFields ? *request.multipartFields
                                                : panel::parseForm(request.body);
    auto page = m_partners.page(
        PartnerRequest{rest, request.method == "POST", request.query, form, request.remoteAddress, lang}, snapshot,
        m_clock(), m_monotonic());
    if (!page)
        return std::nullopt;
    if (!page->location.empty())
        return redirect(page->location);
    PublicResponse r;
    r.status = page->status;
    r.body =
        renderDocument(PageFrame{lang, page->title, page->pathInLanguage}, snapshot.catalog.municipality, page->body);
    r.headers.emplace_back("Cache-Control", page->noStore ? "no-store" : "no-cache");
    if (page->retryAfter > 0)
        r.headers.emplace_back("Retry-After", std::to_string(page->retryAfter));
    return r;
}

Result<std::vector<domain::Activity>, db::Error> PublicSite::allActivities(const std::string& site)
{
    // Every activity of the site, past ones included: the API may be asked for any period.
    auto records = ActivityStore(m_store, SiteScope::one(site)).list(Date{1970, 1, 1});
    if (!records)
        return makeErr(records.error());
    std::vector<domain::Activity> out;
    for (auto& r : *records)
        out.push_back(std::move(r.activity));
    return out;
}

PublicResponse PublicSite::contactPost(const PublicRequest& request, domain::Language lang,
                                       const std::shared_ptr<const CatalogSnapshot>& snapshot)
{
    const auto form = request.multipartFields ? *request.multipartFields : panel::parseForm(request.body);
    const Now now = m_clock();
    ContactFormState state;
    state.input.name = fieldOf(form, "name");
    state.input.phone = fieldOf(form, "phone");
    state.input.email = fieldOf(form, "email");
    state.input.topic = fieldOf(form, "topic");
    state.input.serviceId = fieldOf(form, "service");
    state.input.dayPart = fieldOf(form, "day_part");
    state.input.consent = !fieldOf(form, "consent").empty();
    state.input.honeypot = fieldOf(form, "website");
    state.token = m_tokens.issue(now.unix);
    auto refuse = [&](int status)
    {
        PublicResponse r;
        r.status = status;
        r.body = renderDocument(PageFrame{lang, word(lang, "pub.contact.title"), "contact", snapshot->base},
                                snapshot->catalog.municipality, contactPage(*snapshot, lang, state));
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    };
    if (auto wait = m_contactLimiter.take(addressKey(request.remoteAddress), m_monotonic()))
    {
        state.problem = word(lang, "pub.contact.error.limit");
        PublicResponse r = refuse(429);
        r.headers.emplace_back("Retry-After", std::to_string(*wait));
        return r;
    }
    switch (m_tokens.check(fieldOf(form, "token"), now.unix, m_config.publicSite.contactMinSeconds))
    {
    case FormTokens::Check::Ok:
        break;
    case FormTokens::Check::Forged:
        state.problem = word(lang, "pub.contact.error.rejected");
        return refuse(400);
    case FormTokens::Check::TooFast:
        state.problem = word(lang, "pub.contact.error.too_fast");
        return refuse(400);
    case FormTokens::Check::Expired:
        state.problem = word(lang, "pub.contact.error.expired");
        return refuse(400);
    }
    if (!state.input.honeypot.empty())
    {
        // A field no person sees was filled in: a robot. Nothing is stored.
        state.problem = word(lang, "pub.contact.error.rejected");
        return refuse(400);
    }
    auto valid = validateContact(state.input, snapshot->catalog, lang);
    if (!valid)
    {
        state.errors = valid.error();
        return refuse(400);
    }
    auto stored = storeContact(m_store, snapshot->site, valid.value(), lang, now);
    if (!stored)
    {
        std::fprintf(stderr, "okienko-central: contact form not stored: database error\n");
        PublicResponse r{503, "Service unavailable, retry in a moment\n", "text/plain; charset=utf-8", {}};
        r.headers.emplace_back("Retry-After", "5");
        return r;
    }
    std::fprintf(stderr, "okienko-central: contact form request %s %s\n", stored->code.c_str(),
                 stored->merged ? "merged" : "received");
    return redirect(snapshot->base + std::string(domain::languageCode(lang)) +
                    "/contact/sent?code=" + urlEncode(stored->code) + (stored->merged ? "&merged=1" : ""));
}

} // namespace okienko::server::pub

// The public face of okienko-central (/public/…), served without a login: the catalogue's HTML pages
// in pl/uk/en, their stylesheet, the contact form and the read-only JSON API (/public/api/v1/…), the
// default site's at those addresses and another site's under /public/site/<id>/ and
// /public/api/v1/site/<id>/ (decision 0015).
// The policy around them lives here: a per-client-address rate limit (429 with Retry-After), ETag
// and If-None-Match (304), CORS for the origins of [public] cors_origins only, a strict
// Content-Security-Policy (no script at all), and nothing personal — pages and answers are built
// from the catalogue alone; the contact form only writes. Like Panel it takes a request and returns
// a response without the HTTP library. Never throws.
#pragma once

#include "server/public/contact_form.hpp"
#include "server/public/partner_desk.hpp"
#include "server/public/public_catalog.hpp"
#include "server/rate_limiter.hpp"
#include "server/server_config.hpp"
#include "server/server_store.hpp"
#include "shared/domain/activity.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace okienko::server::pub
{

struct PublicRequest
{
    std::string method;
    std::string path;
    std::map<std::string, std::string> query;
    std::string body;                                                  ///< POST: application/x-www-form-urlencoded
    std::optional<std::map<std::string, std::string>> multipartFields; ///< POST as multipart/form-data
    std::string origin;                                                ///< the Origin header
    std::string ifNoneMatch;                                           ///< the If-None-Match header
    std::string remoteAddress; ///< the client's address (X-Real-IP behind the front)
};

struct PublicResponse
{
    int status = 200;
    std::string body;
    std::string contentType = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
};

class PublicSite
{
  public:
    PublicSite(ServerStore& store, const ServerConfig& config, std::function<Now()> clock = systemNow,
               std::function<double()> monotonicSeconds = {});

    /// True for "/public" and everything under "/public/".
    static bool owns(const std::string& path);
    PublicResponse handle(const PublicRequest& request);

  private:
    PublicResponse route(const PublicRequest& request, bool api);
    /// `request.path` is the default site's path of the page; `site` whose catalogue it shows.
    PublicResponse api(const PublicRequest& request, const std::string& site);
    PublicResponse page(const PublicRequest& request, const std::string& site);
    /// Every activity of `site`'s schedule (the table is small: read per request, like the catalogue check).
    Result<std::vector<domain::Activity>, db::Error> allActivities(const std::string& site);
    PublicResponse contactPost(const PublicRequest& request, domain::Language lang,
                               const std::shared_ptr<const CatalogSnapshot>& snapshot);
    /// The partner desk's page for `rest`, in the site's frame; nullopt when it has none.
    std::optional<PublicResponse> partnerPage(const PublicRequest& request, domain::Language lang,
                                              const std::string& rest, const CatalogSnapshot& snapshot);

    ServerStore& m_store;
    ServerConfig m_config;
    std::function<Now()> m_clock;
    std::function<double()> m_monotonic;
    PublicCatalog m_catalog;
    FormTokens m_tokens;
    RateLimiter m_limiter;        ///< every /public request, per client address
    RateLimiter m_contactLimiter; ///< contact-form submissions, per client address
    PartnerDesk m_partners;       ///< the partner institutions' pages and API routes
};

} // namespace okienko::server::pub

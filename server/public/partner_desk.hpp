// The partner institutions' part of the public site: routing of its pages (the form, its thank-you
// page, the institutions and each institution) and of the API's institutions, and the form's policy
// — a per-address limit of sent forms ([public] contact_per_hour, a budget of its own), the contact
// form's signed fill-time token and honeypot, the question, then the checks; a form that passes
// lands in the review queue (PartnerStore), never on a public page. PublicSite owns one and wraps
// its pages in the site's frame. Logs say the proposal's code, never what was typed.
#pragma once

#include "server/public/contact_form.hpp"
#include "server/public/partner_pages.hpp"
#include "server/public/public_json.hpp"
#include "server/rate_limiter.hpp"
#include "server/server_store.hpp"
#include "server/store/partner_store.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace okienko::server::pub
{

/// A partner page before the site's frame: its status, title, path for the language switch and
/// body, or a redirect.
struct PartnerPage
{
    int status = 200;
    std::string title;
    std::string pathInLanguage;
    Html body;
    std::string location; ///< set: 303 to it
    int retryAfter = 0;   ///< set: a Retry-After header
    bool noStore = false; ///< the page carries a fresh token
};

/// What a partner page request carries.
struct PartnerRequest
{
    std::string rest; ///< the path after "/public/{lang}/"
    bool post = false;
    const std::map<std::string, std::string>& query;
    const std::map<std::string, std::string>& form;
    std::string remoteAddress;
    domain::Language lang = domain::Language::Pl;
};

class PartnerDesk
{
  public:
    PartnerDesk(ServerStore& store, const FormTokens& tokens, int minSeconds, int formsPerHour);

    /// The page for `request`; nullopt when the path is not a partner page.
    std::optional<PartnerPage> page(const PartnerRequest& request, const CatalogSnapshot& snapshot, const Now& now,
                                    double monotonicSeconds);
    /// The API's answer for `route` (after "/public/api/v1/"); nullopt when it is not an institutions route.
    std::optional<JsonAnswer> api(std::string_view route, const CatalogSnapshot& snapshot);

  private:
    PartnerPage formPost(const PartnerRequest& request, const CatalogSnapshot& snapshot, const Now& now,
                         double monotonicSeconds);

    PartnerStore m_store;
    const FormTokens& m_tokens;
    int m_minSeconds;
    RateLimiter m_limiter;
};

} // namespace okienko::server::pub

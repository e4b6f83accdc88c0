// Which sites a request may see and change (decision 0011): a kiosk's one site, or the sites of a
// panel account. The store's queries take a SiteScope and filter through `clause`, so the rule
// "a site sees only its own rows" is written once here and a second backend keeps it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace okienko::server
{

/// The site every database made before sites belongs to, and the one a single-CUS server runs.
inline constexpr std::string_view kDefaultSite = "default";

class SiteScope
{
  public:
    /// One site (a kiosk's, or the site a multi-site account has switched to).
    static SiteScope one(std::string site);
    /// Several sites (a county coordinator's); an empty list sees nothing.
    static SiteScope of(std::vector<std::string> sites);
    /// The default site only: the single-site server and its admin commands.
    static SiteScope defaultSite();

    const std::vector<std::string>& sites() const { return m_sites; }
    /// The site whose catalogue a request reads and edits (decision 0015): a kiosk's one site, the
    /// site a panel session shows (the first of its scope); the default site for an empty scope.
    std::string catalogueSite() const;
    bool contains(std::string_view site) const;

    /// "<column> IN (SELECT value FROM json_each(?))": bind `bound()` at that placeholder. Numbered
    /// placeholders (`?N`) are given as `placeholder`, e.g. "?4".
    std::string clause(std::string_view column, std::string_view placeholder = "?") const;
    /// The sites as a JSON array, the argument of `clause`'s placeholder.
    const std::string& bound() const { return m_json; }

  private:
    explicit SiteScope(std::vector<std::string> sites);
    std::vector<std::string> m_sites;
    std::string m_json;
};

/// Whether `id` may name a site: 1..40 of a-z, 0-9 and '-' (the schema's CHECK, said earlier).
bool isValidSiteId(std::string_view id);

} // namespace okienko::server

// SiteScope: the sites a request reaches, as one SQL condition with one bound JSON argument.
#include "server/store/site_scope.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace okienko::server
{

SiteScope::SiteScope(std::vector<std::string> sites) : m_sites(std::move(sites)), m_json(nlohmann::json(m_sites).dump())
{
}

SiteScope SiteScope::one(std::string site)
{
    return SiteScope(std::vector<std::string>{std::move(site)});
}

SiteScope SiteScope::of(std::vector<std::string> sites)
{
    return SiteScope(std::move(sites));
}

std::string SiteScope::catalogueSite() const
{
    return m_sites.empty() ? std::string(kDefaultSite) : m_sites.front();
}

SiteScope SiteScope::defaultSite()
{
    return one(std::string(kDefaultSite));
}

bool SiteScope::contains(std::string_view site) const
{
    return std::find(m_sites.begin(), m_sites.end(), site) != m_sites.end();
}

std::string SiteScope::clause(std::string_view column, std::string_view placeholder) const
{
    return std::string(column) + " IN (SELECT value FROM json_each(" + std::string(placeholder) + "))";
}

bool isValidSiteId(std::string_view id)
{
    if (id.empty() || id.size() > 40)
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

} // namespace okienko::server

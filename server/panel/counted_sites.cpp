// countedSites and the period forms' choice of sites.
#include "server/panel/counted_sites.hpp"

namespace okienko::server::panel
{

std::string CountedSites::totalName() const
{
    std::string names;
    for (const auto& site : total)
        names += (names.empty() ? "" : ", ") + site.name;
    return names.empty() ? names : "Razem: " + names;
}

CountedSites countedSites(const PanelSession& session, bool allAsked)
{
    if (!allAsked || !session.multiSite())
        return {session.scope(), {}};
    std::vector<std::string> ids;
    for (const auto& site : session.sites)
        ids.push_back(site.id);
    return {SiteScope::of(std::move(ids)), session.sites};
}

Html sitesChoice(const PanelSession& session, bool total)
{
    Html f;
    if (!session.multiSite())
        return f;
    f << "<label for=\"sites\">Ośrodki</label> <select id=\"sites\" name=\"sites\"><option value=\"\""
      << (total ? Markup("") : Markup(" selected")) << ">tylko " << session.siteName << "</option><option value=\"all\""
      << (total ? Markup(" selected") : Markup("")) << ">wszystkie moje ośrodki — razem</option></select> ";
    return f;
}

} // namespace okienko::server::panel

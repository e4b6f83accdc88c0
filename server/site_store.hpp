// The sites one okienko-central serves (decision 0011) as the command line changes them: add,
// list, rename, and which sites a staff account reaches. Each change is one write transaction of
// ServerStore with its audit row (panel_actions, staff id "cli").
#pragma once

#include "server/server_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::server
{

struct SiteListing
{
    std::string id;
    std::string name;
    std::int64_t createdAt = 0;
    std::int64_t kiosks = 0; ///< active kiosks enrolled for the site
    std::int64_t staff = 0;  ///< active accounts that reach the site
};

class SiteStore
{
  public:
    explicit SiteStore(ServerStore& store) : m_store(store) {}

    /// A new site; refused (a sentence for the operator) for a malformed or taken id or an empty name.
    Result<bool, std::string> addSite(const std::string& id, const std::string& name, const Now& now);
    /// The site's human name (the panel's switcher, list-sites); false when it already had it.
    Result<bool, std::string> renameSite(const std::string& id, const std::string& name, const Now& now);
    Result<std::vector<SiteListing>, std::string> listSites();
    /// Lets the account act for the site too (a county coordinator's several sites); false when it
    /// already could.
    Result<bool, std::string> grantSite(const std::string& staffId, const std::string& siteId, const Now& now);
    /// Takes the site away from the account; refused for its home site (the kiosks' PIN site).
    Result<bool, std::string> revokeSite(const std::string& staffId, const std::string& siteId, const Now& now);
    /// The sites the account reaches, its home site first; empty for an unknown account.
    Result<std::vector<std::string>, std::string> sitesOf(const std::string& staffId);
    /// Whether a site has the id.
    Result<bool, std::string> exists(const std::string& id);

  private:
    ServerStore& m_store;
};

} // namespace okienko::server

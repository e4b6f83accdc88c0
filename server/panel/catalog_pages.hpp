// The catalogue section of the coordinators' panel (/panel/catalog…): the list of services and
// announcements, the form for one service's texts in Polish, Ukrainian and English, and adding,
// editing and withdrawing announcements. A saved entry is checked by the catalogue loader's rules
// for one entry (shared/catalog/catalog_loader), stored in one ServerStore::write transaction
// together with its change-log row (the entry's catalogue JSON, as importCatalog logs it, so every
// kiosk gets it at its next pull) and a catalog_edits audit row. A form carries the entry's version
// (the seq of its latest change-log row); a save over a newer change is refused and the typed text
// is shown again.
#pragma once

#include "server/panel/panel.hpp"
#include "server/panel/panel_auth.hpp"
#include "server/server_store.hpp"

#include <functional>
#include <map>
#include <string>

namespace okienko::server::panel
{

class CatalogPages
{
  public:
    CatalogPages(ServerStore& store, std::function<Now()> clock);

    /// True for "/panel/catalog" and every path under "/panel/catalog/".
    static bool owns(const std::string& path);
    /// GET /panel/catalog, /panel/catalog/service?id=…, /panel/catalog/announcement[?id=…].
    PanelResponse get(const PanelSession& session, const PanelRequest& request);
    /// POST /panel/catalog/service, /panel/catalog/announcement, /panel/catalog/announcement/withdraw.
    /// The caller has already checked the session, the origin and the CSRF token.
    PanelResponse post(const PanelSession& session, const std::string& path,
                       const std::map<std::string, std::string>& form);

  private:
    PanelResponse listPage(const PanelSession& session, const PanelRequest& request);
    PanelResponse serviceForm(const PanelSession& session, const std::string& id);
    PanelResponse saveService(const PanelSession& session, const std::map<std::string, std::string>& form);
    PanelResponse announcementForm(const PanelSession& session, const std::string& id);
    PanelResponse saveAnnouncement(const PanelSession& session, const std::map<std::string, std::string>& form);
    PanelResponse withdrawAnnouncement(const PanelSession& session, const std::map<std::string, std::string>& form);

    ServerStore& m_store;
    std::function<Now()> m_clock;
};

} // namespace okienko::server::panel

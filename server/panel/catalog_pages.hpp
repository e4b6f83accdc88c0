// The catalogue section of the coordinators' panel (/panel/catalog…): the list of services and
// announcements, the form for one service's texts in Polish, Ukrainian and English, and adding,
// editing and withdrawing announcements. Each page loads through PanelStore and renders; a save
// hands the typed values to the store (PanelStore::saveService / saveAnnouncement), which checks the
// entry by the catalogue loader's rules for one entry and writes it, its change-log row and the
// catalog_edits audit row in one transaction. A form carries the entry's version (the seq of its
// latest change-log row); a save over a newer change is refused and the typed text is shown again.
#pragma once

#include "server/panel/page_parts.hpp"

#include <map>
#include <string>

namespace okienko::server::panel
{

/// GET /panel/catalog: services and announcements with their latest change.
PanelResponse catalogPage(const PageContext& ctx);
/// GET /panel/catalog/service?id=…: one service's form.
PanelResponse servicePage(const PageContext& ctx);
/// POST /panel/catalog/service: 303 when saved or unchanged, 422 with the loader's errors at the
/// fields, 409 when the service changed after the form was made.
PanelResponse servicePost(const PageContext& ctx, const std::map<std::string, std::string>& form);
/// GET /panel/catalog/announcement[?id=…]: a new announcement's form, or one announcement's.
PanelResponse announcementPage(const PageContext& ctx);
/// POST /panel/catalog/announcement: adds (id "") or saves, as servicePost.
PanelResponse announcementPost(const PageContext& ctx, const std::map<std::string, std::string>& form);
/// POST /panel/catalog/announcement/withdraw (id, version): 303 with the outcome's message.
PanelResponse announcementWithdraw(const PageContext& ctx, const std::map<std::string, std::string>& form);

} // namespace okienko::server::panel

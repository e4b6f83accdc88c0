// The whole catalogue kept in the panel (/panel/catalog/entries, /panel/catalog/entry…): for each
// kind — the CUS's own details, services, fee tables, equipment types, units, emergency numbers —
// a list with the retired entries, a form to add or change one, retiring (hidden from kiosks, kept
// to be brought back) and bringing back. Each change goes through PanelStore::changeCatalogEntry:
// checked by the catalogue loader over the whole file, written with its change-log rows and the
// catalog_edits audit row (who, when, before and after) in one transaction; kiosks get it at their
// next sync. A form carries the entry's version; a save over a newer change is refused (409).
#pragma once

#include "server/panel/page_parts.hpp"

#include <map>
#include <string>

namespace okienko::server::panel
{

/// GET /panel/catalog/entries?kind=…: the entries of one kind (the municipality: its form).
PanelResponse catalogEntriesPage(const PageContext& ctx);
/// GET /panel/catalog/entry?kind=…[&id=…]: a new entry's form, or one entry's.
PanelResponse catalogEntryPage(const PageContext& ctx);
/// POST /panel/catalog/entry (kind, id "" for new, version, the fields): 303 when saved or
/// unchanged, 422 with the loader's errors at the fields, 409 when the entry changed meanwhile.
PanelResponse catalogEntryPost(const PageContext& ctx, const std::map<std::string, std::string>& form);
/// POST /panel/catalog/entry/retire (kind, id, version): 303; 422 when other entries need it.
PanelResponse catalogEntryRetire(const PageContext& ctx, const std::map<std::string, std::string>& form);
/// POST /panel/catalog/entry/reactivate (kind, id): 303; 422 when it no longer fits the catalogue.
PanelResponse catalogEntryReactivate(const PageContext& ctx, const std::map<std::string, std::string>& form);

} // namespace okienko::server::panel

// The catalogue-keeping pages' reads and changes on SQLite: catalog_entries.hpp in one read
// snapshot or one write transaction each.
#include "server/store/catalog_entries.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/util/log_escape.hpp"

#include <cstdio>

namespace okienko::server
{

Result<CatalogKeepingView, db::Error> SqlitePanelStore::catalogKeeping()
{
    const std::string site = m_scope.catalogueSite();
    return readView<CatalogKeepingView>(m_store, [&](db::Database& d, CatalogKeepingView& out)
                                        { return readCatalogKeeping(d, site, out); });
}

Result<EntryChangeOutcome, db::Error> SqlitePanelStore::changeCatalogEntry(const EntryChange& asked)
{
    // The entry is of the catalogue of the site the panel shows, whatever the form named.
    EntryChange change = asked;
    change.site = m_scope.catalogueSite();
    auto result = writeWithOutcome(m_store, EntryChangeOutcome{},
                                   [&](db::Database& d, EntryChangeOutcome& out) -> Status<db::Error>
                                   {
                                       auto changed = okienko::server::changeCatalogEntry(d, change);
                                       if (!changed)
                                           return makeErr(changed.error());
                                       out = std::move(changed).value();
                                       return {};
                                   });
    if (!result)
        std::fprintf(stderr, "okienko-central: panel catalogue change failed: %s\n",
                     util::escapeForLog(result.error().message).c_str());
    return result;
}

} // namespace okienko::server

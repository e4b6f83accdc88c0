// The catalogue in the kiosk's or the server's database: written as a whole, read back as one
// domain::Catalog. The tables are those of catalog_schema.cpp; every row names its site (decision
// 0015). A kiosk holds one catalogue, its site's, under kSingleSite; the server holds one per site
// and names the site in every call. The calls without a site are the kiosk's (and the tests').
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/util/result.hpp"

#include <string_view>

namespace okienko::catalog
{

/// Replaces the whole catalogue inside the caller's open write transaction (so that a sync can
/// commit the new catalogue and its pull cursor together). Every catalogue row is deleted first, so
/// nothing of an older catalogue is left. A dangling fee-table or equipment-type reference fails
/// at the caller's COMMIT with SQLITE_CONSTRAINT_FOREIGNKEY. Misuse when no transaction is open.
Status<db::Error> replaceCatalog(db::Database& db, std::string_view site, const domain::Catalog& catalog);
Status<db::Error> replaceCatalog(db::Database& db, const domain::Catalog& catalog);

/// Replaces the whole catalogue in one transaction of its own; either all of it is stored or the
/// previous catalogue stays. Importing the same catalogue twice leaves the same rows.
Status<db::Error> importCatalog(db::Database& db, const domain::Catalog& catalog);

/// True once a catalogue has been imported.
Result<bool, db::Error> hasCatalog(db::Database& db, std::string_view site);
Result<bool, db::Error> hasCatalog(db::Database& db);

/// Reads the catalogue back in the order it was imported, from one consistent snapshot.
/// NotFound when none was imported; BadData when a stored code or date cannot be decoded.
Result<domain::Catalog, db::Error> loadCatalog(db::Database& db, std::string_view site);
Result<domain::Catalog, db::Error> loadCatalog(db::Database& db);

} // namespace okienko::catalog

// The catalogue writes the panel's catalogue pages and the partner proposals share: the stored
// catalogue, a form's values laid over an entry's JSON, and one entry published (the catalogue, its
// change-log row kiosks pull, and the catalog_edits audit row), each inside the caller's
// ServerStore::write transaction. Defined in sqlite_panel_store_catalog.cpp.
#pragma once

#include "server/store/catalog_views.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server
{

/// `site`'s catalogue as stored, or nullopt before its first import.
Result<std::optional<domain::Catalog>, db::Error> storedCatalog(db::Database& d, std::string_view site);

/// `entry` with the form's `changes` laid over it.
protocol::Json applyChanges(protocol::Json entry, const std::vector<CatalogFieldChange>& changes);

/// Writes `catalogue` (with one entry changed), the entry's change-log row (an upsert at `position`,
/// or a tombstone without `data`) and the audit row (`action`: add, update, withdraw).
Status<db::Error> publish(db::Database& d, std::string_view site, const std::string& staffId,
                          const domain::Catalog& catalogue, std::string_view kind, const std::string& id,
                          const std::optional<protocol::Json>& data, std::optional<int> position, const char* action,
                          std::int64_t now);

} // namespace okienko::server

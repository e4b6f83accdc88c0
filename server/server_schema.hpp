// The central server's SQLite schema as numbered migrations: (1) the catalogue tables, shared
// verbatim with the kiosk (shared/catalog/catalog_schema migration 1, so catalog_store works on
// both), (2) the server's own tables, (3) the coordinators' panel (server/panel), (4) catalogue
// edits in the panel. A released migration is never edited.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/migration.hpp"
#include "shared/util/result.hpp"

#include <vector>

namespace okienko::server
{

inline constexpr int kServerSchemaVersion = 4;

const std::vector<db::Migration>& serverMigrations();

} // namespace okienko::server

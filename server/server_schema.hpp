// The central server's SQLite schema as numbered migrations: (1) the catalogue tables, the same as
// the kiosk's (shared/catalog/catalog_schema, so catalog_store works on both), (2) the server's own
// tables, (3) the coordinators' panel, (4) catalogue edits in the panel, (5) kiosks' display names. A released
// migration is never edited; a schema change is a new migration at the end.
#pragma once

#include "shared/db/migration.hpp"

#include <vector>

namespace okienko::server
{

/// The newest schema version this program knows (= serverMigrations().size()).
inline constexpr int kServerSchemaVersion = 25;

/// Every migration of the server database, numbered 1..kServerSchemaVersion.
const std::vector<db::Migration>& serverMigrations();

} // namespace okienko::server

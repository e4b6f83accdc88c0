// The kiosk's local SQLite database as numbered migrations: (1) the catalogue (the tables of
// shared/catalog, which the server holds too), (2) counselling slots, staff and the sync cursor,
// (3) the kiosk's own requests and the transactional outbox, (4) a strict outbox sequence, outbox
// states (pending/acked/dead) and the event's subject row, (5) staff mode: the PIN guard,
// reservations awaiting hand-over and open loans from the server, (6) receipts of acknowledged
// events, for the recovery after a server restore.
// A released migration is never edited; a schema change is a new migration at the end.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/db/migration.hpp"
#include "shared/util/result.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk
{

/// The newest schema version this program knows (= kioskMigrations().size()).
inline constexpr int kKioskSchemaVersion = 14;

/// Every migration of the kiosk database, numbered 1..kKioskSchemaVersion.
const std::vector<db::Migration>& kioskMigrations();

/// Opens the kiosk database with the project's pragmas and migrates it to kKioskSchemaVersion.
/// A file from a newer program is refused (db::ErrorKind::SchemaTooNew) without being changed.
Result<db::Database, db::Error> openKioskDatabase(const std::string& path, const db::OpenOptions& options = {},
                                                  const db::MigrateOptions& migrateOptions = {});

} // namespace okienko::kiosk

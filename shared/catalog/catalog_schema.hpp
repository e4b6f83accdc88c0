// The catalogue's tables: what the municipality publishes and every kiosk shows (the municipality,
// fee tables, services, equipment types and units, counselling kinds, emergency numbers,
// announcements). The kiosk and the server both hold them, as migration 1 of their databases
// (kiosk/store/kiosk_schema, server/server_schema), so catalog_store works on either. Each database
// owns its other tables and its migration list.
#pragma once

namespace okienko::catalog
{

/// DDL of the catalogue tables: migration 1 of the kiosk and of the server database. Released, so
/// never edited; a catalogue change is a new migration appended to both lists.
extern const char* const kCatalogueTablesSql;

/// The coordinators' notes of the municipality and of each service: the catalogue's second step,
/// appended to both lists after their own steps of the same release.
extern const char* const kCatalogueInternalNotesSql;

/// The catalogue's own areas and target groups (decision 0012): server migration 22, kiosk
/// migration 13. Empty tables (a database written before them) read as the shipped lists.
extern const char* const kCatalogueAreasAndGroupsSql;

/// Every catalogue table names the site whose catalogue a row is (decision 0015): kiosk migration
/// 14 adds the column to the kiosk's tables, which hold one site's catalogue under `kSingleSite`.
/// The server's tables are rebuilt with the site in their keys (server/catalog_sites_migration).
extern const char* const kCatalogueSiteColumnSql;

/// The catalogue tables, in the order a copy must fill them (parents before children).
extern const char* const kCatalogueTables[18];

/// The site a database with one catalogue keeps it under: the kiosk's, and a single-CUS server's.
inline constexpr const char* kSingleSite = "default";

} // namespace okienko::catalog

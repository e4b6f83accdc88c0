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

} // namespace okienko::catalog

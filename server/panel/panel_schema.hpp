// Server migration 3: the tables of the coordinators' web panel (sessions, login failures, the
// callback queue's claims and attempts, an audit of coordinators' decisions).
#pragma once

namespace okienko::server::panel
{

/// DDL of server migration 3 ("coordinators' panel"); appended to serverMigrations(), never edited
/// once released.
extern const char* const kPanelMigrationSql;

/// DDL of server migration 4 ("catalogue edits in the panel"): who changed which catalogue entry
/// when, and an index for an entry's latest change (the version a panel form carries).
extern const char* const kCatalogEditsMigrationSql;

} // namespace okienko::server::panel

// Server migration 3: the tables of the coordinators' web panel (sessions, login failures, the
// callback queue's claims and attempts, an audit of coordinators' decisions).
#pragma once

namespace okienko::server::panel
{

/// DDL of server migration 3 ("coordinators' panel"); appended to serverMigrations(), never edited
/// once released.
extern const char* const kPanelMigrationSql;

} // namespace okienko::server::panel

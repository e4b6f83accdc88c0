// Server migration 25 (decision 0015): the catalogue per site. Every catalogue table, and the
// server's tables keyed by a catalogue id (unit states, retired entries, the import base, the
// emergency numbers' checks), are rebuilt with the site first in their keys, every row kept in the
// site 'default'.
#pragma once

#include <string>

namespace okienko::server
{

/// The migration's DDL and copy, run in the migration's one transaction.
std::string catalogueSitesMigration();

} // namespace okienko::server

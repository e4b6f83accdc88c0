// The one place where "a service became available" turns into residents to be told (issue 17,
// Deliver 4). Every path that writes a service — the panel's catalogue save, import-catalog, and
// any later one (adding or re-activating a service in the panel) — calls serviceChanged inside the
// transaction that writes it; a path that frees capacity (an equipment unit back
// to available) calls serviceGotCapacity or equipmentBecameAvailable. Each matching resident gets at
// most one row per service (resident_matches' key), so nobody is told twice about the same service.
#pragma once

#include "server/server_store.hpp"
#include "server/store/catalog_writes.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/service.hpp"
#include "shared/util/result.hpp"

#include <optional>
#include <string>

namespace okienko::server::residents
{

/// Call after writing a service (new, edited, re-activated). When it is published today, every
/// resident whose needs it matches and who has no row for it joins the queue to be told ("waiting"
/// instead while it has no free capacity): a new or re-activated service, and a published one whose
/// areas or groups now reach more residents, alike; residents who already heard of it are left alone.
Status<db::Error> serviceChanged(db::Database& d, std::string_view site, const domain::Service& service,
                                 const Now& now);

/// Runs serviceChanged for every service of the stored catalogue: a service whose valid-from day has
/// come reaches its residents without anyone editing it. `serve` runs it at start and hourly.
Status<db::Error> queueNewlyPublishedServices(ServerStore& store, const Now& now);

/// Call when service `serviceId` got free capacity: residents waiting for it join the queue, and
/// matching residents without a row for it too.
Status<db::Error> serviceGotCapacity(db::Database& d, std::string_view site, const std::string& serviceId,
                                     const Now& now);

/// Call when an equipment unit became available: every service through which equipment is
/// reserved (kiosk action reserve-equipment) got capacity.
Status<db::Error> equipmentBecameAvailable(db::Database& d, std::string_view site, const Now& now);

/// True when the service has a place for one more: a rental (kiosk action reserve-equipment) while
/// some unit is available; any other service always (the catalogue counts no places for them).
Result<bool, db::Error> hasFreeCapacity(db::Database& d, std::string_view site, const domain::Service& service);

/// Records the matches of a just-registered resident as given in the call ("known"; "waiting" for a
/// service without free capacity), inside the registration's transaction.
Status<db::Error> recordRegistrationMatches(db::Database& d, std::string_view site, std::int64_t residentId,
                                            const domain::Catalog& catalog, const Now& now);

} // namespace okienko::server::residents

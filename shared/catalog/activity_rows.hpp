// The activities table's common columns, read and written the same way by the kiosk (its copy from
// the change feed, kiosk migration 10) and the server (the schedule it keeps, server migration 13;
// the server's own columns — who entered a row and when — are its store's business).
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/activity.hpp"
#include "shared/util/result.hpp"

#include <string>
#include <vector>

namespace okienko::catalog
{

/// CREATE TABLE activities with the common columns and its index: the kiosk's migration of the
/// schedule, and the start of the server's (which adds who entered each row). Released: never edited.
extern const char* const kActivitiesTableSql;

/// The single dates called off (kiosk migration 12, server migration 19): a JSON array of
/// {"date": "YYYY-MM-DD", "reason": "…"}, by date. Released with those migrations: never edited.
extern const char* const kActivityCancelledDatesSql;

/// The columns readActivity reads, in its order, for "SELECT <these> FROM activities …".
extern const char* const kActivityColumns;

/// One row of kActivityColumns; a bad code or date marks the row bad.
domain::Activity readActivity(db::Row& r);

/// Inserts `a` or replaces every common column of the row with its id.
Status<db::Error> upsertActivity(db::Database& d, const domain::Activity& a);

/// Every activity whose last day is on or after `from`, by first day and start.
Result<std::vector<domain::Activity>, db::Error> loadActivities(db::Database& d, Date from);

} // namespace okienko::catalog

// The staff feed's time to live on the kiosk (kiosk migration 7, docs/privacy.md). The server deletes a
// pick-up or open loan from every kiosk when it ends and re-sends each live row at least daily; a row
// not re-sent for kStaffFeedTtl means this kiosk no longer hears from the server (cut off, stopped
// doing staff work, taken away), so its name and phone are dropped instead of staying indefinitely.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <chrono>
#include <cstdint>

namespace okienko::sync
{

/// Three days: a weekend without a link keeps staff mode working; a week away does not keep names.
inline constexpr std::chrono::seconds kStaffFeedTtl{3 * 24 * 3600};

/// Deletes staff_pickups and staff_loans rows last received before `nowUnix` - `ttl`; returns how many.
Result<std::int64_t, db::Error> dropExpiredStaffFeed(db::Database& db, std::int64_t nowUnix,
                                                     std::chrono::seconds ttl = kStaffFeedTtl);

} // namespace okienko::sync

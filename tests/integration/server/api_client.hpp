// What the integration tests of okienko-central's kiosk API share: a kiosk's HTTPS client with a
// test CA, the server's day, a callback event, and one value read from the server's database.
#pragma once

#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <functional>
#include <httplib.h>
#include <memory>
#include <string>

namespace okienko::test
{

/// Today in the local time zone (the server's day).
Date serverToday();

/// A kiosk's client for https://127.0.0.1:`port`, verifying the server against `caPath`, sending
/// `token` as its bearer token (none when empty).
std::unique_ptr<httplib::SSLClient> kioskClient(int port, const std::string& caPath, const std::string& token);

/// A callback request for tomorrow, phone 600000000 + `i`, from kiosk-1.
protocol::Event callbackEvent(int i);

/// The hold racing kiosks send: kiosk `kiosk`'s `attempt`-th, starting on one of the 9 days from
/// `base`, 4 to 8 days long, for "wozek-testowy".
protocol::HoldRequest racingHold(Date base, int kiosk, int attempt);
/// The most held reservations overlapping on any one day of the `days` from `base`.
std::int64_t mostHeldOnOneDay(const std::string& dbPath, Date base, int days);

/// What pullEverything received: how many changes, and the cursor after the last page.
struct PulledChanges
{
    std::size_t count = 0;
    std::string cursor;
};

/// Pulls every change from no cursor, `limit` at a time, page `page` through `get(page, path)`, and
/// checks what a kiosk relies on (a gtest failure otherwise): every page answered 200 and decoded,
/// no page over `limit`, each change once, the snapshot's end reached (its list of live ids) and
/// the log after it in commit order.
PulledChanges pullEverything(const std::function<httplib::Result(int page, const std::string& path)>& get, int limit);

/// The one text value `sql` selects (or a PRAGMA answers) from the database at `dbPath`, opened
/// read-only; "open failed", "query failed" or "<none>" otherwise.
std::string dbText(const std::string& dbPath, const std::string& sql);
/// The one value `sql` selects, as a whole number; -1 when it is not one.
std::int64_t dbCount(const std::string& dbPath, const std::string& sql);

} // namespace okienko::test

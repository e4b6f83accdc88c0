// The staff-mode feed of the change log: reservations awaiting hand-over ("pickup") and open loans
// ("open_loan"), with the person's name and phone only, for the kiosks flagged for staff work
// (kiosks.staff_work; ServerStore::changes filters the rest out) and only while due soon: a pick-up
// is published from kStaffFeedDaysAhead days before its date, an open loan carries its borrower's
// name and phone from that many days before it is due (overdue ones too); and the staff
// members themselves ("staff": name, role, PIN hash, active), re-published whenever the command
// line deactivates, reactivates or resets one, so kiosks refuse a withdrawn PIN after their next pull. Both the event
// application of the store and the coordinators' panel call these after they change a reservation's
// status or a loan, inside their own write transaction, so the log row commits with the change.
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <string>

namespace okienko::server
{

/// How many days ahead staff mode sees pick-ups and loans falling due, with names and phones.
inline constexpr int kStaffFeedDaysAhead = 3;
/// The feed re-sends each live row at least this often, so kiosks can expire rows they stop hearing
/// of (kiosk/sync/staff_feed_expiry: three days).
inline constexpr std::int64_t kStaffFeedRefreshSeconds = 24 * 3600;

/// Logs the reservation's current state for every kiosk: an upsert (PickupNotice) while it awaits
/// hand-over (status provisional, held or confirmed, with a name and a phone) within the window, else
/// a delete — so
/// the name and phone leave every kiosk as soon as it is picked up, expires, is rejected or cancelled.
/// An unknown id logs a delete.
Status<db::Error> logPickup(db::Database& d, const std::string& reservationId, std::int64_t now);

/// Logs the loan for every kiosk: an upsert (OpenLoanNotice, name and phone only within the window)
/// while returned_on is NULL, else (or for an unknown id) a delete.
Status<db::Error> logOpenLoan(db::Database& d, const std::string& loanId, std::int64_t now);

/// The scheduled half of the feed (server/retention runs it hourly): publishes the pick-ups and loans
/// that came within the window since, and re-sends each live row older than kStaffFeedRefreshSeconds
/// (dropping its earlier upserts, so the log holds one copy of a name). Returns the rows published.
Result<std::int64_t, db::Error> refreshStaffFeed(db::Database& d, std::int64_t now);

/// A kiosk newly flagged for staff work gets the current feed and staff members as its own rows
/// (its cursor is past the broadcast ones).
Status<db::Error> sendStaffFeedTo(db::Database& d, std::int64_t kioskId, std::int64_t now);
/// A kiosk no longer flagged gets a delete for every pick-up, loan and staff member it may hold.
Status<db::Error> withdrawStaffFeedFrom(db::Database& d, std::int64_t kioskId, std::int64_t now);

/// Logs staff member `staffId` as the staff table has it now (an upsert with `active`) for every
/// kiosk; an unknown id or a counsellor (no kiosk staff mode) logs a delete, which kiosks apply as
/// a deactivation.
Status<db::Error> logStaffMember(db::Database& d, const std::string& staffId, std::int64_t now);

} // namespace okienko::server

// The staff-mode feed of the change log: reservations awaiting hand-over ("pickup") and open loans
// ("open_loan"), broadcast to every kiosk with the person's name and phone only; and the staff
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

/// Logs the reservation's current state for every kiosk: an upsert (PickupNotice) while it awaits
/// hand-over (status provisional, held or confirmed, with a name and a phone), else a delete — so
/// the name and phone leave every kiosk as soon as it is picked up, expires, is rejected or cancelled.
/// An unknown id logs a delete.
Status<db::Error> logPickup(db::Database& d, const std::string& reservationId, std::int64_t now);

/// Logs the loan for every kiosk: an upsert (OpenLoanNotice) while returned_on is NULL, else (or for
/// an unknown id) a delete.
Status<db::Error> logOpenLoan(db::Database& d, const std::string& loanId, std::int64_t now);

/// Logs staff member `staffId` as the staff table has it now (an upsert with `active`) for every
/// kiosk; an unknown id or a counsellor (no kiosk staff mode) logs a delete, which kiosks apply as
/// a deactivation.
Status<db::Error> logStaffMember(db::Database& d, const std::string& staffId, std::int64_t now);

} // namespace okienko::server

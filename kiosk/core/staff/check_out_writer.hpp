// Check-out's reads and its one write in the kiosk database: the pick-ups list (the server's
// staff_pickups united with this kiosk's own reservations), the unit an inventory number names, and
// the loan stored with its loan.checked_out outbox event, the unit's new state and the reservation's
// hand-over in ONE Full-durability transaction (all or nothing).
#pragma once

#include "kiosk/core/staff/check_out_state.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

/// A unit as equipment_units holds it.
struct CheckOutUnitRecord
{
    std::string inventoryNumber; ///< as stored (the lookup ignores case)
    std::string typeId;
    std::string stateCode; ///< domain::toCode(UnitState), e.g. "available", "on-loan"
};

/// The unit whose inventory number equals `inventoryNumber` ignoring ASCII case and surrounding
/// blanks; nullopt when there is none.
Result<std::optional<CheckOutUnitRecord>, db::Error> findCheckOutUnit(db::Database& db,
                                                                      std::string_view inventoryNumber);

/// True when an open loan of the unit is known: at this kiosk (loans, not returned) or at the server
/// (staff_loans).
Result<bool, db::Error> checkOutUnitHasOpenLoan(db::Database& db, std::string_view inventoryNumber);

/// Reservations awaiting hand-over with a pick-up date up to `lastDay` (included): the server's
/// staff_pickups and this kiosk's reservations still provisional, held or confirmed with their
/// personal data present, one row per reservation id (the server's row wins). Oldest first.
Result<std::vector<PickupRow>, db::Error> loadCheckOutPickups(db::Database& db, Date lastDay);

/// Stores the loan (loans row, id = loan.id = the event id), its loan.checked_out outbox event
/// (subject loans, so the acknowledgement erases the personal columns incl. PESEL), the unit's state
/// on-loan, and — when the loan hands over a reservation — that reservation picked-up (if it was
/// made here) and its staff_pickups row deleted. One transaction with Durability::Full; nothing
/// is stored when any part fails. Fails with ErrorKind::NotFound when the unit is no longer
/// available or reserved, or an open loan of it is recorded at this kiosk.
Status<db::Error> writeCheckOut(db::Database& db, const domain::Loan& loan);

} // namespace okienko::kiosk

// Persistence of the equipment flow in the kiosk database: the reservation row and its
// reservation.created outbox event in ONE transaction committed with Durability::Full (so what the
// resident is told is on disk), the waiting-list entry likewise, and the local records the
// availability ledger needs (reservations and loans made at this kiosk).
#pragma once

#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/domain/waiting_list.hpp"
#include "shared/util/result.hpp"

#include <string_view>
#include <vector>

namespace okienko::kiosk
{

/// Outbox event type of a reservation (protocol::EventType::ReservationCreated).
inline constexpr std::string_view kReservationEventType = "reservation.created";

/// Stores `reservation` and its outbox event (id = reservation.id) in one Full-durability
/// transaction. Nothing is stored when any part fails. A second call with the same id fails with a
/// constraint error and changes nothing.
Status<db::Error> writeReservation(db::Database& db, const domain::Reservation& reservation);

/// Stores a waiting-list entry and its waitlist.joined event (id = join.id) in one Full-durability
/// transaction; its name and phone are erased once the server acknowledges it.
Status<db::Error> writeWaitlistEntry(db::Database& db, const domain::WaitlistJoin& join);

/// Every reservation made at this kiosk, without personal data (id, code, type, period, status):
/// what the availability ledger counts. The ledger itself ignores statuses that hold no unit.
Result<std::vector<domain::Reservation>, db::Error> loadLocalReservations(db::Database& db);

/// Every loan recorded at this kiosk (unit, type, start, due, return day), without personal data.
Result<std::vector<domain::Loan>, db::Error> loadLocalLoans(db::Database& db);

/// True when a reservation, callback or waiting-list entry at this kiosk already uses `code`.
Result<bool, db::Error> referenceCodeTaken(db::Database& db, std::string_view code);

} // namespace okienko::kiosk

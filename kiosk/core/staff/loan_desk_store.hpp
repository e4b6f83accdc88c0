// The loan desk's reads and writes in the kiosk database. Reads: open loans as the desk sees them
// (this kiosk's `loans` rows united with the server's `staff_loans` rows, one per loan id) and every
// unit with its state. Writes: check-in, extension and a unit's state change, each ONE
// Full-durability transaction with its outbox event, so the screen says "done" only once the fact
// and its event are on disk together.
#pragma once

#include "kiosk/core/staff/loan_desk_state.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/domain/equipment.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

/// Outbox event types the desk writes (protocol::EventType).
inline constexpr std::string_view kLoanCheckedInType = "loan.checked_in";
inline constexpr std::string_view kLoanExtendedType = "loan.extended";
inline constexpr std::string_view kUnitStateChangedType = "unit.state_changed";

/// Every open loan: a `loans` row with returned_on NULL united with the `staff_loans` rows, merged
/// by loan id. The local name and phone win when present; once erased (after the server's ack) the
/// server's are used. Of two due dates the later one counts (extensions only move it forward). A
/// server row whose check-in this kiosk already recorded (local row returned, or a loan.checked_in
/// event still pending) is left out. Sorted by due date, then inventory number; daysOverdue is
/// today − due when positive.
Result<std::vector<DeskLoan>, db::Error> loadOpenLoans(db::Database& db, Date today);

/// Every unit of the catalogue in its order, with its state and, when an open loan has it, the due
/// date of that loan.
Result<std::vector<DeskUnit>, db::Error> loadDeskUnits(db::Database& db, Date today);

/// "lap-wi-001 " → "LAP-WI-001": what a person types or a scanner sends, as inventory numbers are
/// stored (trimmed, ASCII letters upper-cased).
std::string normaliseInventoryNumber(std::string_view typed);

/// Where a unit goes when it comes back. Never straight to available: every returned unit is
/// disinfected and checked first (product §4, "cleaning"); a damaged one goes to repair.
domain::UnitState unitStateAfterReturn(domain::ReturnCondition condition);

/// A check-in to store.
struct CheckInRecord
{
    std::string eventId; ///< UUID of the loan.checked_in event
    std::int64_t createdAt = 0;
    std::string loanId;
    std::string inventoryNumber;
    Date returnedOn;
    domain::ReturnCondition condition = domain::ReturnCondition::Fine;
    std::string notes; ///< validated free text
    std::string staffId;
};

/// One transaction: the local loan (if any) gets returned_on, condition and notes; the server's
/// open-loan row is deleted; the unit goes to unitStateAfterReturn(); the loan.checked_in event is
/// queued (the server applies the same cleaning/repair rule when it receives it).
/// NotFound (nothing changed) when the loan is no longer open here: a second check-in of the same loan.
Status<db::Error> writeCheckIn(db::Database& db, const CheckInRecord& record);

/// An extension to store.
struct ExtensionRecord
{
    std::string eventId;
    std::int64_t createdAt = 0;
    std::string loanId;
    Date due; ///< the new due date
    std::string staffId;
};

/// One transaction: the local loan's and the server row's due date, and the loan.extended event.
/// NotFound when the loan is no longer open here.
Status<db::Error> writeExtension(db::Database& db, const ExtensionRecord& record);

/// A unit's state change by staff ("cleaning done", "repair done").
struct UnitStateRecord
{
    std::string eventId;
    std::int64_t createdAt = 0;
    std::string inventoryNumber;
    domain::UnitState from = domain::UnitState::Cleaning; ///< the state the staff member saw
    domain::UnitState to = domain::UnitState::Available;
    std::string staffId;
};

/// One transaction: equipment_units.state from `from` to `to` and the unit.state_changed event.
/// NotFound when the unit is not (or no longer) in `from`: a second tap changes nothing.
Status<db::Error> writeUnitState(db::Database& db, const UnitStateRecord& record);

} // namespace okienko::kiosk

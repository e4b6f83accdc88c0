// The loan desk's part of StaffState: check-in (unit, condition, notes, outcome), open loans and
// their extension, overdue loans, and every unit's state. Plain values compared by value: the
// logout wipe replaces them, so no borrower's name or phone outlives the staff session.
#pragma once

#include "kiosk/core/flows/flow_field.hpp"
#include "kiosk/model/slip_status.hpp"
#include "shared/domain/equipment.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

/// Inventory numbers are at most 32 characters (the protocol's limit).
inline constexpr std::size_t kInventoryNumberMax = 32;
/// Return notes: the protocol's limit for notes.
inline constexpr std::size_t kReturnNotesMax = 500;

/// An open loan as the desk sees it: this kiosk's `loans` row and the server's `staff_loans` row
/// merged by loan id. `name` and `phone` are PERSONAL (shown to staff only, never logged).
struct DeskLoan
{
    std::string loanId;
    std::string inventoryNumber;
    std::string typeId;
    Date start;
    Date due;
    std::string name;
    std::string phone;
    int daysOverdue = 0; ///< today − due when positive, else 0
    bool local = false;  ///< a `loans` row of this kiosk exists (it is closed too at check-in)

    friend bool operator==(const DeskLoan&, const DeskLoan&) = default;
};

/// One unit of the catalogue with its live state, and the due date when it is out on loan.
struct DeskUnit
{
    std::string inventoryNumber;
    std::string typeId;
    domain::UnitState state = domain::UnitState::Available;
    std::optional<Date> due;

    friend bool operator==(const DeskUnit&, const DeskUnit&) = default;
};

/// The check-in screen's text fields.
enum class DeskField
{
    Number, ///< the inventory number (typed, or filled by a scan)
    Notes,  ///< optional notes on the unit's condition
    None,   ///< no keyboard: the unit is found, the notes are not being typed
};

/// Where a desk action stands after Confirm.
enum class DeskPhase
{
    Editing, ///< choosing; Confirm is allowed
    Done,    ///< stored: a second Confirm does nothing
    Failed,  ///< nothing was stored; Confirm may be tried again
};

struct CheckInState
{
    FlowField number{kInventoryNumberMax, InputFilter::Any};
    FlowField notes{kReturnNotesMax, InputFilter::Any};
    DeskField focus = DeskField::Number;
    std::optional<DeskLoan> loan; ///< the open loan of the unit found
    std::optional<domain::ReturnCondition> condition;
    std::string errorKey;                            ///< desk.* key: unknown number, not on loan, no condition, storage
    std::string errorNumber;                         ///< the normalised number the message is about
    std::optional<domain::UnitState> errorUnitState; ///< "not on loan": the unit's state now
    std::string notesErrorKey;                       ///< validate.text.* key when the notes are not acceptable
    DeskPhase phase = DeskPhase::Editing;
    std::string eventId; ///< made at the first Confirm; a retry reuses it, so it is stored once
    // --- after Confirm
    domain::UnitState unitState = domain::UnitState::Cleaning; ///< where the unit went
    SlipProgress slip;

    friend bool operator==(const CheckInState&, const CheckInState&) = default;
};

/// The extension panel of the loans screen (one loan chosen from the list).
struct ExtendState
{
    std::optional<DeskLoan> loan;
    Date newDue;          ///< what Confirm stores; starts at the current due date
    Date maxDue;          ///< start + the type's maximum loan length − 1 (rules::dueDateFor)
    bool atMax = false;   ///< a step was cut at the maximum: the screen says so
    std::string errorKey; ///< desk.* key
    DeskPhase phase = DeskPhase::Editing;
    std::string eventId;

    friend bool operator==(const ExtendState&, const ExtendState&) = default;
};

struct LoanDeskState
{
    CheckInState checkIn;
    std::vector<DeskLoan> loans; ///< open loans (loans screen: by due date; overdue screen: most overdue first)
    std::string listErrorKey;    ///< the loans could not be read
    ExtendState extend;
    std::vector<DeskUnit> units; ///< catalogue order
    std::string unitsMessageKey; ///< after "cleaning done" / "repair done": what happened, or why not
    std::string unitsMessageUnit;

    friend bool operator==(const LoanDeskState&, const LoanDeskState&) = default;
};

} // namespace okienko::kiosk

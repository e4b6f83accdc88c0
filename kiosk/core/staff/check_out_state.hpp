// Check-out's part of StaffState: today's pick-ups, the unit being lent, the borrower, the due date
// and the outcome (stored, agreement printed twice). Plain values compared by value, so the logout
// wipe test sees every field here.
#pragma once

#include "kiosk/core/flows/person_form.hpp"
#include "kiosk/model/slip_status.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

/// Inventory numbers are short codes such as "LAP-WI-001".
inline constexpr std::size_t kCheckOutInventoryMax = 24;
/// A PESEL has 11 digits.
inline constexpr std::size_t kCheckOutPeselDigits = 11;

/// A reservation awaiting hand-over, as the pick-ups list and the loan step show it: the server's
/// view (staff_pickups) united with this kiosk's own reservations that still hold personal data.
struct PickupRow
{
    std::string reservationId;
    std::string code;
    std::string typeId;
    Date pickUpDate;
    int loanDays = 0;
    domain::ReservationStatus status = domain::ReservationStatus::Provisional;
    std::string name;
    std::string phone; ///< 9 digits as stored

    friend bool operator==(const PickupRow&, const PickupRow&) = default;
};

/// Where check-out stands after Confirm.
enum class CheckOutPhase
{
    Editing, ///< choosing and typing; Confirm is allowed
    Failed,  ///< nothing was stored; `errorKey` says why; Confirm may be tried again
    Done,    ///< the loan is stored; further Confirm taps do nothing
};

struct CheckOutState
{
    // --- pick-ups list (today and overdue first, then tomorrow)
    std::vector<PickupRow> pickups;
    std::string pickupsErrorKey; ///< the list could not be read

    // --- step 1: the unit
    FlowField inventory{kCheckOutInventoryMax, InputFilter::Any}; ///< letters, digits, '-' (the flow filters)
    std::string unitErrorKey;    ///< why the typed or scanned number cannot be lent now
    std::string unitErrorNumber; ///< the number the message names
    std::string unitErrorType;   ///< a type name the message names (type mismatch)
    std::string inventoryNumber; ///< the unit accepted for this loan (as stored)
    std::string typeId;          ///< its type

    // --- step 2: reservation or walk-in, borrower, due date
    std::optional<PickupRow> reservation; ///< the reservation being handed over
    bool walkIn = false;                  ///< "bez rezerwacji"
    std::vector<PickupRow> candidates;    ///< pick-ups of the unit's type
    bool reservationError = false;        ///< Confirm without choosing a reservation or walk-in
    /// The borrower; focus and messages also of the inventory number and the PESEL.
    PersonForm person{.focus = PersonField::InventoryNumber, .errors = {}};
    FlowField pesel{kCheckOutPeselDigits, InputFilter::Digits}; ///< optional; never printed; masked off focus
    bool idChecked = false;                                     ///< staff saw the borrower's ID (required)
    bool idError = false;
    Date start; ///< today when the unit was accepted
    Date due;
    Date minDue; ///< tomorrow (or the maximum when a type allows one day only)
    Date maxDue; ///< start + the type's maximum loan (last day included)

    // --- confirm and after
    CheckOutPhase phase = CheckOutPhase::Editing;
    std::string loanId;   ///< made at the first Confirm; a retry after a failure reuses it
    std::string errorKey; ///< a storage problem, translated on screen
    std::string doneInventory;
    Date doneDue;
    bool printed = false;               ///< a printer took the copies (else "no printer" is shown)
    std::array<SlipProgress, 2> copies; ///< [0] for the CUS, [1] for the borrower

    /// The text field behind a PersonField of check-out (the flow edits, the screens draw).
    FlowField& field(PersonField id);
    const FlowField& field(PersonField id) const;

    friend bool operator==(const CheckOutState&, const CheckOutState&) = default;
};

inline const FlowField& CheckOutState::field(PersonField id) const
{
    if (id == PersonField::Pesel)
        return pesel;
    const FlowField* own = person.field(id);
    return own != nullptr ? *own : inventory;
}

inline FlowField& CheckOutState::field(PersonField id)
{
    return const_cast<FlowField&>(static_cast<const CheckOutState&>(*this).field(id));
}

} // namespace okienko::kiosk

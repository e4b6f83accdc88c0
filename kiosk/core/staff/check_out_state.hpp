// Check-out's part of StaffState: today's pick-ups, the unit being lent, the borrower, the due date
// and the outcome (stored, agreement printed twice). Plain values compared by value, so the logout
// wipe test sees every field here.
#pragma once

#include "kiosk/core/flows/equipment_state.hpp" // FlowField, SlipState
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

/// The editable fields of check-out.
enum class CheckOutField
{
    InventoryNumber,
    Name,
    Phone,
    Street,
    PostalCode,
    City,
    Pesel,
};

/// A validation message under one field (a translation key such as "validate.pesel.checksum").
struct CheckOutFieldError
{
    CheckOutField field = CheckOutField::Name;
    std::string messageKey;

    friend bool operator==(const CheckOutFieldError&, const CheckOutFieldError&) = default;
};

/// Where check-out stands after Confirm.
enum class CheckOutPhase
{
    Editing, ///< choosing and typing; Confirm is allowed
    Failed,  ///< nothing was stored; `errorKey` says why; Confirm may be tried again
    Done,    ///< the loan is stored; further Confirm taps do nothing
};

/// One printed copy of the lending agreement.
struct AgreementCopyStatus
{
    SlipState state = SlipState::None;
    std::uint64_t ticket = 0;
    std::string messageKey; ///< printer.* key when the copy failed

    friend bool operator==(const AgreementCopyStatus&, const AgreementCopyStatus&) = default;
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
    FlowField name{kEquipmentNameMax, InputFilter::PersonName};
    FlowField phone{kEquipmentPhoneDigits, InputFilter::Digits};
    FlowField street{kEquipmentStreetMax, InputFilter::Any};
    FlowField postalCode{kEquipmentPostalDigits, InputFilter::Digits};
    FlowField city{kEquipmentCityMax, InputFilter::PersonName};
    FlowField pesel{kCheckOutPeselDigits, InputFilter::Digits}; ///< optional; never printed; masked off focus
    bool idChecked = false;                                     ///< staff saw the borrower's ID (required)
    bool idError = false;
    CheckOutField focus = CheckOutField::InventoryNumber;
    std::vector<CheckOutFieldError> errors;
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
    bool printed = false;                      ///< a printer took the copies (else "no printer" is shown)
    std::array<AgreementCopyStatus, 2> copies; ///< [0] for the CUS, [1] for the borrower

    /// The text field behind a CheckOutField (the flow edits, the screens draw).
    FlowField& field(CheckOutField id);
    const FlowField& field(CheckOutField id) const;

    friend bool operator==(const CheckOutState&, const CheckOutState&) = default;
};

inline const FlowField& CheckOutState::field(CheckOutField id) const
{
    switch (id)
    {
    case CheckOutField::InventoryNumber:
        return inventory;
    case CheckOutField::Name:
        return name;
    case CheckOutField::Phone:
        return phone;
    case CheckOutField::Street:
        return street;
    case CheckOutField::PostalCode:
        return postalCode;
    case CheckOutField::City:
        return city;
    case CheckOutField::Pesel:
        return pesel;
    }
    return inventory;
}

inline FlowField& CheckOutState::field(CheckOutField id)
{
    return const_cast<FlowField&>(static_cast<const CheckOutState&>(*this).field(id));
}

} // namespace okienko::kiosk

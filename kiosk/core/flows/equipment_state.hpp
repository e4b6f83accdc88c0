// The equipment reservation flow's part of AppState: everything a resident chose or typed on the
// way to a reservation, plus what the flow derived for the screens (availability, errors, the
// outcome). Plain values compared by value, so the idle-wipe test can compare a wiped state with a
// fresh one and "nothing survives" is checked for every field here.
#pragma once

#include "kiosk/core/text_buffer.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

/// Longest name, street, city the fields accept (code points).
inline constexpr std::size_t kEquipmentNameMax = 80;
inline constexpr std::size_t kEquipmentStreetMax = 60;
inline constexpr std::size_t kEquipmentCityMax = 40;
/// A Polish phone number has 9 digits; the keypad has no '+', so nothing longer is useful.
inline constexpr std::size_t kEquipmentPhoneDigits = 9;
/// "NNNNN": the keypad has no dash; the validator inserts it.
inline constexpr std::size_t kEquipmentPostalDigits = 5;
/// How far ahead a pick-up may be planned, in days from today.
inline constexpr int kPickUpHorizonDays = 60;

/// The fields of the personal-data step.
enum class EquipmentField
{
    Name,
    Phone,
    Street,
    PostalCode,
    City,
    CarerName, ///< the person the equipment is for, when someone reserves for another person
};

/// Where the flow stands after the resident pressed Confirm.
enum class EquipmentPhase
{
    Editing,     ///< choosing and typing; Confirm is allowed
    Checking,    ///< waiting for the server's hold (a short "checking…" state)
    Unavailable, ///< nothing free for the chosen dates: next date / waiting list
    Done,        ///< stored (held or provisional): the code is on screen
    Failed,      ///< the kiosk could not store the request; Confirm may be tried again
};

/// What happened to the slip of a finished reservation.
enum class SlipState
{
    None,     ///< no printer configured: the code is only on screen
    Printing, ///< queued on the print worker
    Printed,  ///< the printer finished it
    Failed,   ///< not printed; `printMessageKey` says why
};

/// Availability of one type as the list shows it (derived from the catalogue and local records).
struct TypeAvailability
{
    std::string typeId;
    int freeNow = 0;                   ///< units free for a default-length loan starting today
    std::optional<Date> nextAvailable; ///< when none is free now: the first start day that fits

    friend bool operator==(const TypeAvailability&, const TypeAvailability&) = default;
};

/// A validation message for one field (a translation key such as "validate.phone.too_short").
struct FieldError
{
    EquipmentField field = EquipmentField::Name;
    std::string messageKey;

    friend bool operator==(const FieldError&, const FieldError&) = default;
};

/// A TextBuffer compared by content (AppState's EditField lives in app_state.hpp, which includes
/// this file, so the flow keeps its own small twin).
struct FlowField
{
    TextBuffer buffer;

    FlowField(std::size_t maxCodePoints, InputFilter filter) : buffer(maxCodePoints, filter) {}
    friend bool operator==(const FlowField& a, const FlowField& b)
    {
        return a.buffer.text() == b.buffer.text() && a.buffer.maxLength() == b.buffer.maxLength() &&
               a.buffer.filter() == b.buffer.filter();
    }
};

struct EquipmentState
{
    // --- step 1: the type
    std::string typeId;
    std::vector<TypeAvailability> availability; ///< one per type of the catalogue, in its order

    // --- step 2: pick-up date and period
    std::optional<Date> pickUp;
    Date shownMonth;                   ///< any day of the month the calendar shows
    int days = 0;                      ///< loan length; 0 until a type is chosen (then its default)
    std::string dateErrorKey;          ///< why the dates cannot be used ("" when they can)
    std::optional<Date> suggestedDate; ///< the first pick-up date on which the period fits
    bool waitingList = false;          ///< nothing fits: the resident asks to be phoned instead

    // --- step 3: the information clause
    bool clauseAcknowledged = false;

    // --- step 4: personal data
    FlowField name{kEquipmentNameMax, InputFilter::PersonName};
    FlowField phone{kEquipmentPhoneDigits, InputFilter::Digits};
    FlowField street{kEquipmentStreetMax, InputFilter::Any};
    FlowField postalCode{kEquipmentPostalDigits, InputFilter::Digits};
    FlowField city{kEquipmentCityMax, InputFilter::PersonName};
    FlowField carerName{kEquipmentNameMax, InputFilter::PersonName};
    bool onBehalf = false;          ///< a carer reserves for another person
    bool residencyDeclared = false; ///< the "oświadczenie" toggle
    EquipmentField focus = EquipmentField::Name;
    std::vector<FieldError> errors;
    bool residencyError = false; ///< Next was pressed without the declaration

    // --- confirm and after
    EquipmentPhase phase = EquipmentPhase::Editing;
    std::string reservationId; ///< made at the first Confirm; the hold and the outbox event reuse it
    std::string code;          ///< reference code shown in large type
    domain::ReservationStatus status = domain::ReservationStatus::Provisional;
    std::string maskedPhone;             ///< what the confirmation shows once the typed data is cleared
    std::optional<Date> unavailableNext; ///< the server's (or ledger's) next date when nothing was free
    std::string errorKey;                ///< a storage problem, translated on screen
    SlipState slip = SlipState::None;
    std::uint64_t printTicket = 0;
    std::string printMessageKey; ///< printer.* key when the slip failed
    std::string waitingListCode; ///< set once the resident joined the waiting list

    /// The text field behind an EquipmentField: the one place that maps the id to the member,
    /// shared by the flow (editing) and the screens (drawing).
    FlowField& field(EquipmentField id);
    const FlowField& field(EquipmentField id) const;

    friend bool operator==(const EquipmentState&, const EquipmentState&) = default;
};

} // namespace okienko::kiosk

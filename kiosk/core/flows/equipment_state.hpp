// The equipment reservation flow's part of AppState: everything a resident chose or typed on the
// way to a reservation, plus what the flow derived for the screens (availability, errors, the
// outcome). Plain values compared by value, so the idle-wipe test can compare a wiped state with a
// fresh one and "nothing survives" is checked for every field here.
#pragma once

#include "kiosk/core/flows/person_form.hpp"
#include "kiosk/model/slip_status.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

/// How far ahead a pick-up may be planned, in days from today.
inline constexpr int kPickUpHorizonDays = 60;

/// Where the flow stands after the resident pressed Confirm.
enum class EquipmentPhase
{
    Editing,     ///< choosing and typing; Confirm is allowed
    Checking,    ///< waiting for the server's hold (a short "checking…" state)
    Unavailable, ///< nothing free for the chosen dates: next date / waiting list
    Done,        ///< stored (held or provisional): the code is on screen
    Failed,      ///< the kiosk could not store the request; Confirm may be tried again
};

/// Availability of one type as the list shows it (derived from the catalogue and local records).
struct TypeAvailability
{
    std::string typeId;
    int freeNow = 0;                   ///< units free for a default-length loan starting today
    std::optional<Date> nextAvailable; ///< when none is free now: the first start day that fits

    friend bool operator==(const TypeAvailability&, const TypeAvailability&) = default;
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
    std::vector<Date> unavailableDays; ///< of the shown month: no unit free for the period from that day

    // --- step 3: the information clause
    bool clauseAcknowledged = false;

    // --- step 4: personal data
    PersonForm person; ///< name, phone, address; focus and messages (also of the carer's name)
    FlowField carerName{kPersonNameMax, InputFilter::PersonName};
    bool onBehalf = false;          ///< a carer reserves for another person
    bool residencyDeclared = false; ///< the "oświadczenie" toggle
    bool residencyError = false;    ///< Next was pressed without the declaration

    // --- confirm and after
    EquipmentPhase phase = EquipmentPhase::Editing;
    std::string reservationId; ///< made at the first Confirm; the hold and the outbox event reuse it
    std::string code;          ///< reference code shown in large type
    domain::ReservationStatus status = domain::ReservationStatus::Provisional;
    std::string maskedPhone;             ///< what the confirmation shows once the typed data is cleared
    std::optional<Date> unavailableNext; ///< the server's (or ledger's) next date when nothing was free
    std::string errorKey;                ///< a storage problem, translated on screen
    SlipProgress slip;
    std::string waitingListCode; ///< set once the resident joined the waiting list

    /// The text field behind a PersonField of this form (the person's, or the carer's name): shared
    /// by the flow (editing) and the screens (drawing).
    FlowField& field(PersonField id);
    const FlowField& field(PersonField id) const;

    friend bool operator==(const EquipmentState&, const EquipmentState&) = default;
};

} // namespace okienko::kiosk

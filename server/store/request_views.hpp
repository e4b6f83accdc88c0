// What the panel's request queues read from the store and what their actions report: callback
// requests, equipment reservations, counselling requests and offline conflicts, as plain structs
// (codes, not labels: the pages choose the wording).
#pragma once

#include <cstdint>
#include <string>

namespace okienko::server
{

/// An open callback request, in queue order.
struct OpenCallback
{
    std::string id, code, phone;
    std::string day;             ///< "YYYY-MM-DD"
    std::string dayPart;         ///< "morning" or "afternoon"
    std::string topic;           ///< the service's or equipment type's Polish name; "" without one
    bool waitingList = false;    ///< about an equipment type (a waiting-list callback)
    std::string waitlistEntryId; ///< the waiting-list offer this callback announces; "" otherwise
    std::string heldUnit;        ///< the unit held for that offer; "" when none is held now
    std::int64_t holdUntil = 0;  ///< until when it is held
    std::string firstName, language;
    std::string email;                      ///< the web form's alternative to a phone number; "" from kiosks
    std::string message;                    ///< the web form's topic in the resident's words; "" from kiosks
    bool fromWeb = false;                   ///< sent with the public pages' contact form, not at a kiosk
    std::string claimedByName, claimedById; ///< "" when nobody claimed it
    int failedAttempts = 0;
    std::int64_t receivedAt = 0;
};

/// What a coordinator's call attempt says.
struct CallbackAttempt
{
    std::string callbackId;
    std::string staffId;
    std::string outcome; ///< a domain::CallbackOutcome code
    std::string note;
};

enum class CallbackActionResult
{
    Claimed,
    ClaimedByOther, ///< someone else works on it: nothing changed
    AttemptRecorded,
    Done,
    Closed, ///< closed after the last allowed failed attempt
    NotOpen ///< gone, done, closed or cancelled: nothing changed
};

/// An equipment reservation waiting for a coordinator (provisional, held or conflict).
struct PendingReservation
{
    std::string id, code, typeName, pickUpDate;
    int loanDays = 0;
    std::string status; ///< reservation status code
    std::string personName, personPhone, kioskName;
};

/// A conflict a kiosk that worked offline reported, not yet resolved.
struct OpenConflict
{
    std::int64_t id = 0;
    std::string kind, entity, entityId, kioskName, detail;
    std::int64_t createdAt = 0;
};

/// A counselling request waiting for a decision (received or provisional).
struct PendingCounselling
{
    std::string id, code, kindName, kindId;
    std::string slotId;   ///< "" for "contact me to arrange"
    std::string slotDate; ///< with a slot: its date, start and room
    int slotStartMinute = -1;
    std::string slotRoom;
    std::string name, phone;
};

enum class ReservationDecision
{
    Confirm,
    Reject
};

enum class CounsellingDecision
{
    Confirm,
    Cancel,
    Move
};

enum class DecisionResult
{
    Confirmed,
    Rejected,
    Cancelled,
    Moved,
    Resolved,
    Stale,    ///< the row is gone or no longer in a state that allows it: nothing changed
    SlotTaken ///< the target slot of a move is booked, past or of another kind: nothing changed
};

} // namespace okienko::server

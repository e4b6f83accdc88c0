// Payloads of the outbox event types, mapped to the domain types both sides already use. The
// kiosk builds an Event with make…(); the server decodes it with decode…() which validates every
// field (phone, names, free text via shared/validate; ids, dates, codes, lengths). The entity id of
// a request that an event creates is the event id itself (reservation, counselling request,
// callback, loan), so a retry can never create a second request. Schemas: docs/protocol.md.
#pragma once

#include "shared/domain/callback.hpp"
#include "shared/domain/counselling.hpp"
#include "shared/domain/equipment.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/domain/staff.hpp"
#include "shared/domain/waiting_list.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/protocol_error.hpp"
#include "shared/util/result.hpp"

#include <string>

namespace okienko::protocol
{

/// loan.checked_in: staff took a unit back.
struct LoanCheckIn
{
    std::string loanId; ///< the loan's id (= the event id of its loan.checked_out)
    Date returnedOn;
    domain::ReturnCondition condition = domain::ReturnCondition::Fine;
    std::string notes;
    std::string staffId;
};

/// loan.extended: staff moved the due date.
struct LoanExtension
{
    std::string loanId;
    Date due;
    std::string staffId;
};

/// unit.state_changed: staff set a unit's state (cleaning done, sent to repair, retired, …).
struct UnitStateChange
{
    std::string inventoryNumber;
    domain::UnitState state = domain::UnitState::Available;
    std::string notes;
    std::string staffId;
};

// --- kiosk side: build the event (id = the request's id, reused on every retry) ---
Event makeReservationCreated(const domain::Reservation& reservation);
Event makeCounsellingRequested(const domain::CounsellingRequest& request);
Event makeCallbackRequested(const domain::CallbackRequest& request);
Event makeLoanCheckedOut(const domain::Loan& loan);
Event makeLoanCheckedIn(const std::string& eventId, std::int64_t createdAt, const LoanCheckIn& checkIn);
Event makeLoanExtended(const std::string& eventId, std::int64_t createdAt, const LoanExtension& extension);
Event makeUnitStateChanged(const std::string& eventId, std::int64_t createdAt, const UnitStateChange& change);
/// usage.recorded for kinds other than Rating and Idea; feedback.rated for Rating; idea.submitted
/// for Idea. The event id is usage.id.
Event makeUsageEvent(const domain::UsageEvent& usage);
/// waitlist.joined: the event id is join.id.
Event makeWaitlistJoined(const domain::WaitlistJoin& join);

// --- server side: validate and decode; `event.type` must match (else BadValue on $.type) ---
/// Status is Provisional, id/createdAt from the envelope; kioskId is left for the server to set.
Result<domain::Reservation, ProtocolError> decodeReservationCreated(const Event& event);
Result<domain::CounsellingRequest, ProtocolError> decodeCounsellingRequested(const Event& event);
Result<domain::CallbackRequest, ProtocolError> decodeCallbackRequested(const Event& event);
Result<domain::Loan, ProtocolError> decodeLoanCheckedOut(const Event& event);
Result<LoanCheckIn, ProtocolError> decodeLoanCheckedIn(const Event& event);
Result<LoanExtension, ProtocolError> decodeLoanExtended(const Event& event);
Result<UnitStateChange, ProtocolError> decodeUnitStateChanged(const Event& event);
/// Any of usage.recorded, feedback.rated, idea.submitted.
Result<domain::UsageEvent, ProtocolError> decodeUsageEvent(const Event& event);
/// id/createdAt from the envelope; consent must be true; kioskId is left for the server to set.
Result<domain::WaitlistJoin, ProtocolError> decodeWaitlistJoined(const Event& event);

/// Validates the payload of any known type (the server's first step); UnknownEventType otherwise.
Status<ProtocolError> validatePayload(const Event& event);

} // namespace okienko::protocol

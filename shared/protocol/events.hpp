// Outbox events (POST /api/v1/events): the envelope every event shares, a batch of them, and the
// server's per-event result. The event id is the idempotency key: made once on the kiosk in the
// transaction that stores the request, reused on every retry; the server keeps it ≥ 30 days.
// Payload schemas per type are in payloads.hpp and docs/protocol.md.
#pragma once

#include "shared/protocol/json_reader.hpp"
#include "shared/protocol/protocol_error.hpp"
#include "shared/util/result.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::protocol
{

/// The protocol version this codec speaks; it is the "v1" of every path.
inline constexpr int kProtocolVersion = 1;
/// At most this many events in one POST /api/v1/events (and reports in one POST
/// /api/v1/lost-events). A kiosk's backlog after an outage goes in batches this large: each batch
/// costs the server one synchronous commit and the kiosk one transaction.
inline constexpr std::size_t kMaxEventsPerBatch = 500;
/// Request bodies above this size are refused with 413 before they are parsed.
inline constexpr std::size_t kMaxBodyBytes = 1024 * 1024;

enum class EventType
{
    ReservationCreated,   ///< "reservation.created"
    CounsellingRequested, ///< "counselling.requested"
    CallbackRequested,    ///< "callback.requested"
    LoanCheckedOut,       ///< "loan.checked_out"
    LoanCheckedIn,        ///< "loan.checked_in"
    LoanExtended,         ///< "loan.extended"
    UnitStateChanged,     ///< "unit.state_changed"
    UsageRecorded,        ///< "usage.recorded"
    FeedbackRated,        ///< "feedback.rated"
    IdeaSubmitted,        ///< "idea.submitted"
    WaitlistJoined,       ///< "waitlist.joined"
};

inline constexpr std::array<EventType, 11> kAllEventTypes{
    EventType::ReservationCreated, EventType::CounsellingRequested, EventType::CallbackRequested,
    EventType::LoanCheckedOut,     EventType::LoanCheckedIn,        EventType::LoanExtended,
    EventType::UnitStateChanged,   EventType::UsageRecorded,        EventType::FeedbackRated,
    EventType::IdeaSubmitted,      EventType::WaitlistJoined};

std::string_view toCode(EventType type);
std::optional<EventType> parseEventType(std::string_view code);

/// One outbox event. `type` stays a string so that a batch with a type this build does not know
/// still decodes and that one event is rejected alone ("unknown_event_type").
struct Event
{
    std::string id;   ///< canonical UUID; the idempotency key
    std::string type; ///< e.g. "reservation.created"
    /// Unix seconds on the kiosk's wall clock when the resident pressed "send". Informational only:
    /// the server orders and expires by its own received_at, never by this.
    std::int64_t createdAt = 0;
    Json payload = Json::object(); ///< schema per type (payloads.hpp)
};

/// Decodes one envelope: id (UUID), type (1..64 chars), created_at (0 … 2^40), payload (object).
Result<Event, ProtocolError> decodeEvent(const Json& value, const std::string& path = "$");
Json encodeEvent(const Event& event);

/// The list of a body {"events": [ … 1..100 items … ]} (POST /api/v1/events and /api/v1/lost-events),
/// nothing else in the object; the items are for the caller to decode.
Result<Json, ProtocolError> decodeEventsEnvelope(std::string_view body);

/// The body of POST /api/v1/events: {"events": [ … 1..100 events … ]}, ids unique in the batch.
Result<std::vector<Event>, ProtocolError> decodeEventBatch(std::string_view body);
std::string encodeEventBatch(const std::vector<Event>& events);

/// SHA-256 hex of the event's type and payload in canonical form (keys sorted, no spaces): what
/// the server compares when an id comes back, so a reused id with other content is detected.
std::string eventFingerprint(const Event& event);

enum class EventStatus
{
    Applied,   ///< the server applied it now
    Duplicate, ///< the server had applied (or rejected) it before; `data`/`code` are from that time
    Rejected,  ///< the server will never apply it; `code` says why; do not retry
};

std::string_view toCode(EventStatus status); ///< applied, duplicate, rejected
std::optional<EventStatus> parseEventStatus(std::string_view code);

struct EventResult
{
    std::string id;
    EventStatus status = EventStatus::Applied;
    /// For Rejected (and a Duplicate of a rejected event): a ProtocolErrorCode name, or one of
    /// "idempotency_mismatch", "unknown_reference", "invalid_state".
    std::string code;
    /// What the event produced, e.g. {"status":"held","code":"R-…"} for a reservation, or
    /// {"status":"conflict"} for a provisional reservation that no longer fits.
    Json data = Json::object();
};

Json encodeEventResult(const EventResult& result);
Result<EventResult, ProtocolError> decodeEventResult(const Json& value, const std::string& path = "$");

/// The 200 body of POST /api/v1/events: {"results":[…]} in the order of the request, and the server
/// database's "epoch" when given (lost_events.hpp: how kiosks notice a restore).
std::string encodeEventResults(const std::vector<EventResult>& results, const std::string& epoch = {});
Result<std::vector<EventResult>, ProtocolError> decodeEventResults(std::string_view body);

} // namespace okienko::protocol

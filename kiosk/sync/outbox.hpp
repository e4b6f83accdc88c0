// The kiosk's transactional outbox (tables of kiosk migrations 3 and 4). A flow writes its request
// row and the outbox event in ONE transaction; the sync worker reads pending events in insertion
// order, sends them, and records the server's per-event answers. Recording an acknowledgement also
// erases the PERSONAL columns of the request row the event carried, in the same transaction, so
// personal data lives on the kiosk only until the server has it. A rejected event becomes a dead
// letter that staff can see (type, reason, reference code) and resolve; its personal data is erased
// too, since the server will never take it. Nothing is ever dropped silently.
#pragma once

#include "kiosk/sync/sync_clock.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/db/transaction.hpp"
#include "shared/util/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::sync
{

/// Which request table holds the personal data an event carries.
enum class SubjectKind
{
    None,               ///< the event carries no personal data kept elsewhere
    Reservation,        ///< reservations
    CounsellingRequest, ///< counselling_requests
    CallbackRequest,    ///< callback_requests
    Loan,               ///< loans
    UsageEvent,         ///< usage_events (an idea's free text)
    WaitlistEntry,      ///< waitlist_entries
};

/// The request row whose PERSONAL columns are erased once the event is acknowledged.
struct OutboxSubject
{
    SubjectKind kind = SubjectKind::None;
    std::string id;
};

/// A pending event as the worker sends it.
struct OutboxEvent
{
    std::string id; ///< UUID: the idempotency key, the same on every retry
    std::string type;
    std::int64_t createdAt = 0;     ///< kiosk wall clock, Unix seconds (informative only)
    std::int64_t createdMonoMs = 0; ///< CLOCK_MONOTONIC at enqueue, milliseconds
    std::string payloadJson;        ///< PERSONAL: never log it
    int attempts = 0;               ///< sends that failed before this one
    std::int64_t seq = 0;           ///< strict insertion order
};

/// The server's answer for one event (mapped from the protocol's EventResult by the worker).
enum class OutcomeKind
{
    Applied,   ///< stored now
    Duplicate, ///< the server already had it (an earlier send, or an online hold with the same id)
    Rejected,  ///< refused for good; `code` says why
};

struct EventOutcome
{
    std::string id;
    OutcomeKind kind = OutcomeKind::Applied;
    std::string code; ///< for Rejected: the server's error code
};

/// What markAcked did.
struct AckSummary
{
    int acknowledged = 0; ///< applied or duplicate: now acked, personal data erased
    int deadLettered = 0; ///< rejected: moved to the dead-letter state
    int ignored = 0;      ///< unknown id, or a row no longer pending (a repeated answer)
};

/// A rejected event, for the staff screen. No personal data: the payload and the subject's PERSONAL
/// columns were erased when it was rejected; the reference code is what the resident's slip shows.
struct DeadLetter
{
    std::string id;
    std::string type;
    std::string code;      ///< the server's reason
    std::string reference; ///< reference code, inventory number or loan id ("" when the event has none)
    std::int64_t createdAt = 0;
    std::int64_t rejectedAt = 0;
    OutboxSubject subject;
};

/// Works on one connection; make one Outbox per connection (UI thread, sync worker).
class Outbox
{
  public:
    explicit Outbox(db::Database& db, SyncClock clock = SyncClock::system());

    /// Adds an event inside the caller's open write transaction on the same connection (the one that
    /// writes the request row; commit it with Durability::Full before acknowledging the resident).
    /// `id` empty: a new UUID is made; otherwise it must be a UUID (a flow that tried an online hold
    /// passes the hold's id, so the later event is a duplicate of the hold, not a second request).
    /// Returns the event id. Errors: Misuse when no transaction is open, the type is empty or the id
    /// is not a UUID; a constraint error for payload that is not JSON or an id already queued.
    Result<std::string, db::Error> enqueue(db::Transaction& tx, std::string_view type, std::string_view payloadJson,
                                           const OutboxSubject& subject = {}, const std::string& id = {});

    /// Up to `limit` pending events, oldest first (by insertion sequence), after sequence `afterSeq`
    /// (the sync session reads the next batch while the one before it is still unacknowledged).
    Result<std::vector<OutboxEvent>, db::Error> nextBatch(int limit, std::int64_t afterSeq = 0);

    /// Records the server's answers in one transaction: applied/duplicate → acked, payload and the
    /// subject's PERSONAL columns erased, and a receipt written (event_receipts.hpp) under the
    /// server's database `serverEpoch`; rejected → dead letter, its payload and the subject's PERSONAL
    /// columns erased as well (staff see type, reason and reference code).
    Result<AckSummary, db::Error> markAcked(const std::vector<EventOutcome>& results,
                                            const std::string& serverEpoch = {});

    /// Counts a failed send of these events and stores a short error code (never payload data).
    Status<db::Error> recordFailure(const std::vector<std::string>& ids, std::string_view code);

    /// Pending events.
    Result<std::int64_t, db::Error> depth();
    /// Age of the oldest pending event by the wall clock (clamped at 0), or nullopt when none.
    Result<std::optional<std::chrono::seconds>, db::Error> oldestAge();
    /// Dead letters, oldest first.
    Result<std::vector<DeadLetter>, db::Error> deadLetters();
    /// How many dead letters there are (the status line and the staff status screen show it).
    Result<std::int64_t, db::Error> deadCount();
    /// Staff resolved a dead letter (called the resident, re-entered the request): the row goes.
    /// False when `id` is not a dead letter.
    Result<bool, db::Error> resolveDeadLetter(const std::string& id);
    /// Deletes acked rows acknowledged more than `age` ago (they hold no personal data any more;
    /// kept a while for diagnostics). Returns the number deleted.
    Result<std::int64_t, db::Error> purgeAcked(std::chrono::seconds age);

  private:
    Status<db::Error> eraseSubject(std::string_view table, const std::string& id, std::int64_t now);

    db::Database& m_db;
    SyncClock m_clock;
};

/// The table name stored in outbox.subject_table, "" for None.
std::string_view subjectTable(SubjectKind kind);

} // namespace okienko::sync

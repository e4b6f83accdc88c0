// One exchange with okienko-central over an open connection and kiosk database: send the outbox
// in batches, pull changes page by page, send a heartbeat. No thread and no waiting of its own —
// SyncWorker paces it; tools and tests call it directly. Only the outcome is reported: no request
// or response body ever reaches an error message.
#pragma once

#include "kiosk/sync/backoff.hpp"
#include "kiosk/sync/event_receipts.hpp"
#include "kiosk/sync/https_client.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/sync/sync_clock.hpp"
#include "shared/db/database.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace okienko::sync
{

/// How a step ended.
struct StepResult
{
    bool ok = true;
    std::string error; ///< short code: "tls", "timeout", "http_503", "bad_response", "db", …
    long httpStatus = 0;
    std::optional<std::chrono::seconds> retryAfter;
    /// The server could not be reached at all (transport failure): the kiosk is offline.
    bool unreachable = false;
    int eventsSent = 0;     ///< events acknowledged (applied or duplicate)
    int eventsRejected = 0; ///< events moved to dead letters
    int changesApplied = 0; ///< changes stored
    int eventsResent = 0;   ///< receipts sent again after a server restore, and acknowledged
    int eventsReported = 0; ///< receipts reported to POST /api/v1/lost-events (present or lost)
    int eventsLost = 0;     ///< of those, the ones the server confirmed it lacks
    std::string detail;     ///< libcurl's or SQLite's message, for the staff screen (no personal data)
};

struct SessionOptions
{
    /// Events per POST (the protocol allows at most protocol::kMaxEventsPerBatch); a batch also
    /// stops at kBatchPayloadBytes of payload, well inside the server's body limit.
    int batchSize = static_cast<int>(protocol::kMaxEventsPerBatch);
    /// Sends the next batch while the answer to the one before is being stored (see pushOutbox).
    bool pipeline = true;
    /// Page size asked of GET /api/v1/changes.
    int changesLimit = 200;
    /// Called after the server answered a batch and before the answer is stored. Tests use it to
    /// kill the process exactly there; production leaves it empty.
    std::function<void()> afterEventsPosted;
};

class SyncSession
{
  public:
    SyncSession(db::Database& db, HttpsClient& client, SyncClock clock, SessionOptions options = {});

    /// Sends pending events until the outbox is empty or a step fails. Once the server has answered
    /// a batch (so it is durable there), the next batch is read and sent on another thread while
    /// this one records the answer: the server applies batch N+1 while the kiosk stores N's
    /// acknowledgements. Batches still reach the server one at a time and in order; a failure
    /// while one is in flight leaves it pending, and its resend is answered "duplicate".
    StepResult pushOutbox();
    /// Pulls pages until `more` is false; each page and its cursor commit together.
    StepResult pullChanges();
    /// POST /api/v1/heartbeat.
    StepResult sendHeartbeat(const protocol::Heartbeat& heartbeat);
    /// After the server's database epoch changed (a restore from a backup): sends again the receipts
    /// of another epoch that may be re-sent, reports the others to POST /api/v1/lost-events, and
    /// moves each settled receipt to the current epoch; also purges old receipts. Does nothing until
    /// an answer told the epoch.
    StepResult reconcileAfterRestore();

    /// The server database's epoch from the last answer that carried one ("" until then).
    const std::string& serverEpoch() const { return m_serverEpoch; }

    /// Server Date minus local wall clock at the last response (seconds), when known.
    std::optional<std::int64_t> clockOffset() const { return m_clockOffset; }

    Outbox& outbox() { return m_outbox; }

    /// Payload bytes at which a batch stops growing (the server refuses bodies over
    /// protocol::kMaxBodyBytes; a refused batch would be split, costing a round trip).
    static constexpr std::size_t kBatchPayloadBytes = 512 * 1024;

  private:
    /// The next batch to send: its events' ids, the request body and its last outbox sequence.
    struct PreparedBatch
    {
        bool drained = false; ///< nothing pending after the sequence asked for
        std::vector<std::string> ids;
        std::string body;
        std::int64_t lastSeq = 0;
    };
    /// Reads pending events after `afterSeq` (a stored event that is not JSON becomes a dead letter
    /// here) and encodes them; `ids` is empty when there is nothing to send this time.
    Result<PreparedBatch, StepResult> prepareBatch(std::int64_t afterSeq);
    /// Records the server's answer (or the transport failure) to `batch`.
    StepResult finishBatch(const PreparedBatch& batch, const Result<HttpResponse, TransportError>& response);
    StepResult httpFailure(const HttpResponse& response);
    StepResult transportFailure(const TransportError& error);
    void noteDate(const HttpResponse& response);
    void noteEpoch(const HttpResponse& response);
    /// POSTs `body` to `path`; a transport failure or an answer other than 200 is the step's failure.
    Result<HttpResponse, StepResult> postExpectingOk(const std::string& path, const std::string& body);
    StepResult resendReceipts(const std::vector<EventReceipt>& receipts, std::vector<std::string>& settled,
                              std::vector<EventReceipt>& toReport);
    StepResult reportLost(const std::vector<EventReceipt>& receipts, std::vector<std::string>& settled);

    db::Database& m_db;
    HttpsClient& m_client;
    SyncClock m_clock;
    SessionOptions m_options;
    Outbox m_outbox;
    int m_batchLimit; ///< shrinks to isolate an event the server refuses as a whole batch
    std::optional<std::int64_t> m_clockOffset;
    std::string m_serverEpoch;
};

/// Maps a non-success status to the step's short error code, e.g. 503 → "http_503".
std::string httpErrorCode(long status);

} // namespace okienko::sync

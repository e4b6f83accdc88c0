// The kiosk's sync worker: its own thread and its own SQLite connection. It sends the outbox, pulls
// changes and heartbeats, paced by capped exponential backoff with full jitter (Retry-After
// honoured), and wakes early when a flow has queued an event (notify()). After every round it posts
// a SyncStatus to a callback, which the platform layer turns into an SDL wake-up event; the UI
// thread never waits for the network. The online fast paths (tryHold, tryBook) use a second HTTPS
// handle with a short timeout, so a resident never waits behind a large batch.
#pragma once

#include "kiosk/sync/backoff.hpp"
#include "kiosk/sync/https_client.hpp"
#include "kiosk/sync/sync_clock.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/util/result.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace okienko::sync
{

struct SyncConfig
{
    std::string databasePath; ///< the kiosk database (the worker opens its own connection)
    HttpsConfig https;
    std::string kioskVersion = "0.1.0";
    SessionOptions session;
    /// How often changes are pulled when nothing else happens.
    std::chrono::milliseconds pullInterval{60'000};
    std::chrono::milliseconds heartbeatInterval{60'000};
    /// Total timeout of tryHold/tryBook: the resident is waiting.
    std::chrono::milliseconds fastPathTimeout{3000};
    BackoffPolicy backoff;
    /// |server Date − kiosk clock| above this is reported (SyncStatus::clockSkewWarning).
    std::chrono::seconds skewWarning{120};
};

enum class Connectivity
{
    Unknown, ///< no exchange yet
    Online,  ///< the last round reached the server and succeeded
    Offline, ///< the server could not be reached, or answered with an error
};

/// What the UI and staff screen show. No personal data.
struct SyncStatus
{
    Connectivity connectivity = Connectivity::Unknown;
    std::optional<std::int64_t> lastSyncAt; ///< Unix seconds of the last successful round
    std::int64_t outboxDepth = 0;
    std::optional<std::chrono::seconds> outboxOldestAge;
    std::int64_t deadLetters = 0;
    std::string lastError; ///< short code ("tls", "timeout", "http_503", …), "" after a success
    std::string lastErrorDetail;
    std::optional<std::int64_t> clockOffsetSeconds; ///< server − kiosk
    bool clockSkewWarning = false;
    std::chrono::milliseconds nextRetryIn{0}; ///< while backing off
    std::int64_t rounds = 0;                  ///< completed rounds, successful or not
};

/// tryHold's answer.
struct HoldOutcome
{
    enum class Kind
    {
        Held,        ///< the server holds a unit for this reservation id
        Unavailable, ///< 409: nothing free; `response.nextAvailable` may offer a date
        Offline,     ///< no authoritative answer in time: fall back to a provisional request
    };
    Kind kind = Kind::Offline;
    std::optional<protocol::HoldResponse> response;
    std::string error; ///< for Offline: why ("timeout", "tls", "http_503", …)
};

/// tryBook's answer.
struct BookOutcome
{
    enum class Kind
    {
        Booked,
        Taken,   ///< 409: `response.alternatives` lists free slots of the same kind
        Offline, ///< fall back to "contact me to arrange" sent through the outbox
    };
    Kind kind = Kind::Offline;
    std::optional<protocol::CounsellingBookResponse> response;
    std::string error;
};

class SyncWorker
{
  public:
    using StatusCallback = std::function<void(const SyncStatus&)>;
    /// "ok", "no-paper", "offline", "error" or "unknown"; called on the worker thread.
    using PrinterStateProvider = std::function<std::string()>;

    explicit SyncWorker(SyncConfig config, SyncClock clock = SyncClock::system(), Backoff::Random random = {});
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    /// Set before start().
    void setStatusCallback(StatusCallback callback);
    void setPrinterStateProvider(PrinterStateProvider provider);

    /// Opens the worker's connection (migrating the file if needed) and starts the thread.
    /// Errors are a short description (database path problems, schema too new).
    Status<std::string> start();
    /// Stops the thread after its current request (bounded by the HTTPS timeouts) and joins it.
    void stop();
    bool running() const { return m_thread.joinable(); }

    /// A flow committed an outbox event: send it now unless the worker is backing off.
    void notify();

    /// The last posted status (thread-safe).
    SyncStatus status() const;

    /// POST /api/v1/reservations/hold with the short timeout; thread-safe, blocking: call it off the
    /// UI thread. The reservation id must be the one the outbox event will carry.
    HoldOutcome tryHold(const protocol::HoldRequest& request);
    /// POST /api/v1/counselling/book, likewise.
    BookOutcome tryBook(const protocol::CounsellingBookRequest& request);

  private:
    void run();
    void post(const SyncStatus& status);

    SyncConfig m_config;
    SyncClock m_clock;
    Backoff m_backoff;
    StatusCallback m_onStatus;
    PrinterStateProvider m_printerState;
    std::chrono::steady_clock::time_point m_startedAt;

    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_notified = false;
    SyncStatus m_status;
    std::unique_ptr<db::Database> m_db; ///< opened by start(), used only on the worker thread

    std::mutex m_fastMutex;
    std::unique_ptr<HttpsClient> m_fastClient;
};

} // namespace okienko::sync

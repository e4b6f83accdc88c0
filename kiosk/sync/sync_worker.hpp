// The kiosk's sync worker: its own thread and its own SQLite connection. It sends the outbox, pulls
// changes and heartbeats, paced by capped exponential backoff with full jitter (Retry-After
// honoured), and wakes early when a flow has queued an event (notify()). After every round it posts
// a SyncStatus to a callback, which the platform layer turns into an SDL wake-up event; the UI
// thread never waits for the network. The online fast paths (tryHold, tryBook) use a second HTTPS
// handle with a short timeout, so a resident never waits behind a large batch.
#pragma once

#include "kiosk/model/sync_status.hpp"
#include "kiosk/sync/backoff.hpp"
#include "kiosk/sync/https_client.hpp"
#include "kiosk/sync/sync_clock.hpp"
#include "kiosk/sync/sync_session.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/util/result.hpp"
#include "shared/util/version.hpp"

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
    std::string kioskVersion{okienko::version()}; ///< sent in every heartbeat
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

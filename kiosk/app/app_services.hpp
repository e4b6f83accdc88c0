// The real KioskServices: the kiosk database (seeded from the configured catalogue on first start),
// the print worker (when a CUPS queue is configured), the sync worker (when a server is
// configured) and a small worker thread for the online fast paths. Every worker hands its results
// to one mutex-protected queue and calls the injected wake function, which the platform layer
// turns into an SDL user event; the UI thread drains the queue with takeCompletions(). No SDL here.
#pragma once

#include "kiosk/core/config.hpp"
#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/receipt/print_service.hpp"
#include "kiosk/sync/sync_worker.hpp"
#include "shared/db/database.hpp"
#include "shared/domain/activity.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/util/result.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace okienko::kiosk
{

/// What the heartbeat says about the printer: "ok", "no-paper", "offline", "error" or "unknown".
std::string heartbeatPrinterState(receipt::PrinterCondition condition);

/// The sync worker's settings for a kiosk.toml: url, CA, token (read from token_file), timeouts,
/// and sync_interval_seconds as both the pull and the heartbeat interval. Errors name the file.
Result<sync::SyncConfig, std::string> makeSyncConfig(const KioskConfig& config);

class AppServices final : public KioskServices
{
  public:
    /// Called on a worker thread after a completion was queued; must only wake the UI thread.
    using WakeFunction = std::function<void()>;

    /// Opens (creating its directory) the kiosk database and seeds the catalogue from
    /// config.data.catalog when the database has none — or, on a standalone kiosk (no server),
    /// whenever the file differs from what is stored. Problems are collected in problems(); the
    /// services then degrade (no database: flows cannot store requests; nothing crashes).
    explicit AppServices(const KioskConfig& config);
    ~AppServices() override;
    AppServices(const AppServices&) = delete;
    AppServices& operator=(const AppServices&) = delete;

    /// Starts the print worker, the sync worker and the fast-path worker. Call once, after the
    /// wake function can work (the SDL event queue exists). Problems are added to problems().
    void start(WakeFunction wake);
    /// Stops every worker (joins their threads). Idempotent; the destructor calls it.
    void stop();

    /// Start-up problems, one line each (for the log; not user data).
    const std::vector<std::string>& problems() const { return m_problems; }
    /// The catalogue stored in the kiosk database (what the server sent last, or the seed).
    /// The schedule's activities the kiosk database holds that end on or after `from`.
    Result<std::vector<domain::Activity>, std::string> loadActivities(Date from);
    Result<domain::Catalog, std::string> loadCatalogue();
    /// The sync worker's latest status; Unknown connectivity when not configured.
    sync::SyncStatus syncStatus() const;

    // KioskServices
    db::Database& database() override { return m_db; }
    const std::string& kioskId() const override { return m_kioskId; }
    void outboxChanged() override;
    bool canPrint() const override { return m_print != nullptr; }
    std::optional<std::uint64_t> print(receipt::Slip slip) override;
    bool online() const override { return m_sync != nullptr; }
    void requestHold(protocol::HoldRequest request) override;
    void requestBooking(protocol::CounsellingBookRequest request) override;
    std::uint64_t verifyPin(std::vector<PinCandidate> candidates, std::string pin) override;
    void checkPrinter() override;
    std::optional<std::uint64_t> reprintLast() override;
    void forgetPrinted() override;
    std::vector<Completion> takeCompletions() override;

  private:
    void post(Completion completion);
    void queueFastJob(std::function<Completion()> job);
    void runFastPaths();
    /// Runs on the sync thread: was the stored catalogue changed by the round that just ended?
    bool catalogueChangedSinceLastRound();

    KioskConfig m_config;
    std::string m_kioskId;
    std::vector<std::string> m_problems;
    db::Database m_db; ///< the UI thread's connection

    mutable std::mutex m_queueMutex;
    std::vector<Completion> m_completions;
    WakeFunction m_wake;

    // Fast paths (tryHold / tryBook): one thread, jobs in order.
    std::mutex m_fastMutex;
    std::condition_variable m_fastWake;
    std::deque<std::function<Completion()>> m_fastJobs;
    bool m_fastStopping = false;
    std::uint64_t m_nextPinTicket = 1; ///< UI thread only
    std::thread m_fastThread;

    // Used only on the sync thread (status callback): catalogue change detection.
    std::optional<db::Database> m_watchDb;
    std::string m_lastCursor;
    domain::Catalog m_lastCatalogue;

    std::unique_ptr<receipt::PrintService> m_print;
    std::unique_ptr<sync::SyncWorker> m_sync;
    bool m_started = false;
};

} // namespace okienko::kiosk

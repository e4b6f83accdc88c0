// The worker loop. Waiting uses the real steady clock (a condition variable cannot sleep on a
// manual clock); timestamps and backoff decisions use the injected SyncClock.
#include "kiosk/sync/sync_worker.hpp"

#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/staff_feed_expiry.hpp"
#include "shared/db/query.hpp"

#include <algorithm>
#include <cstdlib>

namespace okienko::sync
{

namespace
{

void recordAttempt(db::Database& db, std::int64_t now, bool ok, const std::string& error)
{
    if (ok)
        (void)db::exec(
            db, "UPDATE sync_state SET last_attempt_at = ?1, last_sync_at = ?1, last_error = NULL WHERE id = 1", now);
    else
        (void)db::exec(db, "UPDATE sync_state SET last_attempt_at = ?1, last_error = ?2 WHERE id = 1", now, error);
}

} // namespace

SyncWorker::SyncWorker(SyncConfig config, SyncClock clock, Backoff::Random random)
    : m_config(std::move(config)), m_clock(std::move(clock)), m_backoff(m_config.backoff, std::move(random)),
      m_startedAt(m_clock.monotonic())
{
}

SyncWorker::~SyncWorker()
{
    stop();
}

void SyncWorker::setStatusCallback(StatusCallback callback)
{
    m_onStatus = std::move(callback);
}

void SyncWorker::setPrinterStateProvider(PrinterStateProvider provider)
{
    m_printerState = std::move(provider);
}

Status<std::string> SyncWorker::start()
{
    if (m_thread.joinable())
        return makeErr(std::string("sync worker already running"));
    auto opened = kiosk::openKioskDatabase(m_config.databasePath);
    if (!opened)
        return makeErr("kiosk database: " + opened.error().describe());
    m_db = std::make_unique<db::Database>(std::move(opened).value());
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this] { run(); });
    return {};
}

void SyncWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_db.reset();
}

void SyncWorker::notify()
{
    {
        std::lock_guard lock(m_mutex);
        m_notified = true;
    }
    m_wake.notify_all();
}

SyncStatus SyncWorker::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SyncWorker::post(const SyncStatus& status)
{
    {
        std::lock_guard lock(m_mutex);
        m_status = status;
    }
    if (m_onStatus)
        m_onStatus(status);
}

void SyncWorker::run()
{
    HttpsClient client(m_config.https);
    SyncSession session(*m_db, client, m_clock, m_config.session);
    auto nextPull = m_clock.monotonic();
    auto nextHeartbeat = m_clock.monotonic();

    for (;;)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
            m_notified = false;
        }
        auto now = m_clock.monotonic();
        if (m_backoff.ready(now))
        {
            const bool pullDue = now >= nextPull;
            const bool heartbeatDue = now >= nextHeartbeat;
            SyncStatus status = m_status;
            status.rounds += 1;

            StepResult result = session.pushOutbox();
            // Acknowledged and dead-lettered events had their personal data erased in the database
            // file; the checkpoint below also removes the older copies from the -wal file.
            bool erased = result.eventsSent + result.eventsRejected > 0;
            if (result.ok && pullDue)
            {
                result = session.pullChanges();
                erased = erased || result.changesApplied > 0;
                if (result.ok)
                    nextPull = now + m_config.pullInterval;
            }
            if (result.ok && heartbeatDue)
            {
                protocol::Heartbeat hb;
                hb.kioskVersion = m_config.kioskVersion;
                hb.uptimeS = std::chrono::duration_cast<std::chrono::seconds>(now - m_startedAt).count();
                auto depth = session.outbox().depth();
                hb.outboxDepth = depth ? *depth : 0;
                auto age = session.outbox().oldestAge();
                hb.outboxOldestAgeS = age && age->has_value() ? (*age)->count() : 0;
                hb.printerState = m_printerState ? m_printerState() : std::string("unknown");
                hb.lastSync = status.lastSyncAt;
                result = session.sendHeartbeat(hb);
                if (result.ok)
                    nextHeartbeat = now + m_config.heartbeatInterval;
            }
            // Cheap when nothing changed: one indexed query finds no receipt of another epoch.
            if (result.ok)
                result = session.reconcileAfterRestore();

            const std::int64_t wall = m_clock.wallSeconds();
            if (result.ok)
            {
                m_backoff.onSuccess();
                status.connectivity = Connectivity::Online;
                status.lastSyncAt = wall;
                status.lastError.clear();
                status.lastErrorDetail.clear();
                status.nextRetryIn = std::chrono::milliseconds(0);
            }
            else
            {
                // Counted from the answer, not the round's start: "Retry-After: 1" means a second
                // after the server said so, however long the round took to get there.
                status.nextRetryIn =
                    m_backoff.onFailure(m_clock.monotonic(), static_cast<int>(result.httpStatus), result.retryAfter);
                status.connectivity = Connectivity::Offline;
                status.lastError = result.error;
                status.lastErrorDetail = result.detail;
            }
            recordAttempt(*m_db, wall, result.ok, result.error);
            auto expired = dropExpiredStaffFeed(*m_db, wall);
            if (erased || (expired && *expired > 0))
                (void)m_db->checkpointTruncate(); // busy while the UI reads: the next round retries
            auto depth = session.outbox().depth();
            status.outboxDepth = depth ? *depth : status.outboxDepth;
            auto age = session.outbox().oldestAge();
            status.outboxOldestAge = age ? *age : std::nullopt;
            auto dead = session.outbox().deadCount();
            status.deadLetters = dead ? *dead : status.deadLetters;
            status.clockOffsetSeconds = session.clockOffset();
            status.clockSkewWarning =
                status.clockOffsetSeconds && std::abs(*status.clockOffsetSeconds) > m_config.skewWarning.count();
            post(status);
        }

        now = m_clock.monotonic();
        auto wakeAt = m_backoff.ready(now) ? std::min(nextPull, nextHeartbeat) : m_backoff.notBefore();
        auto waitFor = std::max(std::chrono::steady_clock::duration::zero(), wakeAt - now);
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, waitFor,
                        [&]
                        {
                            // A notify during backoff must not cut the backoff short (Retry-After is a promise).
                            return m_stopping || (m_notified && m_backoff.ready(m_clock.monotonic()));
                        });
    }
}

HoldOutcome SyncWorker::tryHold(const protocol::HoldRequest& request)
{
    std::lock_guard lock(m_fastMutex);
    if (!m_fastClient)
        m_fastClient = std::make_unique<HttpsClient>(m_config.https);
    HoldOutcome out;
    auto response = m_fastClient->postJson("/api/v1/reservations/hold", protocol::encodeHoldRequest(request),
                                           m_config.fastPathTimeout);
    if (!response)
    {
        out.error = std::string(transportErrorCode(response.error().kind));
        return out;
    }
    if (response->status == 200 || response->status == 201 || response->status == 409)
    {
        auto decoded = protocol::decodeHoldResponse(response->body);
        if (!decoded)
        {
            out.error = "bad_response";
            return out;
        }
        out.kind = response->status == 409 ? HoldOutcome::Kind::Unavailable : HoldOutcome::Kind::Held;
        out.response = std::move(decoded).value();
        return out;
    }
    out.error = httpErrorCode(response->status);
    return out;
}

BookOutcome SyncWorker::tryBook(const protocol::CounsellingBookRequest& request)
{
    std::lock_guard lock(m_fastMutex);
    if (!m_fastClient)
        m_fastClient = std::make_unique<HttpsClient>(m_config.https);
    BookOutcome out;
    auto response = m_fastClient->postJson("/api/v1/counselling/book", protocol::encodeCounsellingBookRequest(request),
                                           m_config.fastPathTimeout);
    if (!response)
    {
        out.error = std::string(transportErrorCode(response.error().kind));
        return out;
    }
    if (response->status == 200 || response->status == 201 || response->status == 409)
    {
        auto decoded = protocol::decodeCounsellingBookResponse(response->body);
        if (!decoded)
        {
            out.error = "bad_response";
            return out;
        }
        out.kind = response->status == 409 ? BookOutcome::Kind::Taken : BookOutcome::Kind::Booked;
        out.response = std::move(decoded).value();
        return out;
    }
    out.error = httpErrorCode(response->status);
    return out;
}

} // namespace okienko::sync

// The writer probe and the ping loop (see store_watchdog.hpp).
#include "server/store_watchdog.hpp"

#include <algorithm>
#include <cstdio>

namespace okienko::server
{

namespace
{
constexpr std::chrono::milliseconds kRetryAfterFailure{1000};
} // namespace

StoreWatchdog::StoreWatchdog(ServerStore& store, service::ServiceNotifier& notifier)
    : m_store(store), m_notifier(notifier)
{
    if (m_notifier.pingPeriod())
        m_thread = std::thread([this] { loop(); });
}

StoreWatchdog::~StoreWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void StoreWatchdog::loop()
{
    const std::chrono::milliseconds period = *m_notifier.pingPeriod();
    std::unique_lock lock(m_mutex);
    while (!m_stopping)
    {
        lock.unlock();
        // An empty write transaction dirties no page, so it costs no fsync; it still needs the
        // writer mutex and SQLite's RESERVED lock, which is what a stuck writer would hold.
        const Status<db::Error> probe = m_store.write([](db::Database&) { return Status<db::Error>{}; });
        if (probe.ok())
            m_notifier.ping();
        else
            std::fprintf(stderr, "okienko-central: watchdog: the database takes no write (%s); not pinging\n",
                         probe.error().describe().c_str());
        lock.lock();
        // One failed probe (SQLITE_BUSY behind another process's import, say) must not cost a
        // restart: the next try comes soon, so a writer that frees up pings well within
        // WatchdogSec; only one stuck for the whole interval misses it.
        m_wake.wait_for(lock, probe.ok() ? period : std::min(period, kRetryAfterFailure),
                        [this] { return m_stopping; });
    }
}

} // namespace okienko::server

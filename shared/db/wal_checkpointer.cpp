// The checkpoint thread: SQLite's WAL hook on the writer, a PASSIVE checkpoint on its own connection.
#include "shared/db/wal_checkpointer.hpp"

#include <csignal>
#include <pthread.h>
#include <sqlite3.h>

namespace okienko::db
{

WalCheckpointer::WalCheckpointer(Database& writer, const std::string& path, int thresholdPages,
                                 std::chrono::milliseconds idle)
    : m_writer(writer), m_threshold(thresholdPages), m_idle(idle)
{
    // Replaces the automatic checkpoint (sqlite3_wal_autocheckpoint is itself this hook).
    sqlite3_wal_hook(m_writer.handle(), &WalCheckpointer::onCommit, this);
    // The thread takes no signal: a service's SIGTERM must reach the thread that waits for it
    // (`serve` blocks it only after the store is open), not end the process here by default.
    sigset_t all;
    sigset_t before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    m_thread = std::thread(&WalCheckpointer::run, this, path);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_hook(m_writer.handle(), nullptr, nullptr);
    sqlite3_wal_autocheckpoint(m_writer.handle(), 1000); // the writer may outlive this thread
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

std::int64_t WalCheckpointer::checkpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

int WalCheckpointer::onCommit(void* self, sqlite3*, const char*, int walPages)
{
    auto* me = static_cast<WalCheckpointer*>(self);
    if (walPages >= me->m_threshold)
    {
        {
            std::lock_guard lock(me->m_mutex);
            me->m_due = true;
        }
        me->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run(std::string path)
{
    auto own = Database::open(path);
    std::unique_lock lock(m_mutex);
    while (!m_stop)
    {
        m_wake.wait_for(lock, m_idle, [&] { return m_due || m_stop; });
        if (m_stop)
            break;
        m_due = false;
        lock.unlock();
        // Without a connection of its own (the file vanished, no memory) nothing is checkpointed
        // here; SQLite still checkpoints when the last connection closes.
        if (own)
            sqlite3_wal_checkpoint_v2(own->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        ++m_checkpoints;
    }
}

} // namespace okienko::db

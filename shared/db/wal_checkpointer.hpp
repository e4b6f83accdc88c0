// Checkpoints a busy database's WAL on a thread of its own, so the connection that commits never
// does it. SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages: the
// committing thread copies pages into the database file and syncs it while every writer waiting
// behind it (the server's group commit: every kiosk's batch) waits too. With a WalCheckpointer the
// writer's commit only notes the WAL's size; this thread, with its own connection, runs a PASSIVE
// checkpoint (it never blocks a writer or a reader) once the WAL has grown past the threshold, and
// every `idle` interval otherwise. Durability is unchanged: a commit is durable in the WAL itself.
#pragma once

#include "shared/db/database.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace okienko::db
{

class WalCheckpointer
{
  public:
    /// Takes over `writer`'s checkpoints (its automatic checkpoint is replaced by a notice to this
    /// thread); `path` is the same database, opened again for the thread.
    WalCheckpointer(Database& writer, const std::string& path, int thresholdPages = 1000,
                    std::chrono::milliseconds idle = std::chrono::seconds(5));
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    /// Checkpoints run so far (tests and benchmarks).
    std::int64_t checkpoints() const;

  private:
    static int onCommit(void* self, sqlite3* db, const char* name, int walPages);
    void run(std::string path);

    Database& m_writer;
    const int m_threshold;
    const std::chrono::milliseconds m_idle;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stop = false;
    std::int64_t m_checkpoints = 0;
    std::thread m_thread;
};

} // namespace okienko::db

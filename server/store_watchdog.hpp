// The server's systemd watchdog: a thread that sends WATCHDOG=1 only while the database writer
// still takes a write transaction. Every request that records anything goes through that one
// writer (ServerStore's mutex + BEGIN IMMEDIATE), so a writer stuck on a hung disk or a lock never
// released leaves a server that accepts connections yet answers no sync: systemd then restarts it.
// A dead listener needs no ping check: HttpServer::run() returns and serve exits (Restart=always).
#pragma once

#include "server/server_store.hpp"
#include "shared/service/service_notifier.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace okienko::server
{

class StoreWatchdog
{
  public:
    /// Starts pinging at `notifier`'s period; does nothing when the unit has no WatchdogSec.
    StoreWatchdog(ServerStore& store, service::ServiceNotifier& notifier);
    /// Stops the thread (a probe in progress finishes first).
    ~StoreWatchdog();
    StoreWatchdog(const StoreWatchdog&) = delete;
    StoreWatchdog& operator=(const StoreWatchdog&) = delete;

  private:
    void loop();

    ServerStore& m_store;
    service::ServiceNotifier& m_notifier;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace okienko::server

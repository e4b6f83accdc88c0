// The service manager's side of sd_notify for tests: an AF_UNIX datagram socket in a temporary
// directory (its path goes into the child's NOTIFY_SOCKET) and a thread that records every
// message with the time it arrived.
#pragma once

#include "tests/support/temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace okienko::test
{

struct NotifyMessage
{
    std::chrono::steady_clock::time_point received;
    std::string text; ///< e.g. "READY=1\nSTATUS=…" or "WATCHDOG=1"
};

class NotifyListener
{
  public:
    NotifyListener();
    ~NotifyListener();
    NotifyListener(const NotifyListener&) = delete;
    NotifyListener& operator=(const NotifyListener&) = delete;

    bool ok() const { return m_fd >= 0; }
    const std::string& socketPath() const { return m_path; }
    /// Every message so far, oldest first.
    std::vector<NotifyMessage> messages() const;
    /// Waits until a message holding the line `line` (e.g. "READY=1") arrived; false at `limit`.
    bool waitForLine(const std::string& line, std::chrono::milliseconds limit) const;

  private:
    void receiveLoop();

    TempDir m_dir{"okienko-notify"};
    std::string m_path;
    int m_fd = -1;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    std::vector<NotifyMessage> m_messages;
    std::thread m_thread;
};

/// Whether `message` has `line` as one of its newline-separated assignments.
bool hasLine(const NotifyMessage& message, const std::string& line);

} // namespace okienko::test

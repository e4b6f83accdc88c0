// A small okienko-central stand-in for the sync worker's integration tests: a real HTTPS server
// (cpp-httplib, OpenSSL) on 127.0.0.1 speaking protocol v1 through the shared codec, idempotent by
// event id, with switches to answer 500/503/429 with Retry-After, to answer slowly, or to refuse a
// batch as a whole. It records when each request arrived so tests can check the client's pacing.
#pragma once

#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace httplib
{
class SSLServer;
}

namespace okienko::test
{

class FakeCentral
{
  public:
    FakeCentral(std::string certFile, std::string keyFile, std::string token);
    ~FakeCentral();

    /// Listens on `port` (0: any free port) in a thread; returns the port or -1.
    int start(int port = 0);
    void stop();
    int port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }

    /// The next `count` requests to `path` get `status` with a protocol error body and, when given,
    /// Retry-After (in seconds).
    void failNext(const std::string& path, int count, int status, std::optional<int> retryAfter = std::nullopt);
    /// Every request waits this long before it is answered.
    void setDelay(std::chrono::milliseconds delay);
    /// An event of this type makes its whole batch fail with 400 bad_value (an envelope error).
    void setPoisonType(const std::string& type);
    /// Served by GET /api/v1/changes, `pageSize` per page; the cursor is "c<index>".
    void setChanges(std::vector<protocol::Change> changes);

    struct Arrival
    {
        std::string path;
        std::chrono::steady_clock::time_point at;
        int status = 0;
    };
    std::vector<Arrival> arrivals() const;
    /// How many times each event id was APPLIED (must never exceed 1).
    std::map<std::string, int> applied() const;
    std::size_t duplicatesAnswered() const;
    std::optional<protocol::Heartbeat> lastHeartbeat() const;
    std::vector<std::string> cursorsSeen() const;

  private:
    void route();

    std::string m_cert, m_key, m_token;
    std::unique_ptr<httplib::SSLServer> m_server;
    std::thread m_thread;
    int m_port = -1;

    mutable std::mutex m_mutex;
    struct Failure
    {
        int count = 0;
        int status = 0;
        std::optional<int> retryAfter;
    };
    std::map<std::string, Failure> m_failures;
    std::chrono::milliseconds m_delay{0};
    std::string m_poisonType;
    std::vector<protocol::Change> m_changes;
    std::vector<Arrival> m_arrivals;
    std::map<std::string, int> m_applied;
    std::map<std::string, protocol::EventResult> m_results;
    std::size_t m_duplicates = 0;
    std::optional<protocol::Heartbeat> m_heartbeat;
    std::vector<std::string> m_cursors;
    std::map<std::string, protocol::HoldRequest> m_holds;
};

} // namespace okienko::test

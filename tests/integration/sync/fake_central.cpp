// Handlers of the stand-in server. Idempotency mirrors docs/protocol.md: a known id is answered
// "duplicate" with the first result and is never applied again.
#include "tests/integration/sync/fake_central.hpp"

#include <ctime>
#include <httplib.h>

namespace okienko::test
{

namespace
{
void sendError(httplib::Response& res, int status, const std::string& code)
{
    res.status = status;
    res.set_content(protocol::encodeErrorBody({code, "test"}), "application/json");
}
} // namespace

FakeCentral::FakeCentral(std::string certFile, std::string keyFile, std::string token)
    : m_cert(std::move(certFile)), m_key(std::move(keyFile)), m_token(std::move(token))
{
}

FakeCentral::~FakeCentral()
{
    stop();
}

int FakeCentral::start(int port)
{
    stop();
    m_server = std::make_unique<httplib::SSLServer>(m_cert.c_str(), m_key.c_str());
    if (!m_server->is_valid())
        return -1;
    m_server->set_tcp_nodelay(true);
    route();
    if (port == 0)
        m_port = m_server->bind_to_any_port("127.0.0.1");
    else
        m_port = m_server->bind_to_port("127.0.0.1", port) ? port : -1;
    if (m_port <= 0)
        return -1;
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    // 0.11 has no wait_until_ready(); the socket already listens, so connections queue until the
    // accept loop runs. Wait for it anyway so that stop() right after start() is well defined.
    for (int i = 0; i < 500 && !m_server->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return m_port;
}

void FakeCentral::stop()
{
    if (m_server)
        m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
    m_server.reset();
}

void FakeCentral::failNext(const std::string& path, int count, int status, std::optional<int> retryAfter)
{
    std::lock_guard lock(m_mutex);
    m_failures[path] = Failure{count, status, retryAfter};
}

void FakeCentral::setDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(m_mutex);
    m_delay = delay;
}

void FakeCentral::setPoisonType(const std::string& type)
{
    std::lock_guard lock(m_mutex);
    m_poisonType = type;
}

void FakeCentral::setChanges(std::vector<protocol::Change> changes)
{
    std::lock_guard lock(m_mutex);
    m_changes = std::move(changes);
}

std::vector<FakeCentral::Arrival> FakeCentral::arrivals() const
{
    std::lock_guard lock(m_mutex);
    return m_arrivals;
}

std::map<std::string, int> FakeCentral::applied() const
{
    std::lock_guard lock(m_mutex);
    return m_applied;
}

std::size_t FakeCentral::duplicatesAnswered() const
{
    std::lock_guard lock(m_mutex);
    return m_duplicates;
}

std::optional<protocol::Heartbeat> FakeCentral::lastHeartbeat() const
{
    std::lock_guard lock(m_mutex);
    return m_heartbeat;
}

std::vector<std::string> FakeCentral::cursorsSeen() const
{
    std::lock_guard lock(m_mutex);
    return m_cursors;
}

void FakeCentral::route()
{
    // Like the real server: every response carries Date, which the kiosk uses for skew estimation.
    m_server->set_post_routing_handler(
        [](const httplib::Request&, httplib::Response& res)
        {
            const std::time_t now = std::time(nullptr);
            std::tm tm{};
            gmtime_r(&now, &tm);
            char buf[64];
            std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
            res.set_header("Date", buf);
        });

    // Common gate: arrival log, delay, bearer token, injected failures. True when handled.
    auto gate = [this](const httplib::Request& req, httplib::Response& res)
    {
        std::chrono::milliseconds delay;
        {
            std::lock_guard lock(m_mutex);
            delay = m_delay;
        }
        if (delay.count() > 0)
            std::this_thread::sleep_for(delay);
        std::lock_guard lock(m_mutex);
        Arrival arrival{req.path, std::chrono::steady_clock::now(), 0};
        bool handled = false;
        if (req.get_header_value("Authorization") != "Bearer " + m_token)
        {
            sendError(res, 401, "unauthorized");
            handled = true;
        }
        else if (auto it = m_failures.find(req.path); it != m_failures.end() && it->second.count > 0)
        {
            --it->second.count;
            sendError(res, it->second.status, it->second.status == 429 ? "rate_limited" : "busy");
            if (it->second.retryAfter)
                res.set_header("Retry-After", std::to_string(*it->second.retryAfter));
            handled = true;
        }
        arrival.status = handled ? res.status : 200;
        m_arrivals.push_back(arrival);
        return handled;
    };

    m_server->Post("/api/v1/events",
                   [this, gate](const httplib::Request& req, httplib::Response& res)
                   {
                       if (gate(req, res))
                           return;
                       auto batch = protocol::decodeEventBatch(req.body);
                       if (!batch)
                           return sendError(res, 400, std::string(protocol::errorCodeName(batch.error().code)));
                       std::lock_guard lock(m_mutex);
                       for (const auto& e : *batch)
                           if (!m_poisonType.empty() && e.type == m_poisonType)
                               return sendError(res, 400, "bad_value");
                       std::vector<protocol::EventResult> results;
                       for (const auto& e : *batch)
                       {
                           if (auto known = m_results.find(e.id); known != m_results.end())
                           {
                               auto dup = known->second;
                               dup.status = protocol::EventStatus::Duplicate;
                               results.push_back(dup);
                               ++m_duplicates;
                               continue;
                           }
                           protocol::EventResult r;
                           r.id = e.id;
                           if (e.type == "reject.me")
                           {
                               r.status = protocol::EventStatus::Rejected;
                               r.code = "bad_value";
                           }
                           else
                           {
                               r.status = protocol::EventStatus::Applied;
                               ++m_applied[e.id];
                           }
                           m_results[e.id] = r;
                           results.push_back(r);
                       }
                       res.set_content(protocol::encodeEventResults(results), "application/json");
                   });

    m_server->Get("/api/v1/changes",
                  [this, gate](const httplib::Request& req, httplib::Response& res)
                  {
                      if (gate(req, res))
                          return;
                      std::lock_guard lock(m_mutex);
                      const std::string since = req.has_param("since") ? req.get_param_value("since") : "";
                      m_cursors.push_back(since);
                      std::size_t from = 0;
                      if (!since.empty())
                      {
                          if (since.front() != 'c')
                              return sendError(res, 400, "bad_cursor");
                          from = static_cast<std::size_t>(std::stoul(since.substr(1)));
                      }
                      std::size_t limit = req.has_param("limit")
                                              ? static_cast<std::size_t>(std::stoul(req.get_param_value("limit")))
                                              : 200;
                      protocol::ChangesPage page;
                      for (std::size_t i = from; i < m_changes.size() && page.changes.size() < limit; ++i)
                          page.changes.push_back(m_changes[i]);
                      const std::size_t next = std::min(m_changes.size(), from + page.changes.size());
                      page.cursor = "c" + std::to_string(next);
                      page.more = next < m_changes.size();
                      res.set_content(protocol::encodeChangesPage(page), "application/json");
                  });

    m_server->Post("/api/v1/heartbeat",
                   [this, gate](const httplib::Request& req, httplib::Response& res)
                   {
                       if (gate(req, res))
                           return;
                       auto hb = protocol::decodeHeartbeat(req.body);
                       if (!hb)
                           return sendError(res, 400, std::string(protocol::errorCodeName(hb.error().code)));
                       std::lock_guard lock(m_mutex);
                       m_heartbeat = *hb;
                       res.set_content(R"({"server_time":1})", "application/json");
                   });

    m_server->Post("/api/v1/reservations/hold",
                   [this, gate](const httplib::Request& req, httplib::Response& res)
                   {
                       if (gate(req, res))
                           return;
                       auto hold = protocol::decodeHoldRequest(req.body);
                       if (!hold)
                           return sendError(res, 400, std::string(protocol::errorCodeName(hold.error().code)));
                       protocol::HoldResponse out;
                       out.reservationId = hold->reservationId;
                       if (hold->typeId == "none-left")
                       {
                           out.status = "unavailable";
                           out.nextAvailable = hold->pickUpDate.plusDays(9);
                           res.status = 409;
                       }
                       else
                       {
                           out.status = "held";
                           out.unitsLeft = 1;
                           out.claimBy = 2'000'000'000;
                           out.pickUpBy = hold->pickUpDate.plusDays(2);
                           res.status = 201;
                           std::lock_guard lock(m_mutex);
                           m_holds[hold->reservationId] = *hold;
                       }
                       res.set_content(protocol::encodeHoldResponse(out), "application/json");
                   });
}

} // namespace okienko::test

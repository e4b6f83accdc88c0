// Receiving sd_notify datagrams (see notify_listener.hpp).
#include "tests/integration/notify/notify_listener.hpp"

#include <cstring>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace okienko::test
{

NotifyListener::NotifyListener() : m_path(m_dir.file("notify"))
{
    m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (m_fd < 0 || m_path.size() >= sizeof address.sun_path)
        return;
    std::memcpy(address.sun_path, m_path.c_str(), m_path.size() + 1);
    if (bind(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
    {
        close(m_fd);
        m_fd = -1;
        return;
    }
    m_thread = std::thread([this] { receiveLoop(); });
}

NotifyListener::~NotifyListener()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_fd >= 0)
        close(m_fd);
}

void NotifyListener::receiveLoop()
{
    while (!m_stop)
    {
        pollfd p{m_fd, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0)
            continue;
        char buffer[4096];
        const ssize_t n = recv(m_fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            continue;
        std::lock_guard lock(m_mutex);
        m_messages.push_back({std::chrono::steady_clock::now(), std::string(buffer, static_cast<std::size_t>(n))});
    }
}

std::vector<NotifyMessage> NotifyListener::messages() const
{
    std::lock_guard lock(m_mutex);
    return m_messages;
}

bool NotifyListener::waitForLine(const std::string& line, std::chrono::milliseconds limit) const
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline)
    {
        for (const NotifyMessage& m : messages())
            if (hasLine(m, line))
                return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

bool hasLine(const NotifyMessage& message, const std::string& line)
{
    std::istringstream in(message.text);
    for (std::string l; std::getline(in, l);)
        if (l == line)
            return true;
    return false;
}

} // namespace okienko::test

// The SMTP sink of smtp_sink.hpp: one connection at a time, a line protocol over a blocking socket.
#include "tests/integration/residents/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace okienko::test
{

namespace
{
bool sendAll(int fd, const std::string& text)
{
    std::size_t sent = 0;
    while (sent < text.size())
    {
        const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

/// Reads one CRLF-ended line (without it) from `fd`, buffering the rest; false at the end.
bool readLine(int fd, std::string& buffer, std::string& line)
{
    for (;;)
    {
        const auto end = buffer.find("\r\n");
        if (end != std::string::npos)
        {
            line = buffer.substr(0, end);
            buffer.erase(0, end + 2);
            return true;
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 10000) <= 0)
            return false;
        char chunk[4096];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

std::string upper(std::string s)
{
    for (char& c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return s;
}
} // namespace

SmtpSink::SmtpSink()
{
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listen < 0)
        return;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t length = sizeof addr;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listen, 8) != 0 ||
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &length) != 0)
        return;
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listen >= 0)
        ::close(m_listen);
}

std::vector<ReceivedMail> SmtpSink::waitFor(std::size_t count, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_arrived.wait_for(lock, timeout, [&] { return m_mails.size() >= count; });
    return m_mails;
}

void SmtpSink::serve()
{
    while (!m_stop)
    {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const int fd = ::accept(m_listen, nullptr, nullptr);
        if (fd < 0)
            continue;
        session(fd);
        ::close(fd);
    }
}

void SmtpSink::session(int fd)
{
    std::string buffer, line;
    ReceivedMail mail;
    if (!sendAll(fd, "220 sink.test ESMTP\r\n"))
        return;
    while (readLine(fd, buffer, line))
    {
        const std::string verb = upper(line.substr(0, 4));
        if (verb == "EHLO" || verb == "HELO")
            sendAll(fd, "250 sink.test\r\n");
        else if (verb == "MAIL")
        {
            mail = ReceivedMail{};
            mail.from = line.substr(line.find(':') + 1);
            sendAll(fd, "250 OK\r\n");
        }
        else if (verb == "RCPT")
        {
            mail.recipients.push_back(line.substr(line.find(':') + 1));
            sendAll(fd, "250 OK\r\n");
        }
        else if (verb == "DATA")
        {
            sendAll(fd, "354 End data with <CR><LF>.<CR><LF>\r\n");
            std::string data;
            while (readLine(fd, buffer, line) && line != ".")
                data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\r\n";
            std::this_thread::sleep_for(std::chrono::milliseconds(m_delayMs.load()));
            {
                std::lock_guard lock(m_mutex);
                mail.data = data;
                m_mails.push_back(mail);
            }
            m_arrived.notify_all();
            sendAll(fd, "250 OK queued\r\n");
        }
        else if (verb == "QUIT")
        {
            sendAll(fd, "221 Bye\r\n");
            return;
        }
        else
            sendAll(fd, "250 OK\r\n");
    }
}

} // namespace okienko::test

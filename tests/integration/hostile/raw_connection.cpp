// Raw client connections for the hostile-client tests.
#include "tests/integration/hostile/raw_connection.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace okienko::test
{

namespace
{
/// True once `response` holds its headers and the Content-Length they announce.
bool complete(const std::string& response)
{
    const auto end = response.find("\r\n\r\n");
    if (end == std::string::npos)
        return false;
    std::string head = response.substr(0, end);
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto length = head.find("\r\ncontent-length:");
    return length != std::string::npos &&
           response.size() >= end + 4 + static_cast<std::size_t>(std::atol(head.c_str() + length + 17));
}
} // namespace

std::unique_ptr<RawConnection> RawConnection::open(const std::string& source, int port, SSL_CTX* tls)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    timeval limit{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (inet_pton(AF_INET, source.c_str(), &from.sin_addr) != 1 ||
        bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0)
    {
        close(fd);
        return nullptr;
    }
    SSL* ssl = nullptr;
    if (tls != nullptr)
    {
        ssl = SSL_new(tls);
        SSL_set_fd(ssl, fd);
        SSL_set1_host(ssl, "127.0.0.1");
        if (SSL_connect(ssl) != 1)
        {
            SSL_free(ssl);
            close(fd);
            ERR_clear_error();
            return nullptr;
        }
    }
    return std::unique_ptr<RawConnection>(new RawConnection(fd, ssl));
}

RawConnection::~RawConnection()
{
    if (m_ssl != nullptr)
        SSL_free(m_ssl);
    close(m_fd);
}

bool RawConnection::send(std::string_view bytes)
{
    while (!bytes.empty())
    {
        const int chunk = static_cast<int>(std::min<std::size_t>(bytes.size(), 1 << 20));
        const long n = m_ssl != nullptr ? SSL_write(m_ssl, bytes.data(), chunk)
                                        : ::send(m_fd, bytes.data(), static_cast<std::size_t>(chunk), MSG_NOSIGNAL);
        if (n <= 0)
        {
            ERR_clear_error();
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool RawConnection::readable(int millis) const
{
    if (m_ssl != nullptr && SSL_pending(m_ssl) > 0)
        return true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(millis);
    for (;;)
    {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{m_fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(std::max<long>(0, left.count()))) <= 0)
            return false;
        if (m_ssl == nullptr)
            return true;
        // TLS 1.3 session tickets make the socket readable with no application data: peek without
        // blocking to tell them apart.
        const int flags = fcntl(m_fd, F_GETFL);
        fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
        char c = 0;
        const int n = SSL_peek(m_ssl, &c, 1);
        const int error = SSL_get_error(m_ssl, n);
        fcntl(m_fd, F_SETFL, flags);
        ERR_clear_error();
        if (n > 0 || error != SSL_ERROR_WANT_READ)
            return true; // data, or the end: the caller's read tells which
        if (left.count() <= 0)
            return false;
    }
}

std::string RawConnection::readAll(int millis)
{
    std::string out;
    char buffer[16384];
    while (readable(millis))
    {
        const long n = m_ssl != nullptr ? SSL_read(m_ssl, buffer, sizeof buffer) : ::read(m_fd, buffer, sizeof buffer);
        if (n <= 0)
        {
            ERR_clear_error();
            break;
        }
        out.append(buffer, static_cast<std::size_t>(n));
        if (complete(out))
            break;
    }
    return out;
}

bool RawConnection::closedByPeer(int millis)
{
    char buffer[4096];
    while (readable(millis))
    {
        const long n = m_ssl != nullptr ? SSL_read(m_ssl, buffer, sizeof buffer) : ::read(m_fd, buffer, sizeof buffer);
        if (n <= 0)
        {
            ERR_clear_error();
            return true;
        }
    }
    return false;
}

std::string RawConnection::sendUntilAnswered(const std::string& head, const std::string& body, int repeatBody,
                                             std::size_t* sent, std::size_t pieceBytes)
{
    std::size_t written = 0;
    if (send(head))
    {
        written += head.size();
        for (int i = 0; i < repeatBody && !readable(0); ++i)
            for (std::size_t at = 0; at < body.size() && !readable(pieceBytes < 65536 ? 2 : 0); at += pieceBytes)
            {
                const std::string_view piece = std::string_view(body).substr(at, pieceBytes);
                if (!send(piece))
                {
                    i = repeatBody;
                    break;
                }
                written += piece.size();
            }
    }
    if (sent != nullptr)
        *sent = written;
    return readAll(15000);
}

int statusOf(const std::string& response)
{
    if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12)
        return 0;
    return std::atoi(response.c_str() + 9);
}

} // namespace okienko::test

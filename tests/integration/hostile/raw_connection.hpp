// One client connection the way an attacker holds it: a TCP socket bound to a chosen loopback
// source address (so the front and the server see distinct clients), optionally TLS (OpenSSL,
// verified against the test CA), raw bytes in and out with time limits, nothing parsed for it.
#pragma once

#include <memory>
#include <openssl/ssl.h>
#include <string>
#include <string_view>

namespace okienko::test
{

class RawConnection
{
  public:
    /// Connects from `source` (e.g. "127.0.0.12") to 127.0.0.1:`port`; with `tls`, completes the
    /// handshake. nullptr when either fails.
    static std::unique_ptr<RawConnection> open(const std::string& source, int port, SSL_CTX* tls);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    /// Writes all of `bytes`; false once the peer has closed or reset (or after 5 s blocked).
    bool send(std::string_view bytes);
    /// True when the peer has something to say (a response, or its end) within `millis`.
    bool readable(int millis) const;
    /// What the peer sends until one whole response (headers and Content-Length) is in, it closes,
    /// or `millis` pass without a byte.
    std::string readAll(int millis);
    /// True when the peer has closed the connection (read gives end or an error) within `millis`.
    bool closedByPeer(int millis);

    /// Sends `head`, then `body` in pieces of `pieceBytes` (`repeatBody` times) while the peer has
    /// not answered, then reads the answer (waiting up to 15 s). `sent` gets the bytes written
    /// before the answer came. Small pieces let a peer that stops reading answer before it resets.
    std::string sendUntilAnswered(const std::string& head, const std::string& body, int repeatBody,
                                  std::size_t* sent = nullptr, std::size_t pieceBytes = 65536);

  private:
    RawConnection(int fd, SSL* ssl) : m_fd(fd), m_ssl(ssl) {}
    int m_fd;
    SSL* m_ssl;
};

/// The status code of an HTTP response ("HTTP/1.1 413 …" → 413), 0 when there is none.
int statusOf(const std::string& response);

} // namespace okienko::test

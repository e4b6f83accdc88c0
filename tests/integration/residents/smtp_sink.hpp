// A tiny SMTP server on 127.0.0.1 for tests: accepts every message (EHLO, MAIL, RCPT, DATA, QUIT)
// on an ephemeral port and keeps what arrived — the envelope's recipients and the data as sent.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace okienko::test
{

struct ReceivedMail
{
    std::string from;
    std::vector<std::string> recipients;
    std::string data; ///< headers and body, CRLF, the final "." removed
};

class SmtpSink
{
  public:
    SmtpSink();
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    /// 0 when the socket could not be opened.
    int port() const { return m_port; }
    /// Waits until at least `count` messages arrived or `timeout` passed; returns what arrived.
    std::vector<ReceivedMail> waitFor(std::size_t count, std::chrono::milliseconds timeout);
    /// Holds each message this long before accepting it (a slow mail server): a second sender
    /// polling meanwhile would find the message still unsent.
    void delayEachMessage(std::chrono::milliseconds delay) { m_delayMs = static_cast<int>(delay.count()); }

  private:
    void serve();
    void session(int fd);

    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_delayMs{0};
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::vector<ReceivedMail> m_mails;
    std::thread m_thread;
};

} // namespace okienko::test

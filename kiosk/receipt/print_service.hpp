// The print worker: renders slips and sends them to CUPS on its own thread, so the screen never
// waits for a printer. Each job's outcome comes back through a callback (the kiosk turns it into
// an SDL wake-up and shows it). The last slips are kept, rendered, so staff can print them again.
#pragma once

#include "kiosk/model/print_config.hpp"
#include "kiosk/model/slip.hpp"
#include "kiosk/receipt/cups_client.hpp"
#include "kiosk/receipt/font_set.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace okienko::receipt
{

/// A slip rendered for the configured printer: what is sent, and sent again on reprint.
struct RenderedSlip
{
    std::string title; ///< CUPS job title (no personal data)
    std::string bytes;
    DocumentFormat format = DocumentFormat::Raw;
    /// Why it could not be rendered ("" when it was): nothing is sent and the print fails.
    std::string error;
};

/// Renders a slip in the given format.
RenderedSlip renderSlip(const Slip& slip, const FontSet& fonts, kiosk::PrintFormat format);

struct PrintServiceConfig
{
    CupsTarget target;
    kiosk::PrintFormat format = kiosk::PrintFormat::EscPos80;
    std::chrono::milliseconds deadline{15000};
    std::size_t keepLast = 5; ///< slips kept for reprint
};

class PrintService
{
  public:
    using Ticket = std::uint64_t;
    using Callback = std::function<void(Ticket, const PrintResult&)>;

    /// `onDone` runs on the worker thread; it must only hand the result over (queue + wake-up).
    PrintService(PrintServiceConfig config, FontSet fonts, Callback onDone);
    ~PrintService();
    PrintService(const PrintService&) = delete;
    PrintService& operator=(const PrintService&) = delete;

    /// Queues a slip; returns at once.
    Ticket print(Slip slip);
    /// Queues the n-th most recent slip again (0 = the last one); nullopt if there is none.
    std::optional<Ticket> reprint(std::size_t n = 0);
    /// Titles of the slips kept for reprint, newest first.
    std::vector<std::string> recentTitles() const;
    /// Drops the kept slips (they can hold a resident's name): called at the end of a staff session.
    void forgetRecent();

    /// The printer's condition, read on the calling thread (bounded by a 2 s connect timeout):
    /// for staff status screens and heartbeats, not for the UI thread's frame.
    PrinterCondition printerCondition() const;

  private:
    struct Job
    {
        Ticket ticket = 0;
        std::optional<Slip> slip;          ///< to render, or
        std::optional<RenderedSlip> again; ///< already rendered (reprint)
    };

    void run();

    PrintServiceConfig m_config;
    FontSet m_fonts;
    Callback m_onDone;
    CupsClient m_client;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    std::deque<RenderedSlip> m_recent;
    Ticket m_nextTicket = 1;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace okienko::receipt

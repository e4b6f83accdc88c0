// Printing through CUPS with libcups: submit a document to a queue, follow the job until it is
// completed or the deadline passes, and read the printer's condition. Every call is bounded in
// time and blocking, so it belongs on the print worker's thread, never on the UI thread.
#pragma once

#include "kiosk/model/printer_status.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace okienko::receipt
{

struct CupsTarget
{
    std::string server; ///< "" = libcups default (CUPS_SERVER, client.conf); or a socket path / host
    std::string queue;
};

enum class DocumentFormat
{
    Raw, ///< bytes for the printer as they are (ESC/POS on a raw queue)
    Pdf,
};

/// Maps CUPS printer-state (3 idle, 4 processing, 5 stopped), its printer-state-reasons and
/// printer-is-accepting-jobs to one condition, the most serious first.
PrinterCondition classifyPrinter(int printerState, const std::vector<std::string>& reasons, bool acceptingJobs);

class CupsClient
{
  public:
    explicit CupsClient(CupsTarget target) : m_target(std::move(target)) {}

    /// The printer's condition now (CupsUnavailable, QueueMissing or what its state says).
    PrinterCondition printerCondition(std::string* detail = nullptr) const;

    /// Submits the document and waits until CUPS completes it, the printer reports a condition
    /// that stops it, or `deadline` passes (then the job is cancelled and TimedOut returned).
    /// `title` is the CUPS job title: CUPS logs it, so it must never hold personal data.
    PrintResult print(const std::string& document, DocumentFormat format, const std::string& title,
                      std::chrono::milliseconds deadline) const;

    /// Only submits: returns once cupsd has accepted the job (its id), without following it;
    /// `outcome` is Accepted then (the job may still wait in the queue).
    /// Fails with the printer's condition when the queue cannot print or CUPS is unreachable.
    PrintResult submit(const std::string& document, DocumentFormat format, const std::string& title) const;

  private:
    CupsTarget m_target;
};

} // namespace okienko::receipt

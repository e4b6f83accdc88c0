// What a print attempt or the printer is doing, in terms a resident and a staff member
// understand. CUPS says "media-empty-error,paused"; the kiosk says "the printer is out of paper"
// (the mapping from CUPS's words is classifyPrinter in kiosk/receipt/cups_client).
#pragma once

#include <string>
#include <string_view>

namespace okienko::receipt
{

enum class PrinterCondition
{
    Ready,
    PaperOut,
    PaperLow, ///< still printing; staff should refill soon
    Jam,
    CoverOpen,
    Offline,         ///< the printer does not answer CUPS
    Paused,          ///< the queue was stopped (by staff or after an error)
    NotAccepting,    ///< the queue rejects new jobs
    QueueMissing,    ///< no such queue in CUPS
    CupsUnavailable, ///< cupsd is not running or not reachable
    Unknown,
};

/// Stable code for logs, heartbeats and message keys: "ready", "paper-out", …
std::string_view conditionCode(PrinterCondition condition);
/// Message key for the UI ("printer.paper_out", …); the kiosk translates it.
std::string_view conditionMessageKey(PrinterCondition condition);
/// True when a slip can be expected to print.
bool canPrint(PrinterCondition condition);

enum class PrintOutcome
{
    Printed,  ///< CUPS completed the job
    Accepted, ///< CupsClient::submit only: cupsd took the job; nobody followed it further
    Failed,   ///< the job could not be printed; `condition` says why
    TimedOut, ///< not completed within the deadline (job stuck); it was cancelled
};

struct PrintResult
{
    PrintOutcome outcome = PrintOutcome::Failed;
    PrinterCondition condition = PrinterCondition::Unknown;
    int jobId = 0;
    std::string detail; ///< for the log: CUPS's own words (never personal data)

    bool ok() const { return outcome == PrintOutcome::Printed; }
};

} // namespace okienko::receipt

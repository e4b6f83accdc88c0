#include "kiosk/receipt/printer_status.hpp"

#include <algorithm>

namespace okienko::receipt
{

std::string_view conditionCode(PrinterCondition condition)
{
    switch (condition)
    {
    case PrinterCondition::Ready:
        return "ready";
    case PrinterCondition::PaperOut:
        return "paper-out";
    case PrinterCondition::PaperLow:
        return "paper-low";
    case PrinterCondition::Jam:
        return "jam";
    case PrinterCondition::CoverOpen:
        return "cover-open";
    case PrinterCondition::Offline:
        return "offline";
    case PrinterCondition::Paused:
        return "paused";
    case PrinterCondition::NotAccepting:
        return "not-accepting";
    case PrinterCondition::QueueMissing:
        return "queue-missing";
    case PrinterCondition::CupsUnavailable:
        return "cups-unavailable";
    case PrinterCondition::Unknown:
        return "unknown";
    }
    return "unknown";
}

std::string_view conditionMessageKey(PrinterCondition condition)
{
    switch (condition)
    {
    case PrinterCondition::Ready:
        return "printer.ready";
    case PrinterCondition::PaperOut:
        return "printer.paper_out";
    case PrinterCondition::PaperLow:
        return "printer.paper_low";
    case PrinterCondition::Jam:
        return "printer.jam";
    case PrinterCondition::CoverOpen:
        return "printer.cover_open";
    case PrinterCondition::Offline:
        return "printer.offline";
    case PrinterCondition::Paused:
        return "printer.paused";
    case PrinterCondition::NotAccepting:
        return "printer.not_accepting";
    case PrinterCondition::QueueMissing:
        return "printer.queue_missing";
    case PrinterCondition::CupsUnavailable:
        return "printer.cups_unavailable";
    case PrinterCondition::Unknown:
        return "printer.unknown";
    }
    return "printer.unknown";
}

bool canPrint(PrinterCondition condition)
{
    return condition == PrinterCondition::Ready || condition == PrinterCondition::PaperLow;
}

PrinterCondition classifyPrinter(int printerState, const std::vector<std::string>& reasons, bool acceptingJobs)
{
    // A reason is a keyword with an optional -report/-warning/-error suffix (RFC 8011 §5.4.12).
    auto has = [&](std::string_view keyword)
    {
        return std::any_of(reasons.begin(), reasons.end(),
                           [&](const std::string& r) {
                               return r.compare(0, keyword.size(), keyword) == 0 &&
                                      (r.size() == keyword.size() || r[keyword.size()] == '-');
                           });
    };
    auto hasError = [&](std::string_view keyword)
    {
        const std::string withError = std::string(keyword) + "-error";
        return std::find(reasons.begin(), reasons.end(), withError) != reasons.end() ||
               std::find(reasons.begin(), reasons.end(), std::string(keyword)) != reasons.end();
    };
    if (hasError("media-empty") || hasError("media-needed"))
        return PrinterCondition::PaperOut;
    if (has("media-jam"))
        return PrinterCondition::Jam;
    if (has("cover-open") || has("door-open") || has("interlock-open"))
        return PrinterCondition::CoverOpen;
    if (has("offline") || has("connecting-to-device") || has("timed-out") || has("shutdown"))
        return PrinterCondition::Offline;
    if (printerState == 5 || has("paused") || has("stopped"))
        return PrinterCondition::Paused;
    if (!acceptingJobs)
        return PrinterCondition::NotAccepting;
    if (has("media-empty") || has("media-low"))
        return PrinterCondition::PaperLow;
    return PrinterCondition::Ready;
}

} // namespace okienko::receipt

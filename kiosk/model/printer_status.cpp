// Printer conditions in words (see printer_status.hpp).
#include "kiosk/model/printer_status.hpp"

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

} // namespace okienko::receipt

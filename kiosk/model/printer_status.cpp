// Printer conditions in words (see printer_status.hpp).
#include "kiosk/model/printer_status.hpp"

#include <array>

namespace okienko::receipt
{

namespace
{
struct ConditionWords
{
    PrinterCondition condition;
    std::string_view code;       ///< for the log and the heartbeat
    std::string_view messageKey; ///< for the screen, translated
};

/// Each condition once; Unknown, last, also answers for a value outside the enum.
constexpr std::array<ConditionWords, 11> kConditionWords{{
    {PrinterCondition::Ready, "ready", "printer.ready"},
    {PrinterCondition::PaperOut, "paper-out", "printer.paper_out"},
    {PrinterCondition::PaperLow, "paper-low", "printer.paper_low"},
    {PrinterCondition::Jam, "jam", "printer.jam"},
    {PrinterCondition::CoverOpen, "cover-open", "printer.cover_open"},
    {PrinterCondition::Offline, "offline", "printer.offline"},
    {PrinterCondition::Paused, "paused", "printer.paused"},
    {PrinterCondition::NotAccepting, "not-accepting", "printer.not_accepting"},
    {PrinterCondition::QueueMissing, "queue-missing", "printer.queue_missing"},
    {PrinterCondition::CupsUnavailable, "cups-unavailable", "printer.cups_unavailable"},
    {PrinterCondition::Unknown, "unknown", "printer.unknown"},
}};
static_assert(kConditionWords.size() == static_cast<std::size_t>(PrinterCondition::Unknown) + 1,
              "one row per condition");

const ConditionWords& wordsFor(PrinterCondition condition)
{
    for (const ConditionWords& row : kConditionWords)
        if (row.condition == condition)
            return row;
    return kConditionWords.back();
}
} // namespace

std::string_view conditionCode(PrinterCondition condition)
{
    return wordsFor(condition).code;
}

std::string_view conditionMessageKey(PrinterCondition condition)
{
    return wordsFor(condition).messageKey;
}

bool canPrint(PrinterCondition condition)
{
    return condition == PrinterCondition::Ready || condition == PrinterCondition::PaperLow;
}

} // namespace okienko::receipt

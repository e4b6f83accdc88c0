// A month calendar for picking a day with a finger (pick-up dates, counselling days). Days outside
// [first, last] are drawn disabled. The widget keeps no state: the shown month and the selection
// come from AppState and the result goes back as an intent.
#pragma once

#include "kiosk/ui/ui_context.hpp"
#include "shared/util/date.hpp"

#include <array>
#include <optional>
#include <string>

namespace okienko::kiosk::ui
{

struct CalendarLabels
{
    std::string monthTitle;              ///< "Marzec 2024"
    std::array<std::string, 7> weekdays; ///< Monday first: "Pn", "Wt", …
    std::string previous;                ///< label of the previous-month button
    std::string next;
};

struct CalendarResult
{
    enum class Kind
    {
        None,
        PreviousMonth,
        NextMonth,
        Picked
    };
    Kind kind = Kind::None;
    Date date; ///< with Picked
};

/// `month`: any day of the month to show. Draws a 7-column grid `width` px wide.
CalendarResult CalendarDatePicker(UiContext& ctx, const char* id, Date month, std::optional<Date> selected, Date first,
                                  Date last, const CalendarLabels& labels, float width);

} // namespace okienko::kiosk::ui

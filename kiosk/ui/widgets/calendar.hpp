// A month calendar for picking a day with a finger (pick-up dates, counselling days). Days before
// `first` (the past) and after `last` are drawn disabled and take no tap; today has a ring; days
// the caller marks unavailable are crossed out (still tappable: picking one offers the waiting
// list); a legend under the grid names the marks. The widget keeps no state: the shown month and
// the selection come from AppState and the result goes back as an intent.
#pragma once

#include "kiosk/ui/ui_context.hpp"
#include "shared/util/date.hpp"

#include <array>
#include <functional>
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
    std::string legendToday; ///< legend entries; the legend is drawn when any is set
    std::string legendSelected;
    std::string legendUnavailable;
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

struct CalendarOptions
{
    std::optional<Date> today;               ///< drawn with a ring, so a person finds "now"
    std::function<bool(Date)> isDisabled;    ///< extra closed days (weekends, holidays) within the range
    std::function<bool(Date)> isUnavailable; ///< open, but nothing free: crossed out
    float maxHeight = 0.0f;                  ///< > 0: cells shrink (not below 15 mm) to fit this height
    /// The parts drawn: a landscape screen puts the month's name, its buttons and the legend beside
    /// the weekday row and the days (CalendarHeader draws the first two, CalendarGrid the last two).
    bool monthRow = true;
    bool weekdays = true;
    bool legend = true;
};

/// `month`: any day of the month to show. Draws a 7-column grid `width` px wide; cells are at
/// least 15 mm and never taller than wide enough to read (a landscape width does not make them
/// 255 px squares). Each day is a tap target with id "day-YYYY-MM-DD" (disabled days too, as
/// disabled).
CalendarResult CalendarDatePicker(UiContext& ctx, const char* id, Date month, std::optional<Date> selected, Date first,
                                  Date last, const CalendarLabels& labels, float width,
                                  const CalendarOptions& options = {});

/// The picker in two parts, for a screen that keeps the month's name, its buttons (ids
/// "calendar-previous", "calendar-next") and the weekday row fixed above a list in which the grid of
/// days and the legend scroll. Both parts take the same `width` and options, so the columns line up.
CalendarResult CalendarHeader(UiContext& ctx, const char* id, Date month, Date first, Date last,
                              const CalendarLabels& labels, float width, const CalendarOptions& options = {});
CalendarResult CalendarGrid(UiContext& ctx, const char* id, Date month, std::optional<Date> selected, Date first,
                            Date last, const CalendarLabels& labels, float width, const CalendarOptions& options = {});
/// The legend alone (today, selected, unavailable), `width` px wide: beside a grid drawn without it.
void CalendarLegend(UiContext& ctx, const CalendarLabels& labels, float width);

} // namespace okienko::kiosk::ui

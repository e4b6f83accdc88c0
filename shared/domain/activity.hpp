// A dated activity of the unified schedule (issue 17, "ujednolicone harmonogramy"): a CAS workshop,
// a club meeting, counselling duty hours or a partner's event, once or weekly until a date. Times are
// wall-clock minutes in the CUS's zone (Europe/Warsaw): a weekly 17:00 meeting stays at 17:00 across
// a change to or from summer time, so occurrences are expanded in civil dates, never in seconds.
// The schedule is the plan; what took place is the activity_sessions register (docs/reporting.md).
#pragma once

#include "shared/domain/area.hpp"
#include "shared/domain/language.hpp"
#include "shared/util/date.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::domain
{

enum class ActivityKind
{
    Workshop,     ///< "workshop": warsztaty (CAS)
    Club,         ///< "club": spotkanie klubu lub grupy (CAS)
    Duty,         ///< "duty": dyżur doradczy
    PartnerEvent, ///< "partner-event": wydarzenie partnera
};

inline constexpr int kActivityKindCount = 4;

std::string_view activityKindCode(ActivityKind kind);
std::optional<ActivityKind> parseActivityKind(std::string_view code);
const std::vector<ActivityKind>& allActivityKinds();

/// One date of a weekly series called off on its own ("odwołane"), with the reason residents see.
struct CancelledDate
{
    Date date;
    std::string reason; ///< one line, e.g. "remont sali"; shown publicly, so no personal data; may be empty

    friend bool operator==(const CancelledDate&, const CancelledDate&) = default;
};

/// Longest weekly series: a year and a day, so a coordinator re-enters it once a year.
inline constexpr int kMaxRecurrenceDays = 366;

struct Activity
{
    std::string id; ///< server-made UUID
    ActivityKind kind = ActivityKind::Workshop;
    LocalizedText title;         ///< pl required; uk/en where given
    std::string serviceId;       ///< a catalogue service it belongs to; "" none
    std::optional<Area> area;    ///< the area of art. 2 ust. 1; none: not said
    std::string place;           ///< "CAS, ul. Główna 1, sala 2": a proper name, untranslated
    Date date;                   ///< the only day, or the first of a weekly series
    int startMinute = 0;         ///< local wall-clock minute of the day, 0…1439
    int endMinute = 0;           ///< > startMinute, the same day
    bool weekly = false;         ///< every week on date's weekday …
    std::optional<Date> until;   ///< … up to and including this day (weekly only)
    std::optional<int> capacity; ///< places; none: not limited or not said
    LocalizedText signUp;        ///< "Zapisy: tel. 85 715 00 00"; may be empty
    bool cancelled = false;      ///< the whole activity (every occurrence) is called off
    /// Single dates called off (a weekly series' occurrence), by date; the other dates take place.
    std::vector<CancelledDate> cancelledDates;

    /// The single date `day` called off, or nullptr.
    const CancelledDate* cancelledOn(Date day) const;

    friend bool operator==(const Activity&, const Activity&) = default;
};

/// One day an activity takes place on.
struct ActivityOccurrence
{
    std::size_t index = 0; ///< into the list expanded
    Date date;
    int startMinute = 0;
    int endMinute = 0;
    bool cancelled = false; ///< off: the whole activity, or this date on its own
    std::string reason;     ///< a date called off on its own: the reason residents see ("" none)

    friend bool operator==(const ActivityOccurrence&, const ActivityOccurrence&) = default;
};

/// The days `a` takes place on within [from, to] (both inclusive), in order; cancelled or not.
std::vector<Date> occurrenceDates(const Activity& a, Date from, Date to);

/// Every occurrence of `activities` within [from, to], ordered by day, start, then list order.
/// Cancelled activities are left out unless `withCancelled`. A date called off on its own is always
/// there, marked cancelled with its reason: a resident who comes every week must read "odwołane"
/// for that day, not find the activity silently missing.
std::vector<ActivityOccurrence> occurrencesBetween(const std::vector<Activity>& activities, Date from, Date to,
                                                   bool withCancelled);

} // namespace okienko::domain

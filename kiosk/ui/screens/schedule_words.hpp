// How the schedule's days, times and kinds read on the kiosk, shared by the schedule screen and the
// start screen's "coming up" block: "Dziś", "Jutro", "Śr 4.03"; "17:00–19:00"; "Warsztaty".
#pragma once

#include "kiosk/ui/screens/screen_env.hpp"

#include <string>
#include <vector>

namespace okienko::kiosk::ui
{

/// "Dziś" / "Jutro" for today and tomorrow, else the short weekday and "4.03".
std::string scheduleDayLabel(const ScreenEnv& env, Date day);

/// "17:00–19:00".
std::string scheduleTimeRange(int startMinute, int endMinute);

/// The kind in the session's language ("Warsztaty", "Spotkanie klubu", …).
std::string scheduleKindLabel(const ScreenEnv& env, domain::ActivityKind kind);

/// The occurrences still to come from now until the end of `days` days (today counts as one),
/// cancelled ones included only with `withCancelled`; an occurrence that has ended today is gone.
std::vector<domain::ActivityOccurrence> upcomingOccurrences(const ScreenEnv& env, int days, bool withCancelled);

} // namespace okienko::kiosk::ui

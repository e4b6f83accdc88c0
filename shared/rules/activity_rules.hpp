// The checks every activity of the schedule passes, whoever enters it (a coordinator in the panel,
// later a partner institution) and wherever it is read (the kiosk decodes the change feed with the
// same checks): each problem names its field and says in Polish what to fix, as the panel shows it.
#pragma once

#include "shared/domain/activity.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::rules
{

/// Longest texts, in characters (code points).
inline constexpr std::size_t kActivityTitleMax = 120;
inline constexpr std::size_t kActivityPlaceMax = 160;
inline constexpr std::size_t kActivitySignUpMax = 300;
inline constexpr int kActivityCapacityMax = 1000;
inline constexpr std::size_t kCancelReasonMax = 120;
/// Most single dates one activity may have called off (a year's series has 53 dates).
inline constexpr std::size_t kCancelledDatesMax = 60;

struct ActivityProblem
{
    std::string field;   ///< the form's field: title_pl, place, date, start, end, until, capacity, …
    std::string message; ///< Polish, a sentence saying what to change

    friend bool operator==(const ActivityProblem&, const ActivityProblem&) = default;
};

/// What is wrong with `a`; empty when it may be published. With `today`, a new activity may not
/// end in the past (an edit of an old one passes none). With `knownServices`, `serviceId` must be
/// one of them.
std::vector<ActivityProblem> checkActivity(const domain::Activity& a, std::optional<Date> today = std::nullopt,
                                           const std::vector<std::string>* knownServices = nullptr);

} // namespace okienko::rules

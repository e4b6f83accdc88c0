// The CUS's time zone, Europe/Warsaw, as the EU rule defines it (CET, UTC+1; summer time CEST, UTC+2,
// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October). Written
// out rather than read from the system's zone data so that a wall-clock time of the schedule gets
// the same offset on every machine (a kiosk, the server, a test runner in UTC).
#pragma once

#include "shared/util/date.hpp"

#include <string>

namespace okienko
{

/// The last Sunday of `month` in `year`.
Date lastSundayOf(int year, int month);

/// Minutes east of UTC (60 or 120) of the wall-clock time `minuteOfDay` on `date` in Warsaw. A time
/// the spring change skips (02:00–02:59) gets winter time; one the autumn change repeats gets the
/// first of the two, summer time.
int warsawUtcOffsetMinutes(Date date, int minuteOfDay);

/// "2026-03-28T17:00:00+01:00": the wall-clock time with its Warsaw offset (RFC 3339).
std::string warsawTimestamp(Date date, int minuteOfDay);

} // namespace okienko

// Dates and times as people read them on the kiosk, its slips and the panel, in one place:
// "25.11.2026", "09:05", "9:05", "25.11.2026 10:15", "2026-11-25 10:15". Digits only, so nothing
// needs translating; the CUS's local time zone is the process's (TZ), as everywhere else.
#pragma once

#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace okienko
{

/// A civil date and wall-clock time in the local time zone.
struct LocalDateTime
{
    Date date;
    int hour = 0;   ///< 0..23
    int minute = 0; ///< 0..59
    int second = 0; ///< 0..59 (a leap second reads as 59)

    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

/// The local date and time of `unixSeconds`; nullopt when the C library cannot convert it.
std::optional<LocalDateTime> localDateTimeOf(std::int64_t unixSeconds);

/// "09:05".
std::string formatClock(int hour, int minute);
/// "9:05": minutes since midnight with the hour unpadded (slot and pick-up times).
std::string formatMinuteOfDay(int minuteOfDay);
/// "25.11.2026".
std::string formatDate(const Date& date);
/// "2.03.2026": the day without its leading zero (the attract screen's date line).
std::string formatDateUnpaddedDay(const Date& date);
/// "25.11", for lists where the year is plain.
std::string formatDayMonth(const Date& date);
/// "25.11.2026 10:15".
std::string formatDateTime(const LocalDateTime& t);
/// "2026-11-25 10:15": sorts as text (the panel's tables).
std::string formatIsoDateTime(const LocalDateTime& t);

} // namespace okienko

// Civil calendar dates (no time zone) and their arithmetic. Loans, reservations and slots are
// planned in whole days in the CUS's local calendar, so a date is a plain year/month/day value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace okienko
{

/// A day in the proleptic Gregorian calendar.
struct Date
{
    int year = 1970;
    int month = 1; ///< 1..12
    int day = 1;   ///< 1..31

    /// Days since 1970-01-01 (negative before it).
    std::int64_t toDays() const;
    static Date fromDays(std::int64_t days);

    Date plusDays(std::int64_t n) const { return fromDays(toDays() + n); }
    /// 0 = Monday … 6 = Sunday.
    int weekday() const;
    /// "YYYY-MM-DD".
    std::string iso() const;

    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date& a, const Date& b) { return a.toDays() <=> b.toDays(); }
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);
/// True when year/month/day names a real calendar day.
bool isValidDate(int year, int month, int day);
/// Parses exactly "YYYY-MM-DD" naming a real day.
std::optional<Date> parseIsoDate(std::string_view text);

/// A half-open range of days [first, first + days).
struct DateRange
{
    Date first;
    int days = 1;

    Date last() const { return first.plusDays(days - 1); }
    bool overlaps(const DateRange& other) const;
    bool contains(Date d) const;
};

} // namespace okienko

// The schedule's building blocks without a database: weekly series expanded in civil days (across
// both changes of summer time, at the edges of a period), the Europe/Warsaw offsets the public API
// gives each occurrence, the checks every entry passes (with the Polish message a coordinator reads)
// and the change feed's codec, which runs the same checks on a kiosk.
#include "shared/domain/activity.hpp"
#include "shared/protocol/activity_json.hpp"
#include "shared/rules/activity_rules.hpp"
#include "shared/util/warsaw_time.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using domain::Activity;
using domain::ActivityKind;

namespace
{

/// "Klub Seniora" of the Łapy CAS: Saturdays 17:00–19:00 from 21 March 2026 (the weekend before
/// summer time starts) until `until`.
Activity seniorsClub(Date until)
{
    Activity a;
    a.id = "a1";
    a.kind = ActivityKind::Club;
    a.title = {"Klub Seniora", "Клуб літніх людей", "Seniors' club"};
    a.place = "CAS, ul. Główna 1, sala 2";
    a.date = Date{2026, 3, 21};
    a.startMinute = 17 * 60;
    a.endMinute = 19 * 60;
    a.weekly = true;
    a.until = until;
    return a;
}

std::vector<std::string> isoDays(const std::vector<Date>& days)
{
    std::vector<std::string> out;
    for (const Date& d : days)
        out.push_back(d.iso());
    return out;
}

std::vector<std::string> fields(const std::vector<rules::ActivityProblem>& problems)
{
    std::vector<std::string> out;
    for (const auto& p : problems)
        out.push_back(p.field);
    return out;
}

} // namespace

TEST(WarsawTime, LastSundaysOfTheChangeMonths)
{
    EXPECT_EQ(lastSundayOf(2026, 3), (Date{2026, 3, 29}));
    EXPECT_EQ(lastSundayOf(2026, 10), (Date{2026, 10, 25}));
    EXPECT_EQ(lastSundayOf(2027, 3), (Date{2027, 3, 28}));
}

TEST(WarsawTime, OffsetsAroundBothChanges)
{
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 3, 28}, 17 * 60), 60);
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 3, 29}, 1 * 60 + 59), 60);
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 3, 29}, 2 * 60 + 30), 60); // skipped: read as winter time
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 3, 29}, 3 * 60), 120);
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 7, 1}, 12 * 60), 120);
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 10, 25}, 2 * 60 + 30), 120); // repeated: the first, summer
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 10, 25}, 3 * 60), 60);
    EXPECT_EQ(warsawUtcOffsetMinutes(Date{2026, 12, 31}, 23 * 60 + 59), 60);
}

TEST(ActivitySchedule, AWeeklySeriesKeepsItsWallClockTimeAcrossTheSpringChange)
{
    const Activity club = seniorsClub(Date{2026, 4, 11});
    const auto days = domain::occurrenceDates(club, Date{2026, 3, 1}, Date{2026, 4, 30});
    EXPECT_EQ(isoDays(days), (std::vector<std::string>{"2026-03-21", "2026-03-28", "2026-04-04", "2026-04-11"}));
    // The same 17:00 each Saturday; the instant moves by the hour summer time takes.
    EXPECT_EQ(warsawTimestamp(days[1], club.startMinute), "2026-03-28T17:00:00+01:00");
    EXPECT_EQ(warsawTimestamp(days[2], club.startMinute), "2026-04-04T17:00:00+02:00");
}

TEST(ActivitySchedule, AWeeklySeriesAcrossTheAutumnChange)
{
    Activity duty = seniorsClub(Date{2026, 11, 8});
    duty.kind = ActivityKind::Duty;
    duty.date = Date{2026, 10, 18}; // a Sunday, the week before the change
    duty.startMinute = 2 * 60 + 30; // the hour that happens twice on 25 October
    duty.endMinute = 4 * 60;
    const auto days = domain::occurrenceDates(duty, Date{2026, 10, 1}, Date{2026, 11, 30});
    EXPECT_EQ(isoDays(days), (std::vector<std::string>{"2026-10-18", "2026-10-25", "2026-11-01", "2026-11-08"}));
    EXPECT_EQ(warsawTimestamp(days[0], duty.startMinute), "2026-10-18T02:30:00+02:00");
    EXPECT_EQ(warsawTimestamp(days[1], duty.startMinute), "2026-10-25T02:30:00+02:00");
    EXPECT_EQ(warsawTimestamp(days[1], duty.endMinute), "2026-10-25T04:00:00+01:00");
    EXPECT_EQ(warsawTimestamp(days[2], duty.startMinute), "2026-11-01T02:30:00+01:00");
}

TEST(ActivitySchedule, PeriodEdgesAreInclusiveAndASeriesStartedEarlierKeepsItsWeekday)
{
    const Activity club = seniorsClub(Date{2026, 4, 11});
    // A period starting on a Monday after the series began: the first Saturday in it.
    EXPECT_EQ(isoDays(domain::occurrenceDates(club, Date{2026, 3, 23}, Date{2026, 4, 4})),
              (std::vector<std::string>{"2026-03-28", "2026-04-04"}));
    // Both edges on occurrences.
    EXPECT_EQ(isoDays(domain::occurrenceDates(club, Date{2026, 3, 28}, Date{2026, 3, 28})),
              (std::vector<std::string>{"2026-03-28"}));
    // The last day of the series is `until` itself; nothing after it.
    EXPECT_EQ(isoDays(domain::occurrenceDates(club, Date{2026, 4, 11}, Date{2026, 12, 31})),
              (std::vector<std::string>{"2026-04-11"}));
    EXPECT_TRUE(domain::occurrenceDates(club, Date{2026, 4, 12}, Date{2026, 12, 31}).empty());
    EXPECT_TRUE(domain::occurrenceDates(club, Date{2026, 3, 1}, Date{2026, 3, 20}).empty());
    // Month by month, a series is counted once per day: March has two, April two.
    EXPECT_EQ(domain::occurrenceDates(club, Date{2026, 3, 1}, Date{2026, 3, 31}).size(), 2u);
    EXPECT_EQ(domain::occurrenceDates(club, Date{2026, 4, 1}, Date{2026, 4, 30}).size(), 2u);
}

TEST(ActivitySchedule, OccurrencesAreOrderedAndCancelledOnesLeftOutUnlessAsked)
{
    Activity once;
    once.id = "a2";
    once.kind = ActivityKind::Workshop;
    once.title.pl = "Warsztaty komputerowe";
    once.place = "Biblioteka";
    once.date = Date{2026, 3, 28};
    once.startMinute = 10 * 60;
    once.endMinute = 12 * 60;
    Activity cancelled = once;
    cancelled.id = "a3";
    cancelled.startMinute = 9 * 60;
    cancelled.endMinute = 9 * 60 + 30;
    cancelled.cancelled = true;
    const std::vector<Activity> all{seniorsClub(Date{2026, 4, 11}), once, cancelled};

    const auto shown = domain::occurrencesBetween(all, Date{2026, 3, 28}, Date{2026, 3, 28}, false);
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0].index, 1u); // 10:00 before 17:00
    EXPECT_EQ(shown[1].index, 0u);
    const auto withCancelled = domain::occurrencesBetween(all, Date{2026, 3, 28}, Date{2026, 3, 28}, true);
    ASSERT_EQ(withCancelled.size(), 3u);
    EXPECT_EQ(withCancelled[0].index, 2u);
}

TEST(ActivityRules, AFullEntryPasses)
{
    Activity a = seniorsClub(Date{2026, 6, 27});
    a.capacity = 20;
    a.signUp = {"Zapisy: tel. 85 715 00 00", "Запис: тел. 85 715 00 00", ""};
    a.serviceId = "lapy-cas";
    const std::vector<std::string> services{"lapy-cas"};
    EXPECT_TRUE(rules::checkActivity(a, Date{2026, 3, 2}, &services).empty());
}

TEST(ActivityRules, EachProblemNamesItsFieldInPolish)
{
    Activity a = seniorsClub(Date{2026, 6, 27});
    a.title.pl = "  ";
    a.place = "";
    a.endMinute = a.startMinute;
    a.capacity = 0;
    a.signUp = {"", "Запис: тел. 85 715 00 00", ""};
    a.serviceId = "no-such-service";
    const std::vector<std::string> services{"lapy-cas"};
    const auto problems = rules::checkActivity(a, std::nullopt, &services);
    EXPECT_EQ(fields(problems),
              (std::vector<std::string>{"title_pl", "sign_up_pl", "place", "end", "capacity", "service"}));
    EXPECT_EQ(problems[3].message, "Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia (zajęcia kończą "
                                   "się tego samego dnia).");
    EXPECT_EQ(problems[4].message, "Liczba miejsc musi być od 1 do 1000 (zostaw puste, gdy nie ma limitu).");
}

TEST(ActivityRules, ARecurrenceNeedsAnEndWithinAYear)
{
    Activity a = seniorsClub(Date{2026, 3, 21});
    a.until.reset();
    EXPECT_EQ(fields(rules::checkActivity(a)), (std::vector<std::string>{"until"}));
    a.until = Date{2026, 3, 14};
    EXPECT_EQ(rules::checkActivity(a).at(0).message, "Data końca cyklu jest wcześniejsza niż data pierwszych zajęć.");
    a.until = a.date.plusDays(domain::kMaxRecurrenceDays);
    EXPECT_TRUE(rules::checkActivity(a).empty());
    a.until = a.date.plusDays(domain::kMaxRecurrenceDays + 1);
    EXPECT_EQ(fields(rules::checkActivity(a)), (std::vector<std::string>{"until"}));
    Activity once = seniorsClub(Date{2026, 4, 11});
    once.weekly = false;
    EXPECT_EQ(rules::checkActivity(once).at(0).message,
              "Datę końca podaje się tylko dla zajęć powtarzanych co tydzień.");
}

TEST(ActivityRules, ANewEntryMayNotHaveEndedAndTextsAreBounded)
{
    Activity a = seniorsClub(Date{2026, 4, 11});
    EXPECT_EQ(fields(rules::checkActivity(a, Date{2026, 4, 12})), (std::vector<std::string>{"until"}));
    EXPECT_TRUE(rules::checkActivity(a, Date{2026, 4, 11}).empty()); // its last day is today
    a.title.uk = std::string(121, 'x');
    a.place = "Sala\n2";
    const auto problems = rules::checkActivity(a);
    EXPECT_EQ(fields(problems), (std::vector<std::string>{"title_uk", "place"}));
    EXPECT_EQ(problems[0].message, "Tytuł po ukraińsku może mieć najwyżej 120 znaków (wpisano 121).");
}

TEST(ActivityJson, RoundTripAndTheKioskRunsTheSameChecks)
{
    Activity a = seniorsClub(Date{2026, 6, 27});
    a.area = domain::Area::CivicActivity;
    a.capacity = 12;
    a.signUp.pl = "Zapisy w CAS";
    auto back = protocol::decodeActivity(protocol::encodeActivity(a));
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(*back, a);

    auto json = protocol::encodeActivity(a);
    json["end_minute"] = a.startMinute;
    auto refused = protocol::decodeActivity(json);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().path, "$.end");
    json = protocol::encodeActivity(a);
    json["kind"] = "party";
    EXPECT_FALSE(protocol::decodeActivity(json).ok());
    json = protocol::encodeActivity(a);
    json["capacity"] = "12";
    EXPECT_FALSE(protocol::decodeActivity(json).ok());
}

TEST(ActivitySchedule, ADateCalledOffOnItsOwnIsListedMarkedWithItsReasonAndTheOthersTakePlace)
{
    Activity club = seniorsClub(Date{2026, 4, 11});
    club.cancelledDates = {{Date{2026, 3, 28}, "remont sali"}};
    // Even without `withCancelled` (the start screen): its regulars must read "odwołane".
    const auto days = domain::occurrencesBetween({club}, Date{2026, 3, 21}, Date{2026, 4, 4}, false);
    ASSERT_EQ(days.size(), 3u);
    EXPECT_FALSE(days[0].cancelled);
    EXPECT_EQ(days[1].date, (Date{2026, 3, 28}));
    EXPECT_TRUE(days[1].cancelled);
    EXPECT_EQ(days[1].reason, "remont sali");
    EXPECT_FALSE(days[2].cancelled);
    EXPECT_EQ(days[2].reason, "");
    EXPECT_NE(club.cancelledOn(Date{2026, 3, 28}), nullptr);
    EXPECT_EQ(club.cancelledOn(Date{2026, 4, 4}), nullptr);
    EXPECT_TRUE(rules::checkActivity(club).empty());
}

TEST(ActivityRules, OnlyADayTheSeriesMeetsOnMayBeCalledOffOnceWithAShortReason)
{
    Activity club = seniorsClub(Date{2026, 4, 11});
    club.cancelledDates = {{Date{2026, 3, 29}, ""}};
    auto problems = rules::checkActivity(club);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "cancel_date");
    EXPECT_EQ(problems[0].message,
              "Zajęcia nie odbywają się 2026-03-29: odwołać można tylko dzień, w którym są w harmonogramie.");

    club.cancelledDates = {{Date{2026, 4, 4}, ""}, {Date{2026, 4, 4}, "drugi raz"}};
    problems = rules::checkActivity(club);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message, "Dzień 2026-04-04 jest już odwołany (albo lista dni nie jest po kolei).");

    club.cancelledDates = {{Date{2026, 4, 4}, std::string(121, 'x')}};
    problems = rules::checkActivity(club);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "cancel_reason");
    club.cancelledDates = {{Date{2026, 4, 4}, "linia\nnowa"}};
    EXPECT_EQ(rules::checkActivity(club).size(), 1u);
}

TEST(ActivityJson, DatesCalledOffTravelToKiosksAndAnOlderServersActivityHasNone)
{
    Activity a = seniorsClub(Date{2026, 6, 27});
    a.cancelledDates = {{Date{2026, 3, 28}, "remont sali"}, {Date{2026, 4, 18}, ""}};
    auto json = protocol::encodeActivity(a);
    EXPECT_EQ(json["cancelled_dates"][0]["date"], "2026-03-28");
    auto back = protocol::decodeActivity(json);
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(*back, a);

    json.erase("cancelled_dates");
    auto older = protocol::decodeActivity(json);
    ASSERT_TRUE(older.ok()) << older.error().describe();
    EXPECT_TRUE(older->cancelledDates.empty());

    json = protocol::encodeActivity(a);
    json["cancelled_dates"][0]["date"] = "2026-03-29"; // not a Saturday of the series
    auto refused = protocol::decodeActivity(json);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().path, "$.cancel_date");
}

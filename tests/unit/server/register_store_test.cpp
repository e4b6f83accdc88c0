// The registers, the idea box and the ratings in the panel's store (SqlitePanelStore) on a real
// SQLite file, with the panel's own register definitions: rows added, changed, listed by period and
// removed, each with its register_edits row (without personal columns); booked counselling meetings
// marked held or not; duty hours summed; ideas marked; ratings counted per score; and the retention
// job erasing register names after [retention] register_days while the rows stay.
#include "server/panel/register_definitions.hpp"
#include "server/retention.hpp"
#include "server/server_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/db/query.hpp"
#include "tests/support/server_db_test.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server;
using panel::registerDefinition;
using panel::RegisterId;

namespace
{
const Date kToday = test::ServerDbTest::kStart;
constexpr std::int64_t kNow = test::ServerDbTest::kStartUnix; // 2030-03-04 12:00 UTC

class RegisterStoreTest : public test::ServerDbTest
{
  protected:
    void SetUp() override
    {
        test::ServerDbTest::SetUp();
        auto staff =
            m_store->addStaff("Anna Koordynator", domain::StaffRole::Coordinator, "pin", "hash", Now{kNow, kToday});
        ASSERT_TRUE(staff.ok());
        m_staffId = *staff;
        m_panel = std::make_unique<SqlitePanelStore>(*m_store);
    }

    /// A counselling request booked on a 50-minute slot of `date` (the name as the kiosk sent it).
    void book(const std::string& id, const std::string& date, const std::string& status = "confirmed")
    {
        exec("INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, duration_minutes, "
             "booked_by) VALUES ('slot-" +
             id + "', '[\"psych\"]', 'Doradca', '12', '" + date + "', 600, 50, '" + id + "')");
        exec("INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status, language, kiosk_id, "
             "created_at, received_at) VALUES ('" +
             id + "', 'P-" + id + "', 'psych', 'slot-" + id + "', 'Marek Wiśniewski', '600300400', '" + status +
             "', 'pl', 1, 0, 0)");
    }

    std::unique_ptr<SqlitePanelStore> m_panel;
    std::string m_staffId;
};
} // namespace

TEST_F(RegisterStoreTest, AnActivitySessionIsAddedChangedListedByPeriodAndRemovedWithItsAudit)
{
    const RegisterTable& table = registerDefinition(RegisterId::Activities).table;
    RegisterWrite add{0,
                      {{"date", "2030-03-02"},
                       {"kind", "cas_group"},
                       {"group_name", "Grupa CAS seniorzy"},
                       {"hours", "1.5"},
                       {"participants", "12"}},
                      m_staffId,
                      kNow};
    auto added = m_panel->saveRegisterRow(table, add);
    ASSERT_TRUE(added.ok()) << added.error().describe();
    EXPECT_EQ(*added, RegisterWriteResult::Added);
    EXPECT_EQ(text("SELECT hours FROM activity_sessions"), "1.5");
    EXPECT_EQ(text("SELECT typeof(participants) || typeof(hours) FROM activity_sessions"), "integerreal");

    auto rows = m_panel->registerRows(table, "2030-03-01", "2030-03-31");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().values.at("group_name"), "Grupa CAS seniorzy");
    EXPECT_EQ(rows->front().createdBy, "Anna Koordynator");
    EXPECT_EQ(rows->front().createdAt, kNow);
    EXPECT_EQ(rows->front().updatedAt, 0);
    // The period's edges: the day before the period and the day after list nothing.
    EXPECT_TRUE(m_panel->registerRows(table, "2030-03-03", "2030-03-31")->empty());
    EXPECT_TRUE(m_panel->registerRows(table, "2030-02-01", "2030-03-01")->empty());
    EXPECT_EQ(m_panel->registerRows(table, "2030-03-02", "2030-03-02")->size(), 1u);

    const std::int64_t id = rows->front().id;
    RegisterWrite change{id, {{"participants", "14"}}, m_staffId, kNow + 60};
    EXPECT_EQ(*m_panel->saveRegisterRow(table, change), RegisterWriteResult::Updated);
    auto row = m_panel->registerRow(table, id);
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_EQ((*row)->values.at("participants"), "14");
    EXPECT_EQ((*row)->values.at("hours"), "1.5");
    EXPECT_EQ((*row)->updatedBy, "Anna Koordynator");
    EXPECT_EQ((*row)->updatedAt, kNow + 60);

    EXPECT_EQ(*m_panel->removeRegisterRow(table, id, m_staffId, kNow + 120), RegisterWriteResult::Removed);
    EXPECT_EQ(*m_panel->removeRegisterRow(table, id, m_staffId, kNow + 120), RegisterWriteResult::NotFound);
    EXPECT_EQ(*m_panel->saveRegisterRow(table, change), RegisterWriteResult::NotFound);
    EXPECT_EQ(text("SELECT COUNT(*) FROM activity_sessions"), "0");
    // The audit outlives the entry: who, when, what.
    EXPECT_EQ(text("SELECT group_concat(action || '@' || (at - " + std::to_string(kNow) +
                   ") || ':' || staff_id, ',') FROM (SELECT * FROM register_edits WHERE register = "
                   "'activity_sessions' ORDER BY id)"),
              "add@0:" + m_staffId + ",update@60:" + m_staffId + ",remove@120:" + m_staffId);
    EXPECT_EQ(text("SELECT data FROM register_edits WHERE action = 'update'"), R"({"participants":"14"})");
}

TEST_F(RegisterStoreTest, TheAuditRowLeavesOutPersonalColumns)
{
    const RegisterTable& table = registerDefinition(RegisterId::VolunteerMembers).table;
    RegisterWrite add{
        0, {{"joined_on", "2030-01-10"}, {"left_on", std::nullopt}, {"display_name", "A.K."}}, m_staffId, kNow};
    ASSERT_EQ(*m_panel->saveRegisterRow(table, add), RegisterWriteResult::Added);
    EXPECT_EQ(text("SELECT display_name FROM volunteer_club_members"), "A.K.");
    EXPECT_EQ(text("SELECT data FROM register_edits"), R"({"joined_on":"2030-01-10","left_on":null})");
    // A member who joined before the period and is still in the club is listed for it.
    EXPECT_EQ(m_panel->registerRows(table, "2030-03-01", "2030-03-31")->size(), 1u);
    EXPECT_TRUE(m_panel->registerRows(table, "2029-01-01", "2029-12-31")->empty());
}

TEST_F(RegisterStoreTest, ABookedMeetingIsMarkedHeldThenNotHeldAndAFutureOneCannotBe)
{
    book("past", "2030-03-03");
    book("future", "2030-03-05");
    book("cancelled", "2030-03-03", "cancelled");

    auto meetings = m_panel->bookedMeetings("2030-03-01", "2030-03-31");
    ASSERT_TRUE(meetings.ok());
    ASSERT_EQ(meetings->size(), 2u) << "a cancelled request is no meeting";
    EXPECT_EQ(meetings->front().requestId, "past");
    EXPECT_FALSE(meetings->front().held.has_value());
    EXPECT_EQ(meetings->front().slotMinutes, 50);

    MeetingMark held{"past", kToday.iso(), true, 45, m_staffId, kNow};
    EXPECT_EQ(*m_panel->markMeeting(held), RegisterWriteResult::Marked);
    EXPECT_EQ(text("SELECT date || '|' || duration_minutes || '|' || held || '|' || walk_in || '|' || booking_ref || "
                   "'|' || person_name FROM counselling_register"),
              "2030-03-03|45|1|0|past|Marek Wiśniewski");

    MeetingMark notHeld{"past", kToday.iso(), false, 0, m_staffId, kNow + 60};
    EXPECT_EQ(*m_panel->markMeeting(notHeld), RegisterWriteResult::Marked);
    EXPECT_EQ(text("SELECT COUNT(*) FROM counselling_register"), "1");
    EXPECT_EQ(text("SELECT held || '|' || COALESCE(duration_minutes, 'NULL') FROM counselling_register"), "0|NULL");
    meetings = m_panel->bookedMeetings("2030-03-01", "2030-03-31");
    ASSERT_TRUE(meetings.ok());
    EXPECT_EQ(meetings->front().held, std::optional<bool>(false));

    MeetingMark early{"future", kToday.iso(), true, 50, m_staffId, kNow};
    EXPECT_EQ(*m_panel->markMeeting(early), RegisterWriteResult::NotFound);
    MeetingMark gone{"cancelled", kToday.iso(), true, 50, m_staffId, kNow};
    EXPECT_EQ(*m_panel->markMeeting(gone), RegisterWriteResult::NotFound);
    EXPECT_EQ(text("SELECT group_concat(action, ',') FROM register_edits WHERE register = 'counselling_register'"),
              "mark,mark");
    EXPECT_EQ(text("SELECT COUNT(*) FROM register_edits WHERE data LIKE '%Marek%'"), "0");

    // Duty hours: the slots of the period, whatever became of their bookings.
    auto hours = m_panel->dutyHours("2030-03-03", "2030-03-05");
    ASSERT_TRUE(hours.ok());
    EXPECT_EQ(hours->slots, 3);
    EXPECT_EQ(hours->minutes, 150);
    EXPECT_EQ(m_panel->dutyHours("2030-03-04", "2030-03-04")->minutes, 0);
}

TEST_F(RegisterStoreTest, IdeasAreListedByStatusAndMarkedAndRatingsCountedPerScore)
{
    exec("INSERT INTO usage_events(id, kiosk_id, kind, area, text, language, at, received_at) VALUES "
         "('idea-1', 1, 'idea', 'culture', 'Więcej koncertów w bibliotece', 'pl', 1898856000, 1898856000), "
         "('idea-2', 1, 'idea', NULL, 'Лавки біля входу', 'uk', 1898856100, 1898856100)");
    exec("INSERT INTO usage_events(id, kiosk_id, kind, flow, rating, language, at, received_at) VALUES "
         "('r1', 1, 'rating', 'equipment', 5, 'pl', 1898856000, 0), ('r2', 1, 'rating', 'equipment', 5, 'pl', "
         "1898856000, 0), ('r3', 1, 'rating', 'equipment', 2, 'pl', 1898856000, 0), ('r4', 1, 'rating', "
         "'callback', 4, 'uk', 1898856000, 0), ('r5', 1, 'rating', 'callback', 4, 'uk', 1898942400, 0)");
    const ReportPeriod day{"2030-03-04", "2030-03-04", kNow - 12 * 3600, kNow + 12 * 3600};

    auto all = m_panel->ideas(day, "");
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ(all->front().id, "idea-2") << "newest first";
    EXPECT_EQ(all->front().text, "Лавки біля входу");
    EXPECT_EQ(all->front().status, "new");
    EXPECT_EQ(all->back().area, "culture");

    auto marked = m_panel->setIdeaStatus("idea-1", "forwarded", m_staffId, kNow + 5);
    ASSERT_TRUE(marked.ok());
    EXPECT_TRUE(*marked);
    EXPECT_FALSE(*m_panel->setIdeaStatus("r1", "read", m_staffId, kNow)) << "a rating is no idea";
    auto forwarded = m_panel->ideas(day, "forwarded");
    ASSERT_EQ(forwarded->size(), 1u);
    EXPECT_EQ(forwarded->front().statusBy, "Anna Koordynator");
    EXPECT_EQ(forwarded->front().statusAt, kNow + 5);
    EXPECT_EQ(m_panel->ideas(day, "new")->size(), 1u);
    EXPECT_EQ(text("SELECT register || ':' || entry_id || ':' || action || ':' || data FROM register_edits"),
              R"(ideas:idea-1:status:{"status":"forwarded"})");

    auto ratings = m_panel->ratingSummaries(day);
    ASSERT_TRUE(ratings.ok());
    std::string counted;
    for (const auto& r : *ratings)
        for (std::size_t score = 0; score < r.byScore.size(); ++score)
            if (r.byScore[score] > 0)
                counted += r.flow + ":" + std::to_string(score + 1) + "x" + std::to_string(r.byScore[score]) + " ";
    EXPECT_EQ(counted, "callback:4x1 equipment:2x1 equipment:5x2 ") << "r5 is the next day";
}

TEST_F(RegisterStoreTest, RetentionErasesRegisterNamesAfterRegisterDaysAndKeepsTheRows)
{
    exec("INSERT INTO counselling_register(date, duration_minutes, held, walk_in, person_name, created_by, "
         "created_at) VALUES ('2030-03-04', 60, 1, 1, 'Halina Nowak', 'st', 0)");
    exec("INSERT INTO volunteer_club_members(joined_on, left_on, display_name, created_by, created_at) VALUES "
         "('2029-01-01', '2030-03-04', 'J.K.', 'st', 0), ('2029-01-01', NULL, 'M.W.', 'st', 0)");
    RetentionConfig config;
    ASSERT_EQ(config.registerDays, 455);
    RetentionJob job(*m_store, config);
    const auto at = [](int days)
    {
        return Now{kNow + kDay * days, kToday.plusDays(days)};
    };

    auto kept = job.run(at(455));
    ASSERT_TRUE(kept.ok()) << kept.error().describe();
    EXPECT_EQ(kept->registerNames, 0);
    EXPECT_EQ(text("SELECT person_name FROM counselling_register"), "Halina Nowak");

    auto erased = job.run(at(456));
    ASSERT_TRUE(erased.ok());
    EXPECT_EQ(erased->registerNames, 2);
    EXPECT_EQ(text("SELECT COALESCE(person_name, 'NULL') || '|' || duration_minutes || '|' || (erased_at IS NOT "
                   "NULL) FROM counselling_register"),
              "NULL|60|1");
    EXPECT_EQ(text("SELECT group_concat(COALESCE(display_name, 'NULL'), ',') FROM (SELECT display_name FROM "
                   "volunteer_club_members ORDER BY id)"),
              "NULL,M.W.")
        << "a member still in the club keeps their initials";
    EXPECT_EQ(job.run(at(900))->registerNames, 0) << "erased once";
}

TEST_F(RegisterStoreTest, APersonCountsOnceAcrossTheirMeetingsAlsoAfterRetentionErasedAnEarlierName)
{
    const RegisterTable& table = registerDefinition(RegisterId::Counselling).table;
    const auto walkIn = [&](const std::string& date, const std::string& name)
    {
        RegisterWrite add{
            0,
            {{"date", date}, {"duration_minutes", "45"}, {"person_name", name}, {"held", "1"}, {"walk_in", "1"}},
            m_staffId,
            kNow};
        auto saved = m_panel->saveRegisterRow(table, add);
        ASSERT_TRUE(saved.ok()) << saved.error().describe();
    };
    walkIn("2029-01-08", "Halina Nowak");
    walkIn("2030-02-20", " halina nowak"); // the same person, typed differently
    walkIn("2030-02-21", "Piotr Lis");
    domain::Indicator persons;
    persons.id = "pps-osoby";
    persons.counting = domain::IndicatorCounting{domain::CountingKind::Register, "counselling_register", "persons", {}};
    const auto count = [&](const ReportPeriod& p)
    {
        auto m = m_panel->measureIndicators({persons}, {{p}});
        EXPECT_TRUE(m.ok());
        return m.ok() ? m->at(0).at(0).value : -1.0;
    };
    const ReportPeriod twoYears{"2029-01-01", "2030-12-31", 0, 0};
    EXPECT_DOUBLE_EQ(count(twoYears), 2);
    EXPECT_EQ(text("SELECT COUNT(DISTINCT person_key) FROM counselling_register"), "2");
    EXPECT_EQ(text("SELECT length(person_key) FROM counselling_register LIMIT 1"), "32");

    // 456 days after 8 January 2029 the first name is erased; the key stays, so still two persons.
    RetentionJob job(*m_store, RetentionConfig{});
    auto erased = job.run(Now{kNow, Date{2030, 4, 9}});
    ASSERT_TRUE(erased.ok());
    EXPECT_EQ(erased->registerNames, 1);
    EXPECT_EQ(text("SELECT COUNT(*) FROM counselling_register WHERE person_name IS NULL"), "1");
    EXPECT_DOUBLE_EQ(count(twoYears), 2) << "an erased name is not a new person";
    EXPECT_DOUBLE_EQ(count(ReportPeriod{"2029-01-01", "2029-12-31", 0, 0}), 1);
    EXPECT_DOUBLE_EQ(count(ReportPeriod{"2030-02-21", "2030-02-21", 0, 0}), 1) << "the period's edges";
    EXPECT_DOUBLE_EQ(count(ReportPeriod{"2029-01-09", "2030-02-19", 0, 0}), 0);

    // A later entry of the same name after the erasure still joins the person of the kept name.
    walkIn("2030-03-01", "Halina Nowak");
    EXPECT_DOUBLE_EQ(count(twoYears), 2);
}

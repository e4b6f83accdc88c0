// The schedule's store on a real server database with the shipped Łapy catalogue: a coordinator's
// entry checked, published to kiosks (the change log's "activity", which the kiosk's decoder takes)
// and audited; a partner changing only its own; cancelling; and the report's count of the plan —
// weekly series expanded per local day across summer time, month edges, cancelled ones left out —
// beside the activity_sessions register (planned vs held).
#include "server/panel/schedule_report.hpp"
#include "server/server_store.hpp"
#include "server/store/activity_store.hpp"
#include "server/store/indicator_sql.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/indicator.hpp"
#include "shared/protocol/activity_json.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server;

namespace
{
const std::filesystem::path kLapy = std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog" / "lapy.json";
const Date kToday{2026, 3, 2};
constexpr std::int64_t kNow = 1772445600; // 2026-03-02 10:00 UTC

domain::Activity club()
{
    domain::Activity a;
    a.kind = domain::ActivityKind::Club;
    a.title = {"Klub Seniora", "Клуб літніх людей", ""};
    a.serviceId = "lapy-cas";
    a.place = "CAS, ul. Główna 1, sala 2";
    a.date = Date{2026, 3, 21};
    a.startMinute = 17 * 60;
    a.endMinute = 19 * 60;
    a.weekly = true;
    a.until = Date{2026, 4, 11};
    a.capacity = 20;
    return a;
}

class ActivityStoreTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto catalogue = catalog::loadCatalogFile(kLapy);
        ASSERT_TRUE(catalogue.ok());
        ASSERT_TRUE(m_store->importCatalog("default", *catalogue, Now{kNow, kToday}).ok());
        m_activities = std::make_unique<ActivityStore>(*m_store);
    }

    std::string text(const std::string& sql)
    {
        std::string out = "?";
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto v = db::queryText(d, "SELECT CAST((" + sql + ") AS TEXT)");
                                if (!v)
                                    return makeErr(v.error());
                                out = v->value_or("(null)");
                                return {};
                            })
                        .ok());
        return out;
    }

    void exec(const std::string& sql)
    {
        ASSERT_TRUE(m_store->write([&](db::Database& d) { return db::exec(d, sql); }).ok()) << sql;
    }

    /// The report's measure of the schedule for [from, to] and kinds (",club," or "").
    double measure(std::string_view name, Date from, Date to, const std::string& kinds)
    {
        for (const RegisterSql& r : registerSql())
            if (r.name == "activity_schedule")
                for (const MeasureSql& m : r.measures)
                    if (m.name == name)
                    {
                        double v = -1;
                        EXPECT_TRUE(m_store
                                        ->read(
                                            [&](db::Database& d) -> Status<db::Error>
                                            {
                                                auto got = db::queryOne(
                                                    d, m.count, [](db::Row& row) { return row.real(); }, from.iso(),
                                                    to.iso(), kinds);
                                                if (!got)
                                                    return makeErr(got.error());
                                                v = got->value_or(-2);
                                                return {};
                                            })
                                        .ok());
                        return v;
                    }
        ADD_FAILURE() << "no measure " << name;
        return -1;
    }

    std::string save(const domain::Activity& a, const ActivityActor& actor)
    {
        auto outcome = m_activities->save(a, actor, kToday, kNow);
        EXPECT_TRUE(outcome.ok());
        if (!outcome)
            return "";
        EXPECT_EQ(outcome->result, ActivitySaveResult::Saved);
        return outcome->id;
    }

    test::TempDir m_dir{"okienko-activities"};
    std::unique_ptr<ServerStore> m_store;
    std::unique_ptr<ActivityStore> m_activities;
    const ActivityActor m_coordinator{ActivityActor::Kind::Staff, "st-anna"};
};

} // namespace

TEST_F(ActivityStoreTest, ACoordinatorsEntryIsPublishedToKiosksAndAudited)
{
    const std::string id = save(club(), m_coordinator);
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(text("SELECT entered_by_kind || ':' || entered_by FROM activities WHERE id = '" + id + "'"),
              "staff:st-anna");
    EXPECT_EQ(text("SELECT staff_id || ' ' || action FROM panel_actions WHERE entity = 'activity' AND entity_id = '" +
                   id + "'"),
              "st-anna add");
    // The kiosk's own decoder takes what the change log holds.
    const std::string logged =
        text("SELECT data FROM change_log WHERE entity = 'activity' AND entity_id = '" + id + "' AND kiosk_id IS NULL");
    auto decoded = protocol::decodeActivity(protocol::Json::parse(logged));
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    domain::Activity expected = club();
    expected.id = id;
    EXPECT_EQ(*decoded, expected);

    auto listed = m_activities->list(kToday);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().activity, expected);
}

TEST_F(ActivityStoreTest, AnInvalidEntryWritesNothingAndSaysWhatToFix)
{
    domain::Activity a = club();
    a.serviceId = "lapy-nie-ma-takiej";
    a.date = Date{2026, 2, 7};
    a.until = Date{2026, 2, 28}; // ended before today
    auto outcome = m_activities->save(a, m_coordinator, kToday, kNow);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome->result, ActivitySaveResult::Invalid);
    ASSERT_EQ(outcome->problems.size(), 2u);
    EXPECT_EQ(outcome->problems[0].field, "until");
    EXPECT_EQ(outcome->problems[1].message, "Nie ma takiej usługi w katalogu.");
    EXPECT_EQ(text("SELECT COUNT(*) FROM activities"), "0");
    EXPECT_EQ(text("SELECT COUNT(*) FROM change_log WHERE entity = 'activity'"), "0");
    EXPECT_EQ(text("SELECT COUNT(*) FROM panel_actions WHERE entity = 'activity'"), "0");
}

TEST_F(ActivityStoreTest, APartnerChangesOnlyItsOwnAndStaffChangeEveryOne)
{
    const ActivityActor library{ActivityActor::Kind::Partner, "biblioteka-lapy"};
    const ActivityActor ngo{ActivityActor::Kind::Partner, "stowarzyszenie"};
    domain::Activity reading = club();
    reading.kind = domain::ActivityKind::PartnerEvent;
    reading.title = {"Głośne czytanie", "", ""};
    reading.place = "Biblioteka Publiczna w Łapach";
    const std::string theirs = save(reading, library);
    const std::string ours = save(club(), m_coordinator);

    reading.id = theirs;
    reading.capacity = 15;
    EXPECT_EQ(m_activities->save(reading, ngo, kToday, kNow)->result, ActivitySaveResult::NotOwner);
    EXPECT_EQ(m_activities->setCancelled(ours, true, library, kNow)->result, ActivitySaveResult::NotOwner);
    EXPECT_EQ(m_activities->save(reading, library, kToday, kNow)->result, ActivitySaveResult::Saved);
    EXPECT_EQ(m_activities->setCancelled(theirs, true, m_coordinator, kNow)->result, ActivitySaveResult::Saved);
    EXPECT_EQ(text("SELECT group_concat(staff_id || ' ' || action, ', ') FROM (SELECT staff_id, action FROM "
                   "panel_actions WHERE entity_id = '" +
                   theirs + "' ORDER BY id)"),
              "partner:biblioteka-lapy add, partner:biblioteka-lapy edit, st-anna cancel");
    EXPECT_EQ(m_activities->setCancelled("no-such-id", true, m_coordinator, kNow)->result, ActivitySaveResult::Gone);
}

TEST_F(ActivityStoreTest, CancellingPublishesTheCancelledActivity)
{
    const std::string id = save(club(), m_coordinator);
    ASSERT_EQ(m_activities->setCancelled(id, true, m_coordinator, kNow)->result, ActivitySaveResult::Saved);
    const std::string last = text("SELECT data FROM change_log WHERE entity = 'activity' AND entity_id = '" + id +
                                  "' ORDER BY seq DESC LIMIT 1");
    auto decoded = protocol::decodeActivity(protocol::Json::parse(last));
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(decoded->cancelled);
    EXPECT_EQ(text("SELECT updated_by FROM activities WHERE id = '" + id + "'"), "st-anna");
}

TEST_F(ActivityStoreTest, TheReportCountsThePlanPerLocalDayAcrossSummerTime)
{
    save(club(), m_coordinator); // Saturdays 21.03–11.04: two in March, two in April
    domain::Activity workshop = club();
    workshop.kind = domain::ActivityKind::Workshop;
    workshop.title = {"Warsztaty komputerowe", "", ""};
    workshop.weekly = false;
    workshop.until.reset();
    workshop.date = Date{2026, 3, 31}; // the last day of the month and of the quarter
    workshop.startMinute = 22 * 60;
    workshop.endMinute = 23 * 60 + 30;
    save(workshop, m_coordinator);
    domain::Activity called = workshop;
    called.date = Date{2026, 3, 30};
    const std::string calledOff = save(called, m_coordinator);
    ASSERT_EQ(m_activities->setCancelled(calledOff, true, m_coordinator, kNow)->result, ActivitySaveResult::Saved);

    EXPECT_EQ(measure("planned", Date{2026, 3, 1}, Date{2026, 3, 31}, ""), 3.0);
    EXPECT_EQ(measure("planned", Date{2026, 4, 1}, Date{2026, 4, 30}, ""), 2.0);
    EXPECT_EQ(measure("planned", Date{2026, 3, 1}, Date{2026, 3, 31}, ",club,"), 2.0);
    EXPECT_EQ(measure("planned", Date{2026, 3, 28}, Date{2026, 4, 4}, ",club,"), 2.0); // both edges count
    EXPECT_EQ(measure("planned", Date{2026, 4, 12}, Date{2026, 12, 31}, ""), 0.0);
    EXPECT_EQ(measure("planned-hours", Date{2026, 3, 1}, Date{2026, 3, 31}, ""), 5.5);

    // What happened, in the register: one club meeting held in March, the workshop too.
    exec("INSERT INTO activity_sessions(date, kind, group_name, hours, participants, created_by, created_at) VALUES "
         "('2026-03-21', 'cas_group', 'Klub Seniora', 2, 14, 'st-anna', 0), "
         "('2026-03-31', 'workshop', 'Warsztaty komputerowe', 1.5, 8, 'st-anna', 0)");
    auto rows = panel::planVersusHeld(*m_store, SiteScope::defaultSite(), Date{2026, 3, 1}, Date{2026, 3, 31});
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 4u);
    EXPECT_EQ((*rows)[0].kind, domain::ActivityKind::Workshop);
    EXPECT_EQ((*rows)[0].planned, 1.0);
    EXPECT_EQ((*rows)[0].held, 1.0);
    EXPECT_EQ((*rows)[1].kind, domain::ActivityKind::Club);
    EXPECT_EQ((*rows)[1].planned, 2.0);
    EXPECT_EQ((*rows)[1].held, 1.0);
    EXPECT_FALSE((*rows)[3].held.has_value()); // partners' events: the register does not count them
    const std::string html = panel::planVersusHeldSection(*rows).str();
    EXPECT_NE(html.find("Harmonogram a odbyte zajęcia"), std::string::npos);
    EXPECT_NE(html.find("— (rejestr nie liczy tego rodzaju)"), std::string::npos);
}

TEST_F(ActivityStoreTest, OneDateCalledOffIsPublishedAuditedAndCountedPlannedNotHeld)
{
    const std::string id = save(club(), m_coordinator); // Saturdays 21.03, 28.03, 4.04, 11.04
    const Date off{2026, 3, 28};
    auto outcome = m_activities->setDateCancelled(id, off, true, "remont sali", m_coordinator, kNow);
    ASSERT_TRUE(outcome.ok());
    ASSERT_EQ(outcome->result, ActivitySaveResult::Saved);
    EXPECT_EQ(text("SELECT staff_id || ' ' || action FROM panel_actions WHERE entity = 'activity' AND entity_id = '" +
                   id + "' ORDER BY id DESC LIMIT 1"),
              "st-anna cancel-date 2026-03-28");

    // Kiosks get it in the feed, and their decoder marks that day only.
    const std::string last = text("SELECT data FROM change_log WHERE entity = 'activity' AND entity_id = '" + id +
                                  "' ORDER BY seq DESC LIMIT 1");
    auto decoded = protocol::decodeActivity(protocol::Json::parse(last));
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    EXPECT_FALSE(decoded->cancelled);
    ASSERT_EQ(decoded->cancelledDates.size(), 1u);
    EXPECT_EQ(decoded->cancelledDates[0], (domain::CancelledDate{off, "remont sali"}));
    const auto days = domain::occurrencesBetween({*decoded}, Date{2026, 3, 21}, Date{2026, 4, 11}, false);
    ASSERT_EQ(days.size(), 4u) << "the called-off day stays listed, marked";
    EXPECT_FALSE(days[0].cancelled);
    EXPECT_TRUE(days[1].cancelled);
    EXPECT_EQ(days[1].reason, "remont sali");
    EXPECT_FALSE(days[2].cancelled);

    // An edit of the series from the form (which does not carry the dates) keeps the day called off.
    domain::Activity edited = club();
    edited.id = id;
    edited.capacity = 25;
    ASSERT_EQ(m_activities->save(edited, m_coordinator, kToday, kNow)->result, ActivitySaveResult::Saved);
    auto found = m_activities->find(id);
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->activity.cancelledDates.size(), 1u);

    // A day the series does not meet on is refused with a Polish reason; nothing is written.
    auto wrongDay = m_activities->setDateCancelled(id, Date{2026, 3, 29}, true, "", m_coordinator, kNow);
    ASSERT_TRUE(wrongDay.ok());
    EXPECT_EQ(wrongDay->result, ActivitySaveResult::Invalid);
    ASSERT_EQ(wrongDay->problems.size(), 1u);
    EXPECT_EQ(wrongDay->problems[0].message,
              "Zajęcia nie odbywają się 2026-03-29: odwołać można tylko dzień, w którym są w harmonogramie.");

    // The report: planned 2 in March (the day called off was planned), 1 of them called off, 1 held.
    exec("INSERT INTO activity_sessions(date, kind, group_name, hours, participants, created_by, created_at) VALUES "
         "('2026-03-21', 'cas_group', 'Klub Seniora', 2, 14, 'st-anna', 0)");
    EXPECT_EQ(measure("planned", Date{2026, 3, 1}, Date{2026, 3, 31}, ",club,"), 2.0);
    EXPECT_EQ(measure("cancelled", Date{2026, 3, 1}, Date{2026, 3, 31}, ",club,"), 1.0);
    EXPECT_EQ(measure("cancelled", Date{2026, 4, 1}, Date{2026, 4, 30}, ""), 0.0);
    auto rows = panel::planVersusHeld(*m_store, SiteScope::defaultSite(), Date{2026, 3, 1}, Date{2026, 3, 31});
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ((*rows)[1].planned, 2.0);
    EXPECT_EQ((*rows)[1].cancelledDates, 1.0);
    EXPECT_EQ((*rows)[1].held, 1.0);
    EXPECT_NE(panel::planVersusHeldSection(*rows).str().find("W tym odwołane dni"), std::string::npos);

    // Brought back: the day takes place again.
    ASSERT_EQ(m_activities->setDateCancelled(id, off, false, "", m_coordinator, kNow)->result,
              ActivitySaveResult::Saved);
    EXPECT_EQ(measure("cancelled", Date{2026, 3, 1}, Date{2026, 3, 31}, ""), 0.0);
    EXPECT_EQ(text("SELECT cancelled_dates FROM activities WHERE id = '" + id + "'"), "[]");
}

TEST(ActivityIndicators, TheScheduleIsARegisterAnIndicatorMayNameWithItsKinds)
{
    EXPECT_EQ(domain::registerMeasures("activity_schedule"),
              (std::vector<std::string_view>{"planned", "planned-hours", "cancelled"}));
    EXPECT_EQ(domain::registerKinds("activity_schedule"),
              (std::vector<std::string_view>{"workshop", "club", "duty", "partner-event"}));
    EXPECT_TRUE(domain::registerKinds("volunteer_club").empty());
}

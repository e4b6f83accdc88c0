// The registers and the idea box through the real okienko-central over HTTPS (behind the nginx
// front), logged in as each role: every register's form refuses wrong values with its Polish
// message and writes nothing, a valid entry is listed with who entered it and leaves its audit row,
// the wrong role gets the 403 page; a booked counselling meeting is marked held and a walk-in added;
// the duty hours are summed; ideas sent by a kiosk are listed, marked and filtered; and the
// retention command erases the register's names after register_days.
#include "shared/db/database.hpp"
#include "shared/domain/area.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <ctime>
#include <gtest/gtest.h>
#include <httplib.h>
#include <tuple>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::TestCa;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-2";

bool has(const httplib::Result& r, const std::string& text)
{
    return r && r->body.find(text) != std::string::npos;
}

class PanelRegisters : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca);
        m_token = m_server->prepare(okienko::test::testCatalogJson(2));
        ASSERT_FALSE(m_token.empty()) << okienko::test::readFile(m_server->dir() + "/admin.log");
        m_coordinatorId = okienko::test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword);
        ASSERT_FALSE(okienko::test::addStaff(*m_server, "Celina Doradca", "counsellor", kPassword).empty());
        ASSERT_FALSE(okienko::test::addStaff(*m_server, "Adam Admin", "admin", kPassword).empty());
        ASSERT_TRUE(m_server->start()) << okienko::test::readFile(m_server->logPath());
    }

    std::unique_ptr<PanelClient> as(const std::string& name, const std::string& page)
    {
        auto b = std::make_unique<PanelClient>(m_server->port(), m_ca.caCert());
        auto r = b->login(name, kPassword);
        EXPECT_TRUE(r && r->status == 303) << name;
        b->get(page); // the session's CSRF token
        return b;
    }

    std::string count(const std::string& sql) { return okienko::test::scalar(m_server->databasePath(), sql); }

    void write(const std::string& sql)
    {
        auto d = db::Database::open(m_server->databasePath());
        ASSERT_TRUE(d.ok());
        ASSERT_TRUE(d->exec(sql).ok()) << sql;
    }

    void send(const std::vector<protocol::Event>& events)
    {
        httplib::SSLClient kiosk("127.0.0.1", m_server->port());
        kiosk.set_ca_cert_path(m_ca.caCert().c_str());
        kiosk.enable_server_certificate_verification(true);
        kiosk.set_default_headers({{"Authorization", "Bearer " + m_token}});
        auto r = kiosk.Post("/api/v1/events", protocol::encodeEventBatch(events), "application/json");
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 200) << r->body;
        EXPECT_EQ(r->body.find("rejected"), std::string::npos) << r->body;
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::string m_token, m_coordinatorId;
};
} // namespace

TEST_F(PanelRegisters, ActivitySessionsRefuseWrongValuesWithTheirMessagesAndAuditEveryChange)
{
    auto b = as("Anna Koordynator", "/panel/registers/activities");
    const std::string day = okienko::test::localToday().iso();
    auto bad = b->postMultipart("/panel/registers/activities/save", {{"id", ""},
                                                                     {"date", "2026-13-01"},
                                                                     {"kind", "party"},
                                                                     {"group_name", ""},
                                                                     {"hours", "0"},
                                                                     {"participants", "-3"}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    for (const char* message :
         {"Data zajęć: podaj datę w formacie RRRR-MM-DD, np. 2026-03-15.",
          "Rodzaj zajęć: wybierz jedną z podanych możliwości.",
          "Grupa lub temat: wpisz od 1 do 120 znaków w jednym wierszu, bez znaków sterujących.",
          "Liczba godzin: podaj liczbę większą od 0 i nie większą niż 24 (np. 2 lub 1,5; najwyżej dwa miejsca po "
          "przecinku).",
          "Liczba uczestników: podaj liczbę całkowitą od 0 do 10000."})
        EXPECT_TRUE(has(bad, message)) << message;
    auto tooLong =
        b->postMultipart("/panel/registers/activities/save", {{"date", okienko::test::localToday().plusDays(1).iso()},
                                                              {"kind", "workshop"},
                                                              {"group_name", "Warsztaty"},
                                                              {"hours", "24,5"},
                                                              {"participants", "3"}});
    EXPECT_EQ(tooLong->status, 422);
    EXPECT_TRUE(has(tooLong, "Data zajęć: data nie może być późniejsza niż dziś (" + day + ")."));
    EXPECT_TRUE(has(tooLong, "Liczba godzin: podaj liczbę większą od 0"));
    EXPECT_TRUE(has(tooLong, "value=\"Warsztaty\"")) << "what was typed stays in the form";
    EXPECT_EQ(count("SELECT COUNT(*) FROM activity_sessions"), "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM register_edits"), "0");

    auto good = b->postMultipart("/panel/registers/activities/save", {{"date", day},
                                                                      {"kind", "cas_group"},
                                                                      {"group_name", "Grupa CAS <seniorzy>"},
                                                                      {"hours", "1,5"},
                                                                      {"participants", "12"}});
    ASSERT_TRUE(good);
    EXPECT_EQ(good->status, 303);
    EXPECT_EQ(count("SELECT date || '|' || kind || '|' || hours || '|' || participants || '|' || created_by FROM "
                    "activity_sessions"),
              day + "|cas_group|1.5|12|" + m_coordinatorId);
    EXPECT_EQ(count("SELECT action || '|' || staff_id FROM register_edits WHERE register = 'activity_sessions'"),
              "add|" + m_coordinatorId);
    auto page = b->get("/panel/registers/activities?msg=added");
    EXPECT_TRUE(has(page, "Wpis dodany."));
    EXPECT_TRUE(has(page, "Grupa CAS &lt;seniorzy&gt;"));
    EXPECT_TRUE(has(page, "<td class=\"num\">1,5</td>"));
    EXPECT_TRUE(has(page, "Anna Koordynator, "));

    const std::string id = count("SELECT id FROM activity_sessions");
    auto edited = b->postMultipart("/panel/registers/activities/save", {{"id", id},
                                                                        {"date", day},
                                                                        {"kind", "workshop"},
                                                                        {"group_name", "Warsztaty"},
                                                                        {"hours", "2"},
                                                                        {"participants", "0"}});
    EXPECT_EQ(edited->status, 303);
    EXPECT_EQ(count("SELECT kind || '|' || hours || '|' || participants || '|' || updated_by FROM activity_sessions"),
              "workshop|2.0|0|" + m_coordinatorId);
    EXPECT_EQ(b->postMultipart("/panel/registers/activities/remove", {{"id", id}})->status, 303);
    EXPECT_EQ(count("SELECT COUNT(*) FROM activity_sessions"), "0");
    EXPECT_EQ(count("SELECT group_concat(action, ',') FROM (SELECT action FROM register_edits ORDER BY id)"),
              "add,update,remove");
    auto gone = b->postMultipart("/panel/registers/activities/remove", {{"id", id}});
    EXPECT_EQ(gone->status, 409);
    EXPECT_TRUE(has(gone, "Tego wpisu już nie ma. Nic nie zmieniono."));
}

TEST_F(PanelRegisters, EachRegisterChecksItsOwnFieldsAndTheWrongRoleGetsTheRefusalPage)
{
    auto coordinator = as("Anna Koordynator", "/panel/registers");
    const std::string day = okienko::test::localToday().iso();
    auto left = coordinator->postMultipart("/panel/registers/volunteer-members/save",
                                           {{"joined_on", day}, {"left_on", "2020-01-01"}, {"display_name", "A.K."}});
    EXPECT_EQ(left->status, 422);
    EXPECT_TRUE(has(left, "Data odejścia nie może być wcześniejsza niż data przystąpienia."));
    EXPECT_EQ(coordinator
                  ->postMultipart("/panel/registers/volunteer-members/save",
                                  {{"joined_on", day}, {"left_on", ""}, {"display_name", "A.K."}})
                  ->status,
              303);
    EXPECT_EQ(count("SELECT COALESCE(left_on, 'NULL') || '|' || display_name FROM volunteer_club_members"),
              "NULL|A.K.");
    EXPECT_EQ(count("SELECT data FROM register_edits WHERE register = 'volunteer_club_members'"),
              "{\"joined_on\":\"" + day + "\",\"left_on\":null}")
        << "the audit row leaves the name out";
    auto stay = coordinator->postMultipart("/panel/registers/sheltered-housing/save",
                                           {{"from_date", day}, {"to_date", "2020-01-01"}});
    EXPECT_EQ(stay->status, 422);
    EXPECT_TRUE(has(stay, "Koniec pobytu nie może być wcześniejszy niż jego początek."));
    EXPECT_EQ(
        coordinator->postMultipart("/panel/registers/volunteer-initiatives/save", {{"date", day}, {"title", "Zbiórka"}})
            ->status,
        303);

    auto counsellor = as("Celina Doradca", "/panel/registers/counselling");
    auto refused = counsellor->get("/panel/registers/activities");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_TRUE(has(refused, "Twoje konto nie ma dostępu do tej strony panelu."));
    EXPECT_EQ(counsellor->postMultipart("/panel/registers/volunteer-members/save", {{"joined_on", day}})->status, 403);
    EXPECT_EQ(counsellor->get("/panel/ideas")->status, 403);

    auto admin = as("Adam Admin", "/panel/registers");
    EXPECT_EQ(admin->get("/panel/registers/counselling")->status, 403);
    EXPECT_EQ(admin->get("/panel/registers/volunteer-members")->status, 403);
    EXPECT_EQ(admin
                  ->postMultipart("/panel/registers/counselling/save",
                                  {{"date", day}, {"duration_minutes", "30"}, {"person_name", "X"}})
                  ->status,
              403);
    auto initiatives = admin->get("/panel/registers/volunteer-initiatives");
    EXPECT_EQ(initiatives->status, 200);
    EXPECT_TRUE(has(initiatives, "Zbiórka"));
    auto index = admin->get("/panel/registers");
    EXPECT_TRUE(has(index, "/panel/registers/sheltered-housing"));
    EXPECT_FALSE(has(index, "/panel/registers/counselling")) << "the index offers only what the role may open";
    EXPECT_EQ(count("SELECT COUNT(*) FROM counselling_register"), "0");
}

TEST_F(PanelRegisters, ACounsellorMarksABookedMeetingAndAddsAWalkInAndDutyHoursAreSummed)
{
    const std::string day = okienko::test::localToday().iso();
    const std::string future = okienko::test::localToday().plusDays(2).iso();
    write("INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, duration_minutes, "
          "booked_by) VALUES ('slot-a', '[\"psychological\"]', 'Jan Nowak', '12', '" +
          day + "', 0, 50, 'req-a'), ('slot-b', '[\"psychological\"]', 'Jan Nowak', '12', '" + future +
          "', 600, 90, 'req-b'), ('slot-c', '[\"psychological\"]', 'Jan Nowak', '12', '" + day + "', 60, 40, NULL)");
    write("INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status, language, kiosk_id, "
          "created_at, received_at) VALUES ('req-a', 'P-AAAA', 'psychological', 'slot-a', 'Zofia Lis', '600100200', "
          "'confirmed', 'pl', 1, 0, 0), ('req-b', 'P-BBBB', 'psychological', 'slot-b', 'Ewa Kot', '600100300', "
          "'confirmed', 'pl', 1, 0, 0)");

    auto b = as("Celina Doradca", "/panel/registers/counselling");
    auto page = b->get("/panel/registers/counselling?from=" + day + "&to=" + future);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "Godziny dyżurów w okresie: <strong>3 h 0 min</strong> (3 dyżurów"));
    EXPECT_TRUE(has(page, "P-AAAA"));
    EXPECT_TRUE(has(page, "Zofia Lis"));
    EXPECT_TRUE(has(page, "zaplanowane")) << "a meeting still to come is not marked yet";
    const auto form = okienko::test::browserForm(page->body, "/panel/registers/counselling/mark");
    EXPECT_EQ(form.at("booking"), "req-a");
    EXPECT_EQ(form.at("minutes"), "50") << "the slot's length is offered";

    auto tooShort =
        b->postMultipart("/panel/registers/counselling/mark",
                         {{"booking", "req-a"}, {"held", "1"}, {"minutes", "3"}, {"from", day}, {"to", future}});
    ASSERT_TRUE(tooShort);
    EXPECT_EQ(tooShort->status, 303);
    EXPECT_TRUE(has(b->get(tooShort->get_header_value("Location")), "Czas trwania: podaj liczbę minut od 5 do 480."));
    EXPECT_EQ(count("SELECT COUNT(*) FROM counselling_register"), "0");
    auto early =
        b->postMultipart("/panel/registers/counselling/mark",
                         {{"booking", "req-b"}, {"held", "1"}, {"minutes", "60"}, {"from", day}, {"to", future}});
    EXPECT_NE(early->get_header_value("Location").find("msg=no-meeting"), std::string::npos);

    auto marked =
        b->postMultipart("/panel/registers/counselling/mark",
                         {{"booking", "req-a"}, {"held", "1"}, {"minutes", "45"}, {"from", day}, {"to", future}});
    EXPECT_NE(marked->get_header_value("Location").find("msg=marked&from=" + day + "&to=" + future), std::string::npos);
    EXPECT_EQ(count("SELECT date || '|' || duration_minutes || '|' || held || '|' || walk_in || '|' || booking_ref || "
                    "'|' || person_name FROM counselling_register"),
              day + "|45|1|0|req-a|Zofia Lis");
    EXPECT_TRUE(has(b->get("/panel/registers/counselling"), "odbyło się, 45 min"));

    auto badWalkIn = b->postMultipart("/panel/registers/counselling/save",
                                      {{"date", day}, {"duration_minutes", "481"}, {"person_name", ""}});
    EXPECT_EQ(badWalkIn->status, 422);
    EXPECT_TRUE(has(badWalkIn, "Czas trwania: podaj liczbę minut od 5 do 480."));
    EXPECT_TRUE(has(badWalkIn, "Imię i nazwisko: wpisz od 1 do 120 znaków"));
    EXPECT_EQ(b->postMultipart("/panel/registers/counselling/save",
                               {{"date", day}, {"duration_minutes", "30"}, {"person_name", "Jan Walk"}})
                  ->status,
              303);
    EXPECT_EQ(count("SELECT held || '|' || walk_in || '|' || COALESCE(booking_ref, 'NULL') || '|' || person_name FROM "
                    "counselling_register WHERE walk_in = 1"),
              "1|1|NULL|Jan Walk");
    // A booked meeting's entry is marked, never edited or removed through the walk-in form.
    const std::string booked = count("SELECT id FROM counselling_register WHERE walk_in = 0");
    auto notHere = b->postMultipart("/panel/registers/counselling/remove", {{"id", booked}});
    EXPECT_EQ(notHere->status, 409);
    EXPECT_EQ(count("SELECT group_concat(action, ',') FROM (SELECT action FROM register_edits WHERE register = "
                    "'counselling_register' ORDER BY id)"),
              "mark,add");

    // The names go after [retention] register_days (455 by default), counted from the meeting's day.
    m_server->kill(SIGTERM);
    std::string output;
    write("UPDATE counselling_register SET date = '2000-01-01' WHERE walk_in = 1");
    EXPECT_EQ(m_server->admin({"purge-personal-data"}, &output), 0) << output;
    EXPECT_NE(output.find("register names 1"), std::string::npos) << output;
    EXPECT_EQ(count("SELECT COALESCE(person_name, 'NULL') || '|' || duration_minutes FROM counselling_register WHERE "
                    "walk_in = 1"),
              "NULL|30");
    EXPECT_EQ(count("SELECT person_name FROM counselling_register WHERE walk_in = 0"), "Zofia Lis");
}

TEST_F(PanelRegisters, IdeasFromAKioskAreListedMarkedAndFilteredByStatus)
{
    std::vector<protocol::Event> events;
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    for (const auto& [text, area, language] :
         {std::tuple{"Ławki przy wejściu <b>", domain::Area::Disability, domain::Language::Pl},
          std::tuple{"Більше занять для дітей", domain::Area::FamilySupport, domain::Language::Uk}})
    {
        domain::UsageEvent idea;
        idea.id = newUuid();
        idea.kind = domain::UsageKind::Idea;
        idea.flow = "idea";
        idea.area = area;
        idea.text = text;
        idea.language = language;
        idea.at = now;
        events.push_back(protocol::makeUsageEvent(idea));
    }
    domain::UsageEvent rating;
    rating.id = newUuid();
    rating.kind = domain::UsageKind::Rating;
    rating.flow = "equipment";
    rating.rating = 5;
    rating.at = now;
    events.push_back(protocol::makeUsageEvent(rating));
    send(events);

    auto b = as("Anna Koordynator", "/panel/ideas");
    auto page = b->get("/panel/ideas");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_TRUE(has(page, "Ławki przy wejściu &lt;b&gt;"));
    EXPECT_TRUE(has(page, "Більше занять для дітей"));
    EXPECT_TRUE(has(page, "ukraiński"));
    EXPECT_TRUE(has(page, "6. wspieranie osób niepełnosprawnych"));
    EXPECT_TRUE(has(page, "<th scope=\"row\">wypożyczalnia sprzętu</th><td class=\"num\">0</td><td class=\"num\">0</td>"
                          "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td><td "
                          "class=\"num\">1</td><td class=\"num\">5,00</td>"));

    const std::string ukrainian = count("SELECT id FROM usage_events WHERE language = 'uk' AND kind = 'idea'");
    auto marked = b->postMultipart("/panel/ideas/status", {{"id", ukrainian}, {"status", "answered"}, {"filter", ""}});
    EXPECT_EQ(marked->status, 303);
    EXPECT_EQ(count("SELECT status || '|' || staff_id FROM idea_statuses"), "answered|" + m_coordinatorId);
    EXPECT_EQ(count("SELECT action || '|' || data FROM register_edits WHERE register = 'ideas'"),
              "status|{\"status\":\"answered\"}");
    auto answered = b->get("/panel/ideas?status=answered");
    EXPECT_TRUE(has(answered, "Більше занять для дітей"));
    EXPECT_TRUE(has(answered, "z odpowiedzią (Anna Koordynator, "));
    EXPECT_FALSE(has(answered, "Ławki przy wejściu"));
    auto fresh = b->get("/panel/ideas?status=new");
    EXPECT_TRUE(has(fresh, "Ławki przy wejściu"));
    EXPECT_FALSE(has(fresh, "Більше занять для дітей"));
    EXPECT_EQ(b->postMultipart("/panel/ideas/status", {{"id", ukrainian}, {"status", "deleted"}})
                      ->get_header_value("Location")
                      .find("msg=bad-input") != std::string::npos,
              true);
}

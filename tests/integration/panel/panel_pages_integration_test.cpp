// The panel's loans, units and counselling-slot pages against the real okienko-central over HTTPS:
// session and CSRF on every page and action, overdue loans sent through the kiosk API, unit state
// changes checked against the unit's state and carried to kiosks by GET /api/v1/changes, slots
// published / edited / withdrawn (overlaps refused) and a booked request moved to another slot.
#include "shared/db/database.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <ctime>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <optional>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::scalar;
using okienko::test::TestCa;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-2";
constexpr const char* kHostile = "<script>alert(1)</script> & 'x'";
constexpr const char* kHostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;";

Date today()
{
    return okienko::test::localToday();
}

std::int64_t nowUnix()
{
    return static_cast<std::int64_t>(std::time(nullptr));
}

/// The test catalogue (3 units of a type whose name looks like markup) and a second counselling kind.
std::string catalog()
{
    auto doc = nlohmann::json::parse(okienko::test::testCatalogJson(3));
    doc["equipment_types"][0]["name"]["pl"] = kHostile;
    doc["counselling_kinds"].push_back(
        {{"id", "family"}, {"name", {{"pl", "Rodzinne"}}}, {"description", {{"pl", "Opis"}}}});
    return doc.dump();
}

class PanelPages : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca);
        m_token = m_server->prepare(catalog());
        ASSERT_FALSE(m_token.empty()) << okienko::test::readFile(m_server->dir() + "/admin.log");
        m_staffId = okienko::test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword);
        ASSERT_FALSE(m_staffId.empty());
        ASSERT_TRUE(m_server->start()) << okienko::test::readFile(m_server->logPath());
    }

    std::unique_ptr<PanelClient> loggedIn()
    {
        auto b = std::make_unique<PanelClient>(m_server->port(), m_ca.caCert());
        auto r = b->login("Anna Koordynator", kPassword);
        EXPECT_TRUE(r && r->status == 303);
        b->get("/panel/units"); // picks up the session's CSRF token
        return b;
    }

    std::unique_ptr<httplib::SSLClient> kiosk()
    {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", m_server->port());
        c->set_ca_cert_path(m_ca.caCert().c_str());
        c->enable_server_certificate_verification(true);
        c->set_default_headers({{"Authorization", "Bearer " + m_token}});
        return c;
    }

    void send(const std::vector<protocol::Event>& events)
    {
        auto r = kiosk()->Post("/api/v1/events", protocol::encodeEventBatch(events), "application/json");
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 200) << r->body;
        auto results = protocol::decodeEventResults(r->body);
        ASSERT_TRUE(results.ok());
        for (const auto& res : *results)
            ASSERT_EQ(res.status, protocol::EventStatus::Applied) << r->body;
    }

    /// Every change for (entity, id) the kiosk pulls from the start, in order.
    /// Every change of the entity the kiosk has pulled so far, pulling what is new first: the kiosk
    /// keeps its cursor between calls, as a kiosk does between sync rounds (its first pull is a
    /// snapshot, then the log).
    std::vector<protocol::Change> changesFor(std::string_view entity, const std::string& id)
    {
        for (int page = 0; page < 50; ++page)
        {
            auto r = kiosk()->Get(("/api/v1/changes?since=" + m_feedCursor).c_str());
            if (!r || r->status != 200)
                break;
            auto decoded = protocol::decodeChangesPage(r->body);
            if (!decoded)
                break;
            for (auto& c : decoded->changes)
                m_feed.push_back(std::move(c));
            m_feedCursor = decoded->cursor;
            if (!decoded->more)
                break;
        }
        std::vector<protocol::Change> out;
        for (const auto& c : m_feed)
            if (c.entity == entity && c.id == id)
                out.push_back(c);
        return out;
    }

    std::string unitState(const std::string& inv)
    {
        return scalar(m_server->databasePath(),
                      "SELECT COALESCE(s.state, u.state) FROM equipment_units u LEFT JOIN unit_states s ON "
                      "s.inventory_number = u.inventory_number WHERE u.inventory_number = '" +
                          inv + "'");
    }

    std::string count(const std::string& sql) { return scalar(m_server->databasePath(), sql); }

    domain::Loan loan(const std::string& inv, Date start, Date due, const std::string& name)
    {
        domain::Loan l;
        l.id = newUuid();
        l.inventoryNumber = inv;
        l.typeId = "wozek-testowy";
        l.borrower.name = name;
        l.borrower.phone = "600100300";
        l.start = start;
        l.due = due;
        l.staffId = m_staffId;
        l.createdAt = nowUnix();
        return l;
    }

    std::map<std::string, std::string> slotForm(Date date, const std::string& start, const std::string& minutes,
                                                const std::string& counsellor, const std::string& room)
    {
        return {{"date", date.iso()},       {"start", start}, {"minutes", minutes},
                {"counsellor", counsellor}, {"room", room},   {"kind-psychological", "1"}};
    }

    /// The id of the slot on `date` at `start` (minutes), "" when there is none.
    std::string slotAt(Date date, int start)
    {
        const std::string id =
            scalar(m_server->databasePath(), "SELECT id FROM counselling_slots WHERE date = '" + date.iso() +
                                                 "' AND start_minute = " + std::to_string(start));
        return id.rfind("<", 0) == 0 ? std::string() : id;
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::string m_token;
    std::string m_staffId;
    std::string m_feedCursor;             ///< the kiosk's cursor (changesFor)
    std::vector<protocol::Change> m_feed; ///< what it has pulled so far
};
} // namespace

TEST_F(PanelPages, PagesAndActionsRefuseWithoutASessionAndPostsWithoutTheRightCsrfToken)
{
    PanelClient anonymous(m_server->port(), m_ca.caCert());
    for (const char* path : {"/panel/loans", "/panel/loans?zalegle=1", "/panel/units", "/panel/slots"})
    {
        auto r = anonymous.get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(r->get_header_value("Location"), "/panel/login") << path;
    }
    const Date tomorrow = today().plusDays(1);
    const std::map<std::string, std::map<std::string, std::string>> posts{
        {"/panel/units/state", {{"inventory", "TST-WT-001"}, {"action", "repair"}}},
        {"/panel/slots/save", slotForm(tomorrow, "10:00", "60", "Jan Nowak", "12")},
        {"/panel/slots/withdraw", {{"id", "x"}}}};
    for (const auto& [path, form] : posts)
    {
        auto r = anonymous.post(path, form, false);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(r->get_header_value("Location"), "/panel/login") << path;
    }

    auto b = loggedIn();
    ASSERT_FALSE(b->csrf().empty());
    for (const auto& [path, form] : posts)
    {
        auto missing = b->post(path, form, false);
        ASSERT_TRUE(missing) << path;
        EXPECT_EQ(missing->status, 403) << path;
        auto withWrong = form;
        withWrong["csrf"] = b->csrf() + "x";
        auto wrong = b->post(path, withWrong, false);
        ASSERT_TRUE(wrong) << path;
        EXPECT_EQ(wrong->status, 403) << path;
    }
    EXPECT_EQ(unitState("TST-WT-001"), "available");
    EXPECT_EQ(count("SELECT COUNT(*) FROM counselling_slots"), "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM panel_actions"), "0");

    // Each page opens with a session, is linked in the navigation and marks itself current.
    for (const char* path : {"/panel/loans", "/panel/units", "/panel/slots"})
    {
        auto page = b->get(path);
        ASSERT_TRUE(page) << path;
        EXPECT_EQ(page->status, 200) << path;
        EXPECT_NE(page->body.find(std::string("<a href=\"") + path + "\" aria-current=\"page\">"), std::string::npos)
            << path;
        EXPECT_NE(page->body.find("<a class=\"skip\" href=\"#tresc\">"), std::string::npos) << path;
    }
}

TEST_F(PanelPages, LoansPageListsOverdueLoansFirstWithDaysOverdueAndRecentReturns)
{
    const Date d = today();
    const auto onTime = loan("TST-WT-001", d.plusDays(-3), d.plusDays(10), "Adam Terminowy");
    const auto late = loan("TST-WT-002", d.plusDays(-20), d.plusDays(-5), "Zofia O'Brien");
    const auto back = loan("TST-WT-003", d.plusDays(-15), d.plusDays(-2), "Ewa Zwrotna");
    send(
        {protocol::makeLoanCheckedOut(onTime), protocol::makeLoanCheckedOut(late), protocol::makeLoanCheckedOut(back)});
    protocol::LoanCheckIn in;
    in.loanId = back.id;
    in.returnedOn = d.plusDays(-1);
    in.condition = domain::ReturnCondition::NeedsCleaning;
    in.notes = "brudne koła";
    in.staffId = m_staffId;
    send({protocol::makeLoanCheckedIn(newUuid(), nowUnix(), in)});

    auto b = loggedIn();
    auto page = b->get("/panel/loans");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const std::string& body = page->body;
    const auto lateAt = body.find("TST-WT-002");
    const auto onTimeAt = body.find("TST-WT-001");
    ASSERT_NE(lateAt, std::string::npos);
    ASSERT_NE(onTimeAt, std::string::npos);
    EXPECT_LT(lateAt, onTimeAt) << "overdue loans come first";
    // Lateness is spelled out, not only coloured.
    EXPECT_NE(body.find("5 dni po terminie"), std::string::npos);
    EXPECT_NE(body.find("w terminie (jeszcze 10 dni)"), std::string::npos);
    EXPECT_NE(body.find("Zofia O&#39;Brien"), std::string::npos);
    EXPECT_EQ(body.find("O'Brien"), std::string::npos);
    EXPECT_NE(body.find("600 100 300"), std::string::npos);
    EXPECT_NE(body.find("Anna Koordynator"), std::string::npos) << "who lent it";
    EXPECT_NE(body.find("kiosk-1"), std::string::npos);
    EXPECT_NE(body.find(kHostileEscaped), std::string::npos);
    EXPECT_EQ(body.find("<script"), std::string::npos);
    EXPECT_NE(body.find("<th scope=\"col\">Termin zwrotu</th>"), std::string::npos);
    // Returned within 30 days, with its condition.
    const auto returned = body.find("Zwrócone w ostatnich 30 dniach");
    ASSERT_NE(returned, std::string::npos);
    EXPECT_GT(body.find("TST-WT-003"), returned);
    EXPECT_NE(body.find("do czyszczenia"), std::string::npos);
    EXPECT_NE(body.find("brudne koła"), std::string::npos);

    auto overdue = b->get("/panel/loans?zalegle=1");
    ASSERT_TRUE(overdue);
    ASSERT_EQ(overdue->status, 200);
    EXPECT_NE(overdue->body.find("TST-WT-002"), std::string::npos);
    EXPECT_EQ(overdue->body.find("TST-WT-001"), std::string::npos);
    EXPECT_EQ(overdue->body.find("TST-WT-003"), std::string::npos);
    EXPECT_NE(overdue->body.find("name=\"zalegle\" value=\"1\" checked"), std::string::npos);
}

TEST_F(PanelPages, UnitStateChangesAreCheckedRecordedAndCarriedToKiosks)
{
    auto b = loggedIn();
    const std::string unitLog = "SELECT COUNT(*) FROM change_log WHERE entity = 'unit' AND entity_id = 'TST-WT-001'";
    const std::string logBefore = count(unitLog);

    // An available unit cannot be "cleaned": 409, a Polish message, nothing written.
    auto invalid = b->post("/panel/units/state", {{"inventory", "TST-WT-001"}, {"action", "cleaning-done"}});
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->status, 409);
    EXPECT_NE(invalid->body.find("jest w stanie „dostępna”"), std::string::npos) << invalid->body;
    EXPECT_NE(invalid->body.find("role=\"alert\""), std::string::npos);
    EXPECT_EQ(unitState("TST-WT-001"), "available");
    EXPECT_EQ(count(unitLog), logBefore);
    EXPECT_EQ(count("SELECT COUNT(*) FROM panel_actions"), "0");

    auto bad = b->post("/panel/units/state", {{"inventory", "TST-WT-001"}, {"action", "explode"}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->get_header_value("Location"), "/panel/units?msg=bad-input");
    auto unknown = b->post("/panel/units/state", {{"inventory", "TST-WT-999"}, {"action", "repair"}});
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);

    // available → repair (with a reason) → cleaning → available, each reaching the kiosks.
    auto repair = b->post("/panel/units/state",
                          {{"inventory", "TST-WT-001"}, {"action", "repair"}, {"note", "<b>pęknięta</b> rama"}});
    ASSERT_TRUE(repair);
    ASSERT_EQ(repair->status, 303) << repair->body;
    EXPECT_EQ(repair->get_header_value("Location").rfind("/panel/units?msg=repair", 0), 0U);
    EXPECT_EQ(unitState("TST-WT-001"), "repair");
    auto changes = changesFor(protocol::entity::kUnit, "TST-WT-001");
    ASSERT_FALSE(changes.empty());
    EXPECT_EQ(changes.back().data.value("state", ""), "repair");
    EXPECT_EQ(changes.back().data.value("notes", ""), "<b>pęknięta</b> rama");
    EXPECT_EQ(count("SELECT staff_id || ' ' || action FROM panel_actions WHERE entity = 'unit'"),
              m_staffId + " repair: available -> repair");

    auto units = b->get("/panel/units");
    ASSERT_TRUE(units);
    EXPECT_NE(units->body.find("&lt;b&gt;pęknięta&lt;/b&gt; rama"), std::string::npos);
    EXPECT_EQ(units->body.find("<b>"), std::string::npos);
    EXPECT_NE(units->body.find(kHostileEscaped), std::string::npos);
    EXPECT_NE(units->body.find("aria-label=\"Naprawa zakończona: TST-WT-001\""), std::string::npos);
    EXPECT_EQ(units->body.find("aria-label=\"Czyszczenie zakończone: TST-WT-001\""), std::string::npos)
        << "only the transitions the state allows are offered";

    for (const auto& [action, expected] :
         std::vector<std::pair<std::string, std::string>>{{"repair-done", "cleaning"},
                                                          {"cleaning-done", "available"},
                                                          {"retire", "retired"},
                                                          {"unretire", "cleaning"}})
    {
        auto r = b->post("/panel/units/state", {{"inventory", "TST-WT-001"}, {"action", action}});
        ASSERT_TRUE(r) << action;
        EXPECT_EQ(r->status, 303) << action << r->body;
        EXPECT_EQ(unitState("TST-WT-001"), expected) << action;
        EXPECT_EQ(changesFor(protocol::entity::kUnit, "TST-WT-001").back().data.value("state", ""), expected) << action;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM panel_actions WHERE entity = 'unit' AND at > 0"), "5");

    // A unit out on loan cannot be sent to repair or retired from the desk.
    send({protocol::makeLoanCheckedOut(loan("TST-WT-002", today(), today().plusDays(7), "Jan Kowalski"))});
    for (const char* action : {"repair", "retire"})
    {
        auto r = b->post("/panel/units/state", {{"inventory", "TST-WT-002"}, {"action", action}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 409) << action;
        EXPECT_NE(r->body.find("„wypożyczona”"), std::string::npos) << action;
    }
    EXPECT_EQ(unitState("TST-WT-002"), "on-loan");
    auto filtered = b->get("/panel/units?stan=on-loan");
    ASSERT_TRUE(filtered);
    EXPECT_NE(filtered->body.find("TST-WT-002"), std::string::npos);
    EXPECT_EQ(filtered->body.find("TST-WT-001"), std::string::npos);
    EXPECT_NE(filtered->body.find(today().plusDays(7).iso()), std::string::npos) << "the loan's due date";
}

TEST_F(PanelPages, SlotsArePublishedEditedAndWithdrawnForKiosksAndOverlapsAreRefused)
{
    auto b = loggedIn();
    const Date day = today().plusDays(2);
    auto published = b->post("/panel/slots/save", slotForm(day, "10:00", "60", kHostile, "12"));
    ASSERT_TRUE(published);
    ASSERT_EQ(published->status, 303) << published->body;
    EXPECT_EQ(published->get_header_value("Location"), "/panel/slots?msg=published");
    const std::string id = slotAt(day, 600);
    ASSERT_FALSE(id.empty());
    auto changes = changesFor(protocol::entity::kCounsellingSlot, id);
    ASSERT_EQ(changes.size(), 1U);
    auto slot = protocol::decodeSlot(changes[0].data);
    ASSERT_TRUE(slot.ok());
    EXPECT_EQ(slot->counsellor, kHostile);
    EXPECT_EQ(slot->room, "12");
    EXPECT_EQ(slot->startMinute, 600);
    EXPECT_EQ(slot->durationMinutes, 60);
    EXPECT_EQ(slot->kindIds, std::vector<std::string>{"psychological"});
    EXPECT_FALSE(slot->booked);

    auto page = b->get("/panel/slots");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find(kHostileEscaped), std::string::npos);
    EXPECT_EQ(page->body.find("<script"), std::string::npos);
    EXPECT_NE(page->body.find("10:00–11:00"), std::string::npos);

    // Overlaps: the same counsellor elsewhere, or the same room with someone else.
    auto sameCounsellor = b->post("/panel/slots/save", slotForm(day, "10:30", "30", kHostile, "7"));
    ASSERT_TRUE(sameCounsellor);
    EXPECT_EQ(sameCounsellor->status, 409);
    EXPECT_NE(sameCounsellor->body.find("ma już tego dnia dyżur 10:00–11:00"), std::string::npos);
    auto sameRoom = b->post("/panel/slots/save", slotForm(day, "09:30", "45", "Maria Wiśniewska", "12"));
    ASSERT_TRUE(sameRoom);
    EXPECT_EQ(sameRoom->status, 409);
    EXPECT_NE(sameRoom->body.find("Pokój 12 jest tego dnia zajęty 10:00–11:00"), std::string::npos);
    // The refused form keeps what was typed.
    EXPECT_NE(sameRoom->body.find("value=\"Maria Wiśniewska\""), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM counselling_slots"), "1");
    // Back to back is no overlap.
    auto adjacent = b->post("/panel/slots/save", slotForm(day, "11:00", "30", "Maria Wiśniewska", "12"));
    ASSERT_TRUE(adjacent);
    EXPECT_EQ(adjacent->status, 303) << adjacent->body;

    // Invalid fields: 422, nothing written.
    auto noKinds = slotForm(day, "14:00", "60", "Jan Nowak", "3");
    noKinds.erase("kind-psychological");
    for (const auto& form :
         {slotForm(today().plusDays(-1), "10:00", "60", "Jan Nowak", "3"),
          slotForm(day, "14:00", "10", "Jan Nowak", "3"), slotForm(day, "14:00", "241", "Jan Nowak", "3"),
          slotForm(day, "23:30", "60", "Jan Nowak", "3"), slotForm(day, "25:00", "60", "Jan Nowak", "3"),
          slotForm(day, "14:00", "60", "   ", "3"), noKinds})
    {
        auto r = b->post("/panel/slots/save", form);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 422) << form.at("date") << " " << form.at("start") << " " << form.at("minutes");
        EXPECT_NE(r->body.find("<div class=\"flash error\" role=\"alert\"><p>Popraw zaznaczone pola:"),
                  std::string::npos);
        EXPECT_TRUE(r->body.find("aria-invalid=\"true\"") != std::string::npos ||
                    r->body.find("aria-describedby=\"blad-kinds\"") != std::string::npos);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM counselling_slots"), "2");

    // Editing only the counsellor keeps the id; kiosks get the new text.
    auto rename = slotForm(day, "10:00", "60", "Jan Nowak", "12");
    rename["id"] = id;
    rename["kind-family"] = "1";
    auto renamed = b->post("/panel/slots/save", rename);
    ASSERT_TRUE(renamed);
    ASSERT_EQ(renamed->status, 303) << renamed->body;
    EXPECT_EQ(slotAt(day, 600), id);
    changes = changesFor(protocol::entity::kCounsellingSlot, id);
    ASSERT_EQ(changes.size(), 2U);
    EXPECT_EQ(changes[1].data.value("counsellor", ""), "Jan Nowak");
    EXPECT_EQ(changes[1].data["kind_ids"].size(), 2U);
    // An edit may not run into another slot (the 11:00 one in room 12).
    auto longer = rename;
    longer["minutes"] = "90";
    auto clash = b->post("/panel/slots/save", longer);
    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->status, 409);
    // A new time withdraws the old id and publishes the slot under a new one.
    auto moveTime = rename;
    moveTime["start"] = "08:00";
    auto moved = b->post("/panel/slots/save", moveTime);
    ASSERT_TRUE(moved);
    ASSERT_EQ(moved->status, 303) << moved->body;
    EXPECT_TRUE(slotAt(day, 600).empty());
    const std::string newId = slotAt(day, 480);
    ASSERT_FALSE(newId.empty());
    EXPECT_NE(newId, id);
    changes = changesFor(protocol::entity::kCounsellingSlot, id);
    ASSERT_EQ(changes.size(), 3U);
    EXPECT_EQ(changes.back().op, protocol::ChangeOp::Delete);
    auto fresh = changesFor(protocol::entity::kCounsellingSlot, newId);
    ASSERT_EQ(fresh.size(), 1U);
    EXPECT_EQ(fresh[0].data.value("start_minute", 0), 480);
    EXPECT_EQ(fresh[0].data.value("counsellor", ""), "Jan Nowak");

    // Withdraw: gone, with a tombstone for kiosks; a second withdraw finds nothing.
    auto withdrawn = b->post("/panel/slots/withdraw", {{"id", newId}});
    ASSERT_TRUE(withdrawn);
    EXPECT_EQ(withdrawn->get_header_value("Location"), "/panel/slots?msg=withdrawn");
    EXPECT_TRUE(slotAt(day, 480).empty());
    EXPECT_EQ(changesFor(protocol::entity::kCounsellingSlot, newId).back().op, protocol::ChangeOp::Delete);
    auto again = b->post("/panel/slots/withdraw", {{"id", newId}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 409);
    EXPECT_EQ(count("SELECT COUNT(*) FROM panel_actions WHERE entity = 'counselling_slot'"), "5");
}

TEST_F(PanelPages, BookedSlotMovesOnlyWithItsRequestWhichKeepsItsCode)
{
    auto b = loggedIn();
    const Date day = today().plusDays(3);
    ASSERT_EQ(b->post("/panel/slots/save", slotForm(day, "09:00", "60", "Jan Nowak", "12"))->status, 303);
    ASSERT_EQ(b->post("/panel/slots/save", slotForm(day, "13:00", "60", "Jan Nowak", "12"))->status, 303);
    auto familyOnly = slotForm(day, "15:00", "60", "Jan Nowak", "12");
    familyOnly.erase("kind-psychological");
    familyOnly["kind-family"] = "1";
    ASSERT_EQ(b->post("/panel/slots/save", familyOnly)->status, 303);
    const std::string first = slotAt(day, 540), second = slotAt(day, 780), family = slotAt(day, 900);
    ASSERT_FALSE(first.empty());
    ASSERT_FALSE(second.empty());

    domain::CounsellingRequest c;
    c.id = newUuid();
    c.code = rules::newReferenceCode(rules::ReferenceKind::Counselling, "kiosk-1").value();
    c.kindId = "psychological";
    c.slotId = first;
    c.name = "Zofia O'Brien";
    c.phone = "600100400";
    c.createdAt = nowUnix();
    send({protocol::makeCounsellingRequested(c)});
    ASSERT_EQ(count("SELECT booked_by FROM counselling_slots WHERE id = '" + first + "'"), c.id);

    // A booked slot is neither edited nor withdrawn on its own.
    auto withdraw = b->post("/panel/slots/withdraw", {{"id", first}});
    ASSERT_TRUE(withdraw);
    EXPECT_EQ(withdraw->status, 409);
    auto edit = slotForm(day, "09:00", "60", "Inny Doradca", "12");
    edit["id"] = first;
    auto edited = b->post("/panel/slots/save", edit);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->status, 409);
    EXPECT_EQ(count("SELECT counsellor FROM counselling_slots WHERE id = '" + first + "'"), "Jan Nowak");

    // The slots page offers moving it, only to free slots of its kind.
    auto page = b->get("/panel/slots");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("aria-label=\"Przenieś zgłoszenie " + c.code + "\""), std::string::npos);
    EXPECT_NE(page->body.find("<option value=\"" + second + "\">"), std::string::npos);
    EXPECT_EQ(page->body.find("<option value=\"" + family + "\">"), std::string::npos);

    const std::map<std::string, std::string> move{
        {"id", c.id}, {"action", "move"}, {"slot", second}, {"return", "slots"}};
    auto noCsrf = b->post("/panel/counselling/decide", move, false);
    ASSERT_TRUE(noCsrf);
    EXPECT_EQ(noCsrf->status, 403);
    auto wrongKind =
        b->post("/panel/counselling/decide", {{"id", c.id}, {"action", "move"}, {"slot", family}, {"return", "slots"}});
    ASSERT_TRUE(wrongKind);
    EXPECT_EQ(wrongKind->get_header_value("Location"), "/panel/slots?msg=slot-taken");
    EXPECT_EQ(count("SELECT slot_id FROM counselling_requests WHERE id = '" + c.id + "'"), first);

    auto moved = b->post("/panel/counselling/decide", move);
    ASSERT_TRUE(moved);
    ASSERT_EQ(moved->status, 303);
    EXPECT_EQ(moved->get_header_value("Location"), "/panel/slots?msg=moved");
    EXPECT_EQ(
        count("SELECT slot_id || ' ' || status || ' ' || code FROM counselling_requests WHERE id = '" + c.id + "'"),
        second + " moved " + c.code);
    EXPECT_EQ(count("SELECT COUNT(*) FROM counselling_slots WHERE id = '" + first + "' AND booked_by IS NULL"), "1");
    EXPECT_EQ(count("SELECT booked_by FROM counselling_slots WHERE id = '" + second + "'"), c.id);

    // Kiosks: the old slot is free again, the new one booked; the kiosk that made it learns "moved".
    EXPECT_FALSE(changesFor(protocol::entity::kCounsellingSlot, first).back().data.value("booked", true));
    EXPECT_TRUE(changesFor(protocol::entity::kCounsellingSlot, second).back().data.value("booked", false));
    auto status = changesFor(protocol::entity::kCounsellingRequest, c.id);
    ASSERT_FALSE(status.empty());
    EXPECT_EQ(status.back().data.value("status", ""), "moved");
    EXPECT_EQ(status.back().data.value("code", ""), c.code);

    // Moving onto a slot that is booked is refused.
    domain::CounsellingRequest other = c;
    other.id = newUuid();
    other.code = rules::newReferenceCode(rules::ReferenceKind::Counselling, "kiosk-1").value();
    other.slotId = first;
    send({protocol::makeCounsellingRequested(other)});
    auto taken = b->post("/panel/counselling/decide",
                         {{"id", other.id}, {"action", "move"}, {"slot", second}, {"return", "slots"}});
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->get_header_value("Location"), "/panel/slots?msg=slot-taken");
    auto flash = b->get("/panel/slots?msg=slot-taken");
    ASSERT_TRUE(flash);
    EXPECT_NE(flash->body.find("Wybrany termin jest już zajęty"), std::string::npos);
    EXPECT_EQ(count("SELECT slot_id FROM counselling_requests WHERE id = '" + other.id + "'"), first);

    // Cancelling a booked request frees its slot on every kiosk.
    auto cancelled = b->post("/panel/counselling/decide", {{"id", other.id}, {"action", "cancel"}});
    ASSERT_TRUE(cancelled);
    EXPECT_EQ(cancelled->get_header_value("Location"), "/panel/reservations?msg=cancelled");
    EXPECT_FALSE(changesFor(protocol::entity::kCounsellingSlot, first).back().data.value("booked", true));

    // A "contact me to arrange" request gets a slot from the reservations page the same way.
    domain::CounsellingRequest arrange = c;
    arrange.id = newUuid();
    arrange.code = rules::newReferenceCode(rules::ReferenceKind::Counselling, "kiosk-1").value();
    arrange.slotId.reset();
    send({protocol::makeCounsellingRequested(arrange)});
    auto reservations = b->get("/panel/reservations");
    ASSERT_TRUE(reservations);
    EXPECT_NE(reservations->body.find("aria-label=\"Przenieś zgłoszenie " + arrange.code + "\""), std::string::npos);
    auto assigned = b->post("/panel/counselling/decide", {{"id", arrange.id}, {"action", "move"}, {"slot", first}});
    ASSERT_TRUE(assigned);
    EXPECT_EQ(assigned->get_header_value("Location"), "/panel/reservations?msg=moved");
    EXPECT_EQ(count("SELECT booked_by FROM counselling_slots WHERE id = '" + first + "'"), arrange.id);
    EXPECT_EQ(changesFor(protocol::entity::kCounsellingRequest, arrange.id).back().data.value("status", ""), "moved");
}

// The equipment waiting list end to end with the real okienko-central behind its front and the real
// okienko-kiosk: every wheelchair of the Łapy catalogue is out, so a resident at kiosk A finds none
// free and joins the queue (name, phone, the information clause; the event through the outbox and
// the sync); a unit is returned at kiosk B and marked cleaned there; the coordinators' panel shows
// the first in the queue with the unit held (the waiting-list page and the callback queue); kiosk C
// cannot hold the held unit; the coordinator records the offer taken and the callback is closed.
#include "shared/domain/reservation.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"
#include "tests/integration/kiosk_online/kiosk_process.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <ctime>
#include <filesystem>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace
{

using namespace okienko;
using namespace std::chrono_literals;

const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";
constexpr const char* kPassword = "haslo-koordynatora-1";
constexpr const char* kType = "wozek-inwalidzki"; // LAP-WI-001, 002, 004 available; 003 cleaning

class WaitlistEndToEnd : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<test::CentralProcess>(m_ca, "[waiting_list]\nhold_hours = 48\n");
        m_tokenA = m_server->prepare(test::readFile(kAssets + "/catalog/lapy.json"), "kiosk-a");
        ASSERT_FALSE(m_tokenA.empty()) << test::readFile(m_server->dir() + "/admin.log");
        m_tokenB = addKiosk("kiosk-b");
        m_tokenC = addKiosk("kiosk-c");
        ASSERT_FALSE(test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword).empty());
        ASSERT_TRUE(m_server->start()) << test::readFile(m_server->logPath());
    }

    std::string addKiosk(const std::string& name)
    {
        std::string token;
        EXPECT_EQ(m_server->admin({"add-kiosk", name, "--staff-work"}, &token), 0);
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
            token.pop_back();
        return token;
    }

    std::unique_ptr<httplib::SSLClient> kiosk(const std::string& token)
    {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", m_server->port());
        c->set_ca_cert_path(m_ca.caCert().c_str());
        c->enable_server_certificate_verification(true);
        c->set_default_headers({{"Authorization", "Bearer " + token}});
        return c;
    }

    /// Sends one event as a kiosk does; its result's status ("applied", …).
    std::string send(const std::string& token, const protocol::Event& e)
    {
        auto r = kiosk(token)->Post("/api/v1/events", protocol::encodeEventBatch({e}), "application/json");
        if (!r || r->status != 200)
            return r ? "HTTP " + std::to_string(r->status) + " " + r->body : "no answer";
        return nlohmann::json::parse(r->body)["results"][0]["status"];
    }

    std::string lend(const std::string& unit)
    {
        domain::Loan l;
        l.id = newUuid();
        l.inventoryNumber = unit;
        l.typeId = kType;
        l.borrower = domain::Person{"Jan Pożyczający", "600000001", {}};
        l.start = test::localToday();
        l.due = test::localToday().plusDays(30);
        l.staffId = "st-b";
        l.createdAt = std::time(nullptr);
        EXPECT_EQ(send(m_tokenB, protocol::makeLoanCheckedOut(l)), "applied");
        return l.id;
    }

    std::string db(const std::string& sql) { return test::scalar(m_server->databasePath(), sql); }

    test::TestCa m_ca;
    std::unique_ptr<test::CentralProcess> m_server;
    std::string m_tokenA, m_tokenB, m_tokenC;
    test::TempDir m_dir{"waitlist-e2e"};
};

} // namespace

TEST_F(WaitlistEndToEnd, AJoinAtOneKioskIsOfferedTheUnitCleanedAtAnotherHeldFromTheThirdAndClosedInThePanel)
{
    std::map<std::string, std::string> loans;
    for (const char* unit : {"LAP-WI-001", "LAP-WI-002", "LAP-WI-004"})
        loans[unit] = lend(unit);

    // Kiosk A: the real kiosk, online; its pull says every wheelchair is out or being cleaned.
    ASSERT_TRUE(test::writeFile(m_dir.file("token"), m_tokenA + "\n"));
    const std::string config = m_dir.file("kiosk.toml");
    ASSERT_TRUE(test::writeFile(config, test::onlineKioskToml("kiosk-a", m_dir.file("data"), kAssets, m_server->port(),
                                                              m_ca.caCert(), m_dir.file("token"))));
    const std::string joined = m_dir.file("joined.png");
    // The first pull brings the whole catalogue and the units' states: a margin on a loaded machine.
    const std::string script = "wait 6000\n"
                               "tap-id start\n"
                               "tap-id home-equipment\n"
                               "expect-screen equipment-types\n"
                               "tap-id eq-type-wozek-inwalidzki\n"
                               "expect-screen equipment-dates\n"
                               "tap \"Następny\"\n"
                               "tap \"17\"\n"
                               "tap-id eq-next\n"
                               "expect \"W wybranym terminie cały ten sprzęt jest zajęty.\"\n"
                               "tap-id eq-waiting-list\n"
                               "tap-id eq-clause-ok\n"
                               "expect-screen equipment-person\n"
                               "tap-id eq-field-name\n"
                               "type \"Anna Kowalska\"\n"
                               "tap-id eq-field-phone\n"
                               "type \"600123456\"\n"
                               "tap-id eq-person-next\n"
                               "expect-screen equipment-summary\n"
                               "tap-id eq-confirm\n"
                               "expect-screen equipment-done\n"
                               "expect \"Jesteś na liście oczekujących\"\n"
                               "screenshot " +
                               joined +
                               "\n"
                               "wait 30000\n";
    ASSERT_TRUE(test::writeFile(m_dir.file("join.kiosk"), script));
    // Ended once the server holds the entry: the sync is polled for, not waited out.
    const test::ProcessResult run = test::runProcess(
        {OKIENKO_KIOSK_BINARY, "--headless", "--config", config, "--script", m_dir.file("join.kiosk"), "--failure-shot",
         m_dir.file("failure.png")},
        {}, 90s, [&] { return std::filesystem::exists(joined) && db("SELECT COUNT(*) FROM waitlist_entries") == "1"; });
    ASSERT_TRUE(run.stopped) << "the join did not reach the server\n" << run.output;
    const std::string entry = db("SELECT id FROM waitlist_entries");
    const std::string code = db("SELECT code FROM waitlist_entries");
    EXPECT_EQ(code.rfind("T-", 0), 0u) << code;
    EXPECT_EQ(db("SELECT name || '|' || phone || '|' || status || '|' || type_id FROM waitlist_entries"),
              "Anna Kowalska|600123456|waiting|wozek-inwalidzki");
    EXPECT_EQ(db("SELECT k.name FROM waitlist_entries w JOIN kiosks k ON k.id = w.kiosk_id"), "kiosk-a");
    EXPECT_EQ(db("SELECT COUNT(*) FROM callback_requests"), "0") << "nothing to call about yet";

    // Kiosk B: returned (to cleaning: nobody is offered a unit not yet cleaned), then cleaned.
    protocol::LoanCheckIn in{loans["LAP-WI-001"], test::localToday(), domain::ReturnCondition::Fine, "", "st-b"};
    EXPECT_EQ(send(m_tokenB, protocol::makeLoanCheckedIn(newUuid(), std::time(nullptr), in)), "applied");
    EXPECT_EQ(db("SELECT status FROM waitlist_entries"), "waiting");
    protocol::UnitStateChange cleaned{"LAP-WI-001", domain::UnitState::Available, "", "st-b"};
    EXPECT_EQ(send(m_tokenB, protocol::makeUnitStateChanged(newUuid(), std::time(nullptr), cleaned)), "applied");
    EXPECT_EQ(db("SELECT status || '|' || inventory_number || '|' || (hold_until - offered_at) FROM waitlist_entries"),
              "offered|LAP-WI-001|172800");

    // The panel: the queue with the hold, and the resident in the callback queue with the unit.
    test::PanelClient panel(m_server->port(), m_ca.caCert());
    auto login = panel.login("Anna Koordynator", kPassword);
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 303);
    auto page = panel.get("/panel/waiting-list");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Wózek inwalidzki (ręczny)"), std::string::npos);
    EXPECT_NE(page->body.find("Anna Kowalska"), std::string::npos);
    EXPECT_NE(page->body.find("zaproponowano"), std::string::npos);
    EXPECT_NE(page->body.find("LAP-WI-001 zatrzymany do"), std::string::npos) << page->body;
    auto callbacks = panel.get("/panel/callbacks");
    ASSERT_TRUE(callbacks);
    EXPECT_NE(callbacks->body.find(code), std::string::npos);
    EXPECT_NE(callbacks->body.find("egzemplarz LAP-WI-001 zatrzymany do"), std::string::npos) << callbacks->body;

    // Kiosk C: the held unit is the only one in the building, and no hold can take it.
    auto hold = kiosk(m_tokenC)->Post(
        "/api/v1/reservations/hold",
        protocol::encodeHoldRequest(protocol::HoldRequest{newUuid(), kType, test::localToday(), 1}),
        "application/json");
    ASSERT_TRUE(hold);
    EXPECT_EQ(hold->status, 409) << hold->body;
    EXPECT_EQ(nlohmann::json::parse(hold->body)["status"], "unavailable");

    // The coordinator phoned: taken. The offer's callback is closed and the action audited.
    auto decided =
        panel.postMultipart("/panel/waiting-list/decide", {{"id", entry}, {"outcome", "taken"}, {"back", "callbacks"}});
    ASSERT_TRUE(decided);
    EXPECT_EQ(decided->status, 303);
    EXPECT_EQ(decided->get_header_value("Location"), "/panel/callbacks?msg=waitlist");
    EXPECT_EQ(db("SELECT status FROM waitlist_entries"), "taken");
    EXPECT_EQ(db("SELECT status FROM callback_requests WHERE waitlist_entry_id = '" + entry + "'"), "done");
    EXPECT_EQ(db("SELECT action FROM panel_actions WHERE entity = 'waitlist'"), "lista oczekujących: offered -> taken");
    auto after = panel.get("/panel/callbacks");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->body.find(code), std::string::npos) << "the callback is closed";
}

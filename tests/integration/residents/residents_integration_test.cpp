// Residents registered from a phone call on the real okienko-central behind its front, with the
// shipped Łapy catalogue: the registration form (precise messages, consent recorded), a matching
// service published through the panel's catalogue form reaching the queue "Do powiadomienia" exactly
// once, the e-mail through a local SMTP server carrying the service and not the resident, the mark
// "told", the statistics, erasure on request and by the retention command, and the roles: neither an
// admin nor a counsellor reaches a resident's page.
#include "shared/db/database.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/residents/smtp_sink.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <string>
#include <thread>

using namespace okienko;
using okienko::test::browserForm;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::scalar;
using okienko::test::SmtpSink;
using okienko::test::TestCa;
using Form = std::map<std::string, std::string>;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-1";
const std::string kLapyPath = std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json";

std::string decodeBase64(const std::string& text)
{
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    int bits = 0, value = 0;
    for (char c : text)
    {
        const auto pos = alphabet.find(c);
        if (pos == std::string::npos)
            continue;
        value = (value << 6) | static_cast<int>(pos);
        bits += 6;
        if (bits >= 8)
        {
            bits -= 8;
            out.push_back(static_cast<char>((value >> bits) & 0xFF));
        }
    }
    return out;
}

/// The registration form as a coordinator fills it in during the call.
Form halina()
{
    return {{"name", "Halina Kowalska"},
            {"phone", "600 100 200"},
            {"email", "Halina.Kowalska@Example.PL"},
            {"language", "uk"},
            {"area-11-aktywnosc-obywatelska", "1"},
            {"group-seniors", "1"},
            {"fee", "any"},
            {"consent", "1"}};
}

class ResidentsPanel : public ::testing::Test
{
  protected:
    void startServer(bool withMail)
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        std::string toml;
        if (withMail)
        {
            ASSERT_NE(m_sink.port(), 0);
            toml = "[mail]\nhost = \"127.0.0.1\"\nport = " + std::to_string(m_sink.port()) +
                   "\nfrom = \"cus@lapy.example\"\npoll_seconds = 1\n";
        }
        m_server = std::make_unique<CentralProcess>(m_ca, toml);
        ASSERT_FALSE(m_server->prepare(test::readFile(kLapyPath)).empty())
            << test::readFile(m_server->dir() + "/admin.log");
        m_coordinatorId = test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword);
        ASSERT_FALSE(m_coordinatorId.empty());
        ASSERT_FALSE(test::addStaff(*m_server, "Adam Admin", "admin", kPassword).empty());
        ASSERT_FALSE(test::addStaff(*m_server, "Celina Doradca", "counsellor", kPassword).empty());
        ASSERT_TRUE(m_server->start()) << test::readFile(m_server->logPath());
        // With mail, two processes serve the database and poll for e-mails every second, and the mail
        // server is slow: only the one holding the lease sends, so a resident gets each message once.
        if (withMail)
        {
            ASSERT_EQ(m_server->startAnotherProcess(), 1) << test::readFile(m_server->logPath());
            m_sink.delayEachMessage(std::chrono::milliseconds(1500));
        }
    }

    std::unique_ptr<PanelClient> loggedIn(const std::string& who)
    {
        auto b = std::make_unique<PanelClient>(m_server->port(), m_ca.caCert());
        auto r = b->login(who, kPassword);
        EXPECT_TRUE(r && r->status == 303) << who;
        return b;
    }

    std::string query(const std::string& sql) const { return scalar(m_server->databasePath(), sql); }

    /// Registers through the form; returns the new resident's page path.
    std::string registerResident(PanelClient& b, const Form& form)
    {
        EXPECT_EQ(b.get("/panel/residents/new")->status, 200);
        auto r = b.postMultipart("/panel/residents/new", form);
        EXPECT_TRUE(r);
        if (!r)
            return {};
        EXPECT_EQ(r->status, 303) << r->body;
        return r->get_header_value("Location");
    }

    /// Saves the Akademia Lidera's service form with `status`, as a coordinator would.
    void saveAkademia(PanelClient& b, const std::string& status)
    {
        auto page = b.get("/panel/catalog/service?id=lapy-akademia-lidera");
        ASSERT_TRUE(page);
        ASSERT_EQ(page->status, 200);
        Form form = browserForm(page->body, "/panel/catalog/service");
        form["status"] = status;
        auto saved = b.postMultipart("/panel/catalog/service", form);
        ASSERT_TRUE(saved);
        ASSERT_EQ(saved->status, 303) << saved->body;
    }

    TestCa m_ca;
    SmtpSink m_sink;
    std::unique_ptr<CentralProcess> m_server;
    std::string m_coordinatorId;
};
} // namespace

TEST_F(ResidentsPanel, AResidentIsToldOnceAboutAServicePublishedInThePanelByPhoneAndEmail)
{
    startServer(true);
    auto b = loggedIn("Anna Koordynator");

    // Precise messages, nothing stored without consent.
    ASSERT_EQ(b->get("/panel/residents/new")->status, 200);
    Form bad = halina();
    bad.erase("consent");
    bad["phone"] = "12345";
    bad.erase("area-11-aktywnosc-obywatelska");
    bad.erase("group-seniors");
    auto refused = b->postMultipart("/panel/residents/new", bad);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    for (const char* message : {"Bez zgody mieszkańca nie wolno zapisać jego danych", "Numer telefonu: 9 cyfr",
                                "Zaznacz co najmniej jeden obszar lub jedną grupę"})
        EXPECT_NE(refused->body.find(message), std::string::npos) << message;
    EXPECT_NE(refused->body.find("value=\"Halina Kowalska\""), std::string::npos) << "the typed name stays";
    EXPECT_EQ(query("SELECT COUNT(*) FROM residents"), "0");

    const std::string page = registerResident(*b, halina());
    ASSERT_EQ(page.rfind("/panel/residents/resident?id=", 0), 0u) << page;
    auto shown = b->get(page);
    ASSERT_EQ(shown->status, 200);
    EXPECT_NE(shown->body.find("Centrum Aktywności Społecznej (CAS)"), std::string::npos) << "matching today";
    EXPECT_EQ(shown->body.find("Akademia Lidera Lokalnego"), std::string::npos) << "archived: not offered";
    EXPECT_NE(shown->body.find("treść w wersji 2026-12-zgoda-1"), std::string::npos);
    EXPECT_EQ(query("SELECT phone || ' ' || email || ' ' || language || ' ' || consent_by FROM residents"),
              "600100200 halina.kowalska@example.pl uk " + m_coordinatorId);
    EXPECT_EQ(query("SELECT group_concat(service_id) FROM resident_matches WHERE status = 'known'"),
              "lapy-cas,lapy-wypozyczalnia");

    // The archived Akademia published again from the panel: Halina is in the queue, once.
    saveAkademia(*b, "active");
    EXPECT_EQ(query("SELECT COUNT(*) FROM resident_matches WHERE service_id = 'lapy-akademia-lidera' AND status = "
                    "'to-tell'"),
              "1");
    saveAkademia(*b, "archived");
    saveAkademia(*b, "active");
    EXPECT_EQ(query("SELECT COUNT(*) FROM resident_matches WHERE service_id = 'lapy-akademia-lidera'"), "1");
    auto queue = b->get("/panel/residents");
    ASSERT_EQ(queue->status, 200);
    const auto queueStart = queue->body.find("id=\"kolejka\"");
    const auto queueEnd = queue->body.find("id=\"zapisani\"");
    ASSERT_NE(queueStart, std::string::npos);
    const std::string queueSection = queue->body.substr(queueStart, queueEnd - queueStart);
    EXPECT_NE(queueSection.find("Halina Kowalska"), std::string::npos);
    EXPECT_NE(queueSection.find("Akademia Lidera Lokalnego"), std::string::npos);
    const std::string row = "<td>Akademia Lidera Lokalnego</td>";
    EXPECT_NE(queueSection.find(row), std::string::npos) << queueSection;
    EXPECT_EQ(queueSection.find(row), queueSection.rfind(row)) << "one row: " << queueSection;

    // The e-mail: to her address, in Ukrainian, naming the service and the CUS — not her.
    const auto mails = m_sink.waitFor(1, std::chrono::seconds(20));
    ASSERT_EQ(mails.size(), 1u) << test::readFile(m_server->logPath());
    EXPECT_EQ(mails[0].recipients, std::vector<std::string>{"<halina.kowalska@example.pl>"});
    const std::string& data = mails[0].data;
    const std::string body = decodeBase64(data.substr(data.find("\r\n\r\n") + 4));
    EXPECT_NE(body.find("Академія місцевого лідера"), std::string::npos) << body;
    EXPECT_NE(body.find("Центр соціальних послуг у Лапах"), std::string::npos) << body;
    for (const char* personal : {"Halina", "Kowalska", "600", "100 200", "Люди похилого", "Senior"})
        EXPECT_EQ(data.find(personal) == std::string::npos && body.find(personal) == std::string::npos, true)
            << personal;
    for (int i = 0; i < 50 && query("SELECT email_state FROM resident_matches WHERE service_id = "
                                    "'lapy-akademia-lidera'") != "sent";
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(query("SELECT email_state FROM resident_matches WHERE service_id = 'lapy-akademia-lidera'"), "sent");
    EXPECT_EQ(m_sink.waitFor(2, std::chrono::milliseconds(2500)).size(), 1u) << "never sent twice";

    // Told by phone: the queue is empty and the statistics count her.
    Form mark = browserForm(queue->body, "/panel/residents/mark");
    ASSERT_EQ(mark["service"], "lapy-akademia-lidera");
    mark["outcome"] = "told";
    auto marked = b->postMultipart("/panel/residents/mark", mark);
    ASSERT_TRUE(marked);
    EXPECT_EQ(marked->status, 303);
    EXPECT_EQ(marked->get_header_value("Location"), "/panel/residents?msg=told");
    EXPECT_EQ(query("SELECT status || ' ' || decided_by FROM resident_matches WHERE service_id = "
                    "'lapy-akademia-lidera'"),
              "told " + m_coordinatorId);
    EXPECT_NE(b->get("/panel/residents")->body.find("Nikogo nie trzeba teraz powiadamiać."), std::string::npos);
    auto monitoring = b->get("/panel/monitoring");
    EXPECT_NE(monitoring->body.find("<th scope=\"row\">Mieszkańcy dopasowani do usług</th><td></td>"
                                    "<td class=\"num\">1</td>"),
              std::string::npos)
        << monitoring->body;

    // Erased on request: the page is gone, the row stays nameless for the count.
    const std::string id = page.substr(page.find('=') + 1, page.find('&') - page.find('=') - 1);
    auto erased = b->postMultipart("/panel/residents/erase", {{"id", id}, {"confirm", "1"}});
    EXPECT_EQ(erased->status, 303);
    EXPECT_EQ(query("SELECT COALESCE(name, phone, email, needs, 'gone') || ' ' || erased_reason FROM residents"),
              "gone request");
    EXPECT_EQ(b->get(page)->status, 404);
    EXPECT_EQ(query("SELECT action FROM panel_actions WHERE entity = 'resident' ORDER BY id DESC LIMIT 1"),
              "erase on request");
}

TEST_F(ResidentsPanel, WithoutMailConfiguredTheQueueIsTheOnlyChannelAndRetentionErases)
{
    startServer(false);
    auto b = loggedIn("Anna Koordynator");
    registerResident(*b, halina());
    saveAkademia(*b, "active");
    auto queue = b->get("/panel/residents");
    EXPECT_NE(queue->body.find("nie wysłano (poczta nie skonfigurowana)"), std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_TRUE(m_sink.waitFor(1, std::chrono::milliseconds(10)).empty());

    // A year without contact: purge-personal-data erases her.
    m_server->kill(SIGTERM);
    auto d = db::Database::open(m_server->databasePath());
    ASSERT_TRUE(d.ok());
    ASSERT_TRUE(d->exec("UPDATE residents SET last_contact_at = last_contact_at - 366 * 86400").ok());
    std::string output;
    EXPECT_EQ(m_server->admin({"purge-personal-data"}, &output), 0) << output;
    EXPECT_NE(output.find("residents 1"), std::string::npos) << output;
    EXPECT_EQ(query("SELECT COALESCE(name, 'gone') || ' ' || erased_reason FROM residents"), "gone retention");
    EXPECT_EQ(query("SELECT status FROM resident_matches WHERE service_id = 'lapy-akademia-lidera'"), "withdrawn");
}

TEST_F(ResidentsPanel, NeitherAnAdminNorACounsellorReachesResidents)
{
    startServer(false);
    auto coordinator = loggedIn("Anna Koordynator");
    const std::string page = registerResident(*coordinator, halina());
    for (const char* who : {"Adam Admin", "Celina Doradca"})
    {
        auto b = loggedIn(who);
        for (const std::string& path : {std::string("/panel/residents"), std::string("/panel/residents/new"), page})
        {
            auto r = b->get(path);
            ASSERT_TRUE(r);
            EXPECT_EQ(r->status, 403) << who << " " << path;
            EXPECT_EQ(r->body.find("Halina"), std::string::npos);
        }
        auto start = b->get("/panel/registers");
        EXPECT_EQ(start->body.find("/panel/residents"), std::string::npos) << who << ": no link in the navigation";
        auto post = b->postMultipart("/panel/residents/erase", {{"id", "1"}, {"confirm", "1"}});
        EXPECT_EQ(post->status, 403) << who;
    }
    EXPECT_EQ(query("SELECT name FROM residents"), "Halina Kowalska");
}

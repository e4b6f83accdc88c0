// Partner institutions end to end against the real okienko-central behind its nginx front, with the
// shipped Łapy catalogue: an institution's registration and proposed service sent through the public
// form in Ukrainian, nothing published before review; a coordinator approves it (its login and
// one-time code), edits the proposal (Polish texts are required) and publishes it; a kiosk database
// gets the service through the sync API and the public pages and JSON show it with the institution's
// profile, never its contact person; the partner sets its password with the code, logs in, proposes
// a change that a coordinator rejects with a reason the partner reads; and the form refuses haste,
// forgeries, robots, a wrong answer and a flood with a clear message, storing nothing.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/change_applier.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/database.hpp"
#include "shared/db/transaction.hpp"
#include "shared/protocol/changes.hpp"
#include "tests/integration/panel/panel_client.hpp"
#include "tests/integration/public/partner_form_client.hpp"
#include "tests/integration/server/central_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_ca.hpp"

#include <csignal>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <regex>

using namespace okienko;
using okienko::test::CentralProcess;
using okienko::test::PanelClient;
using okienko::test::scalar;
using okienko::test::TestCa;
using Form = std::map<std::string, std::string>;

namespace
{
constexpr const char* kPassword = "haslo-koordynatora-3";
constexpr const char* kPartnerPassword = "haslo-fundacji-1234";
constexpr const char* kContact = "Zenobia Kontaktowa";
constexpr const char* kInstitution = "fundacja-dobrzy-sasiedzi";
constexpr const char* kServiceId = "lapy-klub-dobrych-sasiadow";
const std::string kAssets = std::string(OKIENKO_SOURCE_DIR) + "/assets";

class PartnerSite : public ::testing::Test
{
  protected:
    void start(const std::string& publicToml)
    {
        std::signal(SIGPIPE, SIG_IGN);
        ASSERT_TRUE(m_ca.make()) << m_ca.error();
        m_server = std::make_unique<CentralProcess>(m_ca, "[public]\n" + publicToml);
        m_token = m_server->prepare(test::readFile(kAssets + "/catalog/lapy.json"));
        ASSERT_FALSE(m_token.empty()) << test::readFile(m_server->dir() + "/admin.log");
        m_coordinatorId = test::addStaff(*m_server, "Anna Koordynator", "coordinator", kPassword);
        ASSERT_FALSE(m_coordinatorId.empty());
        ASSERT_TRUE(m_server->start()) << test::readFile(m_server->logPath());
        m_client = std::make_unique<httplib::SSLClient>("127.0.0.1", m_server->port());
        m_client->set_ca_cert_path(m_ca.caCert().c_str());
        m_client->enable_server_certificate_verification(true);
        m_client->set_read_timeout(30, 0);
        auto kioskDb = kiosk::openKioskDatabase(m_kioskDir.file("kiosk.db"));
        ASSERT_TRUE(kioskDb.ok());
        m_kioskDb = std::make_unique<db::Database>(std::move(kioskDb).value());
    }

    void startDefault()
    {
        start("requests_per_second = 10000\nburst = 10000\ncontact_min_seconds = 1\ncontact_per_hour = 100\n");
    }

    std::string db(const std::string& sql) const { return scalar(m_server->databasePath(), sql); }

    std::unique_ptr<PanelClient> loggedIn(const std::string& login, const std::string& password)
    {
        auto b = std::make_unique<PanelClient>(m_server->port(), m_ca.caCert());
        auto r = b->login(login, password);
        EXPECT_TRUE(r && r->status == 303) << (r ? r->body : "no answer");
        return b;
    }

    /// Pulls every new page into the kiosk database as the sync worker does; the services seen.
    std::vector<std::string> pullServices()
    {
        std::vector<std::string> ids;
        httplib::SSLClient kiosk("127.0.0.1", m_server->port());
        kiosk.set_ca_cert_path(m_ca.caCert().c_str());
        kiosk.enable_server_certificate_verification(true);
        kiosk.set_default_headers({{"Authorization", "Bearer " + m_token}});
        for (bool more = true; more;)
        {
            auto r = kiosk.Get(("/api/v1/changes?since=" + m_cursor).c_str());
            if (!r || r->status != 200)
            {
                ADD_FAILURE() << "changes: " << (r ? r->status : 0);
                break;
            }
            auto page = protocol::decodeChangesPage(r->body);
            if (!page)
            {
                ADD_FAILURE() << r->body.substr(0, 200);
                break;
            }
            auto tx = db::Transaction::begin(*m_kioskDb, db::TransactionMode::Immediate);
            EXPECT_TRUE(tx && sync::applyChanges(*m_kioskDb, *page) && sync::storeCursor(*m_kioskDb, page->cursor, 1) &&
                        tx->commit());
            for (const auto& c : page->changes)
                if (c.entity == protocol::entity::kService)
                    ids.push_back(c.id);
            m_cursor = page->cursor;
            more = page->more;
        }
        return ids;
    }

    TestCa m_ca;
    std::unique_ptr<CentralProcess> m_server;
    std::unique_ptr<httplib::SSLClient> m_client;
    std::string m_token;
    std::string m_coordinatorId;
    std::string m_cursor; ///< "" at first: from the beginning
    test::TempDir m_kioskDir{"okienko-kiosk"};
    std::unique_ptr<db::Database> m_kioskDb;
};

TEST_F(PartnerSite, AProposalIsReviewedPublishedAndReachesAKioskAndThePublicPages)
{
    startDefault();
    pullServices(); // the kiosk is up to date with the shipped catalogue
    const std::string shippedServices = db("SELECT COUNT(*) FROM catalog_services");

    // 1. The institution sends the form in Ukrainian.
    auto sent = test::sendPartnerForm(*m_client, "uk", test::registrationForm("uk", kContact));
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 3000);
    const std::string location = sent->get_header_value("Location");
    ASSERT_EQ(location.rfind("/public/uk/partner/sent?code=P-", 0), 0U) << location;
    auto thanks = m_client->Get(location.c_str());
    ASSERT_TRUE(thanks);
    EXPECT_EQ(thanks->status, 200);
    EXPECT_NE(thanks->body.find(location.substr(location.find("P-"))), std::string::npos);

    // Nothing is published before a coordinator's review.
    EXPECT_EQ(db("SELECT status FROM institutions WHERE id = '" + std::string(kInstitution) + "'"), "pending");
    EXPECT_EQ(db("SELECT COUNT(*) FROM partner_proposals WHERE status = 'pending'"), "1");
    EXPECT_EQ(db("SELECT COUNT(*) FROM catalog_services"), shippedServices);
    EXPECT_TRUE(pullServices().empty());
    auto institutions = m_client->Get("/public/api/v1/institutions");
    ASSERT_TRUE(institutions);
    EXPECT_EQ(nlohmann::json::parse(institutions->body)["institutions"].size(), 0U);
    auto notYet = m_client->Get(("/public/uk/institution/" + std::string(kInstitution)).c_str());
    ASSERT_TRUE(notYet);
    EXPECT_EQ(notYet->status, 404);

    // 2. A coordinator sees it in the queue and approves the institution: its login and code.
    auto coordinator = loggedIn("Anna Koordynator", kPassword);
    auto queue = coordinator->get("/panel/partners");
    ASSERT_TRUE(queue && queue->status == 200);
    EXPECT_NE(queue->body.find("Fundacja Dobrzy Sąsiedzi"), std::string::npos);
    auto review = coordinator->get("/panel/partners/institution?id=" + std::string(kInstitution));
    ASSERT_TRUE(review && review->status == 200);
    EXPECT_NE(review->body.find(kContact), std::string::npos); // the coordinator sees the contact person
    auto approved = coordinator->postMultipart("/panel/partners/institution/approve", {{"id", kInstitution}});
    ASSERT_TRUE(approved);
    ASSERT_EQ(approved->status, 200) << approved->body;
    std::smatch code;
    ASSERT_TRUE(std::regex_search(approved->body, code, std::regex("<dd><code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})")));
    const std::string login = "partner-" + std::string(kInstitution);
    EXPECT_NE(approved->body.find(login), std::string::npos);
    EXPECT_EQ(db("SELECT role || ' ' || name FROM staff WHERE id = '" + login + "'"),
              "partner Fundacja Dobrzy Sąsiedzi");
    EXPECT_EQ(db("SELECT staff_id FROM panel_actions WHERE entity = 'institution' AND action = 'approve'"),
              m_coordinatorId);

    // 3. The proposal: its Ukrainian texts need Polish ones before it can be published.
    const std::string proposal = db("SELECT id FROM partner_proposals");
    auto page = coordinator->get("/panel/partners/proposal?id=" + proposal);
    ASSERT_TRUE(page && page->status == 200);
    Form form = test::browserForm(page->body, "/panel/partners/proposal/publish");
    EXPECT_EQ(form["name.uk"], "Клуб добрих сусідів");
    EXPECT_EQ(form["name.pl"], "");
    form["service_id"] = kServiceId;
    form["status"] = "active";
    auto refused = coordinator->postMultipart("/panel/partners/proposal/publish", form);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("$.name.pl"), std::string::npos);
    EXPECT_EQ(db("SELECT status FROM partner_proposals"), "pending");
    const Form polish = test::registrationForm("pl", kContact);
    for (const auto& [name, value] : polish)
        if (name.rfind("svc.", 0) == 0)
            form[name.substr(4) + ".pl"] = value;
    auto published = coordinator->postMultipart("/panel/partners/proposal/publish", form);
    ASSERT_TRUE(published);
    ASSERT_EQ(published->status, 303) << published->body.substr(0, 4000);
    EXPECT_EQ(published->get_header_value("Location"), "/panel/partners?msg=published");
    EXPECT_EQ(db("SELECT status || ' ' || service_id FROM partner_proposals"), std::string("published ") + kServiceId);
    EXPECT_EQ(
        db("SELECT institution_id FROM institution_services WHERE service_id = '" + std::string(kServiceId) + "'"),
        kInstitution);
    EXPECT_EQ(
        db("SELECT action || ' ' || staff_id FROM catalog_edits WHERE entity_id = '" + std::string(kServiceId) + "'"),
        "add " + m_coordinatorId);
    EXPECT_EQ(db("SELECT staff_id FROM panel_actions WHERE entity = 'partner-proposal'"), m_coordinatorId);

    // 4. A kiosk gets it at its next sync, with the texts in both languages.
    const auto pulled = pullServices();
    EXPECT_EQ(pulled, std::vector<std::string>{kServiceId});
    auto kioskCatalogue = catalog::loadCatalog(*m_kioskDb);
    ASSERT_TRUE(kioskCatalogue.ok());
    const domain::Service* onKiosk = kioskCatalogue->findService(kServiceId);
    ASSERT_NE(onKiosk, nullptr);
    EXPECT_EQ(onKiosk->name.pl, "Klub Dobrych Sąsiadów");
    EXPECT_EQ(onKiosk->name.uk, "Клуб добрих сусідів");
    EXPECT_EQ(onKiosk->status, domain::ServiceStatus::Active);

    // 5. The public pages and the JSON API: the service and the institution, no contact person.
    auto servicePage = m_client->Get((std::string("/public/uk/service/") + kServiceId).c_str());
    ASSERT_TRUE(servicePage);
    EXPECT_EQ(servicePage->status, 200);
    EXPECT_NE(servicePage->body.find("Клуб добрих сусідів"), std::string::npos);
    for (const char* lang : {"pl", "uk", "en"})
    {
        auto profile = m_client->Get(("/public/" + std::string(lang) + "/institution/" + kInstitution).c_str());
        ASSERT_TRUE(profile);
        EXPECT_EQ(profile->status, 200) << lang;
        EXPECT_NE(profile->body.find("Fundacja Dobrzy Sąsiedzi"), std::string::npos);
        EXPECT_NE(profile->body.find("/service/" + std::string(kServiceId)), std::string::npos) << lang;
        EXPECT_EQ(profile->body.find(kContact), std::string::npos) << lang;
        auto list = m_client->Get(("/public/" + std::string(lang) + "/institutions").c_str());
        ASSERT_TRUE(list);
        EXPECT_NE(list->body.find("/institution/" + std::string(kInstitution)), std::string::npos);
    }
    auto json = m_client->Get(("/public/api/v1/institutions/" + std::string(kInstitution)).c_str());
    ASSERT_TRUE(json && json->status == 200);
    const auto institution = nlohmann::json::parse(json->body)["institution"];
    EXPECT_TRUE(institution["contact_person"].is_null());
    EXPECT_EQ(institution["services"][0]["id"], kServiceId);
    EXPECT_EQ(json->body.find(kContact), std::string::npos);

    // 6. The partner sets its password with the one-time code (once), logs in and sees its service.
    PanelClient anonymous(m_server->port(), m_ca.caCert());
    const Form setPassword{
        {"login", login}, {"code", code[1].str()}, {"password", kPartnerPassword}, {"password2", kPartnerPassword}};
    auto set = anonymous.postMultipart("/panel/partner/password", setPassword, false);
    ASSERT_TRUE(set);
    EXPECT_EQ(set->status, 303);
    auto again = anonymous.postMultipart("/panel/partner/password", setPassword, false);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 403);
    auto partner = loggedIn(login, kPartnerPassword);
    auto home = partner->get("/panel/partner");
    ASSERT_TRUE(home && home->status == 200);
    EXPECT_NE(home->body.find(kServiceId), std::string::npos);
    auto callbacks = partner->get("/panel/callbacks");
    ASSERT_TRUE(callbacks);
    EXPECT_EQ(callbacks->status, 403);

    // 7. Its change goes to review; rejected with a reason, which the partner reads; nothing changes.
    auto serviceForm = partner->get("/panel/partner/service?id=" + std::string(kServiceId));
    ASSERT_TRUE(serviceForm && serviceForm->status == 200);
    Form change = test::browserForm(serviceForm->body, "/panel/partner/service");
    change["hours.pl"] = "Czwartki 17:00–19:00";
    auto proposed = partner->postMultipart("/panel/partner/service", change);
    ASSERT_TRUE(proposed);
    EXPECT_EQ(proposed->get_header_value("Location"), "/panel/partner?msg=sent");
    const std::string changeId = db("SELECT id FROM partner_proposals WHERE kind = 'service-update'");
    auto noReason = coordinator->postMultipart("/panel/partners/proposal/reject", {{"id", changeId}, {"reason", " "}});
    ASSERT_TRUE(noReason);
    EXPECT_EQ(noReason->get_header_value("Location"), "/panel/partners/proposal?id=" + changeId + "&msg=reason");
    EXPECT_EQ(db("SELECT status FROM partner_proposals WHERE id = '" + changeId + "'"), "pending");
    auto rejected = coordinator->postMultipart("/panel/partners/proposal/reject",
                                               {{"id", changeId}, {"reason", "Godziny trzeba uzgodnić z CUS."}});
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->get_header_value("Location"), "/panel/partners?msg=rejected");
    auto homeAfter = partner->get("/panel/partner");
    ASSERT_TRUE(homeAfter);
    EXPECT_NE(homeAfter->body.find("odrzucona: Godziny trzeba uzgodnić z CUS."), std::string::npos);
    auto unchanged = m_client->Get((std::string("/public/pl/service/") + kServiceId).c_str());
    ASSERT_TRUE(unchanged);
    EXPECT_NE(unchanged->body.find("Czwartki 16:00–18:00"), std::string::npos);
    EXPECT_EQ(unchanged->body.find("17:00–19:00"), std::string::npos);
    EXPECT_TRUE(pullServices().empty());
}

TEST_F(PartnerSite, TheFormRefusesHasteForgeriesRobotsWrongAnswersAndFloodsAndStoresNothing)
{
    start("requests_per_second = 10000\nburst = 10000\ncontact_min_seconds = 1\ncontact_per_hour = 5\n");
    const Form good = test::registrationForm("pl", kContact);
    auto expectRefused = [&](const httplib::Result& r, int status, const std::string& message)
    {
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, status) << message;
        EXPECT_NE(r->body.find(message), std::string::npos) << message;
        // The form comes back filled in, with a new token.
        EXPECT_NE(r->body.find("Fundacja Dobrzy Sąsiedzi"), std::string::npos);
    };
    // Every missing field named at once, in the page's language (English here); the answer was right.
    auto empty = test::sendPartnerForm(*m_client, "en", {{"proposal", "new"}});
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 400);
    for (const char* message :
         {"Choose the kind of institution from the list.", "Please write something.",
          "Give a phone number or an e-mail address — one is enough.", "Tick at least one area of the service.",
          "Tick the consent so that we can review the form."})
        EXPECT_NE(empty->body.find(message), std::string::npos) << message;
    EXPECT_EQ(empty->body.find("The answer to the check question"), std::string::npos);
    // Sent at once: faster than a person fills it in.
    expectRefused(test::sendPartnerForm(*m_client, "pl", good, 0), 400, "Formularz wysłano zbyt szybko");
    Form forged = good;
    forged["token"] = "1900000000.00ff";
    expectRefused(test::sendPartnerForm(*m_client, "pl", forged), 400, "Formularz nie został przyjęty");
    Form robot = good;
    robot["website"] = "http://spam.example";
    expectRefused(test::sendPartnerForm(*m_client, "pl", robot), 400, "Formularz nie został przyjęty");
    Form wrong = good;
    wrong["answer"] = "99";
    expectRefused(test::sendPartnerForm(*m_client, "pl", wrong), 400,
                  "Odpowiedź na pytanie kontrolne jest niepoprawna");
    EXPECT_EQ(db("SELECT COUNT(*) FROM institutions"), "0");
    EXPECT_EQ(db("SELECT COUNT(*) FROM partner_proposals"), "0");
    // The sixth form from this address within the hour, however good.
    auto flood = test::sendPartnerForm(*m_client, "pl", good);
    expectRefused(flood, 429, "Z tego adresu wysłano już wiele zgłoszeń");
    EXPECT_FALSE(flood->get_header_value("Retry-After").empty());
    EXPECT_EQ(db("SELECT COUNT(*) FROM institutions"), "0");
}

} // namespace

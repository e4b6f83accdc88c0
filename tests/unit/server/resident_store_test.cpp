// Residents registered from a phone call on a real server database with the shipped Łapy catalogue:
// the matches given in the call, a service published by import-catalog queued exactly once however
// often it is imported or re-activated, capacity (a rental unit back to available through the
// panel's unit action) reaching residents who were waiting, the coordinator's marks, erasure on
// request and by retention (the values gone from the files too), the counts for the statistics, and
// the e-mail's text naming the service but never the resident, and a service reaching its residents
// on its start day.
#include "server/residents/resident_mailer.hpp"
#include "server/residents/resident_store.hpp"
#include "server/residents/service_availability.hpp"
#include "server/retention.hpp"
#include "server/server_store.hpp"
#include "server/store/indicator_sql.hpp"
#include "server/store/partner_store.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "tests/support/db_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <sodium.h>

using namespace okienko;
using namespace okienko::server;
using namespace okienko::server::residents;

namespace
{
const std::filesystem::path kLapy = std::filesystem::path(OKIENKO_SOURCE_DIR) / "assets" / "catalog" / "lapy.json";
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kStart = 1'796'634'000; // 2026-12-07 10:00 in Warsaw, a Monday
const Date kToday{2026, 12, 7};

Now at(int days)
{
    return Now{kStart + days * kDay, kToday.plusDays(days)};
}

class ResidentStoreTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto store = ServerStore::open(m_dir.file("central.db"), StoreOptions{});
        ASSERT_TRUE(store.ok()) << store.error().describe();
        m_store = std::move(store).value();
        auto loaded = catalog::loadCatalogFile(kLapy);
        ASSERT_TRUE(loaded.ok());
        m_catalogue = std::move(loaded).value();
        ASSERT_TRUE(m_store->importCatalog("default", m_catalogue, at(0)).ok());
        auto staff = m_store->addStaff("Anna Koordynator", domain::StaffRole::Coordinator, "pin", "hash", at(0));
        ASSERT_TRUE(staff.ok());
        m_staffId = *staff;
    }

    std::int64_t registerResident(const std::string& name, ResidentNeeds needs, const std::string& email,
                                  const Now& now)
    {
        NewResident r{name, "600100200", email, "uk", std::move(needs), m_staffId};
        auto id = ResidentStore(*m_store).registerResident(r, now);
        EXPECT_TRUE(id.ok());
        return id.ok() ? *id : 0;
    }

    /// Imports the Łapy catalogue with one service's status changed, as a new file would.
    void importWithStatus(const std::string& serviceId, domain::ServiceStatus status, const Now& now)
    {
        domain::Catalog changed = m_catalogue;
        for (auto& s : changed.services)
            if (s.id == serviceId)
                s.status = status;
        ASSERT_TRUE(m_store->importCatalog("default", changed, now).ok());
    }

    /// The value `sql` selects, on a connection of its own (as a reader would see the committed rows).
    std::string text(const std::string& sql)
    {
        auto d = db::Database::open(m_dir.file("central.db"));
        return d.ok() ? test::textOf(*d, sql) : "(no db)";
    }

    std::vector<std::string> queued()
    {
        auto q = ResidentStore(*m_store).queue();
        EXPECT_TRUE(q.ok());
        std::vector<std::string> out;
        for (const auto& item : q.ok() ? *q : std::vector<QueueItem>{})
            out.push_back(item.name + "|" + item.serviceId + "|" + item.source + "|" + item.emailState);
        return out;
    }

    test::TempDir m_dir{"okienko-residents"};
    std::unique_ptr<ServerStore> m_store;
    domain::Catalog m_catalogue;
    std::string m_staffId;
};

ResidentNeeds civicActivity()
{
    ResidentNeeds needs;
    needs.areas = {domain::Area::CivicActivity};
    return needs;
}
} // namespace

TEST_F(ResidentStoreTest, AServicePublishedByImportQueuesEachMatchingResidentExactlyOnce)
{
    const auto halina = registerResident("Halina Kowalska", civicActivity(), "halina@example.pl", at(0));
    // Given in the call: the published services of area 11 (the Akademia Lidera is archived).
    EXPECT_EQ(text("SELECT group_concat(service_id || ':' || status, ',') FROM (SELECT * FROM resident_matches "
                   "ORDER BY service_id)"),
              "lapy-cas:known,lapy-wypozyczalnia:known");
    EXPECT_TRUE(queued().empty());

    importWithStatus("lapy-akademia-lidera", domain::ServiceStatus::Active, at(1));
    EXPECT_EQ(queued(), std::vector<std::string>{"Halina Kowalska|lapy-akademia-lidera|published|pending"});
    // The same file again, or the service archived and re-activated: still once.
    importWithStatus("lapy-akademia-lidera", domain::ServiceStatus::Active, at(2));
    importWithStatus("lapy-akademia-lidera", domain::ServiceStatus::Archived, at(3));
    importWithStatus("lapy-akademia-lidera", domain::ServiceStatus::Active, at(4));
    EXPECT_EQ(queued().size(), 1u);
    // A resident registered now hears about it in the call, not from the queue.
    registerResident("Jan Nowak", civicActivity(), "", at(5));
    EXPECT_EQ(queued().size(), 1u);

    ResidentStore store(*m_store);
    auto marked = store.markNotification(halina, "lapy-akademia-lidera", "told", m_staffId, at(6).unix);
    ASSERT_TRUE(marked.ok());
    EXPECT_EQ(*marked, MarkResult::Marked);
    EXPECT_TRUE(queued().empty());
    auto again = store.markNotification(halina, "lapy-akademia-lidera", "unreachable", m_staffId, at(6).unix);
    EXPECT_EQ(*again, MarkResult::NotInQueue);
    EXPECT_EQ(text("SELECT status || ',' || email_state || ',' || decided_by FROM resident_matches WHERE service_id "
                   "= 'lapy-akademia-lidera' AND resident_id = " +
                   std::to_string(halina)),
              "told,none," + m_staffId);
    EXPECT_EQ(text("SELECT CAST(last_contact_at AS TEXT) FROM residents WHERE id = " + std::to_string(halina)),
              std::to_string(at(6).unix));
    EXPECT_EQ(text("SELECT action FROM panel_actions WHERE entity = 'resident' ORDER BY id DESC LIMIT 1"),
              "told: lapy-akademia-lidera");

    auto counts = store.counts(kToday.iso(), kToday.plusDays(10).iso(), at(0).unix, at(11).unix);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->registered, 2);
    EXPECT_EQ(counts->matched, 2);
    EXPECT_EQ(counts->matches, 6); // Halina: 2 in the call + the Akademia; Jan: 3 in the call
    EXPECT_EQ(counts->told, 1);
}

TEST_F(ResidentStoreTest, AServiceAPartnerInstitutionHadPublishedQueuesEachMatchingResidentAtOnce)
{
    registerResident("Halina Kowalska", civicActivity(), "", at(0));
    // A neighbourhood club proposed by an NGO: the Akademia Lidera's real texts under a new id.
    domain::Service club = *m_catalogue.findService("lapy-akademia-lidera");
    club.id = "lapy-klub-sasiedzki";
    club.status = domain::ServiceStatus::Active;
    const std::string entry = protocol::encodeService(club).dump();
    PartnerStore partners(*m_store);
    PartnerRegistration r;
    r.profile.name = "Stowarzyszenie Sąsiedzi z Łap";
    r.profile.kind = "ngo";
    r.profile.address = "ul. Polna 1, 18-100 Łapy";
    r.proposalKind = "new-service";
    r.data = entry;
    auto registered = partners.registerInstitution(r, at(1).unix);
    ASSERT_TRUE(registered.ok() && registered->result == PartnerDecision::Done);
    auto approved = partners.approveInstitution(slugFrom(r.profile.name), m_staffId, at(1).unix);
    ASSERT_TRUE(approved.ok() && approved->result == PartnerDecision::Done);
    auto pending = partners.queue();
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->pendingProposals.size(), 1u);
    EXPECT_TRUE(queued().empty());

    auto published = partners.publishProposal(pending->pendingProposals.front().id, entry, m_staffId, at(2).unix);
    ASSERT_TRUE(published.ok());
    ASSERT_EQ(published->result, PartnerDecision::Done) << (published->errors.empty() ? "" : published->errors[0]);
    // In the coordinators' queue at once, not at the next hourly round.
    EXPECT_EQ(queued(), std::vector<std::string>{"Halina Kowalska|lapy-klub-sasiedzki|published|none"});
}

TEST_F(ResidentStoreTest, ARentalWithoutFreeUnitsWaitsAndAUnitBackToAvailableQueuesTheResident)
{
    ASSERT_TRUE(
        m_store->write([](db::Database& d) { return db::exec(d, "UPDATE unit_states SET state = 'repair'"); }).ok());
    ResidentNeeds health;
    health.areas = {domain::Area::Health};
    const auto id = registerResident("Zofia Wiśniewska", health, "", at(0));
    EXPECT_EQ(text("SELECT group_concat(service_id || ':' || status) FROM resident_matches"),
              "lapy-wypozyczalnia:waiting");
    EXPECT_TRUE(queued().empty());

    SqlitePanelStore panel(*m_store);
    UnitStateChange change{"LAP-WI-001", "repair-done", {domain::UnitState::Repair}, domain::UnitState::Cleaning, "",
                           m_staffId,    at(1).unix};
    ASSERT_TRUE(panel.changeUnitState(change).ok());
    EXPECT_TRUE(queued().empty()) << "cleaning is not available yet";
    change.from = {domain::UnitState::Cleaning};
    change.to = domain::UnitState::Available;
    auto done = panel.changeUnitState(change);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->result, UnitChangeResult::Changed);
    EXPECT_EQ(queued(), std::vector<std::string>{"Zofia Wiśniewska|lapy-wypozyczalnia|capacity|none"});
    // A second unit back does not tell her twice.
    UnitStateChange second{"LAP-WI-002", "repair-done", {domain::UnitState::Repair}, domain::UnitState::Available, "",
                           m_staffId,    at(2).unix};
    ASSERT_TRUE(panel.changeUnitState(second).ok());
    EXPECT_EQ(queued().size(), 1u);
    (void)id;
}

TEST_F(ResidentStoreTest, ErasureOnRequestAndByRetentionLeavesNoTraceButTheCount)
{
    const auto asked = registerResident("Bogumiła Prośna", civicActivity(), "bogumila@example.pl", at(0));
    const auto silent = registerResident("Teodor Milczący", civicActivity(), "teodor@example.pl", at(0));
    importWithStatus("lapy-akademia-lidera", domain::ServiceStatus::Active, at(1));
    ASSERT_EQ(queued().size(), 2u);

    auto erased = ResidentStore(*m_store).eraseOnRequest(asked, m_staffId, at(2).unix);
    ASSERT_TRUE(erased.ok());
    EXPECT_TRUE(*erased);
    EXPECT_EQ(text("SELECT COALESCE(name, phone, email, needs, 'gone') || ',' || erased_reason FROM residents WHERE "
                   "id = " +
                   std::to_string(asked)),
              "gone,request");
    EXPECT_EQ(queued().size(), 1u) << "her queued message is withdrawn";
    auto detail = ResidentStore(*m_store).resident(asked);
    ASSERT_TRUE(detail.ok());
    EXPECT_FALSE(detail->has_value());

    RetentionConfig config;
    config.residentDays = 365;
    RetentionJob job(*m_store, config);
    auto kept = job.run(at(364));
    ASSERT_TRUE(kept.ok()) << kept.error().describe();
    EXPECT_EQ(kept->residents, 0);
    EXPECT_EQ(text("SELECT name FROM residents WHERE id = " + std::to_string(silent)), "Teodor Milczący");
    auto gone = job.run(at(366));
    ASSERT_TRUE(gone.ok());
    EXPECT_EQ(gone->residents, 1);
    EXPECT_EQ(text("SELECT COALESCE(name, 'gone') || ',' || erased_reason FROM residents WHERE id = " +
                   std::to_string(silent)),
              "gone,retention");
    EXPECT_TRUE(queued().empty());
    EXPECT_EQ(text("SELECT group_concat(DISTINCT status) FROM resident_matches WHERE service_id = "
                   "'lapy-akademia-lidera'"),
              "withdrawn");

    const std::string bytes = test::readFile(m_dir.file("central.db")) + test::readFile(m_dir.file("central.db-wal"));
    for (const char* value : {"Bogumiła Prośna", "bogumila@example.pl", "Teodor Milczący", "teodor@example.pl"})
        EXPECT_EQ(bytes.find(value), std::string::npos) << value;

    // "Residents matched to services" still counts both for the period they were matched in.
    auto counts = ResidentStore(*m_store).counts(kToday.iso(), kToday.plusDays(1).iso(), at(0).unix, at(2).unix);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->matched, 2);
}

TEST_F(ResidentStoreTest, TheIndicatorMeasureCountsDistinctResidentsMatchedInThePeriod)
{
    registerResident("Halina Kowalska", civicActivity(), "", at(0));
    registerResident("Jan Nowak", civicActivity(), "", at(40));
    const MeasureSql* measure = nullptr;
    for (const auto& m : automaticSql())
        if (m.name == "residents-matched")
            measure = &m;
    ASSERT_NE(measure, nullptr);
    auto count = [&](const Date& from, const Date& to)
    {
        double n = -1;
        EXPECT_TRUE(m_store
                        ->read(
                            [&](db::Database& d) -> Status<db::Error>
                            {
                                auto v = db::queryOne(
                                    d, measure->count, [](db::Row& r) { return r.real(); }, from.iso(), to.iso());
                                if (!v)
                                    return makeErr(v.error());
                                n = v->value_or(-1);
                                return {};
                            })
                        .ok());
        return n;
    };
    EXPECT_EQ(count(kToday, kToday.plusDays(30)), 1.0);
    EXPECT_EQ(count(kToday, kToday.plusDays(40)), 2.0);
    EXPECT_EQ(count(kToday.plusDays(41), kToday.plusDays(90)), 0.0);
}

TEST_F(ResidentStoreTest, TheEmailNamesTheServiceInTheResidentsLanguageAndNothingPersonal)
{
    MailConfig mail;
    mail.host = "127.0.0.1";
    mail.from = "cus@lapy.example";
    const domain::Service& akademia = *m_catalogue.findService("lapy-akademia-lidera");
    const std::string message =
        notificationMessage(mail, m_catalogue, akademia, "halina@example.pl", domain::Language::Uk, at(0).unix);
    EXPECT_NE(message.find("To: halina@example.pl\r\n"), std::string::npos);
    EXPECT_NE(message.find("From: cus@lapy.example\r\n"), std::string::npos);
    // The body is base64: decode it.
    const std::string encoded = message.substr(message.find("\r\n\r\n") + 4);
    std::string compact;
    for (char c : encoded)
        if (c != '\r' && c != '\n')
            compact += c;
    std::string body(compact.size(), '\0');
    std::size_t length = 0;
    ASSERT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(body.data()), body.size(), compact.c_str(),
                                compact.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL),
              0);
    body.resize(length);
    EXPECT_NE(body.find(akademia.name.raw(domain::Language::Uk)), std::string::npos) << body;
    EXPECT_NE(body.find(m_catalogue.municipality.cusName.raw(domain::Language::Uk)), std::string::npos);
    EXPECT_EQ(body.find("Halina"), std::string::npos);
    EXPECT_EQ(message.find("600100200"), std::string::npos);
}

TEST_F(ResidentStoreTest, AServiceWhoseStartDayComesReachesItsResidentsInTheHourlyRound)
{
    domain::Catalog changed = m_catalogue;
    for (auto& s : changed.services)
        if (s.id == "lapy-akademia-lidera")
        {
            s.status = domain::ServiceStatus::Active;
            s.validFrom = kToday.plusDays(3);
        }
    ASSERT_TRUE(m_store->importCatalog("default", changed, at(0)).ok());
    registerResident("Halina Kowalska", civicActivity(), "", at(1));
    ASSERT_TRUE(queueNewlyPublishedServices(*m_store, at(2)).ok());
    EXPECT_TRUE(queued().empty()) << "not started yet";
    ASSERT_TRUE(queueNewlyPublishedServices(*m_store, at(3)).ok());
    EXPECT_EQ(queued(), std::vector<std::string>{"Halina Kowalska|lapy-akademia-lidera|published|none"});
    ASSERT_TRUE(queueNewlyPublishedServices(*m_store, at(4)).ok());
    EXPECT_EQ(queued().size(), 1u);
}

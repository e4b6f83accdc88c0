// The retention job on a real server database with a moved clock: every kind of personal data is
// kept through its period and gone the day after, the rows themselves stay, and a dry run only counts.
#include "server/public/contact_form.hpp"
#include "server/retention.hpp"
#include "server/server_store.hpp"
#include "server/store/partner_store.hpp"
#include "shared/db/query.hpp"
#include "tests/support/server_db_test.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server;

namespace
{
class RetentionTest : public test::ServerDbTest
{
  protected:
    void SetUp() override
    {
        test::ServerDbTest::SetUp();
        exec("INSERT INTO callback_requests(id, code, phone, phone_key, day, day_part, first_name, status, language, "
             "kiosk_id, created_at, received_at, closed_at) VALUES ('cb', 'C-1', '600100200', '600100200', "
             "'2030-03-04', 'morning', 'Halina', 'done', 'pl', 1, ?1, ?1, ?1)");
        exec("INSERT INTO callback_attempts(callback_id, staff_id, outcome, note, at) VALUES ('cb', 'st', 'done', "
             "'oddzwonić do pani Haliny', ?1)");
        exec("INSERT INTO callback_requests(id, code, phone, phone_key, day, day_part, first_name, status, language, "
             "kiosk_id, created_at, received_at) VALUES ('cb-open', 'C-2', '600999888', '600999888', '2030-03-04', "
             "'morning', 'Olga', 'received', 'pl', 1, ?1, ?1)");
        exec("INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, duration_minutes, "
             "booked_by) VALUES ('slot', '[\"psych\"]', 'X', '12', '2030-03-04', 600, 60, 'co')");
        exec("INSERT INTO counselling_requests(id, code, kind_id, slot_id, name, phone, status, language, kiosk_id, "
             "created_at, received_at) VALUES ('co', 'P-1', 'psych', 'slot', 'Marek Wiśniewski', '600300400', "
             "'confirmed', 'pl', 1, ?1, ?1)");
        exec("INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, person_name, person_phone, "
             "address_street, address_postal_code, address_city, kiosk_id, created_at, received_at) VALUES ('re', "
             "'R-1', 'wozek', '2030-03-04', 14, 'expired', 'Zofia Lis', '600500600', 'Polna 5', '27-200', "
             "'Starachowice', 1, ?1, ?1)");
    }
};
} // namespace

TEST_F(RetentionTest, EachKindOfPersonalDataIsKeptForItsPeriodAndGoneTheDayAfter)
{
    RetentionJob job(*m_store, RetentionConfig{}); // 30 days for callbacks, counselling, reservations

    auto kept = job.run(at(29));
    ASSERT_TRUE(kept.ok()) << kept.error().describe();
    EXPECT_EQ(kept->erased(), 0);
    EXPECT_EQ(text("SELECT phone || first_name FROM callback_requests WHERE id = 'cb'"), "600100200Halina");
    EXPECT_EQ(text("SELECT name FROM counselling_requests"), "Marek Wiśniewski");
    EXPECT_EQ(text("SELECT address_street FROM reservations"), "Polna 5");

    auto dry = job.run(at(31), true);
    ASSERT_TRUE(dry.ok()) << dry.error().describe();
    EXPECT_EQ(dry->callbacks, 1);
    EXPECT_EQ(dry->attemptNotes, 1);
    EXPECT_EQ(dry->counselling, 1);
    EXPECT_EQ(dry->reservations, 1);
    EXPECT_EQ(text("SELECT first_name FROM callback_requests WHERE id = 'cb'"), "Halina");

    auto gone = job.run(at(31));
    ASSERT_TRUE(gone.ok()) << gone.error().describe();
    EXPECT_EQ(gone->erased(), 4);
    EXPECT_EQ(text("SELECT phone || phone_key || first_name || erased_at FROM callback_requests WHERE id = 'cb'"),
              std::to_string(kStartUnix + 31 * kDay));
    EXPECT_EQ(text("SELECT note FROM callback_attempts"), "");
    EXPECT_EQ(text("SELECT COALESCE(name, '') || COALESCE(phone, '') || code FROM counselling_requests"), "P-1");
    EXPECT_EQ(text("SELECT COALESCE(person_name, person_phone, address_street, address_city, 'erased') || status "
                   "FROM reservations"),
              "erasedexpired");
    // An open request keeps what the coordinator needs to call back, however old.
    EXPECT_EQ(text("SELECT phone FROM callback_requests WHERE id = 'cb-open'"), "600999888");
    // Nothing erased survives in the files' bytes (secure_delete, WAL truncated).
    const std::string bytes = test::readFile(m_dir.file("central.db")) + test::readFile(m_dir.file("central.db-wal"));
    for (const char* value : {"600100200", "Halina", "Wiśniewski", "Zofia Lis", "Polna 5"})
        EXPECT_EQ(bytes.find(value), std::string::npos) << value;
    EXPECT_NE(bytes.find("600999888"), std::string::npos);
}

TEST_F(RetentionTest, PeriodsComeFromTheConfiguration)
{
    RetentionConfig shortPeriods;
    shortPeriods.callbackDays = 1;
    shortPeriods.counsellingDays = 100;
    RetentionJob job(*m_store, shortPeriods);
    auto ran = job.run(at(2));
    ASSERT_TRUE(ran.ok());
    EXPECT_EQ(ran->callbacks, 1);
    EXPECT_EQ(ran->counselling, 0);
}

TEST_F(RetentionTest, AWebContactFormsEmailAndTopicGoWithItsPhoneAndName)
{
    server::pub::ValidContact contact;
    contact.firstName = "Teodozja";
    contact.email = "teodozja.prywatna@example.pl";
    contact.message = "Moja prywatna sprawa mieszkaniowa";
    auto stored = server::pub::storeContact(*m_store, "default", contact, domain::Language::Uk, at(0));
    ASSERT_TRUE(stored.ok()) << stored.error().describe();
    EXPECT_FALSE(stored->merged);
    // The same address again: the open request is updated, not doubled.
    auto again = server::pub::storeContact(*m_store, "default", contact, domain::Language::Uk, at(0));
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->merged);
    EXPECT_EQ(again->code, stored->code);
    EXPECT_EQ(text("SELECT COUNT(*) || phone_key || language FROM callback_requests WHERE email <> ''"),
              "1email:teodozja.prywatna@example.pluk");
    exec("UPDATE callback_requests SET status = 'done', closed_at = ?1 WHERE email <> ''");

    RetentionJob job(*m_store, RetentionConfig{});
    ASSERT_TRUE(job.run(at(29)).ok());
    EXPECT_EQ(text("SELECT message FROM callback_requests WHERE code = '" + stored->code + "'"),
              "Moja prywatna sprawa mieszkaniowa");
    ASSERT_TRUE(job.run(at(31)).ok());
    EXPECT_EQ(text("SELECT phone || phone_key || first_name || email || message FROM callback_requests WHERE code = '" +
                   stored->code + "'"),
              "");
    const std::string bytes = test::readFile(m_dir.file("central.db")) + test::readFile(m_dir.file("central.db-wal"));
    for (const char* value : {"Teodozja", "teodozja.prywatna", "prywatna sprawa"})
        EXPECT_EQ(bytes.find(value), std::string::npos) << value;
}

TEST_F(RetentionTest, ARejectedPartnersContactPersonGoesAfterPartnerDaysAndAnApprovedOneStays)
{
    server::PartnerStore partners(*m_store);
    auto registration = [&](const std::string& name, const std::string& contact)
    {
        server::PartnerRegistration r;
        r.profile.name = name;
        r.profile.kind = "ngo";
        r.profile.address = "ul. Polna 1, Łapy";
        r.profile.contactName = contact;
        auto stored = partners.registerInstitution(r, at(0).unix);
        EXPECT_TRUE(stored && stored->result == server::PartnerDecision::Done);
        return server::slugFrom(name);
    };
    const std::string rejected = registration("Stowarzyszenie Odrzucone", "Genowefa Poufna");
    const std::string approved = registration("Fundacja Przyjęta", "Bronisław Partnerski");
    ASSERT_TRUE(partners.rejectInstitution(rejected, "Nie prowadzi usług w gminie.", "st", at(0).unix));
    ASSERT_TRUE(partners.approveInstitution(approved, "st", at(0).unix));

    RetentionJob job(*m_store, RetentionConfig{});
    ASSERT_TRUE(job.run(at(29)).ok());
    EXPECT_EQ(text("SELECT contact_name FROM institutions WHERE id = '" + rejected + "'"), "Genowefa Poufna");
    auto counts = job.run(at(31));
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->partnerContacts, 1);
    EXPECT_EQ(text("SELECT contact_name || status FROM institutions WHERE id = '" + rejected + "'"), "rejected");
    EXPECT_EQ(text("SELECT contact_name FROM institutions WHERE id = '" + approved + "'"), "Bronisław Partnerski");
    const std::string bytes = test::readFile(m_dir.file("central.db")) + test::readFile(m_dir.file("central.db-wal"));
    EXPECT_EQ(bytes.find("Genowefa Poufna"), std::string::npos);
}

// The outbox on real SQLite files: events are queued only inside the request's transaction, come
// out in insertion order whatever the wall clock does, and an acknowledgement erases personal data
// atomically; rejected events stay visible as dead letters.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/outbox.hpp"
#include "shared/db/migration.hpp"
#include "shared/db/transaction.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <memory>

using namespace std::chrono_literals;
using namespace okienko;
using okienko::sync::EventOutcome;
using okienko::sync::Outbox;
using okienko::sync::OutboxSubject;
using okienko::sync::OutcomeKind;
using okienko::sync::SubjectKind;
using okienko::test::TempDir;

namespace
{

struct ManualClock
{
    std::int64_t wall = 1'700'000'000;
    std::chrono::steady_clock::time_point mono = std::chrono::steady_clock::time_point{} + 5h;

    sync::SyncClock clock()
    {
        return sync::SyncClock{[this] { return wall; },
                               [this]
                               {
                                   return mono;
                               }};
    }
};

db::Database openKiosk(const std::string& path)
{
    auto opened = kiosk::openKioskDatabase(path);
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().describe());
    return std::move(opened).value();
}

std::int64_t scalar(db::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(stmt->step().ok());
    auto v = stmt->columnInt64(0);
    return v ? *v : -1;
}

std::optional<std::string> text(db::Database& db, const std::string& sql, const std::string& id)
{
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(stmt->bind(1, id).ok());
    auto step = stmt->step();
    EXPECT_TRUE(step.ok());
    if (*step != db::Step::Row)
        return std::nullopt;
    auto v = stmt->columnOptionalText(0);
    return v ? *v : std::nullopt;
}

/// A reservation row with personal data, as the reservation flow writes it.
void insertReservation(db::Database& db, const std::string& id, const std::string& name)
{
    auto stmt = db.prepare(
        "INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, person_name, person_phone,"
        " address_street, address_postal_code, address_city, on_behalf_of, residency_declared, clause_acknowledged,"
        " language, kiosk_id, created_at) VALUES (?1, 'R-1', 'wheelchair', '2026-12-01', 14, 'provisional', ?2,"
        " '600100200', 'Lipowa 3', '00-950', 'Okienkowo', 'Jan Kowalski', 1, 1, 'pl', 'kiosk-1', 1700000000)");
    ASSERT_TRUE(stmt.ok());
    ASSERT_TRUE(stmt->bind(1, id).ok());
    ASSERT_TRUE(stmt->bind(2, name).ok());
    ASSERT_TRUE(stmt->run().ok());
}

/// Writes a reservation and its event in one Full transaction, as a flow does; returns the id.
std::string reserve(db::Database& db, Outbox& outbox, const std::string& name)
{
    const std::string id = newUuid();
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    EXPECT_TRUE(tx.ok());
    insertReservation(db, id, name);
    auto queued = outbox.enqueue(*tx, "reservation.created", R"({"name":")" + name + R"("})",
                                 OutboxSubject{SubjectKind::Reservation, id}, id);
    EXPECT_TRUE(queued.ok()) << (queued.ok() ? "" : queued.error().describe());
    EXPECT_TRUE(tx->commit().ok());
    return id;
}

class OutboxTest : public ::testing::Test
{
  protected:
    TempDir dir{"outbox"};
    ManualClock clock;
    db::Database db = openKiosk(dir.file("kiosk.db"));
    Outbox outbox{db, clock.clock()};
};

} // namespace

TEST_F(OutboxTest, EnqueueOutsideATransactionIsRefused)
{
    auto tx = db::Transaction::begin(db);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(tx->commit().ok()); // a finished transaction proves nothing
    auto queued = outbox.enqueue(*tx, "reservation.created", "{}");
    ASSERT_FALSE(queued.ok());
    EXPECT_EQ(queued.error().kind, db::ErrorKind::Misuse);
    EXPECT_EQ(*outbox.depth(), 0);
}

TEST_F(OutboxTest, BadEventsAreRefusedAndNothingIsQueued)
{
    auto tx = db::Transaction::begin(db);
    ASSERT_TRUE(tx.ok());
    auto notJson = outbox.enqueue(*tx, "reservation.created", "{\"name\": ");
    ASSERT_FALSE(notJson.ok());
    EXPECT_TRUE(notJson.error().isConstraint());
    auto noType = outbox.enqueue(*tx, "", "{}");
    ASSERT_FALSE(noType.ok());
    EXPECT_EQ(noType.error().kind, db::ErrorKind::Misuse);
    auto badId = outbox.enqueue(*tx, "reservation.created", "{}", {}, "not-a-uuid");
    ASSERT_FALSE(badId.ok());
    EXPECT_EQ(badId.error().kind, db::ErrorKind::Misuse);
    auto noSubjectId = outbox.enqueue(*tx, "reservation.created", "{}", OutboxSubject{SubjectKind::Reservation, ""});
    ASSERT_FALSE(noSubjectId.ok());
    const std::string id = newUuid();
    ASSERT_TRUE(outbox.enqueue(*tx, "reservation.created", "{}", {}, id).ok());
    auto again = outbox.enqueue(*tx, "reservation.created", "{}", {}, id);
    ASSERT_FALSE(again.ok()); // one idempotency key, one event
    EXPECT_TRUE(again.error().isConstraint());
    ASSERT_TRUE(tx->commit().ok());
    EXPECT_EQ(*outbox.depth(), 1);
}

TEST_F(OutboxTest, ARolledBackRequestLeavesNoEvent)
{
    {
        auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
        ASSERT_TRUE(tx.ok());
        const std::string id = newUuid();
        insertReservation(db, id, "Anna");
        ASSERT_TRUE(outbox.enqueue(*tx, "reservation.created", "{}", {SubjectKind::Reservation, id}, id).ok());
        // destroyed without commit: the app crashed or the flow failed half-way
    }
    EXPECT_EQ(*outbox.depth(), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM reservations"), 0);
}

TEST_F(OutboxTest, BatchesComeInInsertionOrderEvenWhenTheClockGoesBack)
{
    std::vector<std::string> ids;
    for (int i = 0; i < 7; ++i)
    {
        ids.push_back(reserve(db, outbox, "Osoba" + std::to_string(i)));
        clock.wall -= 3600; // NTP correction, or a technician setting the clock
    }
    auto first = outbox.nextBatch(4);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 4u);
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_EQ((*first)[i].id, ids[i]);
    EXPECT_EQ((*first)[0].type, "reservation.created");
    EXPECT_EQ((*first)[0].payloadJson, R"({"name":"Osoba0"})");
    EXPECT_EQ((*first)[0].createdAt, 1'700'000'000);
    EXPECT_LT((*first)[0].seq, (*first)[1].seq);

    ASSERT_TRUE(outbox.markAcked({{ids[0], OutcomeKind::Applied, ""}, {ids[1], OutcomeKind::Applied, ""}}).ok());
    auto next = outbox.nextBatch(100);
    ASSERT_TRUE(next.ok());
    ASSERT_EQ(next->size(), 5u);
    for (std::size_t i = 0; i < 5; ++i)
        EXPECT_EQ((*next)[i].id, ids[i + 2]);
    EXPECT_TRUE(outbox.nextBatch(0)->empty());
}

TEST_F(OutboxTest, OrderSurvivesDeletingTheNewestRowAndReopening)
{
    const auto a = reserve(db, outbox, "A");
    const auto b = reserve(db, outbox, "B");
    ASSERT_TRUE(outbox.markAcked({{b, OutcomeKind::Applied, ""}}).ok());
    ASSERT_EQ(*outbox.purgeAcked(0s), 0); // acked this very second: not yet older than 0 s
    clock.wall += 10;
    ASSERT_EQ(*outbox.purgeAcked(5s), 1);
    const auto c = reserve(db, outbox, "C");
    db = openKiosk(dir.file("kiosk.db")); // reopen: what the worker sees after a restart
    Outbox reopened(db, clock.clock());
    auto batch = reopened.nextBatch(10);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(batch->size(), 2u);
    EXPECT_EQ((*batch)[0].id, a);
    EXPECT_EQ((*batch)[1].id, c);
}

TEST_F(OutboxTest, AcknowledgementErasesPersonalDataOfTheRequest)
{
    const auto applied = reserve(db, outbox, "Zofia");
    const auto duplicate = reserve(db, outbox, "Jerzy");
    const auto pending = reserve(db, outbox, "Halina");
    clock.wall += 42;
    auto summary = outbox.markAcked({{applied, OutcomeKind::Applied, ""}, {duplicate, OutcomeKind::Duplicate, ""}});
    ASSERT_TRUE(summary.ok()) << summary.error().describe();
    EXPECT_EQ(summary->acknowledged, 2);
    EXPECT_EQ(summary->deadLettered, 0);

    for (const auto& id : {applied, duplicate})
    {
        for (const char* column :
             {"person_name", "person_phone", "address_street", "address_postal_code", "address_city", "on_behalf_of"})
            EXPECT_EQ(text(db, std::string("SELECT ") + column + " FROM reservations WHERE id = ?1", id), std::nullopt)
                << column;
        EXPECT_EQ(scalar(db, "SELECT erased_at FROM reservations WHERE id = '" + id + "'"), 1'700'000'042);
        EXPECT_EQ(text(db, "SELECT payload FROM outbox WHERE id = ?1", id), std::nullopt);
        EXPECT_EQ(text(db, "SELECT state FROM outbox WHERE id = ?1", id), "acked");
        // What a receipt or the staff screen still needs stays.
        EXPECT_EQ(text(db, "SELECT code FROM reservations WHERE id = ?1", id), "R-1");
    }
    EXPECT_EQ(text(db, "SELECT result FROM outbox WHERE id = ?1", duplicate), "duplicate");
    EXPECT_EQ(text(db, "SELECT person_name FROM reservations WHERE id = ?1", pending), "Halina");
    EXPECT_EQ(*outbox.depth(), 1);
}

TEST_F(OutboxTest, ARejectedEventBecomesAVisibleDeadLetterAndIsNotResent)
{
    const auto rejected = reserve(db, outbox, "Wiesław");
    const auto ok = reserve(db, outbox, "Ewa");
    clock.wall += 5;
    auto summary =
        outbox.markAcked({{rejected, OutcomeKind::Rejected, "unknown_reference"}, {ok, OutcomeKind::Applied, ""}});
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->deadLettered, 1);
    EXPECT_EQ(summary->acknowledged, 1);
    EXPECT_EQ(*outbox.depth(), 0);
    EXPECT_TRUE(outbox.nextBatch(10)->empty());

    auto dead = outbox.deadLetters();
    ASSERT_TRUE(dead.ok());
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ(*outbox.deadCount(), 1);
    EXPECT_EQ((*dead)[0].id, rejected);
    EXPECT_EQ((*dead)[0].code, "unknown_reference");
    EXPECT_EQ((*dead)[0].type, "reservation.created");
    EXPECT_EQ((*dead)[0].rejectedAt, 1'700'000'005);
    EXPECT_EQ((*dead)[0].subject.kind, SubjectKind::Reservation);
    EXPECT_EQ((*dead)[0].subject.id, rejected);
    EXPECT_EQ((*dead)[0].reference, ""); // this payload names no code
    // The server will never take it: staff see type, reason and code; the resident's data is erased.
    EXPECT_EQ(text(db, "SELECT person_name FROM reservations WHERE id = ?1", rejected), std::nullopt);
    EXPECT_FALSE(text(db, "SELECT payload FROM outbox WHERE id = ?1", rejected).has_value());
    // A later "applied" for the same id (a confused server) cannot resurrect or erase it.
    auto late = outbox.markAcked({{rejected, OutcomeKind::Applied, ""}});
    EXPECT_EQ(late->ignored, 1);
    EXPECT_EQ(text(db, "SELECT state FROM outbox WHERE id = ?1", rejected), "dead");
}

TEST_F(OutboxTest, ADeadLetteredLoanLeavesNoPeselInTheDatabaseFilesAndStaffCanResolveIt)
{
    const std::string pesel = "44051401359";
    std::string id;
    {
        auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
        ASSERT_TRUE(tx.ok());
        id = newUuid();
        auto stmt = db.prepare("INSERT INTO loans(id, inventory_number, type_id, borrower_name, borrower_phone,"
                               " address_street, address_postal_code, address_city, pesel, start_date, due_date,"
                               " staff_id, created_at) VALUES (?1, 'LAP-W-1', 'wozek', 'Zenon Pesel', '600700800',"
                               " 'Lipowa 3', '18-100', 'Łapy', ?2, '2030-03-04', '2030-03-20', 'st-1', 1700000000)");
        ASSERT_TRUE(stmt.ok());
        ASSERT_TRUE(stmt->bind(1, id).ok());
        ASSERT_TRUE(stmt->bind(2, pesel).ok());
        ASSERT_TRUE(stmt->step().ok());
        const std::string payload = R"({"loan_id":")" + id + R"(","inventory_number":"LAP-W-1","pesel":")" + pesel +
                                    R"(","borrower":{"name":"Zenon Pesel"}})";
        ASSERT_TRUE(outbox.enqueue(*tx, "loan.checked_out", payload, {SubjectKind::Loan, id}, id).ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    auto summary = outbox.markAcked({{id, OutcomeKind::Rejected, "unknown_reference"}});
    ASSERT_TRUE(summary.ok());
    ASSERT_EQ(summary->deadLettered, 1);
    ASSERT_TRUE(db.checkpointTruncate().ok()); // what the sync worker does after a round that erased
    const std::string bytes = test::readFile(dir.file("kiosk.db")) + test::readFile(dir.file("kiosk.db-wal"));
    EXPECT_EQ(bytes.find(pesel), std::string::npos);
    EXPECT_EQ(bytes.find("Zenon Pesel"), std::string::npos);
    auto dead = outbox.deadLetters();
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ((*dead)[0].type, "loan.checked_out");
    EXPECT_EQ((*dead)[0].code, "unknown_reference");
    EXPECT_EQ((*dead)[0].reference, "LAP-W-1");
    EXPECT_TRUE(*outbox.resolveDeadLetter(id));
    EXPECT_FALSE(*outbox.resolveDeadLetter(id));
    EXPECT_EQ(*outbox.deadCount(), 0);
}

TEST_F(OutboxTest, UnknownAndRepeatedAnswersAreIgnored)
{
    const auto id = reserve(db, outbox, "Marek");
    auto first = outbox.markAcked({{id, OutcomeKind::Applied, ""}, {newUuid(), OutcomeKind::Applied, ""}});
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->acknowledged, 1);
    EXPECT_EQ(first->ignored, 1);
    auto repeat = outbox.markAcked({{id, OutcomeKind::Rejected, "late"}});
    ASSERT_TRUE(repeat.ok());
    EXPECT_EQ(repeat->ignored, 1);
    EXPECT_TRUE(outbox.deadLetters()->empty());
    EXPECT_EQ(*outbox.deadCount(), 0);
}

TEST_F(OutboxTest, AcknowledgementIsAllOrNothing)
{
    const auto good = reserve(db, outbox, "Tomasz");
    // A row whose subject table this program cannot erase: recording its ack must fail, and the ack
    // of `good` recorded earlier in the same call must roll back with it.
    const auto broken = newUuid();
    ASSERT_TRUE(db.exec("INSERT INTO outbox(id, type, created_at, payload, seq, state, subject_table, subject_id)"
                        " VALUES ('" +
                        broken + "', 'x.y', 1, '{}', 1000, 'pending', 'no_such_table', 'z')")
                    .ok());
    auto result = outbox.markAcked({{good, OutcomeKind::Applied, ""}, {broken, OutcomeKind::Applied, ""}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, db::ErrorKind::BadData);
    EXPECT_EQ(*outbox.depth(), 2);
    EXPECT_EQ(text(db, "SELECT person_name FROM reservations WHERE id = ?1", good), "Tomasz");
    EXPECT_EQ(text(db, "SELECT state FROM outbox WHERE id = ?1", good), "pending");
}

TEST_F(OutboxTest, EveryRequestTableIsErased)
{
    auto tx = db::Transaction::begin(db);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(
        db.exec("INSERT INTO counselling_requests(id, code, kind_id, name, phone, status, language, kiosk_id,"
                " created_at) VALUES ('c1', 'C-1', 'family', 'Ola', '600000001', 'provisional', 'pl', 'k', 1);"
                "INSERT INTO callback_requests(id, code, phone, day, day_part, first_name, status, language,"
                " kiosk_id, created_at) VALUES ('b1', 'B-1', '600000002', '2026-12-01', 'morning', 'Ala',"
                " 'provisional', 'pl', 'k', 1);"
                "INSERT INTO loans(id, inventory_number, type_id, borrower_name, borrower_phone, address_street,"
                " address_postal_code, address_city, pesel, start_date, due_date, staff_id, created_at) VALUES"
                " ('l1', 'WZK-1', 'wheelchair', 'Piotr', '600000003', 'Polna 1', '00-001', 'Miasto',"
                " '44051401359', '2026-11-01', '2026-11-15', 's1', 1);"
                "INSERT INTO usage_events(id, kind, text, language, at) VALUES ('u1', 'idea', 'mój nr 600', 'pl', 1)")
            .ok());
    std::vector<EventOutcome> outcomes;
    for (auto [kind, id] : {std::pair{SubjectKind::CounsellingRequest, "c1"},
                            {SubjectKind::CallbackRequest, "b1"},
                            {SubjectKind::Loan, "l1"},
                            {SubjectKind::UsageEvent, "u1"}})
    {
        auto queued = outbox.enqueue(*tx, "t.x", "{}", OutboxSubject{kind, id});
        ASSERT_TRUE(queued.ok());
        outcomes.push_back({*queued, OutcomeKind::Applied, ""});
    }
    ASSERT_TRUE(tx->commit().ok());
    ASSERT_EQ(outbox.markAcked(outcomes)->acknowledged, 4);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM counselling_requests WHERE name IS NULL AND phone IS NULL"
                         " AND erased_at IS NOT NULL AND kind_id = 'family'"),
              1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM callback_requests WHERE phone IS NULL AND first_name IS NULL"
                         " AND erased_at IS NOT NULL"),
              1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM loans WHERE borrower_name IS NULL AND borrower_phone IS NULL AND"
                         " address_street IS NULL AND address_postal_code IS NULL AND address_city IS NULL AND"
                         " pesel IS NULL AND erased_at IS NOT NULL AND inventory_number = 'WZK-1'"),
              1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM usage_events WHERE text IS NULL"), 1);
}

TEST_F(OutboxTest, DepthAndOldestAgeFollowThePendingRows)
{
    EXPECT_EQ(*outbox.depth(), 0);
    EXPECT_FALSE(outbox.oldestAge()->has_value());
    const auto first = reserve(db, outbox, "A");
    clock.wall += 100;
    reserve(db, outbox, "B");
    clock.wall += 20;
    EXPECT_EQ(*outbox.depth(), 2);
    EXPECT_EQ(outbox.oldestAge()->value(), 120s);
    ASSERT_TRUE(outbox.markAcked({{first, OutcomeKind::Applied, ""}}).ok());
    EXPECT_EQ(outbox.oldestAge()->value(), 20s);
    clock.wall -= 1000; // the clock was set back: an age is never negative
    EXPECT_EQ(outbox.oldestAge()->value(), 0s);
}

TEST_F(OutboxTest, FailuresAreCountedWithoutTouchingThePayload)
{
    const auto id = reserve(db, outbox, "Ryszard");
    ASSERT_TRUE(outbox.recordFailure({id}, "timeout").ok());
    ASSERT_TRUE(outbox.recordFailure({id}, "http_503").ok());
    auto batch = outbox.nextBatch(1);
    ASSERT_EQ(batch->size(), 1u);
    EXPECT_EQ((*batch)[0].attempts, 2);
    EXPECT_EQ((*batch)[0].payloadJson, R"({"name":"Ryszard"})");
    EXPECT_EQ(text(db, "SELECT last_error FROM outbox WHERE id = ?1", id), "http_503");
}

TEST(OutboxMigration, RowsQueuedBeforeVersion4KeepTheirOrderAndState)
{
    TempDir dir{"outbox-mig"};
    const auto& all = kiosk::kioskMigrations();
    {
        auto opened = db::Database::open(dir.file("k.db"));
        ASSERT_TRUE(opened.ok());
        const std::vector<db::Migration> firstThree(all.begin(), all.begin() + 3);
        ASSERT_EQ(*db::migrate(*opened, firstThree), 3);
        // Version 3 had no sequence: rows were ordered by created_at, here deliberately out of order.
        ASSERT_TRUE(opened
                        ->exec("INSERT INTO outbox(id, type, created_at, payload) VALUES"
                               " ('11111111-1111-4111-8111-111111111111', 'a', 300, '{}'),"
                               " ('22222222-2222-4222-8222-222222222222', 'b', 100, '{}');"
                               "INSERT INTO outbox(id, type, created_at, payload, acked_at) VALUES"
                               " ('33333333-3333-4333-8333-333333333333', 'c', 200, NULL, 250)")
                        .ok());
    }
    auto db = openKiosk(dir.file("k.db"));
    EXPECT_EQ(*db.userVersion(), kiosk::kKioskSchemaVersion);
    ManualClock clock;
    Outbox outbox(db, clock.clock());
    auto batch = outbox.nextBatch(10);
    ASSERT_TRUE(batch.ok()) << batch.error().describe();
    ASSERT_EQ(batch->size(), 2u);
    EXPECT_EQ((*batch)[0].id, "11111111-1111-4111-8111-111111111111");
    EXPECT_EQ((*batch)[1].id, "22222222-2222-4222-8222-222222222222");
    // A new event goes after every migrated one.
    auto tx = db::Transaction::begin(db);
    auto id = outbox.enqueue(*tx, "d", "{}");
    ASSERT_TRUE(tx->commit().ok());
    EXPECT_EQ(outbox.nextBatch(10)->back().id, *id);
    EXPECT_EQ(*outbox.depth(), 3);
}

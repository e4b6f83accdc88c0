// Transactions: nothing half-written survives a failure, durable commits really switch to FULL,
// and two connections wait for each other's write lock up to the busy timeout.
#include "db_test_util.hpp"
#include "shared/db/database.hpp"
#include "shared/db/transaction.hpp"
#include "temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdexcept>
#include <thread>

using namespace okienko;
using okienko::test::openOrDie;
using okienko::test::scalarInt;
using Clock = std::chrono::steady_clock;

namespace
{
class TransactionTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_db = openOrDie(path());
        ASSERT_OK(m_db.exec("CREATE TABLE req(id TEXT PRIMARY KEY)"));
    }

    std::string path() const { return m_dir.file("tx.db"); }

    void insert(db::Database& db, const std::string& id)
    {
        auto stmt = db.prepare("INSERT INTO req(id) VALUES (?1)");
        ASSERT_OK(stmt);
        ASSERT_OK(stmt->bind(1, id));
        ASSERT_OK(stmt->run());
    }

    std::int64_t count() { return scalarInt(m_db, "SELECT count(*) FROM req"); }

    test::TempDir m_dir;
    db::Database m_db;
};
} // namespace

TEST_F(TransactionTest, CommittedRowsAreVisibleToANewConnection)
{
    {
        auto tx = db::Transaction::begin(m_db);
        ASSERT_OK(tx);
        insert(m_db, "a");
        insert(m_db, "b");
        ASSERT_OK(tx->commit());
        EXPECT_FALSE(tx->active());
    }
    auto other = openOrDie(path());
    EXPECT_EQ(scalarInt(other, "SELECT count(*) FROM req"), 2);
}

TEST_F(TransactionTest, DestructionWithoutCommitRollsBack)
{
    {
        auto tx = db::Transaction::begin(m_db);
        ASSERT_OK(tx);
        insert(m_db, "a");
        EXPECT_EQ(count(), 1); // visible inside the transaction
    }
    EXPECT_FALSE(m_db.inTransaction());
    EXPECT_EQ(count(), 0);
}

TEST_F(TransactionTest, AnExceptionRollsBack)
{
    auto work = [&]
    {
        auto tx = db::Transaction::begin(m_db);
        if (!tx)
            return;
        insert(m_db, "a");
        throw std::runtime_error("printer caught fire");
    };
    EXPECT_THROW(work(), std::runtime_error);
    EXPECT_FALSE(m_db.inTransaction());
    EXPECT_EQ(count(), 0);
}

TEST_F(TransactionTest, ExplicitRollbackAndSecondCommitIsMisuse)
{
    auto tx = db::Transaction::begin(m_db);
    ASSERT_OK(tx);
    insert(m_db, "a");
    ASSERT_OK(tx->rollback());
    EXPECT_EQ(count(), 0);
    auto again = tx->commit();
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, db::ErrorKind::Misuse);
}

TEST_F(TransactionTest, TransactionsDoNotNest)
{
    auto outer = db::Transaction::begin(m_db);
    ASSERT_OK(outer);
    auto inner = db::Transaction::begin(m_db);
    ASSERT_FALSE(inner.ok());
    EXPECT_EQ(inner.error().kind, db::ErrorKind::Misuse);
    EXPECT_TRUE(m_db.inTransaction()); // the outer one is untouched
    insert(m_db, "a");
    ASSERT_OK(outer->commit());
    EXPECT_EQ(count(), 1);
}

TEST_F(TransactionTest, FullDurabilityHoldsForOneTransactionOnly)
{
    ASSERT_EQ(*m_db.currentSynchronous(), db::Synchronous::Normal);
    {
        auto tx = db::Transaction::begin(m_db, db::TransactionMode::Immediate, db::Durability::Full);
        ASSERT_OK(tx);
        EXPECT_EQ(*m_db.currentSynchronous(), db::Synchronous::Full);
        insert(m_db, "ack");
        ASSERT_OK(tx->commit());
    }
    EXPECT_EQ(*m_db.currentSynchronous(), db::Synchronous::Normal);
    {
        auto tx = db::Transaction::begin(m_db, db::TransactionMode::Immediate, db::Durability::Full);
        ASSERT_OK(tx);
        EXPECT_EQ(*m_db.currentSynchronous(), db::Synchronous::Full);
    } // rolled back
    EXPECT_EQ(*m_db.currentSynchronous(), db::Synchronous::Normal);
    EXPECT_EQ(count(), 1);
}

TEST_F(TransactionTest, ImmediateTakesTheWriteLockAtBegin)
{
    db::OpenOptions impatient;
    impatient.busyTimeout = std::chrono::milliseconds(0);
    auto other = openOrDie(path(), impatient);

    auto reader = db::Transaction::begin(m_db, db::TransactionMode::Deferred);
    ASSERT_OK(reader);
    // A deferred transaction takes no write lock: another writer may begin.
    {
        auto writer = db::Transaction::begin(other, db::TransactionMode::Immediate);
        ASSERT_OK(writer);
    }
    ASSERT_OK(reader->commit());

    auto writer = db::Transaction::begin(m_db, db::TransactionMode::Immediate);
    ASSERT_OK(writer);
    auto second = db::Transaction::begin(other, db::TransactionMode::Immediate);
    ASSERT_FALSE(second.ok());
    EXPECT_TRUE(second.error().isBusy()) << second.error().describe();
}

TEST_F(TransactionTest, AWriterFailsWithBusyAfterTheTimeout)
{
    db::OpenOptions options;
    options.busyTimeout = std::chrono::milliseconds(300);
    auto other = openOrDie(path(), options);

    auto holder = db::Transaction::begin(m_db);
    ASSERT_OK(holder);
    insert(m_db, "held");

    const auto started = Clock::now();
    auto stmt = other.prepare("INSERT INTO req(id) VALUES ('other')");
    ASSERT_OK(stmt);
    auto result = stmt->run();
    const auto waited = Clock::now() - started;
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().isBusy()) << result.error().describe();
    EXPECT_EQ(result.error().code & 0xff, SQLITE_BUSY);
    EXPECT_GE(waited, std::chrono::milliseconds(250));
    EXPECT_LT(waited, std::chrono::milliseconds(5000));
    ASSERT_OK(holder->commit());
    EXPECT_EQ(scalarInt(other, "SELECT count(*) FROM req"), 1);
}

TEST_F(TransactionTest, AWriterWaitsForTheLockAndThenSucceeds)
{
    auto other = openOrDie(path()); // default timeout 5000 ms

    auto holder = db::Transaction::begin(m_db);
    ASSERT_OK(holder);
    insert(m_db, "first");

    std::thread releaser(
        [&]
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            (void)holder->commit();
        });

    const auto started = Clock::now();
    auto tx = db::Transaction::begin(other);
    const auto waited = Clock::now() - started;
    releaser.join();
    ASSERT_OK(tx);
    EXPECT_GE(waited, std::chrono::milliseconds(250));
    EXPECT_LT(waited, std::chrono::milliseconds(5000));
    insert(other, "second");
    ASSERT_OK(tx->commit());
    EXPECT_EQ(count(), 2);
}

TEST_F(TransactionTest, MoveKeepsOneOwner)
{
    auto tx = db::Transaction::begin(m_db);
    ASSERT_OK(tx);
    insert(m_db, "a");
    db::Transaction moved = std::move(tx).value();
    EXPECT_TRUE(moved.active());
    ASSERT_OK(moved.commit());
    EXPECT_EQ(count(), 1);
}

TEST_F(TransactionTest, APollingWriterGetsInBetweenAnotherWritersBackToBackCommits)
{
    // Another process's writer commits back to back with 100 µs between its transactions (the time
    // its next group needs to start): a waiter that tries every 200 µs gets in long before it ends.
    std::atomic<bool> stop{false};
    std::thread busyWriter(
        [&]
        {
            const auto until = Clock::now() + std::chrono::milliseconds(1500);
            while (!stop && Clock::now() < until)
            {
                auto tx = db::Transaction::begin(m_db);
                if (!tx)
                    continue;
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                (void)tx->commit();
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            }
        });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    db::OpenOptions polling;
    polling.busyPoll = std::chrono::microseconds(200);
    auto other = openOrDie(path(), polling);
    const auto started = Clock::now();
    auto tx = db::Transaction::begin(other);
    const auto waited = Clock::now() - started;
    stop = true;
    busyWriter.join();
    ASSERT_OK(tx);
    EXPECT_LT(waited, std::chrono::milliseconds(500));
}

TEST_F(TransactionTest, APollingWriterStillGivesUpAfterTheTimeout)
{
    db::OpenOptions polling;
    polling.busyTimeout = std::chrono::milliseconds(100);
    polling.busyPoll = std::chrono::microseconds(500);
    auto other = openOrDie(path(), polling);
    auto holder = db::Transaction::begin(m_db);
    ASSERT_OK(holder);
    const auto started = Clock::now();
    auto tx = db::Transaction::begin(other);
    const auto waited = Clock::now() - started;
    ASSERT_FALSE(tx.ok());
    EXPECT_TRUE(tx.error().isBusy()) << tx.error().describe();
    EXPECT_GE(waited, std::chrono::milliseconds(100));
    EXPECT_LT(waited, std::chrono::milliseconds(1000));
}

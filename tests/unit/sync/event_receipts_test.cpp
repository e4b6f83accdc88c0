// Receipts of acknowledged events: written with the acknowledgement, with the whole payload only
// when it holds no personal data; found again when the server's epoch changes; settled once; purged
// after 28 days.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/event_receipts.hpp"
#include "kiosk/sync/outbox.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace std::chrono_literals;

namespace
{

class ReceiptsTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto opened = kiosk::openKioskDatabase(m_dir.file("kiosk.db"));
        ASSERT_TRUE(opened.ok());
        m_db = std::make_unique<db::Database>(std::move(opened).value());
        m_outbox = std::make_unique<sync::Outbox>(*m_db, clock());
    }

    sync::SyncClock clock()
    {
        return sync::SyncClock{[this] { return m_wall; },
                               []
                               {
                                   return std::chrono::steady_clock::now();
                               }};
    }

    std::string queue(const std::string& type, const std::string& payload)
    {
        auto tx = db::Transaction::begin(*m_db, db::TransactionMode::Immediate, db::Durability::Full);
        EXPECT_TRUE(tx.ok());
        auto id = m_outbox->enqueue(*tx, type, payload);
        EXPECT_TRUE(id.ok());
        EXPECT_TRUE(tx->commit().ok());
        return *id;
    }

    std::int64_t number(const std::string& sql)
    {
        auto n = db::queryInt64(*m_db, sql);
        return n && *n ? **n : -1;
    }

    std::int64_t m_wall = 1'800'000'000;
    test::TempDir m_dir{"receipts"};
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<sync::Outbox> m_outbox;
};

} // namespace

TEST_F(ReceiptsTest, AnAcknowledgementKeepsAReceiptWithThePayloadOnlyWithoutPersonalData)
{
    const std::string callback =
        queue("callback.requested", R"({"code":"T-7K4-29Q-X4Z","phone":"600123456","language":"pl"})");
    const std::string usage = queue("usage.recorded", R"({"kind":"flow-started","flow":"callback","language":"pl"})");
    const std::string rejected = queue("feedback.rated", R"({"flow":"x","rating":9,"language":"pl"})");
    auto acked = m_outbox->markAcked({{callback, sync::OutcomeKind::Applied, ""},
                                      {usage, sync::OutcomeKind::Duplicate, ""},
                                      {rejected, sync::OutcomeKind::Rejected, "out_of_range"}},
                                     "epoch-a");
    ASSERT_TRUE(acked.ok());
    EXPECT_EQ(number("SELECT count(*) FROM event_receipts"), 2) << "a dead letter keeps its outbox row instead";
    EXPECT_EQ(number("SELECT count(*) FROM event_receipts WHERE epoch = 'epoch-a' AND acked_at = 1800000000"), 2);
    auto ref = db::queryText(*m_db, "SELECT reference FROM event_receipts WHERE type = 'callback.requested'");
    EXPECT_EQ(ref->value_or(""), "T-7K4-29Q-X4Z");
    EXPECT_EQ(
        number("SELECT count(*) FROM event_receipts WHERE type = 'callback.requested' AND resend_payload IS NULL"), 1);
    EXPECT_EQ(number("SELECT count(*) FROM event_receipts WHERE instr(coalesce(resend_payload, ''), '600123456') > 0"),
              0);
    auto kept = db::queryText(*m_db, "SELECT resend_payload FROM event_receipts WHERE type = 'usage.recorded'");
    EXPECT_NE(kept->value_or("").find("flow-started"), std::string::npos);
}

TEST_F(ReceiptsTest, ReceiptsOfAnotherEpochAreFoundUntilSettled)
{
    const std::string a = queue("usage.recorded", R"({"kind":"flow-started","flow":"x","language":"pl"})");
    const std::string b = queue("usage.recorded", R"({"kind":"flow-started","flow":"y","language":"pl"})");
    const std::string unknown = queue("usage.recorded", R"({"kind":"flow-started","flow":"z","language":"pl"})");
    ASSERT_TRUE(m_outbox->markAcked({{a, sync::OutcomeKind::Applied, ""}}, "old").ok());
    ASSERT_TRUE(m_outbox->markAcked({{b, sync::OutcomeKind::Applied, ""}}, "new").ok());
    ASSERT_TRUE(m_outbox->markAcked({{unknown, sync::OutcomeKind::Applied, ""}}).ok());
    sync::EventReceipts receipts(*m_db);
    auto stale = receipts.fromOtherEpochs("new", 100);
    ASSERT_TRUE(stale.ok());
    ASSERT_EQ(stale->size(), 1u) << "not the current epoch, and never one acknowledged without an epoch";
    EXPECT_EQ((*stale)[0].id, a);
    ASSERT_TRUE(receipts.moveToEpoch({a}, "new").ok());
    EXPECT_TRUE(receipts.fromOtherEpochs("new", 100)->empty());
    EXPECT_EQ(receipts.fromOtherEpochs("newer", 100)->size(), 2u);
}

TEST_F(ReceiptsTest, ReceiptsLeaveAfter28Days)
{
    const std::string old = queue("usage.recorded", R"({"kind":"flow-started","flow":"x","language":"pl"})");
    ASSERT_TRUE(m_outbox->markAcked({{old, sync::OutcomeKind::Applied, ""}}, "e").ok());
    m_wall += 20 * 86400;
    const std::string recent = queue("usage.recorded", R"({"kind":"flow-started","flow":"y","language":"pl"})");
    ASSERT_TRUE(m_outbox->markAcked({{recent, sync::OutcomeKind::Applied, ""}}, "e").ok());
    m_wall += 9 * 86400;
    sync::EventReceipts receipts(*m_db);
    EXPECT_EQ(*receipts.purge(m_wall), 1);
    EXPECT_EQ(*receipts.count(), 1);
}

// The staff feed's time to live on a real kiosk database: a pick-up or loan the server has not re-sent
// for three days is dropped with its name and phone; one re-sent recently stays.
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/staff_feed_expiry.hpp"
#include "shared/db/query.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;

namespace
{
constexpr std::int64_t kNow = 1'900'000'000;

class StaffFeedExpiryTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto opened = kiosk::openKioskDatabase(m_dir.file("kiosk.sqlite3"));
        ASSERT_TRUE(opened.ok()) << opened.error().describe();
        m_db = std::move(opened).value();
    }

    void pickup(const std::string& id, std::int64_t receivedAt)
    {
        ASSERT_TRUE(db::exec(m_db,
                             "INSERT INTO staff_pickups(reservation_id, code, type_id, pick_up_date, loan_days, "
                             "status, person_name, person_phone, received_at) VALUES (?1, 'R-1', 'wozek', "
                             "'2030-03-04', 14, 'held', 'Jan Kowalski', '600100200', ?2)",
                             id, receivedAt)
                        .ok());
    }

    void loan(const std::string& id, std::int64_t receivedAt)
    {
        ASSERT_TRUE(db::exec(m_db,
                             "INSERT INTO staff_loans(loan_id, inventory_number, type_id, start_date, due_date, "
                             "borrower_name, borrower_phone, received_at) VALUES (?1, 'LAP-1', 'wozek', '2030-03-01', "
                             "'2030-03-05', 'Anna Nowak', '600555444', ?2)",
                             id, receivedAt)
                        .ok());
    }

    std::int64_t rows()
    {
        auto n =
            db::queryInt64(m_db, "SELECT (SELECT count(*) FROM staff_pickups) + (SELECT count(*) FROM staff_loans)");
        return n.ok() ? n->value_or(-1) : -1;
    }

    test::TempDir m_dir{"staff-feed-expiry"};
    db::Database m_db;
};
} // namespace

TEST_F(StaffFeedExpiryTest, RowsNotResentForThreeDaysAreDropped)
{
    const std::int64_t ttl = sync::kStaffFeedTtl.count();
    pickup("old-pickup", kNow - ttl - 1);
    pickup("fresh-pickup", kNow - ttl + 60);
    loan("old-loan", kNow - ttl - 1);
    loan("fresh-loan", kNow - 3600);
    auto dropped = sync::dropExpiredStaffFeed(m_db, kNow);
    ASSERT_TRUE(dropped.ok()) << dropped.error().describe();
    EXPECT_EQ(*dropped, 2);
    EXPECT_EQ(rows(), 2);
    EXPECT_EQ(*db::queryInt64(m_db, "SELECT count(*) FROM staff_pickups WHERE reservation_id = 'fresh-pickup'"), 1);
    EXPECT_EQ(*db::queryInt64(m_db, "SELECT count(*) FROM staff_loans WHERE loan_id = 'fresh-loan'"), 1);
    // Three days later nothing the server stopped sending is left.
    ASSERT_TRUE(sync::dropExpiredStaffFeed(m_db, kNow + ttl).ok());
    EXPECT_EQ(rows(), 0);
}

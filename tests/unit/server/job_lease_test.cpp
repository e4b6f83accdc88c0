// The lease that lets one of several `serve` processes do a job at a time, on a real server database:
// two leases of one job stand for two processes (each has its own holder id), as their rows are all
// there is between them.
#include "server/job_lease.hpp"
#include "tests/support/server_db_test.hpp"

#include <gtest/gtest.h>
#include <memory>

using namespace okienko;
using namespace okienko::server;

namespace
{
class JobLeaseTest : public test::ServerDbTest
{
};
} // namespace

TEST_F(JobLeaseTest, OneHolderAtATimeRenewedByItsHolderAndTakenOverOnlyOnceItLapses)
{
    const std::int64_t t = kStartUnix;
    JobLease first(*m_store, "resident-mail", 300);
    JobLease second(*m_store, "resident-mail", 300);
    JobLease otherJob(*m_store, "hourly-upkeep", 300);
    EXPECT_TRUE(first.hold(t));
    EXPECT_FALSE(second.hold(t + 1)) << "the first process holds it";
    EXPECT_TRUE(otherJob.hold(t + 1)) << "another job's lease is its own";
    EXPECT_TRUE(first.hold(t + 200)) << "its holder renews it";
    EXPECT_FALSE(second.hold(t + 450)) << "renewed at +200, it runs until +500";
    EXPECT_EQ(text("SELECT holder FROM job_leases WHERE job = 'resident-mail'"), first.holder());
    // The first process stops renewing (it died or hangs): the lease lapses and the second takes it.
    EXPECT_TRUE(second.hold(t + 500));
    EXPECT_EQ(text("SELECT holder FROM job_leases WHERE job = 'resident-mail'"), second.holder());
    EXPECT_FALSE(first.hold(t + 501)) << "a holder that lost its lease must stop, not take it back";
}

TEST_F(JobLeaseTest, AStoppingHolderGivesTheLeaseBackAtOnce)
{
    const std::int64_t t = kStartUnix;
    auto first = std::make_unique<JobLease>(*m_store, "hourly-upkeep", 3300);
    JobLease second(*m_store, "hourly-upkeep", 3300);
    ASSERT_TRUE(first->hold(t));
    EXPECT_FALSE(second.hold(t + 60));
    first.reset();
    EXPECT_EQ(text("SELECT COUNT(*) FROM job_leases"), "0");
    EXPECT_TRUE(second.hold(t + 61)) << "no need to wait 55 minutes for a lease given back";
}

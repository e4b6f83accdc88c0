// Decision 0014's rule for the PostgreSQL backend, on a real private cluster: a kiosk's change-feed
// cursor is "every change up to seq N", so a change with a lower seq must never become visible after
// one with a higher seq (the kiosk would skip it for ever). A sequence alone does not give that:
// transactions take their numbers in one order and commit in another. One transaction-scoped
// advisory lock, taken before the number, does: the next writer waits until the previous commits.
#include "tests/support/private_postgres.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <set>
#include <string>
#include <thread>

using namespace okienko;

namespace
{

/// One libpq connection, closed at the end.
class Connection
{
  public:
    explicit Connection(const std::string& conninfo) : m_conn(PQconnectdb(conninfo.c_str())) {}
    ~Connection() { PQfinish(m_conn); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool ok() const { return PQstatus(m_conn) == CONNECTION_OK; }
    std::string error() const { return PQerrorMessage(m_conn); }

    /// Runs `sql`; the first column of the first row ("" when none); fails the test on an error.
    std::string exec(const std::string& sql)
    {
        PGresult* r = PQexec(m_conn, sql.c_str());
        const auto status = PQresultStatus(r);
        EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << sql << ": " << error();
        std::string out = status == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
        PQclear(r);
        return out;
    }

    /// Every seq the connection sees now, in its own snapshot.
    std::set<long> visibleSeqs()
    {
        std::set<long> out;
        PGresult* r = PQexec(m_conn, "SELECT seq FROM change_log ORDER BY seq");
        for (int i = 0; i < PQntuples(r); ++i)
            out.insert(std::stol(PQgetvalue(r, i, 0)));
        PQclear(r);
        return out;
    }

    PGconn* raw() { return m_conn; }

  private:
    PGconn* m_conn;
};

class PostgresChangeOrder : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (!test::PrivatePostgres::available())
            GTEST_SKIP() << "PostgreSQL is not installed (scripts/bootstrap installs it)";
        ASSERT_TRUE(m_cluster.start()) << m_cluster.error();
        Connection setup(m_cluster.connectionString());
        ASSERT_TRUE(setup.ok()) << setup.error();
        setup.exec("CREATE SEQUENCE change_seq");
        setup.exec("CREATE TABLE change_log (seq bigint PRIMARY KEY, entity text NOT NULL)");
    }

    test::PrivatePostgres m_cluster;
};

} // namespace

TEST_F(PostgresChangeOrder, TheClusterIsARealPostgreSql15OrNewer)
{
    Connection c(m_cluster.connectionString());
    ASSERT_TRUE(c.ok()) << c.error();
    EXPECT_GE(std::stoi(c.exec("SELECT current_setting('server_version_num')")), 150000);
    EXPECT_EQ(c.exec("SELECT current_database()"), "central");
}

TEST_F(PostgresChangeOrder, ASequenceAloneLetsAHigherSeqBeSeenBeforeALowerOne)
{
    Connection a(m_cluster.connectionString()), b(m_cluster.connectionString()), reader(m_cluster.connectionString());
    ASSERT_TRUE(a.ok() && b.ok() && reader.ok());
    a.exec("BEGIN");
    a.exec("INSERT INTO change_log VALUES (nextval('change_seq'), 'service')"); // seq 1
    b.exec("BEGIN");
    b.exec("INSERT INTO change_log VALUES (nextval('change_seq'), 'unit')"); // seq 2
    b.exec("COMMIT");
    // A kiosk pulling now gets seq 2 and keeps "2" as its cursor: seq 1, committed next, is skipped.
    EXPECT_EQ(reader.visibleSeqs(), (std::set<long>{2}));
    a.exec("COMMIT");
    EXPECT_EQ(reader.visibleSeqs(), (std::set<long>{1, 2}));
}

TEST_F(PostgresChangeOrder, AnAdvisoryLockBeforeTheNumberKeepsTheLogInCommitOrder)
{
    Connection a(m_cluster.connectionString()), b(m_cluster.connectionString()), reader(m_cluster.connectionString());
    ASSERT_TRUE(a.ok() && b.ok() && reader.ok());
    a.exec("BEGIN");
    a.exec("SELECT pg_advisory_xact_lock(1801)");
    a.exec("INSERT INTO change_log VALUES (nextval('change_seq'), 'service')");
    // The second writer asks for the lock and waits: it cannot take a number while the first holds one.
    b.exec("BEGIN");
    ASSERT_EQ(PQsendQuery(b.raw(), "SELECT pg_advisory_xact_lock(1801)"), 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_EQ(PQconsumeInput(b.raw()), 1);
    EXPECT_EQ(PQisBusy(b.raw()), 1) << "the second writer got the lock while the first had not committed";
    EXPECT_TRUE(reader.visibleSeqs().empty());
    a.exec("COMMIT"); // the lock goes with the commit
    while (PGresult* r = PQgetResult(b.raw()))
    {
        EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK);
        PQclear(r);
    }
    EXPECT_EQ(reader.visibleSeqs(), (std::set<long>{1}));
    b.exec("INSERT INTO change_log VALUES (nextval('change_seq'), 'unit')");
    b.exec("COMMIT");
    EXPECT_EQ(reader.visibleSeqs(), (std::set<long>{1, 2}));
}

// A real, private PostgreSQL cluster for tests and benchmarks (decision 0014): initdb into a
// temporary directory, a server on a Unix socket only (no TCP port), run as the `postgres` user
// (PostgreSQL refuses root), one database `central`, thrown away at the end. Debian's
// `postgresql` package; no system service is assumed.
#pragma once

#include "tests/support/temp_dir.hpp"

#include <string>
#include <vector>

namespace okienko::test
{

class PrivatePostgres
{
  public:
    /// `durable`: fsync on (what a benchmark of commits must measure); off is faster and safe for
    /// tests that kill only our own processes.
    explicit PrivatePostgres(bool durable = false);
    ~PrivatePostgres();
    PrivatePostgres(const PrivatePostgres&) = delete;
    PrivatePostgres& operator=(const PrivatePostgres&) = delete;

    /// True when initdb, pg_ctl and the postgres user are on this machine.
    static bool available();

    /// initdb, start, create the database `central`; false (with `error()`) if any step failed.
    bool start();
    /// Stops the server like a crash (`pg_ctl -m immediate`).
    void stop();
    bool running() const { return m_running; }
    const std::string& error() const { return m_error; }

    /// libpq's connection string for `database`: "host=<socket dir> port=<n> user=okienko dbname=…".
    std::string connectionString(const std::string& database = "central") const;

  private:
    int run(const std::vector<std::string>& argv, bool asPostgres) const;

    TempDir m_dir{"okienko-postgres"};
    std::string m_bin;
    int m_port = 0;
    bool m_durable = false;
    bool m_running = false;
    std::string m_error;
};

} // namespace okienko::test

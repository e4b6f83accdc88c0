// What decision 0014's commit-ordered change log costs on PostgreSQL, measured before the backend is
// built: on a private durable cluster (fsync on, synchronous_commit on), N connections each commit
// transactions of one event row and one change-log row numbered from a sequence — without a lock
// (the number order may differ from the commit order) and with pg_advisory_xact_lock taken before
// the number (commit order kept: writers of the log queue on it). Prints commits/s and p50/p99 per
// connection count. Never fails a build.
// Usage: postgres_commit_bench [--seconds S]
#include "tests/support/private_postgres.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <libpq-fe.h>
#include <string>
#include <thread>
#include <vector>

using namespace okienko;
using Clock = std::chrono::steady_clock;

namespace
{
bool exec(PGconn* c, const char* sql)
{
    PGresult* r = PQexec(c, sql);
    const auto status = PQresultStatus(r);
    PQclear(r);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

struct Run
{
    double commitsPerSecond = 0;
    double p50 = 0, p99 = 0; ///< ms
    long failed = 0;
};

Run measure(const std::string& conninfo, int connections, bool locked, double seconds)
{
    std::atomic<bool> stop{false};
    std::atomic<long> failed{0};
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(connections));
    std::vector<std::thread> threads;
    for (int t = 0; t < connections; ++t)
        threads.emplace_back(
            [&, t]
            {
                PGconn* c = PQconnectdb(conninfo.c_str());
                if (PQstatus(c) != CONNECTION_OK)
                {
                    ++failed;
                    PQfinish(c);
                    return;
                }
                const std::string tx = std::string("BEGIN; ") + (locked ? "SELECT pg_advisory_xact_lock(1801); " : "") +
                                       "INSERT INTO events(kiosk, payload) VALUES (" + std::to_string(t) +
                                       ", 'reservation.created'); INSERT INTO change_log(seq, entity, data) VALUES "
                                       "(nextval('change_seq'), 'reservation', '{\"status\":\"held\"}'); COMMIT";
                auto& mine = latencies[static_cast<std::size_t>(t)];
                while (!stop)
                {
                    const auto t0 = Clock::now();
                    if (!exec(c, tx.c_str()))
                        ++failed;
                    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                }
                PQfinish(c);
            });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& th : threads)
        th.join();
    std::vector<double> all;
    for (const auto& l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    Run r;
    r.failed = failed;
    if (all.empty())
        return r;
    std::sort(all.begin(), all.end());
    r.commitsPerSecond = static_cast<double>(all.size()) / seconds;
    r.p50 = all[all.size() / 2];
    r.p99 = all[std::min(all.size() - 1, all.size() * 99 / 100)];
    return r;
}

std::string loadAverage()
{
    FILE* f = std::fopen("/proc/loadavg", "r");
    char buf[64] = {0};
    if (f != nullptr)
    {
        if (std::fgets(buf, sizeof buf, f) == nullptr)
            buf[0] = 0;
        std::fclose(f);
    }
    std::string s(buf);
    return s.substr(0, s.find(' ', s.find(' ', s.find(' ') + 1) + 1));
}
} // namespace

int main(int argc, char** argv)
{
    double seconds = 4.0;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--seconds")
            seconds = std::atof(argv[i + 1]);
    if (!test::PrivatePostgres::available())
    {
        std::printf("PostgreSQL is not installed (scripts/bootstrap installs it): nothing measured\n");
        return 0;
    }
    test::PrivatePostgres cluster(true);
    if (!cluster.start())
    {
        std::fprintf(stderr, "%s\n", cluster.error().c_str());
        return 0;
    }
    {
        PGconn* c = PQconnectdb(cluster.connectionString().c_str());
        exec(c, "CREATE TABLE events (id bigserial PRIMARY KEY, kiosk int NOT NULL, payload text NOT NULL)");
        exec(c, "CREATE SEQUENCE change_seq");
        exec(c, "CREATE TABLE change_log (seq bigint PRIMARY KEY, entity text NOT NULL, data text NOT NULL)");
        PQfinish(c);
    }
    std::printf("PostgreSQL, private cluster, fsync on, synchronous_commit on; %.0f s per row; load average %s\n\n",
                seconds, loadAverage().c_str());
    std::printf("| connections | no lock: commits/s, p50 / p99 ms | advisory lock: commits/s, p50 / p99 ms |\n");
    std::printf("|---|---|---|\n");
    for (int n : {1, 4, 16, 64})
    {
        const Run free = measure(cluster.connectionString(), n, false, seconds);
        const Run locked = measure(cluster.connectionString(), n, true, seconds);
        std::printf("| %d | %.0f, %.2f / %.2f | %.0f, %.2f / %.2f |%s\n", n, free.commitsPerSecond, free.p50, free.p99,
                    locked.commitsPerSecond, locked.p50, locked.p99,
                    free.failed + locked.failed > 0 ? " (some commits failed)" : "");
    }
    std::printf("\nload average at the end: %s\n", loadAverage().c_str());
    return 0;
}

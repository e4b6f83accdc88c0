// One upsert takes or renews a lease: it writes only when the row is new, ours, or lapsed, and the
// count of changed rows says which.
#include "server/job_lease.hpp"

#include "shared/db/query.hpp"
#include "shared/util/uuid.hpp"

#include <utility>

namespace okienko::server
{

JobLease::JobLease(ServerStore& store, std::string job, std::int64_t seconds)
    : m_store(store), m_job(std::move(job)), m_seconds(seconds), m_holder(newUuid())
{
}

JobLease::~JobLease()
{
    if (m_held)
        (void)m_store.write(
            [&](db::Database& d)
            { return db::exec(d, "DELETE FROM job_leases WHERE job = ? AND holder = ?", m_job, m_holder); });
}

bool JobLease::hold(std::int64_t now)
{
    bool taken = false;
    auto written = m_store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto st = db::exec(d,
                               "INSERT INTO job_leases(job, holder, until) VALUES (?1, ?2, ?3 + ?4) ON CONFLICT(job) "
                               "DO UPDATE SET holder = excluded.holder, until = excluded.until WHERE "
                               "job_leases.holder = excluded.holder OR job_leases.until <= ?3",
                               m_job, m_holder, now, m_seconds);
            if (!st)
                return st;
            taken = d.changes() == 1;
            return {};
        });
    m_held = written.ok() && taken;
    return m_held;
}

} // namespace okienko::server

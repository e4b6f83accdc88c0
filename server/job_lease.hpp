// Work that only one okienko-central process may do at a time when several serve one database
// (the residents' e-mails, the hourly purge and retention): a lease row per job in the database,
// taken and renewed by one process, free for another once it lapses (its holder died or hangs).
#pragma once

#include "server/server_store.hpp"

#include <cstdint>
#include <string>

namespace okienko::server
{

class JobLease
{
  public:
    /// `job` names the work ("resident-mail"); `seconds` is how long a take or a renewal lasts: longer
    /// than the longest step the holder does between two renewals.
    JobLease(ServerStore& store, std::string job, std::int64_t seconds);
    JobLease(const JobLease&) = delete;
    JobLease& operator=(const JobLease&) = delete;
    /// Gives the lease back, so another process need not wait for it to lapse.
    ~JobLease();

    /// Takes the lease, or renews it when this process holds it, until `now + seconds`. False while
    /// another holder's lease runs (or the database cannot answer): do not do the work then.
    bool hold(std::int64_t now);
    /// This process's holder id (random, one per lease object).
    const std::string& holder() const { return m_holder; }

  private:
    ServerStore& m_store;
    std::string m_job;
    std::int64_t m_seconds;
    std::string m_holder;
    bool m_held = false;
};

} // namespace okienko::server

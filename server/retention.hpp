// The retention job: erases residents' personal data from the server's database once its purpose has
// ended ([retention] in central.toml, docs/privacy.md), keeps the staff feed to what is due soon, and
// truncates the WAL so no erased value survives in it. `serve` runs it at start and hourly;
// `okienko-central purge-personal-data [--dry-run]` runs it once. Rows stay (codes, dates, statuses
// feed the monitoring); only their PERSONAL columns are cleared, and erased_at says when.
#pragma once

#include "server/server_config.hpp"
#include "server/server_store.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>

namespace okienko::server
{

/// Rows whose personal data one run erased (or, in a dry run, would erase).
struct RetentionCounts
{
    std::int64_t callbacks = 0;       ///< closed callback requests: phone, first name
    std::int64_t attemptNotes = 0;    ///< call-attempt notes of those callbacks
    std::int64_t counselling = 0;     ///< finished counselling requests: name, phone
    std::int64_t reservations = 0;    ///< ended reservations: name, phone, address, on behalf of
    std::int64_t loans = 0;           ///< returned loans: name, phone, address
    std::int64_t pesels = 0;          ///< PESELs of returned loans (all of them when store_pesel is off)
    std::int64_t registerNames = 0;   ///< counselling register names and volunteer club members' names
    std::int64_t residents = 0;       ///< residents registered from a phone call: name, contacts, needs
    std::int64_t waitlist = 0;        ///< waiting-list entries with an outcome: name, phone
    std::int64_t partnerContacts = 0; ///< contact persons of rejected partner registrations
    std::int64_t feedPublished = 0;
    std::int64_t holdsEnded = 0; ///< waiting-list holds that ran out (their units passed on)

    std::int64_t erased() const
    {
        return callbacks + attemptNotes + counselling + reservations + loans + pesels + registerNames + residents +
               waitlist + partnerContacts;
    }
};

class RetentionJob
{
  public:
    RetentionJob(ServerStore& store, RetentionConfig config) : m_store(store), m_config(config) {}

    /// One run as of `now` (the clock is the caller's, so tests move it). A dry run counts in a
    /// transaction it rolls back; a real run commits and then truncates the WAL.
    Result<RetentionCounts, db::Error> run(const Now& now, bool dryRun = false);

  private:
    ServerStore& m_store;
    RetentionConfig m_config;
};

} // namespace okienko::server

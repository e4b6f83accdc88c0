// E-mails to residents about a service that became available, for those who gave an address
// ([mail] in central.toml; without it nothing is sent and the coordinators' queue is the only
// channel). Sent through libcurl's SMTP. A message names the service and the CUS's contact only:
// never the resident's name, phone or needs. `serve` runs sendPending every [mail] poll_seconds.
#pragma once

#include "server/job_lease.hpp"
#include "server/residents/resident_store.hpp"
#include "server/server_config.hpp"
#include "server/server_store.hpp"
#include "shared/domain/catalog.hpp"

#include <string>

namespace okienko::server::residents
{

/// The message for one resident and service (headers and body, CRLF line ends, ready for SMTP).
std::string notificationMessage(const MailConfig& config, const domain::Catalog& catalog,
                                const domain::Service& service, const std::string& to, domain::Language lang,
                                std::int64_t now);

class ResidentMailer
{
  public:
    ResidentMailer(ServerStore& store, MailConfig config)
        : m_store(store), m_residents(store), m_config(config), m_lease(store, "resident-mail", kLeaseSeconds)
    {
    }

    /// Sends every pending e-mail once (failed sends are retried on the next call, up to
    /// config.maxAttempts); returns how many were sent. Logs counts and curl's error, never an address.
    /// When several `serve` processes share the database, only the one holding the "resident-mail"
    /// lease sends (renewed before every message), so no resident gets a message twice.
    int sendPending(const Now& now);

    /// Longer than one message can take (curl gives up after 40 s) several times over.
    static constexpr std::int64_t kLeaseSeconds = 300;

  private:
    ServerStore& m_store;
    ResidentStore m_residents;
    MailConfig m_config;
    JobLease m_lease;
};

} // namespace okienko::server::residents

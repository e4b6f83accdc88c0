// central.toml: every setting of okienko-central (server/central.example.toml documents each key)
// and its strict loader. Unknown tables and keys are errors, like the kiosk's, so a typo in a key
// name never silently falls back to a default; every problem is reported with its line.
#pragma once

#include "shared/util/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::server
{

/// [retention]: how long residents' personal data stays in the server's database (docs/privacy.md).
/// Each period counts from the day the request or loan ended; the row itself stays (codes, dates and
/// statuses feed the monitoring), only its PERSONAL columns are erased.
struct RetentionConfig
{
    bool storePesel = false;  ///< keep a PESEL staff typed at check-out until the loan is returned
    int callbackDays = 30;    ///< phone and first name of a closed callback request (and attempt notes)
    int counsellingDays = 30; ///< name and phone of a finished counselling request (RODO art. 9 context)
    int reservationDays = 30; ///< name, phone, address of a reservation that ended
    int loanDays = 90;        ///< borrower's name, phone and address after the return
    /// Names in the registers: a counselling register entry's (from its date) and a volunteer club
    /// member's (from leaving): a year's meetings stay named until the year's report is made (Q1).
    int registerDays = 455;
    /// A resident registered from a phone call (name, contacts, needs): erased this long after the
    /// last contact (registration, a talk about a service, a confirmed contact).
    int residentDays = 365;
    int partnerDays = 30; ///< the contact person of a rejected partner institution's registration
};

/// [mail]: e-mails to residents about a service that became available (server/residents). Without a
/// host nothing is sent; the coordinators' queue is then the only channel.
struct MailConfig
{
    std::string host; ///< the SMTP server ("" : no e-mail)
    int port = 25;
    std::string from;      ///< the sender address, e.g. "cus@lapy.pl"; required with a host
    bool starttls = false; ///< require STARTTLS (an SMTP server off this machine)
    int pollSeconds = 60;  ///< how often `serve` looks for e-mails to send
    int maxAttempts = 5;   ///< a message that failed this many times is left to the phone

    bool enabled() const { return !host.empty(); }
};

/// [public]: the public catalogue pages, their JSON API and the contact form (docs/public-api.md).
struct PublicConfig
{
    bool enabled = true; ///< false: every /public path answers 404
    /// Origins (scheme://host[:port]) whose pages may read the JSON API from a browser (CORS); empty:
    /// none. "*" (any site) only when written here.
    std::vector<std::string> corsOrigins;
    double requestsPerSecond = 5.0; ///< sustained requests per second per client address
    double burst = 60.0;            ///< bucket size per client address
    int contactPerHour = 10;        ///< contact-form submissions per client address per hour
    int contactMinSeconds = 3;      ///< a form sent sooner after it was shown is refused (robots)
};

struct ServerConfig
{
    std::string listenAddress = "0.0.0.0";
    int port = 8443;         ///< 0: an ephemeral port (tests); the chosen port is printed on start
    int threads = 32;        ///< worker threads; each keep-alive connection pins one while it is open
    std::string tlsCertFile; ///< unused behind the front: nginx holds the certificate
    std::string tlsKeyFile;
    /// [front] enabled: the supported deployment (docs/decisions/0007-nginx-front.md). nginx terminates
    /// TLS and applies the limits; the server speaks plain HTTP on a loopback address only.
    bool behindFront = false;
    /// [front] address: the peer address of the front's connections. Only from it is X-Real-IP (the
    /// real client's address, for per-client limits) believed; from any other peer it is ignored.
    std::string frontAddress = "127.0.0.1";
    std::string databasePath;
    double rateLimitPerSecond = 20.0; ///< sustained requests per second per kiosk token
    double rateLimitBurst = 60.0;     ///< bucket size
    int eventRetentionDays = 30;      ///< ≥ 30: kept event ids must outlive the longest offline period
    /// [changes] kiosk_wait_days: change-log compaction stays behind the cursor of every kiosk that
    /// pulled within this many days; one silent for longer gets a snapshot when it is back.
    int changesKioskWaitDays = 30;
    int holdClaimMinutes = 30;     ///< a hold lapses unless its reservation.created arrives in time
    int holdExpiryWorkingDays = 3; ///< an uncollected hold expires this many working days after pick-up
    int holdSearchDays = 180;      ///< how far ahead next_available looks
    int waitlistHoldHours =
        48; ///< [waiting_list] hold_hours: a returned unit waits this long for the first in the queue
    int callbackMaxFailedAttempts = 3; ///< a callback is closed after this many failed attempts
    std::size_t maxBodyBytes = 1024 * 1024;
    std::string backupDir = "/var/backups/okienko"; ///< where `backup` and the pre-upgrade backup of `init` write
    int backupKeep = 14;                            ///< `backup` keeps this many newest copies there
    RetentionConfig retention;
    PublicConfig publicSite;
    MailConfig mail;
};

/// One problem of a central.toml, with its position when it has one.
struct ServerConfigError
{
    std::string source;  ///< the file's path
    int line = 0;        ///< 1-based; 0 when the problem has no position (unreadable file, missing key)
    int column = 0;      ///< 1-based; 0 when unknown
    std::string key;     ///< dotted key ("server.port"); empty for syntax errors
    std::string message; ///< precise English text for the administrator

    /// "central.toml:12:1: server.port: out of range: …" — one line for the terminal and the journal.
    std::string toString() const;
};

using ServerConfigErrors = std::vector<ServerConfigError>;

/// 127.0.0.0/8, ::1 or "localhost": an address no other machine can reach.
bool isLoopbackAddress(const std::string& address);

/// Reads and checks the file, reporting every problem; relative paths are resolved against the
/// file's directory.
Result<ServerConfig, ServerConfigErrors> loadServerConfig(const std::string& path);

} // namespace okienko::server

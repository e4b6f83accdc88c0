// okienko-central: the admin command line and `serve`. Usage:
//   okienko-central --version
//   okienko-central --config central.toml check-config | init | import-catalog FILE [--apply] | add-kiosk NAME
//       | enrol-kiosk … | list-kiosks | revoke-kiosk ID | rotate-kiosk ID …   (server/cli/kiosk_commands)
//       | add-staff --name N --role R | list-staff | deactivate-staff ID | reactivate-staff ID
//       | reset-password ID | reset-pin ID   (server/cli/staff_commands; secrets from standard input)
//       | add-slot --id ID --date YYYY-MM-DD --start HH:MM --minutes N --kinds a,b --counsellor N --room R
//       | kiosk-staff-work ID on|off | purge-personal-data [--dry-run] | compact-changes [--dry-run]
//         (server/cli/retention_commands)
//       | serve [--port N] | backup [--dir DIR] [--keep N] | restore FILE
// Every command refuses a central.toml with any problem (unknown keys included) before it touches
// the database.
#include "server/api.hpp"
#include "server/change_log_compaction.hpp"
#include "server/cli/backup_commands.hpp"
#include "server/cli/catalog_commands.hpp"
#include "server/cli/kiosk_commands.hpp"
#include "server/cli/retention_commands.hpp"
#include "server/cli/site_commands.hpp"
#include "server/cli/staff_commands.hpp"
#include "server/http_server.hpp"
#include "server/job_lease.hpp"
#include "server/panel/panel.hpp"
#include "server/public/public_site.hpp"
#include "server/residents/resident_mailer.hpp"
#include "server/residents/service_availability.hpp"
#include "server/retention.hpp"
#include "server/serve_lock.hpp"
#include "server/server_config.hpp"
#include "server/server_store.hpp"
#include "server/store_watchdog.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/service/service_notifier.hpp"
#include "shared/util/version.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <pthread.h>
#include <span>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

using namespace okienko;
using namespace okienko::server;

namespace
{
int usage()
{
    std::fputs("usage: okienko-central --version\n"
               "       okienko-central --config central.toml COMMAND\n"
               "  check-config                      check central.toml and the files it names; prints OK\n"
               "  init                              create or migrate the database\n"
               "  import-catalog FILE [--apply] [--overwrite-panel-edits]\n"
               "                                    compare a catalogue file with the database and print what it\n"
               "                                    would change; --apply merges it, keeping panel edits\n"
               "  site add ID --name NAME | site list | site rename ID --name NAME\n"
               "                                    the sites (CUS) this server serves; 'default' is the first\n"
               "  site grant STAFF-ID SITE | site revoke STAFF-ID SITE\n"
               "                                    which sites a panel account reaches (its home site stays)\n"
               "  add-kiosk NAME [--staff-work] [--site SITE]   register a kiosk; prints its token once\n"
               "  enrol-kiosk --id ID [--name NAME] --url https://HOST:PORT --ca CA.pem --out FILE [--staff-work]\n"
               "              [--site SITE]         register a kiosk; writes its enrolment file (0600)\n"
               "  kiosk-staff-work ID on|off        whether the kiosk gets the staff feed (names, phones, PINs)\n"
               "  list-kiosks                       every kiosk: state, created, last heartbeat, version\n"
               "  revoke-kiosk ID                   refuse the kiosk's token from its next request on\n"
               "  rotate-kiosk ID --url URL --ca CA.pem --out FILE   new token; the old one is refused\n"
               "  add-staff --name N --role R [--site SITE]   (R: equipment, coordinator, counsellor, admin)\n"
               "  list-staff                        every staff member: id, role, active or not\n"
               "  deactivate-staff ID | reactivate-staff ID\n"
               "  reset-password ID | reset-pin ID  the new secret from standard input\n"
               "    Secrets: one line each on standard input, or asked twice on a terminal (never argv).\n"
               "  add-slot --id ID --date D --start HH:MM --minutes N --kinds a,b --counsellor N --room R\n"
               "           [--site SITE]            a counselling slot of the site (default: 'default')\n"
               "  serve [--port N]                  run the HTTPS API and the coordinators' panel (/panel); --port:\n"
               "                                    another process on the same database (okienko-central@N)\n"
               "  purge-personal-data [--dry-run]   erase personal data past [retention] now (serve: hourly)\n"
               "  compact-changes [--dry-run]       compact the kiosks' change log now (serve: hourly)\n"
               "  backup [--dir DIR] [--keep N]     a verified copy while serving ([backup] in central.toml)\n"
               "  restore FILE                      put a backup in place (server stopped); kiosks resync\n",
               stderr);
    return 2;
}

std::map<std::string, std::string> options(const std::vector<std::string>& args, std::size_t from)
{
    std::map<std::string, std::string> out;
    for (std::size_t i = from; i + 1 < args.size(); i += 2)
        out[args[i]] = args[i + 1];
    return out;
}

int fail(const std::string& message)
{
    std::fprintf(stderr, "okienko-central: %s\n", message.c_str());
    return 1;
}

/// Prints every problem of the configuration, one per line, to stderr.
void report(const ServerConfigErrors& errors)
{
    for (const ServerConfigError& e : errors)
        std::fprintf(stderr, "%s\n", e.toString().c_str());
}

/// check-config: the file as every command loads it, then the files that `serve` will need.
int checkConfig(const std::string& path, const Result<ServerConfig, ServerConfigErrors>& config)
{
    ServerConfigErrors problems = config ? ServerConfigErrors{} : config.error();
    if (config)
    {
        const std::pair<const char*, const std::string*> files[] = {{"tls.cert_file", &config->tlsCertFile},
                                                                    {"tls.key_file", &config->tlsKeyFile}};
        // Behind the front, nginx reads the certificate; the server needs none.
        for (const auto& [key, file] : config->behindFront ? std::span(files, 0) : std::span(files))
        {
            std::error_code ec;
            if (file->empty())
                problems.push_back({path, 0, 0, key, "missing key: serve needs it (a PEM file)"});
            else if (!std::filesystem::is_regular_file(*file, ec))
                problems.push_back({path, 0, 0, key, "missing file: " + *file + " does not exist or is not a file"});
        }
        const auto databaseDir = std::filesystem::path(config->databasePath).parent_path();
        std::error_code ec;
        if (!std::filesystem::is_directory(databaseDir, ec))
            problems.push_back(
                {path, 0, 0, "database.path",
                 "missing directory: " + databaseDir.string() + " does not exist or is not a directory"});
    }
    if (!problems.empty())
    {
        report(problems);
        return 1;
    }
    std::printf("%s: OK\n", path.c_str());
    return 0;
}

/// One run of the retention job; a failure is reported (counts only, never values) and retried in an hour.
/// Services whose valid-from day has come reach the residents they match in the same round.
void runRetention(RetentionJob& job, ServerStore& store, const ServerConfig& config, const Now& now)
{
    if (auto compacted = compactChangeLog(store, config.changesKioskWaitDays, now); !compacted)
        std::fprintf(stderr, "okienko-central: compact-changes: %s\n", compacted.error().describe().c_str());
    else if (compacted->removed > 0)
        std::fprintf(stderr, "okienko-central: change log compacted: %lld of %lld rows removed, horizon %lld\n",
                     static_cast<long long>(compacted->removed), static_cast<long long>(compacted->rowsBefore),
                     static_cast<long long>(compacted->horizon));
    if (auto ran = job.run(now); !ran)
        std::fprintf(stderr, "okienko-central: retention: %s\n", ran.error().describe().c_str());
    if (auto queued = residents::queueNewlyPublishedServices(store, now); !queued)
        std::fprintf(stderr, "okienko-central: residents: %s\n", queued.error().describe().c_str());
}

int serve(ServerStore& store, const ServerConfig& config)
{
    // Signals are taken by one thread with sigwait; every other thread has them blocked.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    HttpServer* serverPtr = nullptr;
    std::atomic<bool> storageFailed{false};
    Api api(store, config, systemNow, {},
            [&]
            {
                // fsyncgate: never retry a failed commit; exit so systemd restarts us and SQLite recovers.
                storageFailed = true;
                if (serverPtr != nullptr)
                    serverPtr->stop();
            });
    panel::Panel coordinatorPanel(store, config);
    pub::PublicSite publicSite(store, config);
    HttpServer http(api, config, &coordinatorPanel, &publicSite);
    serverPtr = &http;
    auto port = http.bind();
    if (!port)
        return fail(port.error());

    // The hourly upkeep (event ids, change-log compaction, retention) runs in one process of those
    // serving the database (a lease shorter than the hour, so another takes over within the hour
    // when this one stops).
    JobLease upkeep(store, "hourly-upkeep", 55 * 60);
    RetentionJob retention(store, config.retention);
    if (upkeep.hold(systemNow().unix))
    {
        if (auto purged = store.purgeEvents(config.eventRetentionDays, systemNow()); !purged)
            return fail(purged.error().describe());
        runRetention(retention, store, config, systemNow());
    }

    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread signals(
        [&]
        {
            int sig = 0;
            sigwait(&set, &sig);
            http.stop();
        });
    std::thread purger(
        [&]
        {
            std::unique_lock lock(mutex);
            while (!wake.wait_for(lock, std::chrono::hours(1), [&] { return stopping; }))
            {
                if (!upkeep.hold(systemNow().unix))
                    continue;
                (void)store.purgeEvents(config.eventRetentionDays, systemNow());
                runRetention(retention, store, config, systemNow());
            }
        });

    // E-mails to residents about services that became available ([mail]); without it, none.
    std::thread mailer;
    if (config.mail.enabled())
        mailer = std::thread(
            [&]
            {
                residents::ResidentMailer residentMailer(store, config.mail);
                std::unique_lock lock(mutex);
                while (!wake.wait_for(lock, std::chrono::seconds(config.mail.pollSeconds), [&] { return stopping; }))
                {
                    lock.unlock();
                    residentMailer.sendPending(systemNow());
                    lock.lock();
                }
            });

    std::printf("listening on %s:%d\n", config.listenAddress.c_str(), *port);
    std::fflush(stdout);
    // READY=1 only now: the socket is bound and listening, so a connection made from here on
    // waits in the backlog until run() accepts it.
    service::ServiceNotifier notifier = service::ServiceNotifier::fromEnvironment();
    notifier.ready("listening on port " + std::to_string(*port));
    StoreWatchdog watchdog(store, notifier);
    http.run();
    notifier.stopping();
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    wake.notify_all();
    purger.join();
    if (mailer.joinable())
        mailer.join();
    pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
    return storageFailed ? 70 : 0;
}
} // namespace

int main(int argc, char** argv)
{
    // Every file this program makes (the database and its WAL, backups, enrolment files) holds
    // residents' or kiosks' secrets: owner-only whoever runs it, not only under the unit's UMask=.
    umask(077);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "--version")
    {
        std::printf("okienko-central %.*s\n", static_cast<int>(version().size()), version().data());
        return 0;
    }
    if (args.size() < 3 || args[0] != "--config")
        return usage();
    auto config = loadServerConfig(args[1]);
    const std::string command = args[2];
    if (command == "check-config" && args.size() == 3)
        return checkConfig(args[1], config);
    if (!config)
    {
        report(config.error());
        return fail("refusing to start with a configuration that has problems (see above)");
    }

    if (command == "backup")
        return cli::backupCommand(*config, std::vector<std::string>(args.begin() + 3, args.end()), systemNow().unix);
    if (command == "restore" && args.size() == 4)
        return cli::restoreCommand(*config, args[3], systemNow().unix);
    if (command == "init")
        if (auto backedUp = cli::backupBeforeUpgrade(*config, systemNow().unix); !backedUp)
            return fail(backedUp.error());
    // Held (shared) while serving: `restore` refuses to replace a database any server is using.
    std::optional<ServeLock> serveLock;
    if (command == "serve")
    {
        auto lock = ServeLock::acquire(config->databasePath, ServeLock::Mode::Serve);
        if (!lock)
            return fail(lock.error());
        serveLock.emplace(std::move(lock).value());
    }

    StoreOptions storeOptions;
    storeOptions.holdClaimMinutes = config->holdClaimMinutes;
    storeOptions.holdExpiryWorkingDays = config->holdExpiryWorkingDays;
    storeOptions.holdSearchDays = config->holdSearchDays;
    storeOptions.storePesel = config->retention.storePesel;
    storeOptions.waitlistHoldHours = config->waitlistHoldHours;
    auto store = ServerStore::open(config->databasePath, storeOptions);
    if (!store)
        return fail("database: " + store.error().describe());
    const Now now = systemNow();

    if (command == "init")
    {
        std::printf("database ready: %s\n", config->databasePath.c_str());
        return 0;
    }
    const std::vector<std::string> commandArgs(args.begin() + 3, args.end());
    const cli::CommandContext context{**store, *config, now};
    if (auto code = cli::runKioskCommand(command, commandArgs, context))
        return *code;
    if (auto code = cli::runStaffCommand(command, commandArgs, context))
        return *code;
    if (auto code = cli::runRetentionCommand(command, commandArgs, context))
        return *code;
    if (auto code = cli::runCatalogCommand(command, commandArgs, context))
        return *code;
    if (auto code = cli::runSiteCommand(command, commandArgs, context))
        return *code;
    if (command == "add-slot")
    {
        std::vector<std::string> slotArgs = commandArgs;
        auto site = cli::takeSiteOption(slotArgs, **store);
        if (!site)
            return fail("add-slot: " + site.error());
        auto o = options(slotArgs, 0);
        domain::CounsellingSlot slot;
        slot.id = o["--id"];
        auto date = parseIsoDate(o["--date"]);
        const std::string start = o["--start"];
        int minutes = 0;
        try
        {
            minutes = std::stoi(o["--minutes"].empty() ? "60" : o["--minutes"]);
        }
        catch (const std::exception&)
        {
            minutes = 0;
        }
        if (!protocol::matchesIdPattern(slot.id, protocol::IdPattern::Code) || !date || start.size() != 5 ||
            start[2] != ':' || minutes < 1 || o["--kinds"].empty())
            return fail("add-slot needs --id, --date YYYY-MM-DD, --start HH:MM, --minutes N, --kinds a,b");
        slot.date = *date;
        slot.startMinute = std::atoi(start.substr(0, 2).c_str()) * 60 + std::atoi(start.substr(3).c_str());
        slot.durationMinutes = minutes;
        std::string kinds = o["--kinds"];
        for (std::size_t pos = 0; pos <= kinds.size();)
        {
            const auto comma = kinds.find(',', pos);
            slot.kindIds.push_back(kinds.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
            if (comma == std::string::npos)
                break;
            pos = comma + 1;
        }
        slot.counsellor = o["--counsellor"];
        slot.room = o["--room"];
        if (auto s = (*store)->addCounsellingSlot(slot, now, *site); !s)
            return fail("add-slot failed: " + s.error().describe());
        return 0;
    }
    if (command == "serve")
    {
        // `serve --port N`: another process on the same database and configuration (the
        // okienko-central@N unit, one more server line in the front's upstream).
        ServerConfig serving = *config;
        if (commandArgs.size() == 2 && commandArgs[0] == "--port")
        {
            const std::string& text = commandArgs[1];
            const bool digits =
                !text.empty() && text.size() <= 5 && text.find_first_not_of("0123456789") == std::string::npos;
            const int port = digits ? std::atoi(text.c_str()) : 0;
            if (port < 1 || port > 65535)
                return fail("serve --port: a port number 1-65535, not \"" + text + "\"");
            serving.port = port;
        }
        else if (!commandArgs.empty())
            return usage();
        return serve(**store, serving);
    }
    return usage();
}

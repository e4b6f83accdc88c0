// The kiosk's real services (see app_services.hpp).
#include "kiosk/app/app_services.hpp"

#include "kiosk/core/staff/pin_check.hpp"
#include "kiosk/receipt/font_set.hpp"
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/change_applier.hpp"
#include "shared/catalog/activity_rows.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/catalog/catalog_store.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace okienko::kiosk
{

namespace
{

std::string trimmed(std::string s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

} // namespace

std::string heartbeatPrinterState(receipt::PrinterCondition condition)
{
    using receipt::PrinterCondition;
    switch (condition)
    {
    case PrinterCondition::Ready:
    case PrinterCondition::PaperLow:
        return "ok";
    case PrinterCondition::PaperOut:
        return "no-paper";
    case PrinterCondition::Offline:
    case PrinterCondition::CupsUnavailable:
    case PrinterCondition::QueueMissing:
        return "offline";
    case PrinterCondition::Jam:
    case PrinterCondition::CoverOpen:
    case PrinterCondition::Paused:
    case PrinterCondition::NotAccepting:
        return "error";
    case PrinterCondition::Unknown:
        break;
    }
    return "unknown";
}

Result<sync::SyncConfig, std::string> makeSyncConfig(const KioskConfig& config)
{
    sync::SyncConfig c;
    c.databasePath = config.data.databasePath().string();
    c.https.baseUrl = config.server.url;
    c.https.caFile = config.server.caFile.string();
    // The sync client never falls back to the system store: a kiosk trusts only its own CA.
    if (config.server.caFile.empty())
        return makeErr(std::string("server.ca_file is not set: the kiosk cannot verify the server"));
    if (config.server.tokenFile.empty())
        return makeErr(std::string("server.token_file is not set: the kiosk cannot authenticate"));
    std::ifstream in(config.server.tokenFile);
    if (!in)
        return makeErr("cannot read the token file " + config.server.tokenFile.string());
    std::stringstream text;
    text << in.rdbuf();
    c.https.bearerToken = trimmed(text.str());
    if (c.https.bearerToken.empty())
        return makeErr("the token file " + config.server.tokenFile.string() + " is empty");
    const auto timeout = std::chrono::seconds(config.server.timeoutSeconds);
    c.https.totalTimeout = timeout;
    c.https.connectTimeout = std::min<std::chrono::milliseconds>(timeout, std::chrono::seconds(5));
    const auto interval = std::chrono::seconds(config.server.syncIntervalSeconds);
    c.pullInterval = interval;
    c.heartbeatInterval = interval;
    // Backoff never waits longer than a few intervals: an outage should end on the screen soon after
    // it ends on the network.
    c.backoff.cap = std::clamp<std::chrono::milliseconds>(interval * 5, c.backoff.base, c.backoff.cap);
    return c;
}

AppServices::AppServices(const KioskConfig& config) : m_config(config), m_kioskId(config.kiosk.id)
{
    std::error_code ec;
    std::filesystem::create_directories(m_config.data.directory, ec);
    if (ec)
        m_problems.push_back("cannot create the data directory " + m_config.data.directory.string() + ": " +
                             ec.message());
    auto opened = kiosk::openKioskDatabase(m_config.data.databasePath().string());
    if (!opened)
    {
        m_problems.push_back("kiosk database " + m_config.data.databasePath().string() + ": " +
                             opened.error().describe());
        return;
    }
    m_db = std::move(opened).value();

    auto has = catalog::hasCatalog(m_db);
    if (!has)
    {
        m_problems.push_back("kiosk database: " + has.error().describe());
        return;
    }
    // With a server, the stored catalogue is what the server sent: the seed only fills an empty
    // database. A standalone kiosk has no other source, so an edited seed file replaces it.
    const bool standalone = !m_config.server.enabled();
    if (has.value() && !standalone)
        return;
    std::filesystem::path seed = m_config.data.catalog;
    if (seed.empty())
        seed = m_config.data.assets / "catalog" / "lapy.json";
    auto loaded = catalog::loadCatalogFile(seed);
    if (!loaded)
    {
        for (const catalog::CatalogError& e : loaded.error())
            m_problems.push_back(seed.string() + ": " + catalog::formatCatalogError(e));
        return;
    }
    if (has.value())
    {
        auto stored = catalog::loadCatalog(m_db);
        if (stored)
        {
            // Unit states are live: staff set them at this terminal (on loan, cleaning, repair).
            // The file says which units exist; a unit it still lists keeps the state it has now.
            std::map<std::string, domain::UnitState> live;
            for (const domain::EquipmentUnit& u : stored.value().units)
                live.emplace(u.inventoryNumber, u.state);
            for (domain::EquipmentUnit& u : loaded.value().units)
                if (auto it = live.find(u.inventoryNumber); it != live.end())
                    u.state = it->second;
            if (stored.value() == loaded.value())
                return;
        }
    }
    if (auto st = catalog::importCatalog(m_db, loaded.value()); !st.ok())
        m_problems.push_back("importing " + seed.string() + ": " + st.error().describe());
}

AppServices::~AppServices()
{
    stop();
}

void AppServices::start(WakeFunction wake)
{
    if (m_started)
        return;
    m_started = true;
    m_wake = std::move(wake);

    if (m_config.printer.enabled())
    {
        auto fonts = receipt::FontSet::load((m_config.data.assets / "fonts").string());
        if (fonts)
        {
            receipt::PrintServiceConfig pc;
            pc.target.queue = m_config.printer.queue;
            pc.format = m_config.printer.format;
            pc.deadline = std::chrono::seconds(m_config.printer.deadlineSeconds);
            m_print = std::make_unique<receipt::PrintService>(
                std::move(pc), std::move(fonts).value(),
                [this](receipt::PrintService::Ticket ticket, const receipt::PrintResult& result) {
                    post(PrintCompletion{ticket, result});
                });
        }
        else
        {
            m_problems.push_back("printer disabled: " + fonts.error());
        }
    }

    if (m_config.server.enabled() && m_db.isOpen())
    {
        auto syncConfig = makeSyncConfig(m_config);
        if (syncConfig)
        {
            if (auto cursor = sync::loadCursor(m_db))
                m_lastCursor = cursor.value();
            if (auto cat = catalog::loadCatalog(m_db))
                m_lastCatalogue = std::move(cat).value();
            m_sync = std::make_unique<sync::SyncWorker>(std::move(syncConfig).value());
            m_sync->setStatusCallback(
                [this](const sync::SyncStatus& status)
                {
                    const bool changed = catalogueChangedSinceLastRound();
                    post(SyncCompletion{status, changed});
                });
            m_sync->setPrinterStateProvider(
                [this]
                {
                    // On the sync thread: printerCondition() may wait for cupsd (2 s at most).
                    return m_print ? heartbeatPrinterState(m_print->printerCondition()) : std::string("unknown");
                });
            if (auto st = m_sync->start(); !st.ok())
            {
                m_problems.push_back("sync disabled: " + st.error());
                m_sync.reset();
            }
        }
        else
        {
            m_problems.push_back("sync disabled: " + syncConfig.error());
        }
    }

    m_fastThread = std::thread([this] { runFastPaths(); });
}

void AppServices::stop()
{
    {
        std::lock_guard lock(m_fastMutex);
        m_fastStopping = true;
    }
    m_fastWake.notify_all();
    if (m_fastThread.joinable())
        m_fastThread.join();
    if (m_sync)
        m_sync->stop();
    m_print.reset();
}

Result<domain::Catalog, std::string> AppServices::loadCatalogue()
{
    if (!m_db.isOpen())
        return makeErr(std::string("the kiosk database is not open"));
    auto cat = catalog::loadCatalog(m_db);
    if (!cat)
        return makeErr("kiosk database: " + cat.error().describe());
    return std::move(cat).value();
}

Result<std::vector<domain::Activity>, std::string> AppServices::loadActivities(Date from)
{
    if (!m_db.isOpen())
        return makeErr(std::string("the kiosk database is not open"));
    auto activities = catalog::loadActivities(m_db, from);
    if (!activities)
        return makeErr("kiosk database: " + activities.error().describe());
    return std::move(activities).value();
}

sync::SyncStatus AppServices::syncStatus() const
{
    return m_sync ? m_sync->status() : sync::SyncStatus{};
}

void AppServices::outboxChanged()
{
    if (m_sync)
        m_sync->notify();
}

std::optional<std::uint64_t> AppServices::print(receipt::Slip slip)
{
    if (!m_print)
        return std::nullopt;
    return m_print->print(std::move(slip));
}

void AppServices::queueFastJob(std::function<Completion()> job)
{
    {
        std::lock_guard lock(m_fastMutex);
        m_fastJobs.push_back(std::move(job));
    }
    m_fastWake.notify_one();
}

std::uint64_t AppServices::verifyPin(std::vector<PinCandidate> candidates, std::string pin)
{
    const std::uint64_t ticket = m_nextPinTicket++;
    auto check = [ticket, c = std::move(candidates), p = std::move(pin)]
    {
        return Completion(PinCompletion{ticket, findStaffByPin(c, p)});
    };
    if (!m_fastThread.joinable())
        post(check()); // not started (a test without workers): answer on this thread
    else
        queueFastJob(std::move(check));
    return ticket;
}

void AppServices::checkPrinter()
{
    if (!m_print || !m_fastThread.joinable())
    {
        post(PrinterCompletion{});
        return;
    }
    queueFastJob([this] { return Completion(PrinterCompletion{m_print->printerCondition()}); });
}

std::optional<std::uint64_t> AppServices::reprintLast()
{
    if (!m_print)
        return std::nullopt;
    return m_print->reprint(0);
}

void AppServices::forgetPrinted()
{
    if (m_print)
        m_print->forgetRecent();
}

void AppServices::requestHold(protocol::HoldRequest request)
{
    const std::string id = request.reservationId;
    if (!m_sync || !m_fastThread.joinable())
    {
        sync::HoldOutcome offline;
        offline.error = "standalone";
        post(HoldCompletion{id, offline});
        return;
    }
    {
        std::lock_guard lock(m_fastMutex);
        m_fastJobs.emplace_back(
            [this, id, req = std::move(request)] {
                return Completion(HoldCompletion{id, m_sync->tryHold(req)});
            });
    }
    m_fastWake.notify_one();
}

void AppServices::requestBooking(protocol::CounsellingBookRequest request)
{
    const std::string id = request.requestId;
    if (!m_sync || !m_fastThread.joinable())
    {
        sync::BookOutcome offline;
        offline.error = "standalone";
        post(BookCompletion{id, offline});
        return;
    }
    {
        std::lock_guard lock(m_fastMutex);
        m_fastJobs.emplace_back(
            [this, id, req = std::move(request)] {
                return Completion(BookCompletion{id, m_sync->tryBook(req)});
            });
    }
    m_fastWake.notify_one();
}

void AppServices::runFastPaths()
{
    for (;;)
    {
        std::function<Completion()> job;
        {
            std::unique_lock lock(m_fastMutex);
            m_fastWake.wait(lock, [&] { return m_fastStopping || !m_fastJobs.empty(); });
            if (m_fastStopping)
                return;
            job = std::move(m_fastJobs.front());
            m_fastJobs.pop_front();
        }
        post(job());
    }
}

std::vector<Completion> AppServices::takeCompletions()
{
    std::lock_guard lock(m_queueMutex);
    std::vector<Completion> out;
    out.swap(m_completions);
    return out;
}

void AppServices::post(Completion completion)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_completions.push_back(std::move(completion));
    }
    if (m_wake)
        m_wake();
}

bool AppServices::catalogueChangedSinceLastRound()
{
    if (!m_watchDb)
    {
        auto opened = kiosk::openKioskDatabase(m_config.data.databasePath().string());
        if (!opened)
            return false;
        m_watchDb.emplace(std::move(opened).value());
    }
    // Pulled pages move the cursor; no new cursor, nothing new in the catalogue.
    auto cursor = sync::loadCursor(*m_watchDb);
    if (!cursor || cursor.value() == m_lastCursor)
        return false;
    m_lastCursor = cursor.value();
    auto cat = catalog::loadCatalog(*m_watchDb);
    if (!cat || cat.value() == m_lastCatalogue)
        return false;
    m_lastCatalogue = std::move(cat).value();
    return true;
}

} // namespace okienko::kiosk

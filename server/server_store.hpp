// The central server's database: one writer connection behind a mutex (SQLite has one writer at a
// time anyway; taking turns in-process avoids busy-wait sleeps) and a pool of reader connections.
// Every write is BEGIN IMMEDIATE … COMMIT with synchronous=FULL, because a kiosk deletes or erases
// its copy once the server acknowledged: an acknowledged write must survive a power cut.
#pragma once

#include "server/server_config.hpp"
#include "shared/db/database.hpp"
#include "shared/db/error.hpp"
#include "shared/db/wal_checkpointer.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/indicator.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/lost_events.hpp"
#include "shared/util/date.hpp"
#include "shared/util/result.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace okienko::server
{

/// The server's notion of now: Unix seconds and the CUS's local calendar day.
struct Now
{
    std::int64_t unix = 0;
    Date today;
};

/// Now from the system clock (local time zone for the day).
Now systemNow();
/// Now at a given Unix time (local time zone for the day).
Now nowAt(std::int64_t unixSeconds);

struct KioskIdentity
{
    std::int64_t id = 0;
    std::string name;
    std::string site{"default"}; ///< the site it was enrolled for: everything it reaches is that site's
};

/// One catalogue change-log row a write made (entity, entry id, its seq).
struct LoggedCatalogChange
{
    std::string entity;
    std::string id;
    std::int64_t seq = 0;
};

struct ImportSummary
{
    int upserts = 0;                         ///< change-log rows written for new or changed entities
    int deletes = 0;                         ///< tombstones for entities the new catalogue no longer has
    std::vector<LoggedCatalogChange> logged; ///< the catalogue entries' rows (units are not listed)
};

/// What an API call produced: an HTTP status and a JSON body (or an error code for ErrorBody).
struct Outcome
{
    int status = 200;
    std::string body;      ///< JSON body for 2xx/409
    std::string errorCode; ///< set for error responses (then body is empty)
    std::string errorMessage;
};

struct StoreOptions
{
    int holdClaimMinutes = 30;
    int holdExpiryWorkingDays = 3;
    int holdSearchDays = 180;
    int readers = 4;
    bool storePesel = false; ///< [retention] store_pesel
    int waitlistHoldHours =
        48; ///< [waiting_list] hold_hours: how long a returned unit waits for the first in the queue
};

struct WaitlistOptions;

class ServerStore
{
  public:
    /// Opens (creating) the database and migrates it to kServerSchemaVersion.
    static Result<std::unique_ptr<ServerStore>, db::Error> open(const std::string& path, const StoreOptions& options);

    ServerStore(const ServerStore&) = delete;
    ServerStore& operator=(const ServerStore&) = delete;

    // --- admin ---
    /// Writes `site`'s catalogue and one change-log row per new, changed or removed entity, for that
    /// site's kiosks. `indicators`, when given, replace the stored indicator definitions (the
    /// programme's, shared by every site) in the same transaction.
    Result<ImportSummary, db::Error> importCatalog(std::string_view site, const domain::Catalog& catalog,
                                                   const Now& now,
                                                   const std::vector<domain::Indicator>* indicators = nullptr);
    /// Registers a kiosk; returns its bearer token (shown once; only its hash is stored). Only a kiosk
    /// with `staffWork` receives the staff feed (names and phones, staff PIN hashes).
    Result<std::string, db::Error> addKiosk(const std::string& name, const Now& now, bool staffWork = false,
                                            const std::string& site = "default");
    /// Adds a staff member with argon2id hashes made by the caller; returns the staff id. `site` is
    /// its home site (the kiosks that check its PIN) and the first site it reaches in the panel.
    Result<std::string, db::Error> addStaff(const std::string& name, domain::StaffRole role, const std::string& pinHash,
                                            const std::string& passwordHash, const Now& now,
                                            const std::string& site = "default");
    /// Publishes a counselling slot of `site` (and its change-log row, for that site's kiosks).
    Status<db::Error> addCounsellingSlot(const domain::CounsellingSlot& slot, const Now& now,
                                         const std::string& site = "default");

    // --- API ---
    /// Every active kiosk with its token hash (the API compares hashes in constant time).
    Result<std::vector<std::pair<std::string, KioskIdentity>>, db::Error> activeKiosks();
    /// The active kiosk whose token has this SHA-256 hex; nullopt when none (revoked, rotated away).
    Result<std::optional<KioskIdentity>, db::Error> activeKioskByTokenHash(const std::string& tokenHash);
    /// Applies a batch, each event in its own savepoint with its id record, and returns only once
    /// the batch is durable. Batches of kiosks posting at the same time share one commit (group
    /// commit: one fsync for all of them), each in its own savepoint, so one batch's storage error
    /// fails only that batch unless the whole transaction is lost, and then every batch in it fails.
    Result<std::vector<protocol::EventResult>, db::Error>
    applyEvents(const KioskIdentity& kiosk, const std::vector<protocol::Event>& events, const Now& now);
    /// Commits made for event batches, and the batches they carried (a figure for the benchmark).
    struct GroupCommitFigures
    {
        std::uint64_t commits = 0;
        std::uint64_t batches = 0;
    };
    GroupCommitFigures groupCommitFigures();
    Result<Outcome, db::Error> hold(const KioskIdentity& kiosk, const protocol::HoldRequest& request, const Now& now);
    Result<Outcome, db::Error> bookCounselling(const KioskIdentity& kiosk,
                                               const protocol::CounsellingBookRequest& request, const Now& now);
    /// A page of GET /api/v1/changes (server/change_feed); records the position the kiosk's cursor
    /// depends on in kiosk_cursors, which compaction waits for.
    Result<Outcome, db::Error> changes(const KioskIdentity& kiosk, const std::string& since, int limit, const Now& now);
    Status<db::Error> recordHeartbeat(const KioskIdentity& kiosk, const protocol::Heartbeat& heartbeat, const Now& now);
    /// For each event a kiosk had acknowledged before a restore: Present when this database applied
    /// it, else Lost, recorded in lost_events (a repeated report changes nothing).
    Result<std::vector<protocol::LostEventResult>, db::Error>
    recordLostEvents(const KioskIdentity& kiosk, const std::vector<protocol::LostEventReport>& reports, const Now& now);
    /// Checkpoints the WAL into the database file and truncates it (after erasing personal data).
    Status<db::Error> checkpointTruncate();
    /// Deletes event-id records older than `retentionDays`; returns how many.
    Result<std::int64_t, db::Error> purgeEvents(int retentionDays, const Now& now);

    // --- coordinators' panel (server/panel) ---
    /// Runs `work` on the writer inside one BEGIN IMMEDIATE … COMMIT (synchronous=FULL); an error
    /// from `work` rolls everything back.
    Status<db::Error> write(const std::function<Status<db::Error>(db::Database&)>& work);
    /// Runs `work` on a pooled reader connection inside one read snapshot.
    Status<db::Error> read(const std::function<Status<db::Error>(db::Database&)>& work);

    const std::string& path() const { return m_path; }
    /// The waiting list's configuration (hold hours), for the panel's and the retention job's writes.
    WaitlistOptions waitlistOptions() const;
    /// server_meta.epoch as it was when the store opened (only `restore`, with the server stopped,
    /// changes it): sent with every events and heartbeat answer so kiosks notice a restore.
    const std::string& epoch() const { return m_epoch; }

  private:
    struct PendingBatch;
    /// Applies `group` in one transaction and one durable commit; fills each batch's outcome.
    void commitGroup(const std::vector<PendingBatch*>& group);
    Result<std::vector<protocol::EventResult>, db::Error>
    applyBatch(db::Database& d, const KioskIdentity& kiosk, const std::vector<protocol::Event>& events, const Now& now);

    ServerStore(std::string path, StoreOptions options, db::Database writer, std::string epoch);
    Result<db::Database, db::Error> acquireReader();
    void releaseReader(db::Database db);

    std::string m_path;
    std::string m_epoch;
    StoreOptions m_options;
    std::mutex m_writeMutex;
    db::Database m_writer;
    /// The writer's WAL checkpoints, off the commit path (declared after m_writer: stops first).
    std::unique_ptr<db::WalCheckpointer> m_checkpointer;
    std::mutex m_readerMutex;
    std::vector<db::Database> m_readers;
    /// Group commit: batches wait here; the first waiter without a leader commits a group for all.
    std::mutex m_groupMutex;
    std::condition_variable m_groupDone;
    std::deque<PendingBatch*> m_groupQueue;
    bool m_groupLeader = false;
    GroupCommitFigures m_groupFigures;
};

// --- change-log helpers for writers outside the store (the panel), inside ServerStore::write ---
/// Logs the unit's live state (unit_states over equipment_units) for every kiosk; nothing for an
/// unknown inventory number.
Status<db::Error> logUnitChange(db::Database& d, std::string_view site, const std::string& inventoryNumber,
                                std::int64_t now);
/// Logs counselling slot `slotId` as it is now for every kiosk: an upsert with its booked flag, or a
/// tombstone when the slot no longer exists.
Status<db::Error> logCounsellingSlotChange(db::Database& d, const std::string& slotId, std::int64_t now);
/// Every catalogue entry kiosks get, by (entity, id): its JSON as logged and its position.
using CatalogueEntries = std::map<std::pair<std::string, std::string>, std::pair<std::string, int>>;
CatalogueEntries catalogueEntries(const domain::Catalog& catalogue);

/// Whether writeCatalogue logs every unit (an import: each unit's live state again) or only new
/// and changed ones (a panel edit).
enum class UnitLogging
{
    All,
    Changed,
};

/// Replaces the stored catalogue with `catalogue` inside the caller's transaction and logs one
/// change-log row per new, changed or removed entry for every kiosk (the panel and import-catalog
/// both write this way). `indicators`, when given, replace the stored indicator definitions.
Result<ImportSummary, db::Error> writeCatalogue(db::Database& d, std::string_view site,
                                                const domain::Catalog& catalogue, std::int64_t now,
                                                const std::vector<domain::Indicator>* indicators, UnitLogging units);

/// Logs catalogue entry `id` of `entity` (a service, an announcement…) of `site`'s catalogue for
/// every kiosk of that site exactly as importCatalog does: an upsert of its catalogue JSON `data` at
/// `position` in its list. Returns the row's seq.
Result<std::int64_t, db::Error> logCatalogUpsert(db::Database& d, std::string_view site, std::string_view entity,
                                                 const std::string& id, const std::string& data, int position,
                                                 std::int64_t now);
/// The same for an entry the catalogue no longer has: a tombstone. Returns the row's seq.
Result<std::int64_t, db::Error> logCatalogDelete(db::Database& d, std::string_view site, std::string_view entity,
                                                 const std::string& id, std::int64_t now);

} // namespace okienko::server

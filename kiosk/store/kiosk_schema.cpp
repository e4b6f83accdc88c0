// The kiosk's own tables (counselling slots, staff, the sync cursor, requests made here, the
// transactional outbox, staff mode) and the kiosk database's migration list: migration 1 is the
// catalogue (shared/catalog/catalog_schema), the rest are the kiosk's. Conventions as in the
// catalogue (localized text as _pl/_uk/_en columns, codes from shared/domain/codes.hpp, ISO dates,
// Unix-second timestamps), and:
// - Requests never reference the catalogue: it is replaced wholesale on every import, while a
//   request must outlive the service or unit it names.
// - Columns marked PERSONAL hold a resident's personal data. They are set to NULL once the server
//   has acknowledged the outbox event that carries them (erased_at records when); nothing that
//   reads them may log them.
// The DDL below is released: each statement is stored verbatim in sqlite_master of every kiosk
// database, so it is never edited (tests/unit/kiosk_store compares it with the previous release's).
#include "kiosk/store/kiosk_schema.hpp"

#include "shared/catalog/activity_rows.hpp"
#include "shared/catalog/catalog_schema.hpp"

namespace okienko::kiosk
{

namespace
{

constexpr const char* kSlotsStaffSync = R"sql(
-- Duty hours a coordinator published. `counsellor` is a staff member's name as shown to residents.
CREATE TABLE counselling_slots (
    id TEXT PRIMARY KEY,
    counsellor TEXT NOT NULL,
    room TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    booked INTEGER NOT NULL DEFAULT 0 CHECK (booked IN (0, 1))
) STRICT;
CREATE INDEX counselling_slots_date ON counselling_slots(date, start_minute);

CREATE TABLE counselling_slot_kinds (
    slot_id TEXT NOT NULL REFERENCES counselling_slots(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind_id TEXT NOT NULL,
    PRIMARY KEY (slot_id, position)
) STRICT;

-- Staff who may log in at this kiosk. pin_hash is argon2id made by the server; the kiosk only
-- verifies it. Pulled from the server; a deactivated member stays with active = 0.
CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    pin_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- One row. The pull cursor is written in the same transaction as the changes it covers.
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pull_cursor TEXT NOT NULL DEFAULT '',
    last_sync_at INTEGER,    -- last successful exchange with the server (Unix seconds)
    last_attempt_at INTEGER, -- last try, successful or not
    last_error TEXT          -- short code of the last failure; never request data
) STRICT;
INSERT INTO sync_state(id) VALUES (1);
)sql";

constexpr const char* kRequestsAndOutbox = R"sql(
-- Equipment reservations made at this kiosk (id = UUID = the outbox event id).
CREATE TABLE reservations (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    type_id TEXT NOT NULL,
    pick_up_date TEXT NOT NULL,
    loan_days INTEGER NOT NULL CHECK (loan_days > 0),
    status TEXT NOT NULL,
    person_name TEXT,         -- PERSONAL
    person_phone TEXT,        -- PERSONAL
    address_street TEXT,      -- PERSONAL
    address_postal_code TEXT, -- PERSONAL
    address_city TEXT,        -- PERSONAL
    on_behalf_of TEXT,        -- PERSONAL (the person the equipment is for)
    residency_declared INTEGER NOT NULL CHECK (residency_declared IN (0, 1)),
    clause_acknowledged INTEGER NOT NULL CHECK (clause_acknowledged IN (0, 1)),
    language TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    erased_at INTEGER         -- when the PERSONAL columns were erased; NULL while held
) STRICT;
CREATE INDEX reservations_status ON reservations(status);

-- Counselling requests. kind_id is SENSITIVE: together with a name it tells what help a person
-- seeks, so it is never printed after the first step and never logged.
CREATE TABLE counselling_requests (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    kind_id TEXT NOT NULL,    -- SENSITIVE
    slot_id TEXT,             -- NULL: "contact me to arrange"
    name TEXT,                -- PERSONAL
    phone TEXT,               -- PERSONAL
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    erased_at INTEGER
) STRICT;

-- "Proszę o telefon" requests.
CREATE TABLE callback_requests (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    phone TEXT,               -- PERSONAL
    day TEXT NOT NULL,
    day_part TEXT NOT NULL,
    topic_service_id TEXT NOT NULL DEFAULT '',
    equipment_type_id TEXT NOT NULL DEFAULT '',
    first_name TEXT,          -- PERSONAL
    status TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    language TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    erased_at INTEGER
) STRICT;

-- Loans checked out by staff at this kiosk. Staff mode keeps only what check-in needs offline.
CREATE TABLE loans (
    id TEXT PRIMARY KEY,
    inventory_number TEXT NOT NULL,
    type_id TEXT NOT NULL,
    reservation_id TEXT,      -- NULL for a walk-in
    borrower_name TEXT,       -- PERSONAL
    borrower_phone TEXT,      -- PERSONAL
    address_street TEXT,      -- PERSONAL
    address_postal_code TEXT, -- PERSONAL
    address_city TEXT,        -- PERSONAL
    pesel TEXT,               -- PERSONAL; only where the CUS requires it; never printed
    start_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    returned_on TEXT,         -- NULL while the loan is open
    return_condition TEXT,
    return_notes TEXT NOT NULL DEFAULT '',
    staff_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    erased_at INTEGER
) STRICT;
CREATE INDEX loans_open ON loans(inventory_number) WHERE returned_on IS NULL;

-- Anonymous usage statistics. `text` is an idea's free text: a resident may have typed personal
-- data into it despite the validation, so it is erased like PERSONAL columns.
CREATE TABLE usage_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    flow TEXT NOT NULL DEFAULT '',
    step TEXT NOT NULL DEFAULT '',
    service_id TEXT NOT NULL DEFAULT '',
    rating INTEGER NOT NULL DEFAULT 0,
    area TEXT,
    text TEXT,                -- PERSONAL (possibly)
    language TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;

-- The transactional outbox: a request row and its event are written in one transaction, committed
-- with synchronous=FULL before the resident sees "accepted". The relay sends pending rows oldest
-- first and reuses `id` on every retry, so the server can drop duplicates.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,                  -- UUID, the idempotency key
    type TEXT NOT NULL,                   -- e.g. "reservation.created"
    created_at INTEGER NOT NULL,
    payload TEXT CHECK (payload IS NULL OR json_valid(payload)), -- JSON; PERSONAL; NULL once erased
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,                      -- short code of the last failure; never payload data
    acked_at INTEGER                      -- NULL until the server acknowledged the event
) STRICT;
CREATE INDEX outbox_pending ON outbox(created_at) WHERE acked_at IS NULL;
)sql";

// Migration 3 ordered the outbox by created_at (wall seconds: ties within a second and jumps when
// the clock is set). This adds a strict insertion sequence, the monotonic time of the enqueue, an
// explicit state (pending → acked, or dead when the server rejected the event: a dead row stays for
// staff to see, with its payload, and is never resent) and which request row the event carries, so
// that its PERSONAL columns can be erased in the transaction that records the acknowledgement.
constexpr const char* kOutboxSequence = R"sql(
ALTER TABLE outbox ADD COLUMN seq INTEGER;
UPDATE outbox SET seq = rowid;
CREATE UNIQUE INDEX outbox_seq ON outbox(seq);
ALTER TABLE outbox ADD COLUMN created_mono_ms INTEGER NOT NULL DEFAULT 0; -- CLOCK_MONOTONIC at enqueue
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'acked', 'dead'));
UPDATE outbox SET state = 'acked' WHERE acked_at IS NOT NULL;
ALTER TABLE outbox ADD COLUMN result TEXT;        -- applied | duplicate | rejected
ALTER TABLE outbox ADD COLUMN reject_code TEXT;   -- the server's code for a rejected event
ALTER TABLE outbox ADD COLUMN subject_table TEXT; -- request table holding the event's PERSONAL data
ALTER TABLE outbox ADD COLUMN subject_id TEXT;    -- that row's id
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox(seq) WHERE state = 'pending';
)sql";

// Staff mode (issue: staff at the terminal). The PIN guard keeps wrong attempts and the lock on disk,
// so switching the kiosk off and on does not reset a lock. The two staff_* tables hold what staff
// mode needs offline from the server, kept minimal: reservations awaiting hand-over and open loans,
// each with the borrower's name and phone only (no address, never PESEL). The server deletes a row
// (a "delete" change) as soon as the reservation or loan ends, and the kiosk drops it then.
constexpr const char* kStaffMode = R"sql(
CREATE TABLE staff_guard (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0), -- wrong PINs since the last success or lock
    locks INTEGER NOT NULL DEFAULT 0 CHECK (locks >= 0),       -- locks in a row; each one lasts longer
    locked_until INTEGER                                        -- Unix seconds; NULL: not locked
) STRICT;
INSERT INTO staff_guard(id) VALUES (1);
CREATE TABLE staff_pickups (
    reservation_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    type_id TEXT NOT NULL,
    pick_up_date TEXT NOT NULL CHECK (pick_up_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    loan_days INTEGER NOT NULL CHECK (loan_days > 0),
    status TEXT NOT NULL,
    person_name TEXT NOT NULL,  -- PERSONAL
    person_phone TEXT NOT NULL  -- PERSONAL
) STRICT;
CREATE INDEX staff_pickups_date ON staff_pickups(pick_up_date);
CREATE TABLE staff_loans (
    loan_id TEXT PRIMARY KEY,
    inventory_number TEXT NOT NULL,
    type_id TEXT NOT NULL,
    start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    borrower_name TEXT NOT NULL, -- PERSONAL
    borrower_phone TEXT NOT NULL -- PERSONAL
) STRICT;
CREATE INDEX staff_loans_unit ON staff_loans(inventory_number);
)sql";

// Receipts of acknowledged events (kiosk/sync/event_receipts). Acknowledging an event erases its
// payload from the outbox; a receipt keeps what the kiosk needs if the server is later restored from
// an older backup and lost the event: its id, type and reference code, and the whole payload only
// for events that hold no personal data (so those can be sent again). Kept 28 days, at most 20 000.
constexpr const char* kEventReceipts = R"sql(
CREATE TABLE event_receipts (
    id TEXT PRIMARY KEY,            -- the event id
    type TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '', -- reference code, inventory number or loan id; no personal data
    created_at INTEGER NOT NULL,    -- the event's created_at, sent again unchanged
    acked_at INTEGER NOT NULL,      -- kiosk wall clock when the server acknowledged it
    epoch TEXT NOT NULL DEFAULT '', -- the server database epoch that acknowledged it ('' not known)
    resend_payload TEXT             -- the payload, only for events without personal data; else NULL
) STRICT;
CREATE INDEX event_receipts_acked ON event_receipts(acked_at);
CREATE INDEX event_receipts_epoch ON event_receipts(epoch);
)sql";

// Migration 7: dead letters keep no personal data, and the staff feed expires (docs/privacy.md).
// A rejected event keeps its type, the server's reason and its reference code (outbox.reference) for
// staff; its payload and its request row's PERSONAL columns are erased, here for dead letters of
// earlier releases, in kiosk/sync/outbox for new ones.
// The staff feed: received_at is the kiosk's wall clock when
// the server last sent the row; the server re-sends every live row at least daily, so a row not
// heard of for the feed's TTL (kiosk/sync/staff_feed_expiry) belongs to a kiosk cut off from the
// server, or no longer doing staff work, and is dropped. Rows present at the upgrade count from then.
constexpr const char* kPrivacy = R"sql(
ALTER TABLE staff_pickups ADD COLUMN received_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_loans ADD COLUMN received_at INTEGER NOT NULL DEFAULT 0;
UPDATE staff_pickups SET received_at = CAST(strftime('%s', 'now') AS INTEGER);
UPDATE staff_loans SET received_at = CAST(strftime('%s', 'now') AS INTEGER);
ALTER TABLE outbox ADD COLUMN reference TEXT; -- a dead letter's reference code, inventory number or loan id
UPDATE outbox SET reference = COALESCE(json_extract(payload, '$.code'), json_extract(payload, '$.inventory_number'),
    json_extract(payload, '$.loan_id'), '') WHERE state = 'dead' AND payload IS NOT NULL;
UPDATE reservations SET person_name = NULL, person_phone = NULL, address_street = NULL, address_postal_code = NULL,
    address_city = NULL, on_behalf_of = NULL, erased_at = CAST(strftime('%s', 'now') AS INTEGER)
    WHERE id IN (SELECT subject_id FROM outbox WHERE state = 'dead' AND subject_table = 'reservations');
UPDATE counselling_requests SET name = NULL, phone = NULL, erased_at = CAST(strftime('%s', 'now') AS INTEGER)
    WHERE id IN (SELECT subject_id FROM outbox WHERE state = 'dead' AND subject_table = 'counselling_requests');
UPDATE callback_requests SET phone = NULL, first_name = NULL, erased_at = CAST(strftime('%s', 'now') AS INTEGER)
    WHERE id IN (SELECT subject_id FROM outbox WHERE state = 'dead' AND subject_table = 'callback_requests');
UPDATE loans SET borrower_name = NULL, borrower_phone = NULL, address_street = NULL, address_postal_code = NULL,
    address_city = NULL, pesel = NULL, erased_at = CAST(strftime('%s', 'now') AS INTEGER)
    WHERE id IN (SELECT subject_id FROM outbox WHERE state = 'dead' AND subject_table = 'loans');
UPDATE usage_events SET text = NULL
    WHERE id IN (SELECT subject_id FROM outbox WHERE state = 'dead' AND subject_table = 'usage_events');
UPDATE outbox SET payload = NULL WHERE state = 'dead';
)sql";

// Migration 8. Deactivated staff leave no PIN hash behind: from this version the sync deletes a deactivated
// member's row (kiosk/sync/change_applier), and this step deletes the rows earlier versions only
// flagged, with secure_delete (Debian's SQLite has it on by default; said here so it does not
// depend on the build) so the hash's bytes are overwritten rather than left in free space.
constexpr const char* kDropDeactivatedStaff = R"sql(
PRAGMA secure_delete = ON;
DELETE FROM staff WHERE active = 0;
)sql";

// Migration 11. The equipment waiting list: a resident who found no unit free for the period they
// need joins the server's queue for the type. The row is the request until the server acknowledges
// its waitlist.joined event; then its PERSONAL columns are erased as every request's are.
constexpr const char* kWaitingList = R"sql(
CREATE TABLE waitlist_entries (
    id TEXT PRIMARY KEY,          -- the waitlist.joined event's id
    code TEXT NOT NULL,           -- the reference code on the completion screen
    type_id TEXT NOT NULL,
    wanted_from TEXT NOT NULL,
    loan_days INTEGER NOT NULL,
    name TEXT,                    -- PERSONAL
    phone TEXT,                   -- PERSONAL
    language TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    erased_at INTEGER
) STRICT;
)sql";

} // namespace

const std::vector<db::Migration>& kioskMigrations()
{
    static const std::vector<db::Migration> migrations{
        {1, "catalogue", catalog::kCatalogueTablesSql, {}},
        {2, "counselling slots, staff, sync state", kSlotsStaffSync, {}},
        {3, "requests and outbox", kRequestsAndOutbox, {}},
        {4, "outbox sequence and states", kOutboxSequence, {}},
        {5, "staff mode: PIN guard, pick-ups and open loans", kStaffMode, {}},
        {6, "receipts of acknowledged events", kEventReceipts, {}},
        {7, "dead letters without personal data, staff feed expiry", kPrivacy, {}},
        {8, "deactivated staff and their PIN hashes deleted", kDropDeactivatedStaff, {}},
        {9, "catalogue: coordinators' notes", catalog::kCatalogueInternalNotesSql, {}},
        // The schedule as the server last sent it
        // (change-feed entity "activity", shared/catalog/activity_rows). Not catalogue data: a seed
        // catalogue import never touches it, and a kiosk offline shows what it has.
        {10, "the activity schedule", catalog::kActivitiesTableSql, {}},
        {11, "the equipment waiting list", kWaitingList, {}},
        {12, "the schedule's single dates called off", catalog::kActivityCancelledDatesSql, {}},
        {13, "areas and target groups as catalogue data", catalog::kCatalogueAreasAndGroupsSql, {}},
        {14, "the catalogue's site", catalog::kCatalogueSiteColumnSql, {}},
    };
    return migrations;
}

Result<db::Database, db::Error> openKioskDatabase(const std::string& path, const db::OpenOptions& options,
                                                  const db::MigrateOptions& migrateOptions)
{
    auto opened = db::Database::open(path, options);
    if (!opened)
        return makeErr(opened.error());
    auto version = db::migrate(*opened, kioskMigrations(), migrateOptions);
    if (!version)
        return makeErr(version.error());
    return std::move(opened).value();
}

} // namespace okienko::kiosk

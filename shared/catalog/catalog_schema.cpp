// The kiosk schema. Conventions:
// - Localized text is three NOT NULL columns <field>_pl, <field>_uk, <field>_en ('' when missing),
//   so the search index and plain SQL can read any language without a join.
// - Lists keep their order in a `position` column; enums are stored as their codes from
//   shared/domain/codes.hpp (no CHECK on codes: a new code would need a table rebuild).
// - Dates are ISO "YYYY-MM-DD" text; timestamps are Unix seconds (UTC).
// - Catalogue tables reference each other with deferred foreign keys (checked at COMMIT, so the
//   import may insert in any order). Requests never reference the catalogue: it is replaced
//   wholesale on every import, while a request must outlive the service or unit it names.
// - Columns marked PERSONAL hold a resident's personal data. They are set to NULL once the server
//   has acknowledged the outbox event that carries them (erased_at records when); nothing that
//   reads them may log them.
#include "shared/catalog/catalog_schema.hpp"

namespace okienko::catalog
{

namespace
{

constexpr const char* kCatalogueTables = R"sql(
CREATE TABLE catalog_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format_version INTEGER NOT NULL
) STRICT;

CREATE TABLE municipality (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    municipality_id TEXT NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    cus_name_pl TEXT NOT NULL, cus_name_uk TEXT NOT NULL, cus_name_en TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    opening_hours_pl TEXT NOT NULL, opening_hours_uk TEXT NOT NULL, opening_hours_en TEXT NOT NULL,
    contact_to_be_confirmed INTEGER NOT NULL CHECK (contact_to_be_confirmed IN (0, 1))
) STRICT;

CREATE TABLE fee_tables (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    title_pl TEXT NOT NULL, title_uk TEXT NOT NULL, title_en TEXT NOT NULL,
    criterion_single_grosze INTEGER NOT NULL,
    criterion_family_grosze INTEGER NOT NULL,
    criterion_note_pl TEXT NOT NULL, criterion_note_uk TEXT NOT NULL, criterion_note_en TEXT NOT NULL,
    above_last_band_pl TEXT NOT NULL, above_last_band_uk TEXT NOT NULL, above_last_band_en TEXT NOT NULL,
    payment_rule_pl TEXT NOT NULL, payment_rule_uk TEXT NOT NULL, payment_rule_en TEXT NOT NULL
) STRICT;

CREATE TABLE fee_bands (
    fee_table_id TEXT NOT NULL REFERENCES fee_tables(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    up_to_percent INTEGER NOT NULL,
    single_percent INTEGER NOT NULL,
    family_percent INTEGER NOT NULL,
    PRIMARY KEY (fee_table_id, position)
) STRICT;

CREATE TABLE services (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    status TEXT NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    summary_pl TEXT NOT NULL, summary_uk TEXT NOT NULL, summary_en TEXT NOT NULL,
    description_pl TEXT NOT NULL, description_uk TEXT NOT NULL, description_en TEXT NOT NULL,
    primary_area TEXT NOT NULL,
    delivered_by_pl TEXT NOT NULL, delivered_by_uk TEXT NOT NULL, delivered_by_en TEXT NOT NULL,
    place_pl TEXT NOT NULL, place_uk TEXT NOT NULL, place_en TEXT NOT NULL,
    hours_pl TEXT NOT NULL, hours_uk TEXT NOT NULL, hours_en TEXT NOT NULL,
    contact_pl TEXT NOT NULL, contact_uk TEXT NOT NULL, contact_en TEXT NOT NULL,
    eligibility_pl TEXT NOT NULL, eligibility_uk TEXT NOT NULL, eligibility_en TEXT NOT NULL,
    qualification_mode_pl TEXT NOT NULL, qualification_mode_uk TEXT NOT NULL, qualification_mode_en TEXT NOT NULL,
    fee_kind TEXT NOT NULL,
    fee_text_pl TEXT NOT NULL, fee_text_uk TEXT NOT NULL, fee_text_en TEXT NOT NULL,
    fee_table_id TEXT REFERENCES fee_tables(id) DEFERRABLE INITIALLY DEFERRED, -- NULL: no table
    documents_pl TEXT NOT NULL, documents_uk TEXT NOT NULL, documents_en TEXT NOT NULL,
    personal_data_pl TEXT NOT NULL, personal_data_uk TEXT NOT NULL, personal_data_en TEXT NOT NULL,
    capacity_pl TEXT NOT NULL, capacity_uk TEXT NOT NULL, capacity_en TEXT NOT NULL,
    kiosk_action TEXT NOT NULL,
    to_be_confirmed INTEGER NOT NULL CHECK (to_be_confirmed IN (0, 1)),
    valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
CREATE INDEX services_fee_table ON services(fee_table_id);

CREATE TABLE service_areas (
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    area TEXT NOT NULL,
    PRIMARY KEY (service_id, position)
) STRICT;

CREATE TABLE service_target_groups (
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    target_group TEXT NOT NULL,
    PRIMARY KEY (service_id, position)
) STRICT;

CREATE TABLE service_tags (
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    lang TEXT NOT NULL CHECK (lang IN ('pl', 'uk', 'en')),
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (service_id, lang, position)
) STRICT;

CREATE TABLE service_sources (
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (service_id, position)
) STRICT;

CREATE TABLE equipment_types (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    category TEXT NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    description_pl TEXT NOT NULL, description_uk TEXT NOT NULL, description_en TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    default_loan_days INTEGER NOT NULL,
    max_loan_days INTEGER NOT NULL,
    notes_pl TEXT NOT NULL, notes_uk TEXT NOT NULL, notes_en TEXT NOT NULL
) STRICT;

CREATE TABLE equipment_attributes (
    type_id TEXT NOT NULL REFERENCES equipment_types(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    label_pl TEXT NOT NULL, label_uk TEXT NOT NULL, label_en TEXT NOT NULL,
    value_pl TEXT NOT NULL, value_uk TEXT NOT NULL, value_en TEXT NOT NULL,
    PRIMARY KEY (type_id, position)
) STRICT;

CREATE TABLE equipment_what_to_bring (
    type_id TEXT NOT NULL REFERENCES equipment_types(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    lang TEXT NOT NULL CHECK (lang IN ('pl', 'uk', 'en')),
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (type_id, lang, position)
) STRICT;

-- A unit of a type that a new catalogue drops makes the import fail at COMMIT (no cascade):
-- silently deleting a unit that may be out on loan would lose track of it.
CREATE TABLE equipment_units (
    inventory_number TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    type_id TEXT NOT NULL REFERENCES equipment_types(id) DEFERRABLE INITIALLY DEFERRED,
    state TEXT NOT NULL,
    notes TEXT NOT NULL
) STRICT;
CREATE INDEX equipment_units_type ON equipment_units(type_id);

CREATE TABLE counselling_kinds (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    description_pl TEXT NOT NULL, description_uk TEXT NOT NULL, description_en TEXT NOT NULL
) STRICT;

CREATE TABLE emergency_numbers (
    position INTEGER PRIMARY KEY,
    number TEXT NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    hours_pl TEXT NOT NULL, hours_uk TEXT NOT NULL, hours_en TEXT NOT NULL,
    verify_locally INTEGER NOT NULL CHECK (verify_locally IN (0, 1))
) STRICT;

CREATE TABLE announcements (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    title_pl TEXT NOT NULL, title_uk TEXT NOT NULL, title_en TEXT NOT NULL,
    body_pl TEXT NOT NULL, body_uk TEXT NOT NULL, body_en TEXT NOT NULL,
    valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
)sql";

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

} // namespace

const std::vector<db::Migration>& kioskMigrations()
{
    static const std::vector<db::Migration> migrations{
        {1, "catalogue", kCatalogueTables, {}},
        {2, "counselling slots, staff, sync state", kSlotsStaffSync, {}},
        {3, "requests and outbox", kRequestsAndOutbox, {}},
        {4, "outbox sequence and states", kOutboxSequence, {}},
        {5, "staff mode: PIN guard, pick-ups and open loans", kStaffMode, {}},
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

} // namespace okienko::catalog

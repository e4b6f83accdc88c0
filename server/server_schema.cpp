// The server's own tables and its migration list: migration 1 is the catalogue
// (shared/catalog/catalog_schema), the rest are the server's. Conventions as in the catalogue:
// STRICT tables, enum codes from shared/domain/codes.hpp, ISO dates, Unix-second timestamps
// (server clock). Columns marked PERSONAL hold residents' data: never logged, never sent to a kiosk
// other than in its own event. The panel's tables are here too: the panel reads and writes them
// through the store, like every other table.
// The DDL below is released: each statement is stored verbatim in sqlite_master of every server
// database, so it is never edited (tests/unit/server compares it with the previous release's).
#include "server/server_schema.hpp"

#include "server/catalog_sites_migration.hpp"
#include "shared/catalog/activity_rows.hpp"
#include "shared/catalog/catalog_schema.hpp"

namespace okienko::server
{

namespace
{
constexpr const char* kServerTables = R"sql(
-- epoch: random per database, part of every changes cursor, so a cursor from a re-installed
-- server is recognised (410 cursor_reset) instead of silently skipping changes.
CREATE TABLE server_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epoch TEXT NOT NULL
) STRICT;
INSERT INTO server_meta(id, epoch) VALUES (1, lower(hex(randomblob(8))));

CREATE TABLE kiosks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE, -- SHA-256 hex of the bearer token; the token itself is never stored
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    pin_hash TEXT NOT NULL,      -- argon2id (crypto_pwhash_str); pulled by kiosks for offline PIN checks
    password_hash TEXT NOT NULL, -- argon2id; web panel only, never sent to kiosks
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL
) STRICT;

-- The commit-ordered change log kiosks pull. seq is assigned inside the single writer transaction
-- (AUTOINCREMENT: never reused, even after purging), so seq order is commit order and no row can
-- appear behind a cursor already handed out. kiosk_id NULL: for every kiosk; else only that one.
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    data TEXT NOT NULL,
    position INTEGER,
    kiosk_id INTEGER REFERENCES kiosks(id),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX change_log_kiosk ON change_log(kiosk_id, seq);

-- Every event id ever applied or rejected (idempotency keys), kept ≥ events.retention_days.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    type TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL -- the EventResult JSON returned the first time
) STRICT;
CREATE INDEX events_received ON events(received_at);

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
    on_behalf_of TEXT,        -- PERSONAL
    residency_declared INTEGER NOT NULL DEFAULT 0,
    language TEXT NOT NULL DEFAULT 'pl',
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;
CREATE INDEX reservations_type ON reservations(type_id, status);

CREATE TABLE holds (
    reservation_id TEXT PRIMARY KEY REFERENCES reservations(id),
    claim_by INTEGER NOT NULL,   -- server time by which reservation.created must arrive
    pick_up_by TEXT NOT NULL,    -- last day to collect
    claimed INTEGER NOT NULL DEFAULT 0 CHECK (claimed IN (0, 1))
) STRICT;

CREATE TABLE counselling_slots (
    id TEXT PRIMARY KEY,
    kind_ids TEXT NOT NULL CHECK (json_valid(kind_ids)),
    counsellor TEXT NOT NULL,
    room TEXT NOT NULL,
    date TEXT NOT NULL,
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    booked_by TEXT UNIQUE -- the counselling request id holding it; NULL while free
) STRICT;
CREATE INDEX counselling_slots_date ON counselling_slots(date, start_minute);

CREATE TABLE counselling_requests (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    kind_id TEXT NOT NULL,    -- SENSITIVE
    slot_id TEXT,
    name TEXT,                -- PERSONAL
    phone TEXT,               -- PERSONAL
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;

CREATE TABLE callback_requests (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    phone TEXT NOT NULL,      -- PERSONAL
    phone_key TEXT NOT NULL,  -- rules::callbackPhoneKey, for the one-open-request-per-number rule
    day TEXT NOT NULL,
    day_part TEXT NOT NULL,
    topic_service_id TEXT NOT NULL DEFAULT '',
    equipment_type_id TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '', -- PERSONAL
    status TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    language TEXT NOT NULL,
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;
CREATE INDEX callback_requests_phone ON callback_requests(phone_key, status);

CREATE TABLE loans (
    id TEXT PRIMARY KEY,
    inventory_number TEXT NOT NULL,
    type_id TEXT NOT NULL,
    reservation_id TEXT,
    borrower_name TEXT,       -- PERSONAL
    borrower_phone TEXT,      -- PERSONAL
    address_street TEXT,      -- PERSONAL
    address_postal_code TEXT, -- PERSONAL
    address_city TEXT,        -- PERSONAL
    pesel TEXT,               -- PERSONAL
    start_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    returned_on TEXT,
    return_condition TEXT,
    return_notes TEXT NOT NULL DEFAULT '',
    staff_id TEXT NOT NULL,
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;
CREATE INDEX loans_unit ON loans(inventory_number, returned_on);
CREATE INDEX loans_type ON loans(type_id, returned_on);

-- The live state of each unit. equipment_units.state (catalogue) is only the state a unit starts
-- with when the catalogue first brings it; re-importing a catalogue never resets a live state.
CREATE TABLE unit_states (
    inventory_number TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE heartbeats (
    kiosk_id INTEGER PRIMARY KEY REFERENCES kiosks(id),
    received_at INTEGER NOT NULL,
    kiosk_version TEXT NOT NULL,
    uptime_s INTEGER NOT NULL,
    outbox_depth INTEGER NOT NULL,
    outbox_oldest_age_s INTEGER NOT NULL,
    printer_state TEXT NOT NULL,
    last_sync INTEGER
) STRICT;

-- What a coordinator must resolve: provisional reservations that no longer fit, a slot taken
-- meanwhile, a unit lent twice. Never silently dropped.
CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kiosk_id INTEGER REFERENCES kiosks(id),
    detail TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    resolved_at INTEGER
) STRICT;

-- Anonymous usage, ratings and ideas (text may contain what a resident typed: treat as PERSONAL).
CREATE TABLE usage_events (
    id TEXT PRIMARY KEY,
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    kind TEXT NOT NULL,
    flow TEXT NOT NULL DEFAULT '',
    step TEXT NOT NULL DEFAULT '',
    service_id TEXT NOT NULL DEFAULT '',
    rating INTEGER NOT NULL DEFAULT 0,
    area TEXT,
    text TEXT,
    language TEXT NOT NULL,
    at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;
)sql";

// Migration 3, the coordinators' panel. Session cookies and CSRF tokens are random 32 bytes; only
// the SHA-256 of the cookie is stored, so a copy of the database cannot be replayed as a login.
constexpr const char* kPanelTables = R"sql(
CREATE TABLE panel_sessions (
    token_hash TEXT PRIMARY KEY,             -- SHA-256 hex of the cookie value
    staff_id TEXT NOT NULL REFERENCES staff(id),
    csrf_token TEXT NOT NULL,                -- sent back in every form's hidden field
    created_at INTEGER NOT NULL,             -- absolute expiry counts from here
    last_seen INTEGER NOT NULL               -- inactivity expiry counts from here
) STRICT;
CREATE INDEX panel_sessions_staff ON panel_sessions(staff_id);

-- Consecutive failed logins per account; locked_until > now refuses even the right password.
CREATE TABLE panel_login_failures (
    staff_id TEXT PRIMARY KEY REFERENCES staff(id),
    failures INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0,
    last_failure INTEGER NOT NULL
) STRICT;

ALTER TABLE callback_requests ADD COLUMN claimed_by TEXT;    -- staff id of the coordinator working it
ALTER TABLE callback_requests ADD COLUMN claimed_at INTEGER;
ALTER TABLE callback_requests ADD COLUMN closed_at INTEGER;  -- when it became done or closed
ALTER TABLE callback_requests ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';

-- Every call attempt a coordinator logged (product.md §6).
CREATE TABLE callback_attempts (
    id INTEGER PRIMARY KEY,
    callback_id TEXT NOT NULL REFERENCES callback_requests(id),
    staff_id TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('no-answer', 'wrong-number', 'done')),
    note TEXT NOT NULL DEFAULT '',           -- PERSONAL (may name the resident)
    at INTEGER NOT NULL
) STRICT;
CREATE INDEX callback_attempts_callback ON callback_attempts(callback_id, at);
CREATE INDEX callback_attempts_at ON callback_attempts(at);

-- Who decided what on reservations, counselling requests and conflicts.
CREATE TABLE panel_actions (
    id INTEGER PRIMARY KEY,
    staff_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;
)sql";

// Migration 4: who changed which catalogue entry in the panel and when, and an index for an entry's
// latest change (the version a panel form carries).
constexpr const char* kCatalogEdits = R"sql(
-- Every catalogue entry a coordinator saved, added or withdrew in the panel, with the change-log row
-- it wrote (change_seq) and the entry's JSON as logged ('{}' for a withdrawal).
CREATE TABLE catalog_edits (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('update', 'add', 'withdraw')),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    change_seq INTEGER NOT NULL UNIQUE,
    data TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;

-- An entry's latest change-log row is its version: a form saved over a newer one is refused.
CREATE INDEX change_log_entity ON change_log(entity, entity_id, seq);
)sql";

// Migration 5: kiosk lifecycle from the command line (enrol-kiosk, list-kiosks). kiosks.name stays
// the kiosk's tag (its [kiosk] id); the place's human name is new. Revoking clears active, rotating
// replaces token_hash: both already columns.
constexpr const char* kKioskDisplayName = R"sql(
ALTER TABLE kiosks ADD COLUMN display_name TEXT NOT NULL DEFAULT ''; -- [kiosk] name, for list-kiosks
)sql";

// Migration 6: events kiosks had acknowledged that the database lacks after a restore from an older
// backup (POST /api/v1/lost-events). No payload and no personal data: the type, the reference code and
// when the kiosk got the acknowledgement, so coordinators can help the resident who shows the slip.
// Independent of migration 5 (it names only kiosks, a table of migration 2).
constexpr const char* kLostEvents = R"sql(
CREATE TABLE lost_events (
    id TEXT PRIMARY KEY,                              -- the event id the kiosk had acknowledged
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    type TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',               -- reference code, inventory number or loan id
    acked_at INTEGER NOT NULL,                        -- kiosk clock, Unix seconds
    reported_at INTEGER NOT NULL,                     -- server clock
    epoch TEXT NOT NULL                               -- server_meta.epoch when it was reported
) STRICT;
CREATE INDEX lost_events_reported ON lost_events(reported_at);
)sql";

// Migration 7: retention of personal data (server/retention, docs/privacy.md). Kiosks flagged for
// staff work are the only ones the staff feed (names and phones of pick-ups and open loans, staff PIN
// hashes) reaches; kiosks enrolled before this release keep staff mode, new ones start without it.
// erased_at records when a row's PERSONAL columns were erased by the retention job.
constexpr const char* kRetention = R"sql(
ALTER TABLE kiosks ADD COLUMN staff_work INTEGER NOT NULL DEFAULT 0 CHECK (staff_work IN (0, 1));
UPDATE kiosks SET staff_work = 1;
ALTER TABLE reservations ADD COLUMN erased_at INTEGER;
ALTER TABLE counselling_requests ADD COLUMN erased_at INTEGER;
ALTER TABLE callback_requests ADD COLUMN erased_at INTEGER;
ALTER TABLE loans ADD COLUMN erased_at INTEGER;
)sql";

// Migration 8: the role a panel session was opened with. Every request compares it with the staff
// member's role now, so a role change ends the session (sent to the login) even when the role was
// changed outside the command line. Sessions opened before this migration have role '' and end at
// their next request. Independent of migration 7 (it names only panel_sessions, of migration 3).
constexpr const char* kSessionRole = R"sql(
ALTER TABLE panel_sessions ADD COLUMN role TEXT NOT NULL DEFAULT '';
)sql";

// Migration 10: the programme's indicators (docs/reporting.md). The definitions come from the
// catalogue file's `indicators` (import-catalog replaces them, as it replaces the catalogue), a
// coordinator may change target, evidence and how counted; values a coordinator enters per period
// survive an import. No personal data. The indexes serve the report's counts over a period.
constexpr const char* kIndicators = R"sql(
CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    service TEXT NOT NULL,
    unit TEXT NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('year', 'quarter', 'month')),
    target REAL,                                   -- NULL: the programme sets none
    evidence TEXT NOT NULL,
    counting TEXT NOT NULL CHECK (counting IN ('automatic', 'register', 'entered')),
    register_name TEXT NOT NULL DEFAULT '',
    measure TEXT NOT NULL DEFAULT '',              -- automatic metric or the register's measure
    kinds TEXT NOT NULL DEFAULT '',                -- activity kinds, ',a,b,' ('' for all)
    source TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1             -- a panel form carries it: a save over a newer one is refused
) STRICT;

-- Values a coordinator entered for indicators counted "entered", one per indicator and period.
CREATE TABLE indicator_values (
    indicator_id TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    value REAL NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    at INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, first_day)
) STRICT;

-- Every change a coordinator made to an indicator or its entered values: who, when, what (JSON).
CREATE TABLE indicator_edits (
    id INTEGER PRIMARY KEY,
    indicator_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('update', 'value')),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    data TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;
CREATE INDEX indicator_edits_indicator ON indicator_edits(indicator_id, id);

CREATE INDEX usage_events_kind_at ON usage_events(kind, at);
CREATE INDEX loans_start ON loans(start_date);
)sql";

// Migration 11: the registers the programme's report counts from (docs/reporting.md, "Registers")
// and what coordinators do with the idea box. Dates are local (Europe/Warsaw) YYYY-MM-DD; created_*
// and updated_* say who (staff id) entered or last changed a row and when (Unix seconds); every
// change also leaves a register_edits row, which outlives a removed entry.
constexpr const char* kRegisters = R"sql(
-- Counselling meetings the plan's register proves ("imię i nazwisko, data, czas trwania"): a booked
-- meeting (booking_ref, the kiosk's counselling request) once a counsellor marked it, or a walk-in.
-- held NULL: not yet marked; duration_minutes is NULL for a meeting that did not take place.
CREATE TABLE counselling_register (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    duration_minutes INTEGER CHECK (duration_minutes BETWEEN 5 AND 480),
    held INTEGER CHECK (held IN (0, 1)),
    walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
    booking_ref TEXT UNIQUE,  -- counselling_requests.id; NULL for a walk-in
    person_name TEXT,         -- PERSONAL: erased by the retention job ([retention] register_days)
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT,
    updated_at INTEGER,
    erased_at INTEGER
) STRICT;
CREATE INDEX counselling_register_date ON counselling_register(date);

-- CAS groups, workshops and thematic workshops: counted, never named.
CREATE TABLE activity_sessions (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cas_group', 'workshop', 'thematic')),
    group_name TEXT NOT NULL,
    hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
    participants INTEGER NOT NULL CHECK (participants >= 0),
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT,
    updated_at INTEGER
) STRICT;
CREATE INDEX activity_sessions_date ON activity_sessions(date);

CREATE TABLE volunteer_club_members (
    id INTEGER PRIMARY KEY,
    joined_on TEXT NOT NULL,
    left_on TEXT,
    display_name TEXT,        -- PERSONAL: initials or a first name; erased register_days after left_on
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT,
    updated_at INTEGER,
    erased_at INTEGER
) STRICT;

CREATE TABLE volunteer_initiatives (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT,
    updated_at INTEGER
) STRICT;
CREATE INDEX volunteer_initiatives_date ON volunteer_initiatives(date);

-- Occupancy of the sheltered flat: one row per stay, no name (a count is what the report needs).
CREATE TABLE sheltered_housing_stays (
    id INTEGER PRIMARY KEY,
    from_date TEXT NOT NULL,
    to_date TEXT,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT,
    updated_at INTEGER
) STRICT;

-- Who added, changed, marked or removed which register entry (or idea) and when, with the entry's
-- columns as saved, without its PERSONAL ones ('{}' for a removal).
CREATE TABLE register_edits (
    id INTEGER PRIMARY KEY,
    register TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('add', 'update', 'remove', 'mark', 'status')),
    staff_id TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    at INTEGER NOT NULL
) STRICT;
CREATE INDEX register_edits_entry ON register_edits(register, entry_id, at);

-- What a coordinator did with an idea from the idea box (no row: not read yet).
CREATE TABLE idea_statuses (
    idea_id TEXT PRIMARY KEY REFERENCES usage_events(id),
    status TEXT NOT NULL CHECK (status IN ('read', 'answered', 'forwarded')),
    staff_id TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;
)sql";

// Migration 12: the public pages' contact form (server/public, docs/public-api.md) writes into the
// callback queue. Its requests come from no kiosk: kiosks.kind 'web' marks the one row they name,
// added by the first request (inactive, with a token hash no SHA-256 hex equals, so it never
// authenticates; the kiosk lists leave it out). A web request may give an e-mail address instead of a phone number, and
// says its topic in the resident's words.
constexpr const char* kWebContactForm = R"sql(
ALTER TABLE kiosks ADD COLUMN kind TEXT NOT NULL DEFAULT 'kiosk' CHECK (kind IN ('kiosk', 'web'));
ALTER TABLE callback_requests ADD COLUMN email TEXT NOT NULL DEFAULT '';   -- PERSONAL
ALTER TABLE callback_requests ADD COLUMN message TEXT NOT NULL DEFAULT ''; -- PERSONAL (the topic as written)
)sql";

// Migration 14: residents registered from a phone call, their needs as criteria and the services
// matched to them (server/residents, docs/privacy.md). A resident's row keeps its id after erasure
// (on request or after [retention] resident_days without contact): name, contacts and needs are
// cleared, erased_at says when, and the matches stay nameless so "residents matched to services"
// still counts them. A match is one row per resident and service, so nobody is told twice.
constexpr const char* kResidentMatching = R"sql(
CREATE TABLE residents (
    id INTEGER PRIMARY KEY,
    name TEXT,                -- PERSONAL
    phone TEXT,               -- PERSONAL: nine digits, or NULL
    email TEXT,               -- PERSONAL: or NULL
    language TEXT NOT NULL CHECK (language IN ('pl', 'uk', 'en')),
    needs TEXT,               -- PERSONAL: the criteria as JSON (areas, target groups, place, fee); NULL once erased
    consent_by TEXT NOT NULL, -- staff id of the coordinator who took the consent on the phone
    consent_at INTEGER NOT NULL,
    consent_version TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    registered_at INTEGER NOT NULL,
    last_contact_at INTEGER NOT NULL, -- registration, a told or "not interested" mark, a confirmed contact
    erased_at INTEGER,
    erased_reason TEXT CHECK (erased_reason IS NULL OR erased_reason IN ('request', 'retention'))
) STRICT;

-- status: known (given in the registering call), waiting (matched while it had no free capacity),
-- to-tell (in the coordinators' queue), told, unreachable, not-interested, withdrawn (the resident
-- was erased before being told). email_state: none (no address or no [mail]), pending, sent, failed.
CREATE TABLE resident_matches (
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    service_id TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('registration', 'published', 'capacity')),
    status TEXT NOT NULL CHECK (status IN ('known', 'waiting', 'to-tell', 'told', 'unreachable', 'not-interested', 'withdrawn')),
    matched_at INTEGER NOT NULL,
    matched_on TEXT NOT NULL, -- the local day of matched_at, for the statistics
    queued_at INTEGER,
    email_state TEXT NOT NULL DEFAULT 'none' CHECK (email_state IN ('none', 'pending', 'sent', 'failed')),
    email_attempts INTEGER NOT NULL DEFAULT 0,
    emailed_at INTEGER,
    decided_by TEXT,
    decided_at INTEGER,
    PRIMARY KEY (resident_id, service_id)
) STRICT;
CREATE INDEX resident_matches_status ON resident_matches(status, queued_at);
CREATE INDEX resident_matches_day ON resident_matches(matched_on);
)sql";

// Migration 13: partner institutions (docs/partners.md). An
// institution registers on the public pages (server/public/partner_form) and proposes services; nothing is published
// before a coordinator's review (server/panel/partners_pages). An approved institution gets a login (a staff row with
// role 'partner', named after the institution, no PIN) scoped to its own entries (institution_services) and profile.
// The contact person is the only personal column: shown on the public pages only when contact_public, erased by the
// retention job a period after a rejection.
constexpr const char* kPartnerInstitutions = R"sql(
CREATE TABLE institutions (
    id TEXT PRIMARY KEY,                 -- from the name at registration ("biblioteka-publiczna-w-lapach")
    name TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- server/partner_model's kinds (culture, library, ngo, …)
    address TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',      -- the institution's own, published
    email TEXT NOT NULL DEFAULT '',      -- the institution's own, published
    website TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT '{}',  -- localized text as catalogue JSON ({"pl": …})
    contact_name TEXT NOT NULL DEFAULT '', -- PERSONAL: the contact person
    contact_public INTEGER NOT NULL DEFAULT 0 CHECK (contact_public IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    language TEXT NOT NULL,
    account_id TEXT REFERENCES staff(id), -- the partner's login, made at the approval
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by TEXT,                      -- staff id
    reason TEXT NOT NULL DEFAULT '',      -- a rejection's reason, shown to the partner
    erased_at INTEGER
) STRICT;

-- Which institution keeps which catalogue service (its login may propose changes to these only).
CREATE TABLE institution_services (
    service_id TEXT PRIMARY KEY,
    institution_id TEXT NOT NULL REFERENCES institutions(id)
) STRICT;
CREATE INDEX institution_services_institution ON institution_services(institution_id);

-- Everything an institution asks to publish, waiting for a coordinator: a new service, a change of
-- one of its services (the whole entry as proposed), or a change of its profile.
CREATE TABLE partner_proposals (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,           -- shown to the institution after sending
    institution_id TEXT NOT NULL REFERENCES institutions(id),
    kind TEXT NOT NULL CHECK (kind IN ('new-service', 'service-update', 'profile')),
    service_id TEXT NOT NULL DEFAULT '', -- the service changed, or the one made at publication
    data TEXT NOT NULL,                  -- catalogue JSON of the entry, or the profile's fields
    status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    submitted_by TEXT NOT NULL DEFAULT '', -- '' from the public form, else the partner's login
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by TEXT,
    reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX partner_proposals_status ON partner_proposals(status, created_at);

-- A partner login's one-time code to set its password (only its SHA-256), shown once to the
-- coordinator who approved the institution.
CREATE TABLE partner_password_codes (
    staff_id TEXT PRIMARY KEY REFERENCES staff(id),
    code_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
)sql";

// Migration 15: the unified activity schedule
// (server/store/activity_store, docs/reporting.md "The schedule and the register"): the kiosk's table
// (shared/catalog/activity_rows, one row per activity with its weekly recurrence; times are
// Europe/Warsaw wall-clock minutes) and the server's own columns. entered_by_kind
// and entered_by say whose entry it is (the CUS's staff member or a partner institution), so a
// partner may later change only its own. Nothing personal: the change feed sends rows to every kiosk.
constexpr const char* kActivityOwners = R"sql(
ALTER TABLE activities ADD COLUMN entered_by_kind TEXT NOT NULL DEFAULT 'staff'
    CHECK (entered_by_kind IN ('staff', 'partner'));
ALTER TABLE activities ADD COLUMN entered_by TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN updated_by TEXT;
ALTER TABLE activities ADD COLUMN updated_at INTEGER;
)sql";

// Migration 16: the equipment waiting list (server/waitlist_store, docs/reporting.md). One row per
// resident in a type's queue, in the order the joins arrived; the offer of a returned unit, its
// hold and its outcome on the same row (an entry is offered at most once). The offer puts a
// callback in the coordinators' queue, which names the entry. Also the report's semantics: the
// counselling register's per-person key and how an entered indicator adds up over a period.
constexpr const char* kWaitingList = R"sql(
CREATE TABLE waitlist_entries (
    id TEXT PRIMARY KEY,                -- the waitlist.joined event's id
    code TEXT NOT NULL,                 -- the reference code the kiosk showed
    type_id TEXT NOT NULL,
    wanted_from TEXT NOT NULL,          -- the first day the resident needed the equipment
    loan_days INTEGER NOT NULL,
    name TEXT,                          -- PERSONAL, erased by retention (callback_days after the outcome)
    phone TEXT,                         -- PERSONAL, likewise
    language TEXT NOT NULL,
    kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
    created_at INTEGER NOT NULL,        -- the kiosk's clock, informational
    joined_at INTEGER NOT NULL,         -- the server's clock: the queue's order
    status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'offered', 'taken', 'declined', 'expired', 'withdrawn')),
    inventory_number TEXT,              -- the unit held for the entry once offered
    offered_at INTEGER,
    hold_until INTEGER,
    hold_released_at INTEGER,           -- the hold ended before hold_until (declined, withdrawn, lent)
    callback_id TEXT,                   -- the callback the offer put in the coordinators' queue
    resolved_at INTEGER,                -- when the outcome was recorded
    resolved_by TEXT,                   -- staff id; 'system' for an expiry, 'kiosk' for a hand-over
    erased_at INTEGER
) STRICT;
CREATE INDEX waitlist_entries_queue ON waitlist_entries(type_id, status, joined_at);
CREATE INDEX waitlist_entries_unit ON waitlist_entries(inventory_number, hold_released_at);
ALTER TABLE callback_requests ADD COLUMN waitlist_entry_id TEXT; -- the offer this callback announces

-- The counselling register's persons are counted by a key that is not personal and outlives the
-- name retention erases: a random key shared by every entry of one person (the same name when the
-- entry was written). Existing entries get one per distinct name, an erased one its own.
ALTER TABLE counselling_register ADD COLUMN person_key TEXT;
UPDATE counselling_register SET person_key = lower(hex(randomblob(16)));
UPDATE counselling_register SET person_key = (SELECT o.person_key FROM counselling_register o WHERE
    o.person_name IS NOT NULL AND lower(trim(o.person_name)) = lower(trim(counselling_register.person_name))
    ORDER BY o.id LIMIT 1) WHERE person_name IS NOT NULL;

-- How an entered indicator's values add up over a report's period (docs/catalog-format.md).
ALTER TABLE indicators ADD COLUMN aggregation TEXT NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'latest'));
)sql";

// Migration 17: the whole catalogue kept in the panel
// (server/store/catalog_entries) and import-catalog as a merge (server/catalog_merge). No personal data.
constexpr const char* kCatalogKeeping = R"sql(
-- What each panel change replaced: the entry's catalogue JSON before it ('{}' when it was added).
ALTER TABLE catalog_edits ADD COLUMN before TEXT NOT NULL DEFAULT '{}';

-- Entries retired in the panel or by an import: gone from the catalogue tables (kiosks got a
-- tombstone), kept here whole (with the coordinators' note) to be brought back.
CREATE TABLE catalog_retired (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    data TEXT NOT NULL,
    retired_by TEXT NOT NULL,  -- staff id, or 'import'
    retired_at INTEGER NOT NULL,
    PRIMARY KEY (entity, entity_id)
) STRICT;

-- Each entry (and indicator) as the catalogue file had it at the last import: a field whose stored
-- value differs from it was changed in the panel since, and a re-import keeps it.
CREATE TABLE catalog_import_base (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
) STRICT;

-- Every applied import: when, which file (its name only), what it did (JSON counts).
CREATE TABLE catalog_imports (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    summary TEXT NOT NULL
) STRICT;

-- When a coordinator last checked an emergency number and its hours ("sprawdzono dnia").
CREATE TABLE emergency_number_checks (
    number TEXT PRIMARY KEY,
    verified_on TEXT NOT NULL CHECK (verified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    at INTEGER NOT NULL
) STRICT;
)sql";

// Migration 18: sites (decision 0011). Every kiosk, staff account, slot, request, register entry
// and report figure belongs to one site; a database made before has one site, 'default', named
// after its catalogue's CUS, and every existing row is moved into it by the column's default.
// Rows a kiosk writes take their kiosk's site in the schema itself (the triggers below), so no
// INSERT anywhere can put a kiosk's request in another site; rows without a kiosk (slots,
// residents, registers, activities) carry the site their writer names. The change log's rows
// carry the site of what they describe, which is what a kiosk's feed is filtered by. The
// catalogue tables stay the default site's until their keys become (site, id).
constexpr const char* kSites = R"sql(
CREATE TABLE sites (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40 AND id NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at INTEGER NOT NULL
) STRICT;
INSERT INTO sites(id, name, created_at) VALUES ('default',
    COALESCE((SELECT NULLIF(cus_name_pl, '') FROM municipality WHERE id = 1), 'default'), CAST(strftime('%s', 'now') AS INTEGER));

-- The sites a panel account may see and act for (a county coordinator: several; a CUS
-- coordinator: one). staff.site_id is the account's home site: the site whose kiosks get its PIN.
CREATE TABLE staff_sites (
    staff_id TEXT NOT NULL REFERENCES staff(id),
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (staff_id, site_id)
) STRICT;

ALTER TABLE kiosks ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE staff ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
INSERT INTO staff_sites(staff_id, site_id) SELECT id, site_id FROM staff;
CREATE TRIGGER staff_home_site AFTER INSERT ON staff BEGIN
    INSERT OR IGNORE INTO staff_sites(staff_id, site_id) VALUES (NEW.id, NEW.site_id); END;
ALTER TABLE panel_sessions ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default'; -- the site the panel shows now
ALTER TABLE change_log ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
CREATE INDEX change_log_site ON change_log(site_id, seq);
)sql";

// Migration 18 (end): the site of an audit row and of a change-log row, after every site column exists.
constexpr const char* kSiteRowTriggers = R"sql(
-- An audit row is the site of what it names: a kiosk, a staff account, a site; other entities
-- (the catalogue's) are the default site's until their writers name one.
CREATE TRIGGER panel_actions_site AFTER INSERT ON panel_actions BEGIN
    UPDATE panel_actions SET site_id = COALESCE(CASE NEW.entity
            WHEN 'kiosk' THEN (SELECT site_id FROM kiosks WHERE name = NEW.entity_id)
            WHEN 'staff' THEN (SELECT site_id FROM staff WHERE id = NEW.entity_id)
            WHEN 'site' THEN (SELECT id FROM sites WHERE id = NEW.entity_id)
        END, NEW.site_id)
    WHERE rowid = NEW.rowid;
END;

)sql";

// The site of a new change-log row: for one kiosk, that kiosk's; for every kiosk, the site of what
// it describes (a slot, a staff member, an activity, a pick-up or a loan); a tombstone, the site of
// the rows before it; a catalogue entry, the default site (the column's default).
constexpr const char* kChangeLogSiteExpression = R"sql(COALESCE(
        (SELECT site_id FROM kiosks WHERE id = NEW.kiosk_id),
        CASE NEW.entity
            WHEN 'counselling_slot' THEN (SELECT site_id FROM counselling_slots WHERE id = NEW.entity_id)
            WHEN 'staff' THEN (SELECT site_id FROM staff WHERE id = NEW.entity_id)
            WHEN 'activity' THEN (SELECT site_id FROM activities WHERE id = NEW.entity_id)
            WHEN 'pickup' THEN (SELECT site_id FROM reservations WHERE id = NEW.entity_id)
            WHEN 'open_loan' THEN (SELECT site_id FROM loans WHERE id = NEW.entity_id)
        END,
        (SELECT p.site_id FROM change_log p WHERE p.entity = NEW.entity AND p.entity_id = NEW.entity_id
            AND p.seq < NEW.seq ORDER BY p.seq DESC LIMIT 1),
        NEW.site_id))sql";

// Migration 18's site column on every site-owned table without one of its own rules, and the
// trigger that gives each row a kiosk writes its kiosk's site (one statement per table, written once).
const char* const kSiteOwnedTables[] = {"counselling_slots",
                                        "reservations",
                                        "counselling_requests",
                                        "callback_requests",
                                        "loans",
                                        "heartbeats",
                                        "conflicts",
                                        "usage_events",
                                        "lost_events",
                                        "waitlist_entries",
                                        "residents",
                                        "institutions",
                                        "activities",
                                        "counselling_register",
                                        "activity_sessions",
                                        "volunteer_club_members",
                                        "volunteer_initiatives",
                                        "sheltered_housing_stays",
                                        "indicator_values",
                                        "panel_actions"};
const char* const kKioskWrittenTables[] = {"reservations", "counselling_requests", "callback_requests",
                                           "loans",        "heartbeats",           "conflicts",
                                           "usage_events", "lost_events",          "waitlist_entries"};

std::string sitesMigration()
{
    std::string sql = kSites;
    for (const char* table : kSiteOwnedTables)
        sql += std::string("ALTER TABLE ") + table + " ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';\n";
    for (const char* table : kKioskWrittenTables)
        sql += std::string("CREATE TRIGGER ") + table + "_site AFTER INSERT ON " + table +
               " WHEN NEW.kiosk_id IS NOT NULL BEGIN\n    UPDATE " + table +
               " SET site_id = (SELECT site_id FROM kiosks WHERE id = NEW.kiosk_id) WHERE rowid = NEW.rowid; END;\n";
    return sql + kSiteRowTriggers +
           "CREATE TRIGGER change_log_site AFTER INSERT ON change_log BEGIN\n    UPDATE change_log SET site_id = " +
           kChangeLogSiteExpression + "\n    WHERE seq = NEW.seq;\nEND;\n";
}

// Migration 20: the site triggers update a row only when it was inserted with another site than
// its own. Each event a kiosk sends wrote its row and a change-log row twice (the insert, then the
// trigger's UPDATE of the same row): on a single-site server every row is born with the right
// site ('default'), and a kiosk's writer can name its kiosk's site, so the second write is spent
// only where it corrects something. The rule stays the schema's: a row inserted with any other
// site is still moved into its kiosk's (or, in the change log, its subject's) site.

std::string siteTriggersOnlyWhenWrong()
{
    std::string sql;
    for (const char* table : kKioskWrittenTables)
        sql += std::string("DROP TRIGGER ") + table + "_site;\nCREATE TRIGGER " + table + "_site AFTER INSERT ON " +
               table +
               " WHEN NEW.kiosk_id IS NOT NULL AND NEW.site_id IS NOT (SELECT site_id FROM kiosks WHERE id = "
               "NEW.kiosk_id) BEGIN\n    UPDATE " +
               table +
               " SET site_id = (SELECT site_id FROM kiosks WHERE id = NEW.kiosk_id) WHERE rowid = NEW.rowid; END;\n";
    sql += std::string("DROP TRIGGER change_log_site;\nCREATE TRIGGER change_log_site AFTER INSERT ON change_log WHEN "
                       "NEW.site_id IS NOT ") +
           kChangeLogSiteExpression + " BEGIN\n    UPDATE change_log SET site_id = " + kChangeLogSiteExpression +
           " WHERE seq = NEW.seq;\nEND;\n";
    return sql;
}
// Migration 25 (with server/catalog_sites_migration): a catalogue entry's change-log row keeps the
// site its writer names (decision 0015). Before, a catalogue entry was the default site's and a
// tombstone took the site of the rows before it, which for an id two sites share could be the other
// site's.
std::string catalogueChangesKeepTheirSite()
{
    return std::string("DROP TRIGGER change_log_site;\nCREATE TRIGGER change_log_site AFTER INSERT ON change_log WHEN "
                       "NEW.entity NOT IN ('municipality', 'fee_table', 'service', 'equipment_type', 'unit', "
                       "'counselling_kind', 'emergency_number', 'announcement', 'area', 'target_group') AND "
                       "NEW.site_id IS NOT ") +
           kChangeLogSiteExpression + " BEGIN\n    UPDATE change_log SET site_id = " + kChangeLogSiteExpression +
           " WHERE seq = NEW.seq;\nEND;\n";
}

// Migration 21: an entered indicator value is one site's (decision 0011): the key takes the site,
// so two sites enter their own value for the same indicator and period. The table is rebuilt with
// every row and column kept in order (site_id last, as migration 18 added it).
constexpr const char* kIndicatorValuesPerSite = R"sql(
CREATE TABLE indicator_values_per_site (
    indicator_id TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    value REAL NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    at INTEGER NOT NULL,
    site_id TEXT NOT NULL DEFAULT 'default',
    PRIMARY KEY (site_id, indicator_id, first_day)
) STRICT;
INSERT INTO indicator_values_per_site(indicator_id, first_day, last_day, value, staff_id, at, site_id)
    SELECT indicator_id, first_day, last_day, value, staff_id, at, site_id FROM indicator_values;
DROP TABLE indicator_values;
ALTER TABLE indicator_values_per_site RENAME TO indicator_values;
)sql";

// Migration 22: several `serve` processes may share one database; work that must run in one of them
// at a time (the residents' e-mails, the hourly purge) takes a lease here (server/job_lease).
constexpr const char* kJobLeases = R"sql(
CREATE TABLE job_leases (
    job TEXT PRIMARY KEY,
    holder TEXT NOT NULL,  -- a random id of the process's lease
    until INTEGER NOT NULL -- unix seconds; after it, another process may take the job
) STRICT;
)sql";

// Migration 23: change-log compaction and snapshots (decision 0013). compacted_through: every
// change-log row up to it that a later row superseded, and every tombstone up to it, may be gone,
// so a cursor behind it is answered 410 cursor_reset (the kiosk starts again with a snapshot).
// kiosk_cursors: the log position each kiosk's cursor depends on and when it last pulled; compaction
// stays behind the oldest of those pulled within [changes] kiosk_wait_days. The index serves a
// snapshot: one site's rows of one entity in log order.
constexpr const char* kChangeLogCompaction = R"sql(
ALTER TABLE server_meta ADD COLUMN compacted_through INTEGER NOT NULL DEFAULT 0;
CREATE TABLE kiosk_cursors (
    kiosk_id INTEGER PRIMARY KEY REFERENCES kiosks(id),
    seq INTEGER NOT NULL,
    pulled_at INTEGER NOT NULL
) STRICT;
CREATE INDEX change_log_site_entity ON change_log(site_id, entity, seq);
-- Kiosks enrolled before this step hold the whole log until their first pull records their
-- cursor; one not heard of for kiosk_wait_days no longer does.
INSERT INTO kiosk_cursors(kiosk_id, seq, pulled_at)
    SELECT k.id, 0, COALESCE((SELECT h.received_at FROM heartbeats h WHERE h.kiosk_id = k.id), k.created_at)
    FROM kiosks k WHERE k.active = 1;
)sql";
} // namespace

const std::vector<db::Migration>& serverMigrations()
{
    static const std::vector<db::Migration> migrations{
        {1, "catalogue", catalog::kCatalogueTablesSql, {}},
        {2, "server tables", kServerTables, {}},
        {3, "coordinators' panel", kPanelTables, {}},
        {4, "catalogue edits in the panel", kCatalogEdits, {}},
        {5, "kiosk display names", kKioskDisplayName, {}},
        {6, "events lost in a restore", kLostEvents, {}},
        {7, "retention of personal data", kRetention, {}},
        {8, "the role of a panel session", kSessionRole, {}},
        {9, "catalogue: coordinators' notes", catalog::kCatalogueInternalNotesSql, {}},
        {10, "the programme's indicators", kIndicators, {}},
        {11, "registers, idea statuses", kRegisters, {}},
        {12, "the public contact form", kWebContactForm, {}},
        {13, "partner institutions", kPartnerInstitutions, {}},
        {14, "residents matched to services", kResidentMatching, {}},
        {15, "the activity schedule", std::string(catalog::kActivitiesTableSql) + kActivityOwners, {}},
        {16, "the equipment waiting list", kWaitingList, {}},
        {17, "the whole catalogue in the panel, import as a merge", kCatalogKeeping, {}},
        {18, "sites", sitesMigration(), {}},
        {19, "the schedule's single dates called off", catalog::kActivityCancelledDatesSql, {}},
        {20, "site triggers write only to correct a site", siteTriggersOnlyWhenWrong(), {}},
        {21, "entered indicator values per site", kIndicatorValuesPerSite, {}},
        {22, "leases of jobs one serve process runs at a time", kJobLeases, {}},
        {23, "change-log compaction and snapshots", kChangeLogCompaction, {}},
        {24, "areas and target groups as catalogue data", catalog::kCatalogueAreasAndGroupsSql, {}},
        {25, "the catalogue per site", catalogueSitesMigration() + catalogueChangesKeepTheirSite(), {}},
    };
    return migrations;
}

} // namespace okienko::server

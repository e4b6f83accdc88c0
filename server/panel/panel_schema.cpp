// Panel tables. Session cookies and CSRF tokens are random 32 bytes; only the SHA-256 of the cookie
// is stored, so a copy of the database cannot be replayed as a login.
#include "server/panel/panel_schema.hpp"

namespace okienko::server::panel
{

const char* const kPanelMigrationSql = R"sql(
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

const char* const kCatalogEditsMigrationSql = R"sql(
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

} // namespace okienko::server::panel

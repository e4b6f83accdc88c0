// The catalogue tables. Conventions:
// - Localized text is three NOT NULL columns <field>_pl, <field>_uk, <field>_en ('' when missing),
//   so the search index and plain SQL can read any language without a join.
// - Lists keep their order in a `position` column; enums are stored as their codes from
//   shared/domain/codes.hpp (no CHECK on codes: a new code would need a table rebuild).
// - Dates are ISO "YYYY-MM-DD" text; timestamps are Unix seconds (UTC).
// - Catalogue tables reference each other with deferred foreign keys (checked at COMMIT, so the
//   import may insert in any order). Nothing outside the catalogue references it: it is replaced
//   wholesale on every import.
#include "shared/catalog/catalog_schema.hpp"

namespace okienko::catalog
{

const char* const kCatalogueTablesSql = R"sql(
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

// Notes for coordinators (docs/catalog-format.md, `internal_note`): what the CUS still has to fill
// in or confirm. Kept apart from every text a resident reads, so a kiosk can never show one; the
// server shows them in the panel and never sends them to kiosks, whose column stays '' unless their
// seed file has notes.
const char* const kCatalogueInternalNotesSql = R"sql(
ALTER TABLE municipality ADD COLUMN internal_note TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN internal_note TEXT NOT NULL DEFAULT '';
)sql";

// Areas and target groups as catalogue data (decision 0012). The ids in service_areas,
// service_target_groups, activities and usage events stay text without a foreign key: a retired
// entry keeps its row, and older records may name an id no list holds.
const char* const kCatalogueAreasAndGroupsSql = R"sql(
CREATE TABLE catalog_areas (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    retired INTEGER NOT NULL CHECK (retired IN (0, 1))
) STRICT;

CREATE TABLE catalog_target_groups (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    retired INTEGER NOT NULL CHECK (retired IN (0, 1))
) STRICT;
)sql";

const char* const kCatalogueTables[18] = {"catalog_meta",
                                          "municipality",
                                          "fee_tables",
                                          "fee_bands",
                                          "services",
                                          "service_areas",
                                          "service_target_groups",
                                          "service_tags",
                                          "service_sources",
                                          "equipment_types",
                                          "equipment_attributes",
                                          "equipment_what_to_bring",
                                          "equipment_units",
                                          "counselling_kinds",
                                          "emergency_numbers",
                                          "announcements",
                                          "catalog_areas",
                                          "catalog_target_groups"};

// Adding a column rewrites nothing in SQLite; every row a kiosk holds is its one site's.
const char* const kCatalogueSiteColumnSql = R"sql(
ALTER TABLE catalog_meta ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE municipality ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE fee_tables ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE fee_bands ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE services ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE service_areas ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE service_target_groups ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE service_tags ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE service_sources ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE equipment_types ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE equipment_attributes ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE equipment_what_to_bring ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE equipment_units ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE counselling_kinds ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE emergency_numbers ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE announcements ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE catalog_areas ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE catalog_target_groups ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
)sql";

} // namespace okienko::catalog

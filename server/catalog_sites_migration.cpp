// Migration 25: the catalogue tables keyed by (site, …). SQLite cannot change a table's key in
// place, so each table is renamed, made again under its name with the same columns in the same
// order and `site_id` last, filled from the old one, and the old one dropped (children before
// parents, so no foreign key is ever left pointing at a dropped table). Renaming first makes SQLite
// point the old children's foreign keys at the renamed parents, never at the new tables.
#include "server/catalog_sites_migration.hpp"

#include "shared/catalog/catalog_schema.hpp"

#include <iterator>
#include <string>
#include <vector>

namespace okienko::server
{

namespace
{
// The server's tables keyed by a catalogue id, after the catalogue's own.
constexpr const char* kKeyedByCatalogueId[] = {"unit_states", "catalog_retired", "catalog_import_base",
                                               "emergency_number_checks"};

constexpr const char* kTablesBySite = R"sql(
CREATE TABLE catalog_meta (
    id INTEGER NOT NULL CHECK (id = 1),
    format_version INTEGER NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id)
) STRICT;

CREATE TABLE municipality (
    id INTEGER NOT NULL CHECK (id = 1),
    municipality_id TEXT NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    cus_name_pl TEXT NOT NULL, cus_name_uk TEXT NOT NULL, cus_name_en TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    opening_hours_pl TEXT NOT NULL, opening_hours_uk TEXT NOT NULL, opening_hours_en TEXT NOT NULL,
    contact_to_be_confirmed INTEGER NOT NULL CHECK (contact_to_be_confirmed IN (0, 1)),
    internal_note TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id)
) STRICT;

CREATE TABLE fee_tables (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    title_pl TEXT NOT NULL, title_uk TEXT NOT NULL, title_en TEXT NOT NULL,
    criterion_single_grosze INTEGER NOT NULL,
    criterion_family_grosze INTEGER NOT NULL,
    criterion_note_pl TEXT NOT NULL, criterion_note_uk TEXT NOT NULL, criterion_note_en TEXT NOT NULL,
    above_last_band_pl TEXT NOT NULL, above_last_band_uk TEXT NOT NULL, above_last_band_en TEXT NOT NULL,
    payment_rule_pl TEXT NOT NULL, payment_rule_uk TEXT NOT NULL, payment_rule_en TEXT NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, position)
) STRICT;

CREATE TABLE fee_bands (
    fee_table_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    up_to_percent INTEGER NOT NULL,
    single_percent INTEGER NOT NULL,
    family_percent INTEGER NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, fee_table_id, position),
    FOREIGN KEY (site_id, fee_table_id) REFERENCES fee_tables(site_id, id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE services (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
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
    fee_table_id TEXT, -- NULL: no table
    documents_pl TEXT NOT NULL, documents_uk TEXT NOT NULL, documents_en TEXT NOT NULL,
    personal_data_pl TEXT NOT NULL, personal_data_uk TEXT NOT NULL, personal_data_en TEXT NOT NULL,
    capacity_pl TEXT NOT NULL, capacity_uk TEXT NOT NULL, capacity_en TEXT NOT NULL,
    kiosk_action TEXT NOT NULL,
    to_be_confirmed INTEGER NOT NULL CHECK (to_be_confirmed IN (0, 1)),
    valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    internal_note TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, position),
    FOREIGN KEY (site_id, fee_table_id) REFERENCES fee_tables(site_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX services_fee_table ON services(site_id, fee_table_id);

CREATE TABLE service_areas (
    service_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    area TEXT NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, service_id, position),
    FOREIGN KEY (site_id, service_id) REFERENCES services(site_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE service_target_groups (
    service_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    target_group TEXT NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, service_id, position),
    FOREIGN KEY (site_id, service_id) REFERENCES services(site_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE service_tags (
    service_id TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('pl', 'uk', 'en')),
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, service_id, lang, position),
    FOREIGN KEY (site_id, service_id) REFERENCES services(site_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE service_sources (
    service_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, service_id, position),
    FOREIGN KEY (site_id, service_id) REFERENCES services(site_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE equipment_types (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    category TEXT NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    description_pl TEXT NOT NULL, description_uk TEXT NOT NULL, description_en TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    default_loan_days INTEGER NOT NULL,
    max_loan_days INTEGER NOT NULL,
    notes_pl TEXT NOT NULL, notes_uk TEXT NOT NULL, notes_en TEXT NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, position)
) STRICT;

CREATE TABLE equipment_attributes (
    type_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    label_pl TEXT NOT NULL, label_uk TEXT NOT NULL, label_en TEXT NOT NULL,
    value_pl TEXT NOT NULL, value_uk TEXT NOT NULL, value_en TEXT NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, type_id, position),
    FOREIGN KEY (site_id, type_id) REFERENCES equipment_types(site_id, id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE equipment_what_to_bring (
    type_id TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('pl', 'uk', 'en')),
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, type_id, lang, position),
    FOREIGN KEY (site_id, type_id) REFERENCES equipment_types(site_id, id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- As before: a unit of a type a new catalogue drops fails the import at COMMIT (no cascade).
CREATE TABLE equipment_units (
    inventory_number TEXT NOT NULL,
    position INTEGER NOT NULL,
    type_id TEXT NOT NULL,
    state TEXT NOT NULL,
    notes TEXT NOT NULL,
    site_id TEXT NOT NULL,
    PRIMARY KEY (site_id, inventory_number),
    UNIQUE (site_id, position),
    FOREIGN KEY (site_id, type_id) REFERENCES equipment_types(site_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX equipment_units_type ON equipment_units(site_id, type_id);

CREATE TABLE counselling_kinds (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    description_pl TEXT NOT NULL, description_uk TEXT NOT NULL, description_en TEXT NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, position)
) STRICT;

CREATE TABLE emergency_numbers (
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    hours_pl TEXT NOT NULL, hours_uk TEXT NOT NULL, hours_en TEXT NOT NULL,
    verify_locally INTEGER NOT NULL CHECK (verify_locally IN (0, 1)),
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, position)
) STRICT;

CREATE TABLE announcements (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    title_pl TEXT NOT NULL, title_uk TEXT NOT NULL, title_en TEXT NOT NULL,
    body_pl TEXT NOT NULL, body_uk TEXT NOT NULL, body_en TEXT NOT NULL,
    valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, position)
) STRICT;

CREATE TABLE catalog_areas (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    retired INTEGER NOT NULL CHECK (retired IN (0, 1)),
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, position)
) STRICT;

CREATE TABLE catalog_target_groups (
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name_pl TEXT NOT NULL, name_uk TEXT NOT NULL, name_en TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    retired INTEGER NOT NULL CHECK (retired IN (0, 1)),
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, position)
) STRICT;

-- The live state of each unit, per site (inventory numbers are each CUS's own).
CREATE TABLE unit_states (
    inventory_number TEXT NOT NULL,
    state TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, inventory_number)
) STRICT;

CREATE TABLE catalog_retired (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    data TEXT NOT NULL,
    retired_by TEXT NOT NULL,  -- staff id, or 'import'
    retired_at INTEGER NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, entity, entity_id)
) STRICT;

CREATE TABLE catalog_import_base (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    data TEXT NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, entity, entity_id)
) STRICT;

CREATE TABLE emergency_number_checks (
    number TEXT NOT NULL,
    verified_on TEXT NOT NULL CHECK (verified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    at INTEGER NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (site_id, number)
) STRICT;

-- Which site's catalogue an import or a panel edit changed.
ALTER TABLE catalog_imports ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE catalog_edits ADD COLUMN site_id TEXT NOT NULL DEFAULT 'default';
)sql";

} // namespace

std::string catalogueSitesMigration()
{
    // Every table rebuilt, parents first: the catalogue's, then the server's keyed by its ids (which
    // no foreign key names).
    std::vector<std::string> tables(std::begin(catalog::kCatalogueTables), std::end(catalog::kCatalogueTables));
    tables.insert(tables.end(), std::begin(kKeyedByCatalogueId), std::end(kKeyedByCatalogueId));
    std::string sql = "DROP INDEX services_fee_table;\nDROP INDEX equipment_units_type;\n";
    for (const auto& table : tables)
        sql += "ALTER TABLE " + table + " RENAME TO " + table + "_before_sites;\n";
    sql += kTablesBySite;
    for (const auto& table : tables)
        sql += "INSERT INTO " + table + " SELECT *, 'default' FROM " + table + "_before_sites;\n";
    // Children before parents.
    for (auto it = tables.rbegin(); it != tables.rend(); ++it)
        sql += "DROP TABLE " + *it + "_before_sites;\n";
    return sql;
}

} // namespace okienko::server

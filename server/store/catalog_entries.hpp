// The whole catalogue kept in the panel: adding, changing, retiring and bringing back one entry of
// any kind the catalogue file has (the municipality, services, fee tables, equipment types, units,
// emergency numbers). Every change is made on the catalogue as a file (protocol::encodeCatalog) and
// checked by the catalogue loader over the whole file (catalog::parseCatalog), so cross-references
// (a service's fee table, a unit's type) are checked exactly as an import checks them; then the
// catalogue, its change-log rows (kiosks get them at their next sync) and the catalog_edits audit
// row (who, when, the entry before and after) are written in the caller's transaction.
// Retired entries are not deleted: catalog_retired keeps them whole to be brought back.
#pragma once

#include "server/server_store.hpp"
#include "server/store/catalog_views.hpp"
#include "server/store/site_scope.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/protocol/json_reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server
{

/// One kind of catalogue entry as the file and the change feed name it.
struct CatalogEntryKind
{
    std::string_view code;    ///< the panel's ?kind= and the change log's entity ("service", "fee_table")
    std::string_view listKey; ///< the file's list ("services"); "municipality" for the one object
    std::string_view idKey;   ///< the entry's id key ("id", "inventory_number", "number")
    bool single;              ///< the municipality: one entry, never added or retired
    /// Areas and target groups (decision 0012): retiring sets the entry's "retired" and keeps it in
    /// the catalogue (old records name it); bringing back clears it.
    bool retiredInPlace = false;
};

/// `entry` with each change laid over it: a value set at its JSON pointer (the pointer "" replaces
/// the whole entry), or removed when the change has none.
protocol::Json applyFieldChanges(protocol::Json entry, const std::vector<CatalogFieldChange>& changes);

/// Every kind the panel keeps, in the order the panel lists them.
const std::vector<CatalogEntryKind>& catalogEntryKinds();
/// The kind with this code; nullptr for an unknown one.
const CatalogEntryKind* catalogEntryKind(std::string_view code);

enum class EntryOperation
{
    Save,       ///< change the stored entry (its id stays)
    Add,        ///< a new entry, appended to its list
    Retire,     ///< out of the catalogue (kiosks drop it), kept in catalog_retired
    Reactivate, ///< a retired entry back at the end of its list
};

/// A coordinator's change of one entry. The form's values are laid over the stored entry's file
/// JSON (with its note); a new entry starts from an empty object.
struct EntryChange
{
    const CatalogEntryKind* kind = nullptr;
    EntryOperation operation = EntryOperation::Save;
    std::string id;           ///< "" for Add (the id comes from the form)
    std::int64_t version = 0; ///< Save/Retire: the seq the form was made from
    std::vector<CatalogFieldChange> changes;
    std::optional<std::string> verifiedOn; ///< emergency numbers: "sprawdzono dnia" (YYYY-MM-DD), "" clears
    std::string staffId;                   ///< a coordinator, or a partner's reviewer
    std::string site{kDefaultSite};        ///< whose catalogue (decision 0015): the panel's shown site
    std::int64_t now = 0;
    Date today;
};

struct EntryChangeOutcome
{
    CatalogSaveResult result = CatalogSaveResult::NotFound;
    std::string id;                ///< the entry's id (a new one's too)
    catalog::CatalogErrors errors; ///< Invalid: paths into the entry ("$.name.pl", "$.bands[1].up_to_percent")
    catalog::CatalogErrors
        otherErrors; ///< Invalid: what the change breaks elsewhere, full paths ("$.units[3].type_id")
    std::optional<protocol::Json> stored; ///< the entry as stored before, with its note
    CatalogChange current;                ///< the entry's latest change
};

/// Applies `change` inside the caller's write transaction (ServerStore::write). Nothing is written
/// unless the result is Saved.
Result<EntryChangeOutcome, db::Error> changeCatalogEntry(db::Database& d, const EntryChange& change);

/// THE one way a service enters the catalogue from outside the file (the panel's "add a service",
/// a partner's approved proposal): `serviceJson` is one item of the file's `services` list, with its
/// note. Checked and written as changeCatalogEntry's Add, in the caller's transaction; the catalogue
/// writer (writeCatalogue) tells residents whose needs it matches (server/residents).
Result<EntryChangeOutcome, db::Error> publishService(db::Database& d, std::string_view site,
                                                     const protocol::Json& serviceJson, const std::string& staffId,
                                                     std::int64_t now, Date today);

/// A retired entry as catalog_retired keeps it.
struct RetiredEntry
{
    std::string entity;
    std::string id;
    std::string name; ///< its Polish name (or number) for the list
    std::string retiredBy;
    std::int64_t retiredAt = 0;
};

/// When an emergency number was last checked.
struct EmergencyNumberCheck
{
    std::string verifiedOn; ///< YYYY-MM-DD
    std::string staffName;
};

/// What the panel's catalogue-keeping pages read, in one snapshot.
struct CatalogKeepingView
{
    std::optional<domain::Catalog> catalogue;
    protocol::Json document; ///< the catalogue as a file, notes included
    std::map<std::pair<std::string, std::string>, CatalogChange> lastChanges; ///< by (entity, id)
    std::vector<RetiredEntry> retired;
    std::map<std::string, EmergencyNumberCheck> checks; ///< by number
};

Status<db::Error> readCatalogKeeping(db::Database& d, std::string_view site, CatalogKeepingView& out);

/// The catalogue as the panel edits it: the file, with the areas and target groups always listed.
protocol::Json catalogueDocument(const domain::Catalog& catalogue);

/// The Polish reason retiring area or target group `id` is refused: the services that are not
/// archived and name it ("Obszaru „Zdrowie” nie można wycofać: wskazuje go usługa „…” (id)");
/// empty when nothing names it.
std::string retireRefusal(const domain::Catalog& catalogue, const CatalogEntryKind& kind, const std::string& id);

/// The file JSON of one entry in `document` (nullptr when none).
const protocol::Json* findEntryJson(const protocol::Json& document, const CatalogEntryKind& kind,
                                    const std::string& id);

} // namespace okienko::server

// import-catalog as a merge: what a catalogue file would change in the stored catalogue, field by
// field, without dropping a coordinator's panel edits. Three versions of every entry (and every
// indicator) are compared, each in the loader's canonical JSON (parsed, then encoded, so a key left
// at its default and the same key written out compare equal):
//   base    — the entry as the file had it at the last import (catalog_import_base),
//   current — the entry as stored now (the panel may have changed it since),
//   file    — the entry in the file being imported.
// A field whose current value differs from the base was edited in the panel: it is kept (and
// listed when the file would change it) unless the import is told to overwrite panel edits. Every
// other field takes the file's value. An entry the file no longer has is retired (kept whole in
// catalog_retired), unless it was added in the panel; an entry retired in the panel stays retired.
#pragma once

#include "server/server_store.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/protocol/json_reader.hpp"

#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace okienko::server
{

/// A field where a panel edit and the file disagree.
struct PanelEditConflict
{
    std::string entity; ///< "service", "indicator", …
    std::string id;
    std::string field;    ///< the entry's top-level key ("name", "fee"); "(wycofana)" for a retired entry
    protocol::Json panel; ///< the value the panel set (null when absent)
    protocol::Json file;  ///< the file's value
    bool kept = true;     ///< false with overwrite: the file's value was taken
};

/// What the merge does to the entries of one kind.
struct KindMerge
{
    std::vector<std::string> added;          ///< new from the file (or brought back with overwrite)
    std::vector<std::string> changed;        ///< at least one field takes the file's value
    std::vector<std::string> retired;        ///< the file no longer has them
    std::vector<std::string> keptPanelAdded; ///< added in the panel, not in the file: kept
};

struct MergePlan
{
    std::map<std::string, KindMerge> kinds; ///< by entity ("service", "unit", "indicator", …)
    std::vector<PanelEditConflict> conflicts;
    protocol::Json merged; ///< the catalogue file to store
    /// (entity, id, the stored entry) the merge retires
    std::vector<std::tuple<std::string, std::string, protocol::Json>> toRetire;
    std::vector<std::pair<std::string, std::string>> toRestore; ///< (entity, id) brought back from catalog_retired
    std::map<std::pair<std::string, std::string>, protocol::Json> base; ///< the file's entries: the next base
    std::vector<std::string> servicesBecomingAvailable; ///< active after the merge, not before (matching residents are
                                                        ///< told by writeCatalogue)
    bool anything() const;
};

/// The canonical file JSON of a parsed catalogue with its indicators.
protocol::Json canonicalDocument(const domain::Catalog& catalogue, const std::vector<domain::Indicator>& indicators);

/// The merge plan of a file (canonical JSON) over the stored catalogue, read in `d` (any snapshot).
/// `site`'s catalogue (decision 0015).
Result<MergePlan, db::Error> planCatalogMerge(db::Database& d, std::string_view site, const protocol::Json& file,
                                              bool overwritePanelEdits);

/// Applies `plan` inside the caller's write transaction; the merged file must pass the loader
/// (`errors` otherwise, nothing written). `fileName` is recorded in catalog_imports.
struct MergeApplied
{
    catalog::CatalogErrors errors;
    ImportSummary summary;
};
Result<MergeApplied, db::Error> applyCatalogMerge(db::Database& d, std::string_view site, const MergePlan& plan,
                                                  const std::string& fileName, std::int64_t now);

/// A conflicting value as the preview shows it: a string's text, other JSON dumped, cut at 160
/// bytes on a character boundary.
std::string shortJson(const protocol::Json& value);

/// The plan as the command line prints it (English, one line per entry and per conflicting field).
std::string describeMergePlan(const MergePlan& plan, bool overwritePanelEdits);

} // namespace okienko::server

// What the panel's catalogue pages read and ask of the store: the stored catalogue with who changed
// each entry last, one service or announcement with its version, and saving or withdrawing an entry
// with the precise reason a save was not made.
#pragma once

#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/protocol/json_reader.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

/// An entry's latest change-log row: who made it (a coordinator, or the catalogue file's import) and
/// when. Its seq is the entry's version, which every form carries.
struct CatalogChange
{
    std::int64_t seq = 0; ///< 0 when the change log has none
    std::int64_t at = 0;
    std::string staffName; ///< "" when the change came from import-catalog
};

/// The catalogue list: nullopt before the first import.
struct CatalogOverview
{
    std::optional<domain::Catalog> catalogue;
    std::map<std::string, CatalogChange> services;      ///< by service id
    std::map<std::string, CatalogChange> announcements; ///< by announcement id
};

/// One entry and its latest change, read in one snapshot so the version belongs to the texts.
template <typename Entry> struct CatalogEntryView
{
    std::optional<Entry> entry; ///< nullopt: no such entry (or no catalogue yet)
    CatalogChange change;
};

/// One value a form sets in an entry's catalogue JSON ("/fee/text" → {"pl": …}), or removes (nullopt).
struct CatalogFieldChange
{
    std::string pointer;
    std::optional<protocol::Json> value;
};

/// A coordinator's save of a service or an announcement: the stored entry with `changes` laid over
/// it, checked by the catalogue loader's rules for one entry.
struct CatalogEdit
{
    std::string id;           ///< "" adds a new announcement
    std::int64_t version = 0; ///< the seq the form was made from
    std::vector<CatalogFieldChange> changes;
    std::string staffId;
    std::int64_t now = 0;
};

enum class CatalogSaveResult
{
    Saved,
    Unchanged, ///< the entry would stay exactly as stored
    Invalid,   ///< the loader refused the entry (`errors`)
    Stale,     ///< the entry changed after the form's version
    NotFound,  ///< no such entry, or no catalogue yet
};

template <typename Entry> struct CatalogSaveOutcome
{
    CatalogSaveResult result = CatalogSaveResult::NotFound;
    catalog::CatalogErrors errors; ///< Invalid: paths into the entry ("$.name.uk")
    std::optional<Entry> stored;   ///< the entry as stored before this save, when there is one
    CatalogChange current;         ///< the entry's latest change (Stale: the one that came first)
};

} // namespace okienko::server

// The three-way merge of import-catalog (see catalog_merge.hpp).
#include "server/catalog_merge.hpp"

#include "server/store/catalog_entries.hpp"
#include "server/store/indicator_rows.hpp"
#include "server/store/okienko_try.hpp"
#include "server/store/site_scope.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/catalog_json.hpp"

#include <optional>
#include <set>
#include <sstream>

namespace okienko::server
{

namespace
{
using protocol::Json;
using Key = std::pair<std::string, std::string>;

/// One list of the file (or the municipality) as the merge walks it.
struct MergedKind
{
    std::string_view entity;
    std::string_view listKey;
    std::string_view idKey;
    bool single;
    bool retiredInPlace = false; ///< areas and groups: retiring sets "retired" (old records name them)
};

const std::vector<MergedKind>& mergedKinds()
{
    static const std::vector<MergedKind> kinds{
        {"municipality", "municipality", "id", true},
        {"service", "services", "id", false},
        {"fee_table", "fee_tables", "id", false},
        {"equipment_type", "equipment_types", "id", false},
        {"unit", "units", "inventory_number", false},
        {"counselling_kind", "counselling_kinds", "id", false},
        {"emergency_number", "emergency_numbers", "number", false},
        {"announcement", "announcements", "id", false},
        {"area", "areas", "id", false, true},
        {"target_group", "target_groups", "id", false, true},
        {"indicator", "indicators", "id", false},
    };
    return kinds;
}

/// (id, entry) of one list of `document`, in order.
std::vector<std::pair<std::string, Json>> entriesOf(const Json& document, const MergedKind& kind)
{
    std::vector<std::pair<std::string, Json>> out;
    const auto found = document.find(std::string(kind.listKey));
    if (found == document.end())
        return out;
    if (kind.single)
    {
        out.emplace_back(found->value("id", ""), *found);
        return out;
    }
    for (const auto& item : *found)
        out.emplace_back(item.value(std::string(kind.idKey), ""), item);
    return out;
}

/// A key's value; absent and null are the same ("not set").
Json valueAt(const Json& entry, const std::string& key)
{
    const auto it = entry.find(key);
    return it == entry.end() ? Json(nullptr) : *it;
}

/// The entry with `file`'s values except the fields edited in the panel (current ≠ base).
Json mergeFields(const std::optional<Json>& base, const Json& current, const Json& file, bool overwrite,
                 const MergedKind& kind, const std::string& id, std::vector<PanelEditConflict>& conflicts)
{
    std::set<std::string> keys;
    for (const Json* entry : {&current, &file})
        for (const auto& item : entry->items())
            keys.insert(item.key());
    if (base)
        for (const auto& item : base->items())
            keys.insert(item.key());
    Json out = Json::object();
    for (const auto& key : keys)
    {
        const Json c = valueAt(current, key);
        const Json f = valueAt(file, key);
        // Without a base (added in the panel) every value it has is the panel's.
        const bool edited = base ? c != valueAt(*base, key) : !c.is_null();
        Json chosen = f;
        if (edited && c != f)
        {
            conflicts.push_back({std::string(kind.entity), id, key, c, f, !overwrite});
            chosen = overwrite ? f : c;
        }
        else if (edited)
            chosen = c;
        if (!chosen.is_null() || (file.contains(key) && kind.entity == "indicator"))
            out[key] = chosen;
    }
    return out;
}

/// The base of an entry before any merge-import recorded one: what the last import logged for
/// services and announcements the panel changed (catalog_edits marks the panel's rows), the stored
/// entry for everything else; none for an indicator a coordinator edited.
Result<std::map<Key, Json>, db::Error> seedBase(db::Database& d, std::string_view site, const Json& current)
{
    std::map<Key, Json> stored;
    for (const auto& kind : mergedKinds())
        for (auto& [id, entry] : entriesOf(current, kind))
            stored[{std::string(kind.entity), id}] = entry;
    std::map<Key, Json> base = stored;
    std::vector<std::pair<Key, std::string>> logged;
    OKIENKO_TRY(db::forEachRow(
        d,
        "SELECT c.entity, c.entity_id, c.data FROM change_log c WHERE c.seq IN (SELECT MAX(l.seq) FROM change_log l "
        "WHERE l.op = 'upsert' AND l.site_id = ?1 AND l.seq NOT IN (SELECT change_seq FROM catalog_edits) AND "
        "(l.entity, l.entity_id) IN (SELECT entity, entity_id FROM catalog_edits WHERE site_id = ?1) GROUP BY "
        "l.entity, l.entity_id)",
        [&](db::Row& r)
        {
            std::string entity = r.text();
            std::string id = r.text();
            logged.push_back({{std::move(entity), std::move(id)}, r.text()});
        },
        site));
    std::set<Key> edited;
    OKIENKO_TRY(db::forEachRow(
        d, "SELECT DISTINCT entity, entity_id FROM catalog_edits WHERE site_id = ?",
        [&](db::Row& r)
        {
            std::string entity = r.text();
            edited.insert({std::move(entity), r.text()});
        },
        site));
    for (const auto& key : edited)
        base.erase(key);
    for (const auto& [key, data] : logged)
    {
        Json entry = Json::parse(data, nullptr, false);
        if (!entry.is_object())
            continue;
        // Kiosks' rows carry no note: the stored one counts as the file's.
        const auto now = stored.find(key);
        if (now != stored.end() && now->second.contains("internal_note"))
            entry["internal_note"] = now->second["internal_note"];
        base[key] = entry;
    }
    OKIENKO_TRY(db::forEachRow(d, "SELECT DISTINCT indicator_id FROM indicator_edits WHERE action = 'update'",
                               [&](db::Row& r) {
                                   base.erase({"indicator", r.text()});
                               }));
    return base;
}

Result<std::map<Key, Json>, db::Error> readBase(db::Database& d, std::string_view site, const Json& current)
{
    std::map<Key, Json> base;
    OKIENKO_TRY(db::forEachRow(
        d, "SELECT entity, entity_id, data FROM catalog_import_base WHERE site_id = ?",
        [&](db::Row& r)
        {
            std::string entity = r.text();
            std::string id = r.text();
            base[{std::move(entity), std::move(id)}] = Json::parse(r.text(), nullptr, false);
        },
        site));
    if (base.empty() && !current.is_null())
        return seedBase(d, site, current);
    return base;
}

/// The stored catalogue and indicators as one canonical file; null before the first import.
Result<Json, db::Error> currentDocument(db::Database& d, std::string_view site)
{
    auto has = catalog::hasCatalog(d, site);
    if (!has)
        return makeErr(has.error());
    if (!*has)
        return Json(nullptr);
    auto stored = catalog::loadCatalog(d, site);
    if (!stored)
        return makeErr(stored.error());
    auto indicators = readIndicators(d);
    if (!indicators)
        return makeErr(indicators.error());
    std::vector<domain::Indicator> plain;
    for (const auto& view : *indicators)
        plain.push_back(view.indicator);
    return canonicalDocument(*stored, plain);
}

} // namespace

bool MergePlan::anything() const
{
    for (const auto& [entity, kind] : kinds)
        if (!kind.added.empty() || !kind.changed.empty() || !kind.retired.empty())
            return true;
    return false;
}

Json canonicalDocument(const domain::Catalog& catalogue, const std::vector<domain::Indicator>& indicators)
{
    Json document = protocol::encodeCatalogWithLists(catalogue);
    Json list = Json::array();
    for (const auto& indicator : indicators)
        list.push_back(indicatorFileJson(indicator));
    document["indicators"] = list;
    return document;
}

Result<MergePlan, db::Error> planCatalogMerge(db::Database& d, std::string_view site, const Json& file,
                                              bool overwritePanelEdits)
{
    MergePlan plan;
    auto current = currentDocument(d, site);
    if (!current)
        return makeErr(current.error());
    auto base = readBase(d, site, *current);
    if (!base)
        return makeErr(base.error());
    std::set<Key> retired;
    OKIENKO_TRY(db::forEachRow(
        d, "SELECT entity, entity_id FROM catalog_retired WHERE site_id = ?",
        [&](db::Row& r)
        {
            std::string entity = r.text();
            retired.insert({std::move(entity), r.text()});
        },
        site));
    plan.merged = file;
    for (const auto& kind : mergedKinds())
    {
        const std::string entity(kind.entity);
        KindMerge& changes = plan.kinds[entity];
        std::map<std::string, Json> stored;
        for (auto& [id, entry] : entriesOf(*current, kind))
            stored[id] = entry;
        std::set<std::string> inFile;
        Json list = Json::array();
        for (auto& [id, fileEntry] : entriesOf(file, kind))
        {
            inFile.insert(id);
            plan.base[{entity, id}] = fileEntry;
            const auto b = base->find({entity, id});
            const std::optional<Json> baseEntry = b == base->end() ? std::nullopt : std::optional<Json>(b->second);
            const auto s = stored.find(id);
            Json merged = fileEntry;
            if (s != stored.end())
            {
                merged = mergeFields(baseEntry, s->second, fileEntry, overwritePanelEdits, kind, id, plan.conflicts);
                if (merged != s->second)
                    changes.changed.push_back(id);
            }
            else if (retired.count({entity, id}) != 0)
            {
                if (baseEntry && *baseEntry == fileEntry)
                    continue; // retired in the panel; the file did not change it
                plan.conflicts.push_back({entity, id, "(wycofana)", Json(nullptr), fileEntry, !overwritePanelEdits});
                if (!overwritePanelEdits)
                    continue;
                changes.added.push_back(id);
                plan.toRestore.push_back({entity, id});
            }
            else
                changes.added.push_back(id);
            if (kind.entity == "service" && merged.value("status", "") == "active" &&
                (s == stored.end() || s->second.value("status", "") != "active"))
                plan.servicesBecomingAvailable.push_back(id);
            if (kind.single)
                plan.merged[std::string(kind.listKey)] = merged;
            else
                list.push_back(merged);
        }
        for (auto& [id, entry] : entriesOf(*current, kind))
        {
            if (inFile.count(id) != 0)
                continue;
            if (base->count({entity, id}) != 0 && kind.retiredInPlace)
            {
                // An area or group the file no longer has is retired, never removed: old records
                // name it, and the loader refuses the merge while an offered service still does.
                if (!entry.value("retired", false))
                    changes.retired.push_back(id);
                Json kept = entry;
                kept["retired"] = true;
                list.push_back(kept);
                continue;
            }
            if (base->count({entity, id}) != 0)
            {
                changes.retired.push_back(id);
                plan.toRetire.push_back({entity, id, entry});
                continue;
            }
            changes.keptPanelAdded.push_back(id);
            list.push_back(entry);
        }
        if (!kind.single)
            plan.merged[std::string(kind.listKey)] = list;
    }
    return plan;
}

Result<MergeApplied, db::Error> applyCatalogMerge(db::Database& d, std::string_view site, const MergePlan& plan,
                                                  const std::string& fileName, std::int64_t now)
{
    MergeApplied applied;
    const std::string text = plan.merged.dump();
    auto catalogue = catalog::parseCatalog(text);
    if (!catalogue)
    {
        applied.errors = catalogue.error();
        return applied;
    }
    auto indicators = catalog::parseCatalogIndicators(text);
    if (!indicators)
    {
        applied.errors = indicators.error();
        return applied;
    }
    // The indicators' definitions are the programme's, one list for all sites: the default site's
    // import keeps them (decision 0015).
    auto written =
        writeCatalogue(d, site, *catalogue, now, site == kDefaultSite ? &*indicators : nullptr, UnitLogging::All);
    if (!written)
        return makeErr(written.error());
    applied.summary = std::move(written).value();
    for (const auto& [entity, id, data] : plan.toRetire)
        OKIENKO_TRY(db::exec(d,
                             "INSERT OR REPLACE INTO catalog_retired(entity, entity_id, data, retired_by, retired_at, "
                             "site_id) VALUES (?, ?, ?, 'import', ?, ?)",
                             entity, id, data.dump(), now, site));
    for (const auto& [entity, id] : plan.toRestore)
        OKIENKO_TRY(db::exec(d, "DELETE FROM catalog_retired WHERE entity = ? AND entity_id = ? AND site_id = ?",
                             entity, id, site));
    OKIENKO_TRY(db::exec(d, "DELETE FROM catalog_import_base WHERE site_id = ?", site));
    for (const auto& [key, data] : plan.base)
        OKIENKO_TRY(db::exec(d, "INSERT INTO catalog_import_base(entity, entity_id, data, site_id) VALUES (?, ?, ?, ?)",
                             key.first, key.second, data.dump(), site));
    Json counts = Json::object();
    for (const auto& [entity, kind] : plan.kinds)
        counts[entity] = {{"added", kind.added.size()},
                          {"changed", kind.changed.size()},
                          {"retired", kind.retired.size()},
                          {"kept_panel_added", kind.keptPanelAdded.size()}};
    counts["panel_edits"] = plan.conflicts.size();
    OKIENKO_TRY(db::exec(d, "INSERT INTO catalog_imports(at, file_name, summary, site_id) VALUES (?, ?, ?, ?)", now,
                         fileName, counts.dump(), site));
    return applied;
}

std::string shortJson(const Json& value)
{
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (text.size() > 160)
    {
        std::size_t cut = 157;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u)
            --cut;
        text = text.substr(0, cut) + "...";
    }
    return text;
}

std::string describeMergePlan(const MergePlan& plan, bool overwritePanelEdits)
{
    std::ostringstream out;
    for (const auto& kind : mergedKinds())
    {
        const auto it = plan.kinds.find(std::string(kind.entity));
        if (it == plan.kinds.end())
            continue;
        const KindMerge& k = it->second;
        out << kind.entity << ": " << k.added.size() << " added, " << k.changed.size() << " changed, "
            << k.retired.size() << " retired";
        if (!k.keptPanelAdded.empty())
            out << ", " << k.keptPanelAdded.size() << " added in the panel (kept)";
        out << "\n";
        for (const auto& id : k.added)
            out << "  + " << id << "\n";
        for (const auto& id : k.changed)
            out << "  ~ " << id << "\n";
        for (const auto& id : k.retired)
            out << "  - " << id << " (retired: hidden, kept to be brought back)\n";
        for (const auto& id : k.keptPanelAdded)
            out << "  = " << id << " (added in the panel, not in the file: kept)\n";
    }
    if (plan.conflicts.empty())
        out << "No panel edit is overwritten.\n";
    else
    {
        out << (overwritePanelEdits ? "Panel edits the file OVERWRITES (--overwrite-panel-edits):\n"
                                    : "Panel edits the file would overwrite (kept; --overwrite-panel-edits to take "
                                      "the file's values):\n");
        for (const auto& c : plan.conflicts)
        {
            out << "  " << c.entity << " " << c.id << " " << c.field;
            if (c.field == "(wycofana)")
                out << ": retired in the panel; the file has it\n";
            else
                out << ":\n    panel: " << shortJson(c.panel) << "\n    file:  " << shortJson(c.file) << "\n";
        }
    }
    return out.str();
}

} // namespace okienko::server

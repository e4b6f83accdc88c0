// Adding, changing, retiring and bringing back catalogue entries (see catalog_entries.hpp): the
// change is made on the catalogue as a file and checked by the loader over the whole file, then
// written by writeCatalogue with its audit row.
#include "server/store/catalog_entries.hpp"

#include "server/store/okienko_try.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"

#include <algorithm>
#include <utility>

namespace okienko::server
{

namespace
{
using protocol::Json;

const char* actionCode(EntryOperation operation)
{
    switch (operation)
    {
    case EntryOperation::Save:
        return "update";
    case EntryOperation::Retire:
        return "withdraw";
    case EntryOperation::Add:
    case EntryOperation::Reactivate:
        break;
    }
    return "add";
}

/// The index of entry `id` in its list of `document`; nullopt when none.
std::optional<std::size_t> entryIndex(const Json& document, const CatalogEntryKind& kind, const std::string& id)
{
    const auto list = document.find(std::string(kind.listKey));
    if (list == document.end() || !list->is_array())
        return std::nullopt;
    for (std::size_t i = 0; i < list->size(); ++i)
    {
        const Json& item = (*list)[i];
        const auto key = item.find(std::string(kind.idKey));
        if (key != item.end() && key->is_string() && key->get<std::string>() == id)
            return i;
    }
    return std::nullopt;
}

/// The latest change-log row of one entry (seq 0 when none) with the coordinator who made it.
Status<db::Error> readLastChange(db::Database& d, std::string_view site, std::string_view entity, const std::string& id,
                                 CatalogChange& out)
{
    out = CatalogChange{};
    return db::forEachRow(
        d,
        "SELECT c.seq, c.created_at, COALESCE(st.name, '') FROM change_log c "
        "LEFT JOIN catalog_edits e ON e.change_seq = c.seq LEFT JOIN staff st ON st.id = e.staff_id "
        "WHERE c.entity = ? AND c.entity_id = ? AND c.site_id = ? ORDER BY c.seq DESC LIMIT 1",
        [&](db::Row& r)
        {
            out.seq = r.int64();
            out.at = r.int64();
            out.staffName = r.text();
        },
        entity, id, site);
}

/// Splits the loader's errors of the whole file into those of the entry at `prefix` (made relative:
/// "$.services[3].name.pl" → "$.name.pl") and the rest.
void splitErrors(const catalog::CatalogErrors& errors, const std::string& prefix, EntryChangeOutcome& out)
{
    for (const auto& e : errors)
    {
        const bool inside =
            !prefix.empty() && e.path.rfind(prefix, 0) == 0 &&
            (e.path.size() == prefix.size() || e.path[prefix.size()] == '.' || e.path[prefix.size()] == '[');
        if (inside)
        {
            catalog::CatalogError relative = e;
            relative.path = "$" + e.path.substr(prefix.size());
            out.errors.push_back(std::move(relative));
        }
        else
            out.otherErrors.push_back(e);
    }
}

catalog::CatalogError entryError(std::string path, catalog::CatalogErrorCode code, std::string message)
{
    catalog::CatalogError e;
    e.path = std::move(path);
    e.code = code;
    e.message = std::move(message);
    return e;
}

/// "sprawdzono dnia": a real day, not after today.
std::optional<catalog::CatalogError> checkVerifiedOn(const std::string& text, Date today)
{
    if (text.empty())
        return std::nullopt;
    const auto day = parseIsoDate(text);
    if (!day)
        return entryError("$.verified_on", catalog::CatalogErrorCode::BadDate, "not a real day YYYY-MM-DD");
    if (today < *day)
        return entryError("$.verified_on", catalog::CatalogErrorCode::OutOfRange, "a day after today");
    return std::nullopt;
}

Result<bool, db::Error> isRetired(db::Database& d, std::string_view site, std::string_view entity,
                                  const std::string& id)
{
    return db::exists(d, "SELECT 1 FROM catalog_retired WHERE entity = ? AND entity_id = ? AND site_id = ?", entity, id,
                      site);
}

/// The entry's file JSON as `change` makes it; fills `before` and the outcome's fields. Returns
/// false when there is nothing to change (the outcome says why).
Result<bool, db::Error> makeEntry(db::Database& d, const EntryChange& change, Json& document, Json& before,
                                  std::optional<Json>& after, std::string& prefix, EntryChangeOutcome& out)
{
    const CatalogEntryKind& kind = *change.kind;
    const std::string entity(kind.code);
    const std::string listKey(kind.listKey);
    const std::string idKey(kind.idKey);
    if (kind.single)
    {
        if (change.operation != EntryOperation::Save)
            return false;
        Json& entry = document[listKey];
        out.id = entry.value("id", "");
        out.stored = entry;
        before = entry;
        Json changed = applyFieldChanges(entry, change.changes);
        changed["id"] = out.id;
        entry = changed;
        after = changed;
        prefix = "$." + listKey;
        OKIENKO_TRY(readLastChange(d, change.site, entity, out.id, out.current));
        return true;
    }
    Json& list = document[listKey];
    if (!list.is_array())
        list = Json::array();
    switch (change.operation)
    {
    case EntryOperation::Save:
    case EntryOperation::Retire:
    {
        const auto index = entryIndex(document, kind, change.id);
        if (!index)
            return false;
        out.id = change.id;
        out.stored = list[*index];
        before = list[*index];
        OKIENKO_TRY(readLastChange(d, change.site, entity, out.id, out.current));
        if (change.operation == EntryOperation::Retire && kind.retiredInPlace)
        {
            if (list[*index].value("retired", false))
                return false;
            list[*index]["retired"] = true;
            after = list[*index];
            prefix = "$." + listKey + "[" + std::to_string(*index) + "]";
            return true;
        }
        if (change.operation == EntryOperation::Retire)
        {
            list.erase(*index);
            return true;
        }
        Json changed = applyFieldChanges(list[*index], change.changes);
        changed[idKey] = out.id; // the id is what kiosks and references know the entry by
        list[*index] = changed;
        after = changed;
        prefix = "$." + listKey + "[" + std::to_string(*index) + "]";
        return true;
    }
    case EntryOperation::Add:
    {
        Json added = applyFieldChanges(Json::object(), change.changes);
        const auto id = added.find(idKey);
        out.id = id != added.end() && id->is_string() ? id->get<std::string>() : "";
        auto retired = isRetired(d, change.site, entity, out.id);
        if (!retired)
            return makeErr(retired.error());
        if (*retired)
            out.errors.push_back(entryError("$." + idKey, catalog::CatalogErrorCode::DuplicateId,
                                            "the id of a retired entry; bring that one back instead"));
        prefix = "$." + listKey + "[" + std::to_string(list.size()) + "]";
        list.push_back(added);
        after = added;
        return true;
    }
    case EntryOperation::Reactivate:
    {
        if (kind.retiredInPlace)
        {
            const auto index = entryIndex(document, kind, change.id);
            if (!index || !list[*index].value("retired", false))
                return false;
            out.id = change.id;
            out.stored = list[*index];
            before = list[*index];
            list[*index].erase("retired");
            after = list[*index];
            prefix = "$." + listKey + "[" + std::to_string(*index) + "]";
            OKIENKO_TRY(readLastChange(d, change.site, entity, out.id, out.current));
            return true;
        }
        auto data =
            db::queryText(d, "SELECT data FROM catalog_retired WHERE entity = ? AND entity_id = ? AND site_id = ?",
                          entity, change.id, change.site);
        if (!data)
            return makeErr(data.error());
        if (!*data || entryIndex(document, kind, change.id))
            return false;
        out.id = change.id;
        Json entry = Json::parse(**data, nullptr, false);
        if (entry.is_discarded())
            return makeErr(db::makeError(db::ErrorKind::BadData, "a retired entry is not JSON", "catalog_retired"));
        prefix = "$." + listKey + "[" + std::to_string(list.size()) + "]";
        list.push_back(entry);
        after = entry;
        OKIENKO_TRY(readLastChange(d, change.site, entity, out.id, out.current));
        return true;
    }
    }
    return false;
}

/// Writes the audit row of every change-log row the entry got after `sinceSeq`; when it got none
/// (a change kiosks do not see: the note, the check date) one upsert is logged for the record.
Status<db::Error> auditEntry(db::Database& d, const EntryChange& change, const std::string& id,
                             const std::optional<Json>& after, const Json& before, std::int64_t sinceSeq,
                             const domain::Catalog& written)
{
    const std::string entity(change.kind->code);
    std::vector<std::int64_t> seqs;
    OKIENKO_TRY(db::forEachRow(
        d, "SELECT seq FROM change_log WHERE entity = ? AND entity_id = ? AND seq > ? AND site_id = ? ORDER BY seq",
        [&](db::Row& r) { seqs.push_back(r.int64()); }, entity, id, sinceSeq, change.site));
    if (seqs.empty())
    {
        const auto entries = catalogueEntries(written);
        const auto it = entries.find({entity, id});
        if (it == entries.end())
            return {};
        auto seq = logCatalogUpsert(d, change.site, entity, id, it->second.first, it->second.second, change.now);
        if (!seq)
            return makeErr(seq.error());
        seqs.push_back(*seq);
    }
    const std::string data = after ? after->dump() : Json::object().dump();
    for (const auto seq : seqs)
        OKIENKO_TRY(db::exec(d,
                             "INSERT INTO catalog_edits(entity, entity_id, action, staff_id, change_seq, data, at, "
                             "before, site_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             entity, id, actionCode(change.operation), change.staffId, seq, data, change.now,
                             before.dump(), change.site));
    return {};
}

} // namespace

Json applyFieldChanges(Json entry, const std::vector<CatalogFieldChange>& changes)
{
    for (const auto& change : changes)
    {
        const Json::json_pointer at(change.pointer);
        if (change.value)
            entry[at] = *change.value;
        else if (entry.contains(at))
            entry.at(at.parent_pointer()).erase(at.back());
    }
    return entry;
}

const std::vector<CatalogEntryKind>& catalogEntryKinds()
{
    static const std::vector<CatalogEntryKind> kinds{
        {protocol::entity::kMunicipality, "municipality", "id", true},
        {protocol::entity::kService, "services", "id", false},
        {protocol::entity::kFeeTable, "fee_tables", "id", false},
        {protocol::entity::kEquipmentType, "equipment_types", "id", false},
        {protocol::entity::kUnit, "units", "inventory_number", false},
        {protocol::entity::kEmergencyNumber, "emergency_numbers", "number", false},
        {protocol::entity::kArea, "areas", "id", false, true},
        {protocol::entity::kTargetGroup, "target_groups", "id", false, true},
    };
    return kinds;
}

const CatalogEntryKind* catalogEntryKind(std::string_view code)
{
    for (const auto& kind : catalogEntryKinds())
        if (kind.code == code)
            return &kind;
    return nullptr;
}

Json catalogueDocument(const domain::Catalog& catalogue)
{
    return protocol::encodeCatalogWithLists(catalogue);
}

std::string retireRefusal(const domain::Catalog& catalogue, const CatalogEntryKind& kind, const std::string& id)
{
    const bool area = kind.code == protocol::entity::kArea;
    std::string name = id;
    if (area)
    {
        if (const auto parsed = domain::parseArea(id))
            if (const auto* def = catalogue.findArea(*parsed))
                name = def->name.pl;
    }
    else if (const auto parsed = domain::parseTargetGroup(id))
    {
        if (const auto* def = catalogue.findTargetGroup(*parsed))
            name = def->name.pl;
    }
    std::vector<const domain::Service*> naming;
    for (const auto& s : catalogue.services)
    {
        if (s.status == domain::ServiceStatus::Archived)
            continue;
        const bool names =
            area ? std::any_of(s.areas.begin(), s.areas.end(), [&](const domain::Area& a) { return a.id() == id; }) ||
                       s.primaryArea.id() == id
                 : std::any_of(s.targetGroups.begin(), s.targetGroups.end(),
                               [&](const domain::TargetGroup& g) { return g.id() == id; });
        if (names)
            naming.push_back(&s);
    }
    if (naming.empty())
        return {};
    const bool one = naming.size() == 1;
    std::string out = std::string(area ? "Obszaru" : "Grupy") + " „" + name +
                      "” nie można wycofać: " + (one ? "wskazuje " : "wskazują ") + (area ? "go" : "ją") +
                      (one ? " usługa " : " usługi: ");
    for (std::size_t i = 0; i < naming.size(); ++i)
        out += (i == 0 ? "" : ", ") + std::string("„") + naming[i]->name.pl + "” (" + naming[i]->id + ")";
    return out;
}

const Json* findEntryJson(const Json& document, const CatalogEntryKind& kind, const std::string& id)
{
    if (kind.single)
    {
        const auto it = document.find(std::string(kind.listKey));
        return it == document.end() ? nullptr : &*it;
    }
    const auto index = entryIndex(document, kind, id);
    return index ? &document.at(std::string(kind.listKey)).at(*index) : nullptr;
}

Result<EntryChangeOutcome, db::Error> changeCatalogEntry(db::Database& d, const EntryChange& change)
{
    EntryChangeOutcome out;
    if (change.kind == nullptr)
        return out;
    auto has = catalog::hasCatalog(d, change.site);
    if (!has)
        return makeErr(has.error());
    if (!*has)
        return out;
    auto stored = catalog::loadCatalog(d, change.site);
    if (!stored)
        return makeErr(stored.error());
    Json document = catalogueDocument(*stored);
    Json before = Json::object();
    std::optional<Json> after;
    std::string prefix;
    auto made = makeEntry(d, change, document, before, after, prefix, out);
    if (!made)
        return makeErr(made.error());
    if (!*made)
        return out;

    if (change.verifiedOn)
        if (auto bad = checkVerifiedOn(*change.verifiedOn, change.today))
            out.errors.push_back(*bad);
    if (change.operation == EntryOperation::Retire && change.kind->retiredInPlace)
        if (std::string refusal = retireRefusal(*stored, *change.kind, out.id); !refusal.empty())
            out.errors.push_back(entryError("$.retired", catalog::CatalogErrorCode::RetiredReference, refusal));
    auto parsed = catalog::parseCatalog(document.dump());
    if (!parsed)
        splitErrors(parsed.error(), prefix, out);
    if (!out.errors.empty() || !out.otherErrors.empty())
    {
        out.result = CatalogSaveResult::Invalid;
        return out;
    }
    const bool checked = change.operation == EntryOperation::Save || change.operation == EntryOperation::Retire;
    if (checked && out.current.seq != change.version)
    {
        out.result = CatalogSaveResult::Stale;
        return out;
    }
    std::optional<std::string> checkBefore;
    if (change.verifiedOn)
    {
        auto previous = db::queryText(
            d, "SELECT verified_on FROM emergency_number_checks WHERE number = ? AND site_id = ?", out.id, change.site);
        if (!previous)
            return makeErr(previous.error());
        checkBefore = previous->value_or("");
    }
    const bool checkChanged = change.verifiedOn && *checkBefore != *change.verifiedOn;
    if (*parsed == *stored && !checkChanged)
    {
        out.result = CatalogSaveResult::Unchanged;
        return out;
    }

    auto lastSeq = db::queryInt64(d, "SELECT COALESCE(MAX(seq), 0) FROM change_log");
    if (!lastSeq)
        return makeErr(lastSeq.error());
    const std::string entity(change.kind->code);
    if (entity == protocol::entity::kUnit && after)
        // The units page keeps a unit's live notes; the form's notes are the unit's notes from now on.
        OKIENKO_TRY(db::exec(d, "UPDATE unit_states SET notes = ? WHERE inventory_number = ? AND site_id = ?",
                             after->value("notes", ""), out.id, change.site));
    auto written = writeCatalogue(d, change.site, *parsed, change.now, nullptr, UnitLogging::Changed);
    if (!written)
        return makeErr(written.error());
    OKIENKO_TRY(auditEntry(d, change, out.id, after, before, lastSeq->value_or(0), *parsed));

    if (change.operation == EntryOperation::Retire && !change.kind->retiredInPlace)
        OKIENKO_TRY(db::exec(d,
                             "INSERT OR REPLACE INTO catalog_retired(entity, entity_id, data, retired_by, retired_at, "
                             "site_id) VALUES (?, ?, ?, ?, ?, ?)",
                             entity, out.id, before.dump(), change.staffId, change.now, change.site));
    if (change.operation == EntryOperation::Reactivate)
        OKIENKO_TRY(db::exec(d, "DELETE FROM catalog_retired WHERE entity = ? AND entity_id = ? AND site_id = ?",
                             entity, out.id, change.site));
    if (checkChanged && change.verifiedOn->empty())
        OKIENKO_TRY(
            db::exec(d, "DELETE FROM emergency_number_checks WHERE number = ? AND site_id = ?", out.id, change.site));
    else if (checkChanged)
        OKIENKO_TRY(db::exec(d,
                             "INSERT INTO emergency_number_checks(number, verified_on, staff_id, at, site_id) VALUES "
                             "(?, ?, ?, ?, ?) ON CONFLICT(site_id, number) DO UPDATE SET verified_on = "
                             "excluded.verified_on, staff_id = excluded.staff_id, at = excluded.at",
                             out.id, *change.verifiedOn, change.staffId, change.now, change.site));
    out.result = CatalogSaveResult::Saved;
    return out;
}

Result<EntryChangeOutcome, db::Error> publishService(db::Database& d, std::string_view site, const Json& serviceJson,
                                                     const std::string& staffId, std::int64_t now, Date today)
{
    EntryChange change;
    change.site = std::string(site);
    change.kind = catalogEntryKind(protocol::entity::kService);
    change.operation = EntryOperation::Add;
    change.changes.push_back({"", serviceJson});
    change.staffId = staffId;
    change.now = now;
    change.today = today;
    return changeCatalogEntry(d, change);
}

Status<db::Error> readCatalogKeeping(db::Database& d, std::string_view site, CatalogKeepingView& out)
{
    auto has = catalog::hasCatalog(d, site);
    if (!has)
        return makeErr(has.error());
    if (!*has)
        return {};
    auto stored = catalog::loadCatalog(d, site);
    if (!stored)
        return makeErr(stored.error());
    out.document = catalogueDocument(*stored);
    out.catalogue = std::move(stored).value();
    OKIENKO_TRY(db::forEachRow(
        d,
        "SELECT c.entity, c.entity_id, c.seq, c.created_at, COALESCE(st.name, '') FROM change_log c "
        "LEFT JOIN catalog_edits e ON e.change_seq = c.seq LEFT JOIN staff st ON st.id = e.staff_id "
        "WHERE c.seq IN (SELECT MAX(seq) FROM change_log WHERE entity IN ('municipality', 'service', 'fee_table', "
        "'equipment_type', 'unit', 'emergency_number', 'area', 'target_group') AND site_id = ?1 GROUP BY entity, "
        "entity_id)",
        [&](db::Row& r)
        {
            std::string entity = r.text();
            std::string id = r.text();
            CatalogChange change;
            change.seq = r.int64();
            change.at = r.int64();
            change.staffName = r.text();
            out.lastChanges[{std::move(entity), std::move(id)}] = std::move(change);
        },
        site));
    OKIENKO_TRY(db::forEachRow(
        d,
        "SELECT r.entity, r.entity_id, r.data, COALESCE(st.name, r.retired_by), r.retired_at FROM catalog_retired r "
        "LEFT JOIN staff st ON st.id = r.retired_by WHERE r.site_id = ?1 ORDER BY r.entity, r.retired_at DESC",
        [&](db::Row& r)
        {
            RetiredEntry e;
            e.entity = r.text();
            e.id = r.text();
            const Json data = Json::parse(r.text(), nullptr, false);
            if (data.is_object() && data.contains("name") && data["name"].is_object())
                e.name = data["name"].value("pl", "");
            e.retiredBy = r.text();
            e.retiredAt = r.int64();
            out.retired.push_back(std::move(e));
        },
        site));
    return db::forEachRow(
        d,
        "SELECT c.number, c.verified_on, COALESCE(st.name, '') FROM emergency_number_checks c "
        "LEFT JOIN staff st ON st.id = c.staff_id WHERE c.site_id = ?1",
        [&](db::Row& r)
        {
            std::string number = r.text();
            EmergencyNumberCheck check;
            check.verifiedOn = r.text();
            check.staffName = r.text();
            out.checks[std::move(number)] = std::move(check);
        },
        site);
}

} // namespace okienko::server

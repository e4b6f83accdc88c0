// The catalogue pages' queries and edits on SQLite. An edit loads the stored catalogue, lays the
// form's values over the entry's catalogue JSON, checks the result with the catalogue loader's rules
// for one entry (so what the panel stores always loads on a kiosk), and writes the catalogue, its
// change-log row (logCatalogUpsert / logCatalogDelete, as import-catalog logs it) and the
// catalog_edits audit row in one transaction. The entry's version is the seq of its latest
// change-log row; a save over a newer one is refused as Stale.
#include "server/residents/service_availability.hpp"
#include "server/store/catalog_entries.hpp"
#include "server/store/catalog_writes.hpp"
#include "server/store/okienko_try.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/util/log_escape.hpp"
#include "shared/util/uuid.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <utility>

namespace okienko::server
{

namespace
{
using protocol::Json;
namespace entity = protocol::entity;

/// The latest change of every entry of `kind` (or only of `id` when given), by entry id.
Status<db::Error> lastChanges(db::Database& d, std::string_view site, std::string_view kind,
                              std::map<std::string, CatalogChange>& out,
                              const std::optional<std::string>& id = std::nullopt)
{
    return db::forEachRow(
        d,
        "SELECT c.entity_id, c.seq, c.created_at, COALESCE(st.name, '') FROM change_log c "
        "LEFT JOIN catalog_edits e ON e.change_seq = c.seq LEFT JOIN staff st ON st.id = e.staff_id "
        "WHERE c.entity = ?1 AND (?2 IS NULL OR c.entity_id = ?2) AND c.site_id = ?3 AND c.seq = "
        "(SELECT MAX(m.seq) FROM change_log m WHERE m.entity = ?1 AND m.entity_id = c.entity_id AND m.site_id = ?3)",
        [&](db::Row& r)
        {
            const std::string entryId = r.text();
            CatalogChange change;
            change.seq = r.int64();
            change.at = r.int64();
            change.staffName = r.text();
            out[entryId] = std::move(change);
        },
        kind, id, site);
}

/// The latest change of entry `id` into `out` (seq 0 when the change log has none).
Status<db::Error> readLastChange(db::Database& d, std::string_view site, std::string_view kind, const std::string& id,
                                 CatalogChange& out)
{
    std::map<std::string, CatalogChange> found;
    if (auto st = lastChanges(d, site, kind, found, id); !st)
        return st;
    auto it = found.find(id);
    out = it == found.end() ? CatalogChange{} : it->second;
    return {};
}

/// The entry `id` of `entries`, or end().
template <typename Entry>
typename std::vector<Entry>::iterator findEntry(std::vector<Entry>& entries, const std::string& id)
{
    return std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
}

} // namespace

// storedCatalog, applyChanges and publish are also the partner proposals' (catalog_writes.hpp).
/// The catalogue as stored, or nullopt before the first import.
Result<std::optional<domain::Catalog>, db::Error> storedCatalog(db::Database& d, std::string_view site)
{
    auto has = catalog::hasCatalog(d, site);
    if (!has)
        return makeErr(has.error());
    if (!*has)
        return std::optional<domain::Catalog>();
    auto loaded = catalog::loadCatalog(d, site);
    if (!loaded)
        return makeErr(loaded.error());
    return std::optional<domain::Catalog>(std::move(loaded).value());
}

/// `entry` with the form's `changes` laid over it.
Json applyChanges(Json entry, const std::vector<CatalogFieldChange>& changes)
{
    return applyFieldChanges(std::move(entry), changes);
}

/// Writes the catalogue with one entry changed, the entry's change-log row (an upsert at
/// `position`, or a tombstone without one) and the audit row.
Status<db::Error> publish(db::Database& d, std::string_view site, const std::string& staffId,
                          const domain::Catalog& catalogue, std::string_view kind, const std::string& id,
                          const std::optional<Json>& data, std::optional<int> position, const char* action,
                          std::int64_t now)
{
    if (auto st = catalog::replaceCatalog(d, site, catalogue); !st)
        return st;
    const std::string dumped = data ? data->dump() : Json::object().dump();
    auto seq = data ? logCatalogUpsert(d, site, kind, id, dumped, position.value_or(0), now)
                    : logCatalogDelete(d, site, kind, id, now);
    if (!seq)
        return makeErr(seq.error());
    OKIENKO_TRY(db::exec(d,
                         "INSERT INTO catalog_edits(entity, entity_id, action, staff_id, change_seq, data, at, "
                         "site_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         kind, id, action, staffId, *seq, dumped, now, site));
    // A service published, re-activated or widened here (a coordinator's edit, a partner's approved
    // proposal) reaches the residents it matches (server/residents), as an import's does.
    if (const domain::Service* service = kind == entity::kService && data ? catalogue.findService(id) : nullptr)
        return residents::serviceChanged(d, site, *service, nowAt(now));
    return {};
}

namespace
{

/// Runs `edit` on the stored catalogue inside one ServerStore::write transaction and returns the
/// outcome it filled in; before the first import there is nothing to edit and `edit` is not called
/// (the outcome stays T{}). A failure is logged as "panel <what> failed" (SQLite's message, no form
/// values) and returned.
template <typename T>
Result<T, db::Error> editCatalogue(ServerStore& store, std::string_view site, const char* what,
                                   const std::function<Status<db::Error>(db::Database&, domain::Catalog&, T&)>& edit)
{
    auto result = writeWithOutcome(store, T{},
                                   [&](db::Database& d, T& out) -> Status<db::Error>
                                   {
                                       auto loaded = storedCatalog(d, site);
                                       if (!loaded)
                                           return makeErr(loaded.error());
                                       if (!*loaded)
                                           return {};
                                       return edit(d, **loaded, out);
                                   });
    if (!result)
        std::fprintf(stderr, "okienko-central: panel %s failed: %s\n", what,
                     util::escapeForLog(result.error().message).c_str());
    return result;
}

/// Reads entry `id` (found in the stored catalogue by `find`) and its latest change in one snapshot.
template <typename Entry>
Result<CatalogEntryView<Entry>, db::Error>
readEntry(ServerStore& store, std::string_view site, std::string_view kind, const std::string& id,
          const std::function<std::optional<Entry>(const domain::Catalog&)>& find)
{
    return readView<CatalogEntryView<Entry>>(store,
                                             [&](db::Database& d, CatalogEntryView<Entry>& out) -> Status<db::Error>
                                             {
                                                 auto stored = storedCatalog(d, site);
                                                 if (!stored)
                                                     return makeErr(stored.error());
                                                 if (*stored)
                                                     out.entry = find(**stored);
                                                 return readLastChange(d, site, kind, id, out.change);
                                             });
}

std::string newAnnouncementId(const domain::Catalog& c)
{
    for (;;)
    {
        std::string hex;
        for (char ch : newUuid())
            if (ch != '-' && hex.size() < 12)
                hex.push_back(ch);
        std::string id = "ogloszenie-" + hex;
        bool taken = false;
        for (const auto& a : c.announcements)
            taken = taken || a.id == id;
        if (!taken)
            return id;
    }
}

} // namespace

Result<CatalogOverview, db::Error> SqlitePanelStore::catalogOverview()
{
    const std::string site = m_scope.catalogueSite();
    return readView<CatalogOverview>(m_store,
                                     [&](db::Database& d, CatalogOverview& out) -> Status<db::Error>
                                     {
                                         auto stored = storedCatalog(d, site);
                                         if (!stored)
                                             return makeErr(stored.error());
                                         out.catalogue = std::move(stored).value();
                                         if (auto st = lastChanges(d, site, entity::kService, out.services); !st)
                                             return st;
                                         return lastChanges(d, site, entity::kAnnouncement, out.announcements);
                                     });
}

Result<CatalogEntryView<domain::Service>, db::Error> SqlitePanelStore::service(const std::string& id)
{
    return readEntry<domain::Service>(m_store, m_scope.catalogueSite(), entity::kService, id,
                                      [&](const domain::Catalog& c) -> std::optional<domain::Service>
                                      {
                                          if (const auto* s = c.findService(id))
                                              return *s;
                                          return std::nullopt;
                                      });
}

Result<CatalogEntryView<domain::Announcement>, db::Error> SqlitePanelStore::announcement(const std::string& id)
{
    return readEntry<domain::Announcement>(m_store, m_scope.catalogueSite(), entity::kAnnouncement, id,
                                           [&](const domain::Catalog& c) -> std::optional<domain::Announcement>
                                           {
                                               std::optional<domain::Announcement> found;
                                               for (const auto& a : c.announcements)
                                                   if (a.id == id)
                                                       found = a;
                                               return found;
                                           });
}

Result<CatalogSaveOutcome<domain::Service>, db::Error> SqlitePanelStore::saveService(const CatalogEdit& edit)
{
    const std::string site = m_scope.catalogueSite();
    using SaveOutcome = CatalogSaveOutcome<domain::Service>;
    const auto save = [&](db::Database& d, domain::Catalog& catalogue, SaveOutcome& outcome) -> Status<db::Error>
    {
        auto it = findEntry(catalogue.services, edit.id);
        if (it == catalogue.services.end())
            return {};
        outcome.stored = *it;
        if (auto st = readLastChange(d, site, entity::kService, edit.id, outcome.current); !st)
            return st;
        // The form edits the entry with its note; kiosks get it without (encodeService).
        const Json before = protocol::encodeService(*it);
        auto parsed =
            catalog::parseServiceEntry(applyChanges(protocol::encodeServiceWithNote(*it), edit.changes).dump());
        if (!parsed)
        {
            outcome.result = CatalogSaveResult::Invalid;
            outcome.errors = parsed.error();
            return {};
        }
        if (outcome.current.seq != edit.version)
        {
            outcome.result = CatalogSaveResult::Stale;
            return {};
        }
        const Json after = protocol::encodeService(*parsed);
        if (after == before && parsed->internalNote == it->internalNote)
        {
            outcome.result = CatalogSaveResult::Unchanged;
            return {};
        }
        const auto position = static_cast<int>(it - catalogue.services.begin());
        *it = std::move(parsed).value();
        outcome.result = CatalogSaveResult::Saved;
        return publish(d, site, edit.staffId, catalogue, entity::kService, edit.id, after, position, "update",
                       edit.now);
    };
    return editCatalogue<SaveOutcome>(m_store, site, "catalogue save", save);
}

Result<CatalogSaveOutcome<domain::Announcement>, db::Error> SqlitePanelStore::saveAnnouncement(const CatalogEdit& edit)
{
    const std::string site = m_scope.catalogueSite();
    using SaveOutcome = CatalogSaveOutcome<domain::Announcement>;
    const bool isNew = edit.id.empty();
    const auto save = [&](db::Database& d, domain::Catalog& catalogue, SaveOutcome& outcome) -> Status<db::Error>
    {
        std::string id = edit.id;
        Json before = Json::object();
        auto it = catalogue.announcements.end();
        if (isNew)
        {
            id = newAnnouncementId(catalogue);
            before = Json{{"id", id}};
        }
        else
        {
            it = findEntry(catalogue.announcements, id);
            if (it == catalogue.announcements.end())
                return {};
            outcome.stored = *it;
            before = protocol::encodeAnnouncement(*it);
            if (auto st = readLastChange(d, site, entity::kAnnouncement, id, outcome.current); !st)
                return st;
        }
        auto parsed = catalog::parseAnnouncementEntry(applyChanges(before, edit.changes).dump());
        if (!parsed)
        {
            outcome.result = CatalogSaveResult::Invalid;
            outcome.errors = parsed.error();
            return {};
        }
        if (!isNew && outcome.current.seq != edit.version)
        {
            outcome.result = CatalogSaveResult::Stale;
            return {};
        }
        const Json after = protocol::encodeAnnouncement(*parsed);
        if (!isNew && after == before)
        {
            outcome.result = CatalogSaveResult::Unchanged;
            return {};
        }
        int position = 0;
        if (isNew)
        {
            position = static_cast<int>(catalogue.announcements.size());
            catalogue.announcements.push_back(std::move(parsed).value());
        }
        else
        {
            position = static_cast<int>(it - catalogue.announcements.begin());
            *it = std::move(parsed).value();
        }
        outcome.result = CatalogSaveResult::Saved;
        return publish(d, site, edit.staffId, catalogue, entity::kAnnouncement, id, after, position,
                       isNew ? "add" : "update", edit.now);
    };
    return editCatalogue<SaveOutcome>(m_store, site, "announcement save", save);
}

Result<CatalogSaveResult, db::Error> SqlitePanelStore::withdrawAnnouncement(const std::string& id, std::int64_t version,
                                                                            const std::string& staffId,
                                                                            std::int64_t now)
{
    const std::string site = m_scope.catalogueSite();
    using SaveOutcome = CatalogSaveOutcome<domain::Announcement>; // only its result: NotFound until found
    const auto withdraw = [&](db::Database& d, domain::Catalog& catalogue, SaveOutcome& outcome) -> Status<db::Error>
    {
        auto it = findEntry(catalogue.announcements, id);
        if (it == catalogue.announcements.end())
            return {};
        CatalogChange last;
        if (auto st = readLastChange(d, site, entity::kAnnouncement, id, last); !st)
            return st;
        if (last.seq != version)
        {
            outcome.result = CatalogSaveResult::Stale;
            return {};
        }
        catalogue.announcements.erase(it);
        outcome.result = CatalogSaveResult::Saved;
        // A tombstone, as importCatalog writes for an entry the new file no longer has.
        return publish(d, site, staffId, catalogue, entity::kAnnouncement, id, std::nullopt, std::nullopt, "withdraw",
                       now);
    };
    auto outcome = editCatalogue<SaveOutcome>(m_store, site, "announcement withdrawal", withdraw);
    if (!outcome)
        return makeErr(outcome.error());
    return outcome->result;
}

} // namespace okienko::server

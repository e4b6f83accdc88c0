// Cursors are "<epoch>-<seq>" in the log and "<epoch>-s<end>.<order>.<rank>.<position>.<seq>" in a
// snapshot: the snapshot's end (the log position it describes), a fingerprint of the entity order (a
// server with another order answers 410 rather than skip an entity), and the last row sent (entity
// rank, catalogue position + 1, seq). Catalogue entries go in their file's order (position, then
// seq): a kiosk merging a list page by page keeps the browse order only when each page's entries
// come after the ones it has. A snapshot row is the latest row of its entity visible to the kiosk
// up to the end, and an upsert; compaction never removes such a row for an end at or after its
// horizon (it deletes only rows superseded at or before the horizon, and tombstones), so every page
// of one snapshot reads the same state however the log moves on meanwhile.
#include "server/change_feed.hpp"

#include "server/store/okienko_try.hpp"
#include "server/store/site_scope.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/changes.hpp"

#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

namespace okienko::server
{

namespace
{

using protocol::Json;

constexpr std::size_t kOrderSize = std::size(protocol::kSnapshotOrder);

Outcome errorPage(int status, const char* code, const char* message)
{
    return Outcome{status, "", code, message};
}

/// FNV-1a of the entity order: changes when an entity is added or moved.
std::string orderFingerprint()
{
    std::uint32_t h = 2166136261u;
    for (const auto& e : protocol::kSnapshotOrder)
    {
        for (char c : e.name)
            h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        h = (h ^ '|') * 16777619u;
    }
    char out[9];
    std::snprintf(out, sizeof out, "%08x", h);
    return out;
}

std::string knownEntitiesJson()
{
    Json list = Json::array();
    for (const auto& e : protocol::kSnapshotOrder)
        list.push_back(std::string(e.name));
    return list.dump();
}

bool parseNumber(std::string_view text, std::int64_t& out)
{
    if (text.empty() || text.size() > 18)
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
}

struct Cursor
{
    bool snapshot = false;
    std::int64_t seq = 0;      ///< log: the last seq covered; snapshot: the last row's seq
    std::int64_t end = 0;      ///< snapshot: the log position it describes
    std::size_t rank = 0;      ///< snapshot: the entity rank of the last row (kOrderSize: unlisted ones)
    std::int64_t position = 0; ///< snapshot: the last row's catalogue position + 1 (0: none)
    std::string order;         ///< snapshot: the fingerprint it was made with
};

/// nullopt: not a cursor of this form (400 bad_cursor).
std::optional<Cursor> parseCursor(std::string_view rest)
{
    Cursor c;
    if (rest.empty() || rest[0] != 's')
    {
        if (!parseNumber(rest, c.seq))
            return std::nullopt;
        return c;
    }
    c.snapshot = true;
    std::vector<std::string_view> parts;
    rest.remove_prefix(1);
    for (std::size_t dot; (dot = rest.find('.')) != std::string_view::npos; rest.remove_prefix(dot + 1))
        parts.push_back(rest.substr(0, dot));
    parts.push_back(rest);
    std::int64_t rank = 0;
    if (parts.size() != 5 || !parseNumber(parts[0], c.end) || parts[1].size() != 8 || !parseNumber(parts[2], rank) ||
        !parseNumber(parts[3], c.position) || !parseNumber(parts[4], c.seq) ||
        rank > static_cast<std::int64_t>(kOrderSize) || c.seq > c.end)
        return std::nullopt;
    c.rank = static_cast<std::size_t>(rank);
    c.order = std::string(parts[1]);
    return c;
}

/// What the kiosk may see of a change-log row aliased `t` (?2 kiosk id, ?4 its sites, ?5 whether it
/// does staff work): its site's rows, for every kiosk or for it alone; the staff feed (names,
/// phones, PIN hashes) only when it is flagged for staff work.
std::string visible(const KioskIdentity& kiosk, const std::string& t)
{
    return SiteScope::one(kiosk.site).clause(t + ".site_id", "?4") + " AND (" + t + ".kiosk_id = ?2 OR (" + t +
           ".kiosk_id IS NULL AND (" + t + ".entity NOT IN ('pickup', 'open_loan', 'staff') OR ?5 = 1)))";
}

/// The latest row of its entity the kiosk sees up to the snapshot's end (?7), and an upsert.
std::string liveAtEnd(const KioskIdentity& kiosk)
{
    return "c.seq <= ?7 AND c.op = 'upsert' AND " + visible(kiosk, "c") +
           " AND NOT EXISTS (SELECT 1 FROM change_log n WHERE n.entity = c.entity AND n.entity_id = c.entity_id "
           "AND n.seq > c.seq AND n.seq <= ?7 AND " +
           visible(kiosk, "n") + ")";
}

void appendChange(std::string& body, int count, std::int64_t seq, const std::string& entity,
                  const std::string& entityId, const std::string& op, const std::string& data,
                  std::optional<std::int64_t> position)
{
    if (count > 0)
        body += ',';
    // Built by hand: `data` is already JSON text, so it is embedded without re-parsing it.
    body += "{\"seq\":" + std::to_string(seq) + ",\"entity\":" + Json(entity).dump() +
            ",\"id\":" + Json(entityId).dump() + ",\"op\":\"" + op + "\",\"data\":" + data;
    if (position)
        body += ",\"position\":" + std::to_string(*position);
    body += '}';
}

struct Feed
{
    db::Database& d;
    const KioskIdentity& kiosk;
    std::string epoch;
    std::int64_t horizon = 0;
    std::int64_t end = 0;
    bool staffWork = false;
};

Result<Outcome, db::Error> logPage(Feed& f, std::int64_t from, int limit, bool& more)
{
    std::string body = "{\"changes\":[";
    int count = 0;
    std::int64_t last = from;
    OKIENKO_TRY(db::forEachRow(
        f.d,
        "SELECT seq, entity, entity_id, op, data, position FROM change_log c WHERE seq > ?1 AND " +
            visible(f.kiosk, "c") + " ORDER BY seq LIMIT ?3",
        [&](db::Row& row)
        {
            if (count == limit)
            {
                more = true; // the one row past the page (LIMIT limit + 1)
                return;
            }
            last = row.int64();
            std::string entity = row.text();
            std::string entityId = row.text();
            std::string op = row.text();
            std::string data = row.text();
            appendChange(body, count, last, entity, entityId, op, data, row.optionalInt64());
            ++count;
        },
        from, f.kiosk.id, static_cast<std::int64_t>(limit) + 1, SiteScope::one(f.kiosk.site).bound(),
        f.staffWork ? 1 : 0));
    // Without more rows for this kiosk, everything up to the log's end is covered: jump there so
    // other kiosks' rows are not scanned again.
    const std::int64_t cursor = more ? last : f.end;
    body +=
        "],\"cursor\":\"" + f.epoch + "-" + std::to_string(cursor) + "\",\"more\":" + (more ? "true" : "false") + "}";
    return Outcome{200, std::move(body), "", ""};
}

/// The live ids of every entity the kiosk holds as the server's copy, for the sweep at the end.
Result<std::map<std::string, std::vector<std::string>>, db::Error> liveIds(Feed& f, std::int64_t snapshotEnd)
{
    std::map<std::string, std::vector<std::string>> live;
    for (const auto& e : protocol::kSnapshotOrder)
        if (e.role != protocol::SnapshotRole::OwnRequest)
            live[std::string(e.name)];
    OKIENKO_TRY(db::forEachRow(
        f.d,
        "SELECT c.entity, c.entity_id FROM change_log c WHERE c.entity IN (SELECT value FROM json_each(?1)) AND " +
            liveAtEnd(f.kiosk) + " ORDER BY c.seq",
        [&](db::Row& row)
        {
            std::string entity = row.text();
            live[entity].push_back(row.text());
        },
        knownEntitiesJson(), f.kiosk.id, 0, SiteScope::one(f.kiosk.site).bound(), f.staffWork ? 1 : 0, 0, snapshotEnd));
    // A site the server keeps no catalogue for: the kiosk's own (its seed) stays as it is.
    if (live[std::string(protocol::entity::kMunicipality)].empty())
        for (const auto& e : protocol::kSnapshotOrder)
            if (e.role == protocol::SnapshotRole::Catalogue)
                live.erase(std::string(e.name));
    for (const auto& e : protocol::kSnapshotOrder)
        if (e.role == protocol::SnapshotRole::OwnRequest)
            live.erase(std::string(e.name));
    return live;
}

Result<Outcome, db::Error> snapshotPage(Feed& f, const Cursor& from, int limit, bool& more)
{
    const std::string fingerprint = orderFingerprint();
    std::string body = "{\"changes\":[";
    int count = 0;
    std::size_t rank = from.rank;
    std::int64_t last = from.seq;
    std::int64_t lastPosition = from.position;
    bool full = false;
    const std::string sites = SiteScope::one(f.kiosk.site).bound();
    const std::string listed = "SELECT c.seq, c.entity, c.entity_id, c.data, c.position FROM change_log c WHERE "
                               "c.entity = ?1 AND c.seq > ?6 AND " +
                               liveAtEnd(f.kiosk) + " ORDER BY c.seq LIMIT ?3";
    const std::string catalogue = "SELECT c.seq, c.entity, c.entity_id, c.data, c.position FROM change_log c WHERE "
                                  "c.entity = ?1 AND (COALESCE(c.position, -1) + 1, c.seq) > (?8, ?6) AND " +
                                  liveAtEnd(f.kiosk) + " ORDER BY COALESCE(c.position, -1), c.seq LIMIT ?3";
    const std::string unlisted = "SELECT c.seq, c.entity, c.entity_id, c.data, c.position FROM change_log c WHERE "
                                 "c.entity NOT IN (SELECT value FROM json_each(?1)) AND c.seq > ?6 AND " +
                                 liveAtEnd(f.kiosk) + " ORDER BY c.seq LIMIT ?3";
    for (; rank <= kOrderSize; ++rank, last = 0, lastPosition = 0)
    {
        const std::int64_t want = limit - count + 1; // one past the page says whether more follow
        auto read = [&](db::Row& row)
        {
            if (count == limit)
            {
                full = true;
                return;
            }
            last = row.int64();
            std::string entity = row.text();
            std::string entityId = row.text();
            std::string data = row.text();
            const auto position = row.optionalInt64();
            lastPosition = position ? *position + 1 : 0;
            appendChange(body, count, last, entity, entityId, "upsert", data, position);
            ++count;
        };
        if (rank < kOrderSize && protocol::kSnapshotOrder[rank].role == protocol::SnapshotRole::Catalogue)
            OKIENKO_TRY(db::forEachRow(f.d, catalogue, read, std::string(protocol::kSnapshotOrder[rank].name),
                                       f.kiosk.id, want, sites, f.staffWork ? 1 : 0, last, from.end, lastPosition));
        else if (rank < kOrderSize)
            OKIENKO_TRY(db::forEachRow(f.d, listed, read, std::string(protocol::kSnapshotOrder[rank].name), f.kiosk.id,
                                       want, sites, f.staffWork ? 1 : 0, last, from.end));
        else
            OKIENKO_TRY(db::forEachRow(f.d, unlisted, read, knownEntitiesJson(), f.kiosk.id, want, sites,
                                       f.staffWork ? 1 : 0, last, from.end));
        if (full)
            break;
    }
    body += ']';
    more = true;
    if (full)
    {
        body += ",\"cursor\":\"" + f.epoch + "-s" + std::to_string(from.end) + "." + fingerprint + "." +
                std::to_string(rank) + "." + std::to_string(lastPosition) + "." + std::to_string(last) +
                "\",\"more\":true}";
        return Outcome{200, std::move(body), "", ""};
    }
    // The snapshot is complete: the live ids for the kiosk's sweep, then the log after the snapshot.
    more = from.end < f.end;
    auto live = liveIds(f, from.end);
    if (!live)
        return makeErr(live.error());
    body += ",\"live\":" + Json(*live).dump() + ",\"cursor\":\"" + f.epoch + "-" + std::to_string(from.end) +
            "\",\"more\":" + (more ? "true" : "false") + "}";
    return Outcome{200, std::move(body), "", ""};
}

} // namespace

Result<ChangesPageRead, db::Error> readChangesPage(db::Database& d, const KioskIdentity& kiosk,
                                                   const std::string& since, int limit)
{
    Feed f{d, kiosk, {}, 0, 0, false};
    auto meta = db::queryOne(
        d,
        "SELECT epoch, compacted_through, (SELECT COALESCE(MAX(seq), 0) FROM change_log), "
        "COALESCE((SELECT staff_work FROM kiosks WHERE id = ?1), 0) FROM server_meta",
        [&](db::Row& row)
        {
            f.epoch = row.text();
            f.horizon = row.int64();
            f.end = row.int64();
            f.staffWork = row.int64() == 1;
            return true;
        },
        kiosk.id);
    if (!meta)
        return makeErr(meta.error());
    if (!*meta)
        return makeErr(db::badData("server_meta", "is empty"));
    // Tombstones at the end of the log may be compacted away; a seq is never reused, so the end is
    // never below the horizon.
    f.end = std::max(f.end, f.horizon);

    Cursor from;
    if (since.empty())
    {
        from.snapshot = true;
        from.end = f.end;
    }
    else
    {
        const auto dash = since.find('-');
        auto parsed = dash == std::string::npos ? std::nullopt : parseCursor(std::string_view(since).substr(dash + 1));
        if (!parsed)
            return ChangesPageRead{errorPage(400, "bad_cursor", "since: not a cursor of this server"), {}};
        if (since.substr(0, dash) != f.epoch)
            return ChangesPageRead{
                errorPage(410, "cursor_reset", "since: cursor of another server database; pull from the start"), {}};
        from = *parsed;
        const std::int64_t position = from.snapshot ? from.end : from.seq;
        if (position > f.end)
            return ChangesPageRead{errorPage(400, "bad_cursor", "since: beyond the end of the change log"), {}};
        if (position < f.horizon || (from.snapshot && from.order != orderFingerprint()))
            return ChangesPageRead{
                errorPage(410, "cursor_reset", "since: behind the compacted change log; pull from the start"), {}};
    }
    bool more = false;
    auto page = from.snapshot ? snapshotPage(f, from, limit, more) : logPage(f, from.seq, limit, more);
    if (!page)
        return makeErr(page.error());
    return ChangesPageRead{std::move(page).value(), from.snapshot ? from.end : from.seq, more};
}

} // namespace okienko::server

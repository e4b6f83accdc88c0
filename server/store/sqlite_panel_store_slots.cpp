// The duty-slot pages' queries and changes on SQLite. Overlaps are checked inside the write
// transaction (two coordinators publishing at once cannot both take a room). Editing the time,
// length or room of a free slot gives it a new id and withdraws the old one: a kiosk that was
// offline may have shown the old time on a resident's slip, and its late booking of the old id must
// surface as a conflict for a coordinator rather than silently book the resident at a time they were
// never told.
#include "server/store/panel_actions.hpp"
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/util/uuid.hpp"

#include <utility>

namespace okienko::server
{

namespace
{
constexpr const char* kSlotColumns = "s.id, s.kind_ids, s.counsellor, s.room, s.date, s.start_minute, "
                                     "s.duration_minutes";

std::vector<std::string> parseKindIds(const std::string& json)
{
    std::vector<std::string> out;
    const auto kinds = protocol::Json::parse(json, nullptr, false);
    if (kinds.is_array())
        for (const auto& k : kinds)
            if (k.is_string())
                out.push_back(k.get<std::string>());
    return out;
}

/// The kSlotColumns of a row.
SlotView readSlot(db::Row& r)
{
    SlotView s;
    s.id = r.text();
    s.kindIds = parseKindIds(r.text());
    s.counsellor = r.text();
    s.room = r.text();
    s.date = r.text();
    s.start = r.integer();
    s.minutes = r.integer();
    return s;
}

Status<db::Error> readKinds(db::Database& d, const std::string& site, std::vector<CounsellingKindView>& out)
{
    return db::forEachRow(
        d, "SELECT id, name_pl FROM counselling_kinds WHERE site_id = ?1 ORDER BY position",
        [&](db::Row& r)
        {
            CounsellingKindView k;
            k.id = r.text();
            k.name = r.text();
            out.push_back(std::move(k));
        },
        site);
}

Status<db::Error> readFreeSlots(db::Database& d, const SiteScope& scope, Date today, int minuteNow, int limit,
                                std::vector<SlotView>& out)
{
    return db::forEachRow(
        d,
        std::string("SELECT ") + kSlotColumns +
            " FROM counselling_slots s WHERE s.booked_by IS NULL AND (s.date > ?1 OR (s.date = ?1 AND "
            "s.start_minute > ?2)) AND " +
            scope.clause("s.site_id", "?4") + " ORDER BY s.date, s.start_minute, s.room LIMIT ?3",
        [&](db::Row& r) { out.push_back(readSlot(r)); }, today.iso(), minuteNow, limit, scope.bound());
}

/// Another slot of the site on the same day that shares the counsellor or the room and overlaps in time.
Status<db::Error> findOverlap(db::Database& d, const SiteScope& scope, const SlotEdit& e, SlotChangeOutcome& outcome)
{
    auto found = db::queryOne(
        d,
        std::string("SELECT ") + kSlotColumns +
            ", s.counsellor = ?1 COLLATE NOCASE FROM counselling_slots s WHERE s.date = ?3 AND s.id <> ?4 AND "
            "s.start_minute < ?6 AND s.start_minute + s.duration_minutes > ?5 AND (s.counsellor = ?1 COLLATE NOCASE "
            "OR s.room = ?2 COLLATE NOCASE) AND " +
            scope.clause("s.site_id", "?7") + " ORDER BY s.start_minute LIMIT 1",
        [](db::Row& r)
        {
            SlotChangeOutcome o;
            o.result = SlotChangeResult::Overlap;
            o.overlapping = readSlot(r);
            o.sameCounsellor = r.flag();
            return o;
        },
        e.counsellor, e.room, e.date.iso(), e.id, e.start, e.start + e.minutes, scope.bound());
    if (!found)
        return makeErr(found.error());
    if (*found)
        outcome = std::move(**found);
    return {};
}

/// Whether slot `id` is booked; nullopt when it is gone or another site's.
Result<std::optional<bool>, db::Error> slotBooked(db::Database& d, const SiteScope& scope, const std::string& id)
{
    return db::queryOne(
        d, "SELECT booked_by IS NOT NULL FROM counselling_slots WHERE id = ? AND " + scope.clause("site_id"),
        [](db::Row& r) { return r.flag(); }, id, scope.bound());
}

/// Whether slot `id` may be edited or withdrawn; when not, `outcome` says why (gone or booked).
Result<bool, db::Error> slotIsFree(db::Database& d, const SiteScope& scope, const std::string& id,
                                   SlotChangeOutcome& outcome)
{
    auto booked = slotBooked(d, scope, id);
    if (!booked)
        return makeErr(booked.error());
    if (!*booked)
    {
        outcome.result = SlotChangeResult::Gone;
        return false;
    }
    if (**booked)
    {
        outcome.result = SlotChangeResult::Booked;
        return false;
    }
    return true;
}

/// Logs the slot for kiosks and records the coordinator's `action`.
Status<db::Error> logSlotAction(db::Database& d, const std::string& staffId, const std::string& slotId,
                                const std::string& action, std::int64_t now, const std::string& site)
{
    if (auto e = logCounsellingSlotChange(d, slotId, now); !e)
        return e;
    return recordPanelAction(d, staffId, "counselling_slot", slotId, action, now, site);
}
} // namespace

Result<std::vector<CounsellingKindView>, db::Error> SqlitePanelStore::counsellingKinds()
{
    return readView<std::vector<CounsellingKindView>>(
        m_store,
        [&](db::Database& d, std::vector<CounsellingKindView>& out) -> Status<db::Error>
        { return readKinds(d, m_scope.catalogueSite(), out); });
}

Result<SlotsOverview, db::Error> SqlitePanelStore::slotsOverview(Date today, int minuteNow)
{
    return readView<SlotsOverview>(
        m_store,
        [&](db::Database& d, SlotsOverview& out) -> Status<db::Error>
        {
            if (auto s = readKinds(d, m_scope.catalogueSite(), out.kinds); !s)
                return s;
            if (auto s = readFreeSlots(d, m_scope, today, minuteNow, 200, out.free); !s)
                return s;
            return db::forEachRow(
                d,
                std::string("SELECT ") + kSlotColumns +
                    ", s.booked_by IS NOT NULL, COALESCE(r.id, ''), COALESCE(r.code, ''), COALESCE(r.status, ''), "
                    "COALESCE(r.kind_id, '') FROM counselling_slots s LEFT JOIN counselling_requests r ON r.id = "
                    "s.booked_by WHERE s.date >= ? AND " +
                    m_scope.clause("s.site_id") + " ORDER BY s.date, s.start_minute, s.room",
                [&](db::Row& r)
                {
                    BookedSlotView b;
                    b.slot = readSlot(r);
                    b.booked = r.flag();
                    b.requestId = r.text();
                    b.requestCode = r.text();
                    b.requestStatus = r.text();
                    b.requestKind = r.text();
                    out.upcoming.push_back(std::move(b));
                },
                today.iso(), m_scope.bound());
        });
}

Result<std::vector<SlotView>, db::Error> SqlitePanelStore::freeSlots(Date today, int minuteNow, int limit)
{
    return readView<std::vector<SlotView>>(m_store,
                                           [&](db::Database& d, std::vector<SlotView>& out) -> Status<db::Error>
                                           { return readFreeSlots(d, m_scope, today, minuteNow, limit, out); });
}

Result<SlotChangeOutcome, db::Error> SqlitePanelStore::saveSlot(const SlotEdit& edit)
{
    return writeWithOutcome(
        m_store, SlotChangeOutcome{},
        [&](db::Database& d, SlotChangeOutcome& outcome) -> Status<db::Error>
        {
            bool placeChanged = true;
            if (!edit.id.empty())
            {
                auto free = slotIsFree(d, m_scope, edit.id, outcome);
                if (!free)
                    return makeErr(free.error());
                if (!*free)
                    return {};
                auto stored = db::queryOne(
                    d, "SELECT date, start_minute, duration_minutes, room FROM counselling_slots WHERE id = ?",
                    [&](db::Row& r)
                    {
                        // Every column is read, in order, before they are compared.
                        const std::string date = r.text();
                        const int start = r.integer();
                        const int minutes = r.integer();
                        const std::string room = r.text();
                        return date != edit.date.iso() || start != edit.start || minutes != edit.minutes ||
                               room != edit.room;
                    },
                    edit.id);
                if (!stored)
                    return makeErr(stored.error());
                placeChanged = stored->value_or(true);
            }
            if (auto s = findOverlap(d, m_scope, edit, outcome); !s || outcome.result == SlotChangeResult::Overlap)
                return s;
            const std::string kindsJson = protocol::Json(edit.kindIds).dump();
            if (!edit.id.empty() && !placeChanged)
            {
                if (auto e = db::exec(d, "UPDATE counselling_slots SET counsellor = ?, kind_ids = ? WHERE id = ?",
                                      edit.counsellor, kindsJson, edit.id);
                    !e)
                    return e;
                outcome.result = SlotChangeResult::Edited;
                return logSlotAction(d, edit.staffId, edit.id, "edit", edit.now, site());
            }
            const std::string newId = newUuid();
            if (auto e = db::exec(d,
                                  "INSERT INTO counselling_slots(id, kind_ids, counsellor, room, date, start_minute, "
                                  "duration_minutes, site_id) VALUES (?,?,?,?,?,?,?,?)",
                                  newId, kindsJson, edit.counsellor, edit.room, edit.date.iso(), edit.start,
                                  edit.minutes, site());
                !e)
                return e;
            if (edit.id.empty())
            {
                outcome.result = SlotChangeResult::Published;
                return logSlotAction(d, edit.staffId, newId, "publish", edit.now, site());
            }
            if (auto e = logCounsellingSlotChange(d, newId, edit.now); !e)
                return e;
            // A new time or room: the old id is withdrawn (see the top of this file).
            if (auto e = db::exec(d, "DELETE FROM counselling_slots WHERE id = ? AND booked_by IS NULL", edit.id); !e)
                return e;
            outcome.result = SlotChangeResult::Edited;
            return logSlotAction(d, edit.staffId, edit.id, "edit: replaced by " + newId, edit.now, site());
        });
}

Result<SlotChangeOutcome, db::Error> SqlitePanelStore::withdrawSlot(const std::string& id, const std::string& staffId,
                                                                    std::int64_t now)
{
    return writeWithOutcome(m_store, SlotChangeOutcome{},
                            [&](db::Database& d, SlotChangeOutcome& outcome) -> Status<db::Error>
                            {
                                auto free = slotIsFree(d, m_scope, id, outcome);
                                if (!free)
                                    return makeErr(free.error());
                                if (!*free)
                                    return {};
                                if (auto e = db::exec(d, "DELETE FROM counselling_slots WHERE id = ?", id); !e)
                                    return e;
                                outcome.result = SlotChangeResult::Withdrawn;
                                return logSlotAction(d, staffId, id, "withdraw", now, site());
                            });
}

} // namespace okienko::server

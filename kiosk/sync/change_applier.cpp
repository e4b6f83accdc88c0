// Merging changes into the catalogue keeps the file's browse order by the change's position.
#include "kiosk/sync/change_applier.hpp"

#include "shared/catalog/activity_rows.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/activity_json.hpp"
#include "shared/protocol/catalog_json.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <set>

namespace okienko::sync
{

namespace
{

using db::Error;
using db::ErrorKind;
namespace entity = protocol::entity;

Error badChange(const protocol::Change& change, const protocol::ProtocolError& error)
{
    // The id of a catalogue entity is not personal; the value that failed is never included.
    return db::makeError(ErrorKind::BadData, "change " + change.entity + "/" + change.id + ": " + error.describe(),
                         "sync.applyChanges");
}

bool isCatalogueEntity(std::string_view e)
{
    return e == entity::kMunicipality || e == entity::kService || e == entity::kFeeTable ||
           e == entity::kEquipmentType || e == entity::kUnit || e == entity::kCounsellingKind ||
           e == entity::kEmergencyNumber || e == entity::kAnnouncement || e == entity::kArea ||
           e == entity::kTargetGroup;
}

/// Where each item of a catalogue list belongs: `position` is the index the server gave (the
/// item's index in the stored list for items this page does not touch); `touched` items win a tie,
/// so an entity upserted at position p lands before the old item that had p.
struct Slot
{
    int position = 0;
    int rank = 1; ///< 0: changed in this page, 1: as stored
};

template <typename T> struct OrderedList
{
    std::vector<T>* items = nullptr;
    std::vector<Slot> slots;

    explicit OrderedList(std::vector<T>& list) : items(&list)
    {
        for (std::size_t i = 0; i < list.size(); ++i)
            slots.push_back(Slot{static_cast<int>(i), 1});
    }

    template <typename Key> void merge(const protocol::Change& change, std::optional<T> value, Key key)
    {
        auto it = std::find_if(items->begin(), items->end(), [&](const T& item) { return key(item) == change.id; });
        const auto index = static_cast<std::size_t>(it - items->begin());
        if (change.op == protocol::ChangeOp::Delete)
        {
            if (it != items->end())
            {
                items->erase(it);
                slots.erase(slots.begin() + static_cast<std::ptrdiff_t>(index));
            }
            return;
        }
        if (!value)
            return;
        if (it != items->end())
        {
            *it = std::move(*value);
            if (change.position >= 0)
                slots[index].position = change.position;
            slots[index].rank = 0;
            return;
        }
        // Without a position a new item goes last.
        const int position = change.position >= 0
                                 ? change.position
                                 : std::numeric_limits<int>::max() / 2 + static_cast<int>(items->size());
        items->push_back(std::move(*value));
        slots.push_back(Slot{position, 0});
    }

    /// Drops the items whose key is not in `live` (the end of a snapshot); returns how many.
    template <typename Key> int keepOnly(const std::set<std::string>& live, Key key)
    {
        int dropped = 0;
        for (std::size_t i = items->size(); i-- > 0;)
            if (live.count(key((*items)[i])) == 0)
            {
                items->erase(items->begin() + static_cast<std::ptrdiff_t>(i));
                slots.erase(slots.begin() + static_cast<std::ptrdiff_t>(i));
                ++dropped;
            }
        return dropped;
    }

    void sort()
    {
        std::vector<std::size_t> order(items->size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(
            order.begin(), order.end(),
            [&](std::size_t a, std::size_t b)
            { return std::pair(slots[a].position, slots[a].rank) < std::pair(slots[b].position, slots[b].rank); });
        std::vector<T> sorted;
        sorted.reserve(items->size());
        for (auto i : order)
            sorted.push_back(std::move((*items)[i]));
        *items = std::move(sorted);
    }
};

/// A catalogue being merged, with the order bookkeeping of each list.
struct MergingCatalog
{
    domain::Catalog catalog;
    OrderedList<domain::Service> services{catalog.services};
    OrderedList<domain::FeeTable> feeTables{catalog.feeTables};
    OrderedList<domain::EquipmentType> equipmentTypes{catalog.equipmentTypes};
    OrderedList<domain::EquipmentUnit> units{catalog.units};
    OrderedList<domain::CounsellingKind> counsellingKinds{catalog.counsellingKinds};
    OrderedList<domain::EmergencyNumber> emergencyNumbers{catalog.emergencyNumbers};
    OrderedList<domain::Announcement> announcements{catalog.announcements};
    OrderedList<domain::AreaDefinition> areas{catalog.areas};
    OrderedList<domain::TargetGroupDefinition> targetGroups{catalog.targetGroups};

    explicit MergingCatalog(domain::Catalog c) : catalog(std::move(c)) {}
    MergingCatalog(const MergingCatalog&) = delete;
    MergingCatalog& operator=(const MergingCatalog&) = delete;

    domain::Catalog finish()
    {
        services.sort();
        feeTables.sort();
        equipmentTypes.sort();
        units.sort();
        counsellingKinds.sort();
        emergencyNumbers.sort();
        announcements.sort();
        areas.sort();
        targetGroups.sort();
        return std::move(catalog);
    }
};

template <typename T>
Status<Error> decodeInto(const protocol::Change& change, std::optional<T>& out,
                         Result<T, protocol::ProtocolError> (*decode)(const protocol::Json&))
{
    if (change.op == protocol::ChangeOp::Delete)
        return {};
    auto decoded = decode(change.data);
    if (!decoded)
        return makeErr(badChange(change, decoded.error()));
    out = std::move(decoded).value();
    return {};
}

Status<Error> applyCatalogueChange(MergingCatalog& merging, const protocol::Change& change)
{
    const std::string& e = change.entity;
    if (e == entity::kMunicipality)
    {
        if (change.op == protocol::ChangeOp::Delete)
            return {};
        auto m = protocol::decodeMunicipality(change.data);
        if (!m)
            return makeErr(badChange(change, m.error()));
        merging.catalog.municipality = std::move(m).value();
        return {};
    }
#define OKIENKO_MERGE(ENTITY, TYPE, LIST, DECODE, KEY)                                                                 \
    if (e == ENTITY)                                                                                                   \
    {                                                                                                                  \
        std::optional<TYPE> value;                                                                                     \
        auto st = decodeInto<TYPE>(change, value, &DECODE);                                                            \
        if (!st)                                                                                                       \
            return st;                                                                                                 \
        merging.LIST.merge(change, std::move(value), [](const TYPE& x) -> std::string_view { return x.KEY; });         \
        return {};                                                                                                     \
    }
    OKIENKO_MERGE(entity::kService, domain::Service, services, protocol::decodeService, id)
    OKIENKO_MERGE(entity::kFeeTable, domain::FeeTable, feeTables, protocol::decodeFeeTable, id)
    OKIENKO_MERGE(entity::kEquipmentType, domain::EquipmentType, equipmentTypes, protocol::decodeEquipmentType, id)
    OKIENKO_MERGE(entity::kUnit, domain::EquipmentUnit, units, protocol::decodeUnit, inventoryNumber)
    OKIENKO_MERGE(entity::kCounsellingKind, domain::CounsellingKind, counsellingKinds, protocol::decodeCounsellingKind,
                  id)
    OKIENKO_MERGE(entity::kEmergencyNumber, domain::EmergencyNumber, emergencyNumbers, protocol::decodeEmergencyNumber,
                  number)
    OKIENKO_MERGE(entity::kAnnouncement, domain::Announcement, announcements, protocol::decodeAnnouncement, id)
    OKIENKO_MERGE(entity::kArea, domain::AreaDefinition, areas, protocol::decodeArea, id.id())
    OKIENKO_MERGE(entity::kTargetGroup, domain::TargetGroupDefinition, targetGroups, protocol::decodeTargetGroup,
                  id.id())
#undef OKIENKO_MERGE
    return {};
}

/// The end of a snapshot: the catalogue keeps only the entries the server listed as live.
int sweepCatalogue(MergingCatalog& merging, const std::string& e, const std::set<std::string>& live)
{
#define OKIENKO_SWEEP(ENTITY, TYPE, LIST, KEY)                                                                         \
    if (e == ENTITY)                                                                                                   \
        return merging.LIST.keepOnly(live, [](const TYPE& x) { return std::string(x.KEY); });
    OKIENKO_SWEEP(entity::kService, domain::Service, services, id)
    OKIENKO_SWEEP(entity::kFeeTable, domain::FeeTable, feeTables, id)
    OKIENKO_SWEEP(entity::kEquipmentType, domain::EquipmentType, equipmentTypes, id)
    OKIENKO_SWEEP(entity::kUnit, domain::EquipmentUnit, units, inventoryNumber)
    OKIENKO_SWEEP(entity::kCounsellingKind, domain::CounsellingKind, counsellingKinds, id)
    OKIENKO_SWEEP(entity::kEmergencyNumber, domain::EmergencyNumber, emergencyNumbers, number)
    OKIENKO_SWEEP(entity::kAnnouncement, domain::Announcement, announcements, id)
    OKIENKO_SWEEP(entity::kArea, domain::AreaDefinition, areas, id.id())
    OKIENKO_SWEEP(entity::kTargetGroup, domain::TargetGroupDefinition, targetGroups, id.id())
#undef OKIENKO_SWEEP
    return 0; // the municipality is one object, always sent
}

/// The kiosk table (and its key column) holding the server's rows of a non-catalogue entity.
std::optional<std::pair<const char*, const char*>> replicaTable(std::string_view e)
{
    if (e == entity::kCounsellingSlot)
        return std::pair{"counselling_slots", "id"};
    if (e == entity::kActivity)
        return std::pair{"activities", "id"};
    if (e == entity::kStaff)
        return std::pair{"staff", "id"};
    if (e == entity::kPickup)
        return std::pair{"staff_pickups", "reservation_id"};
    if (e == entity::kOpenLoan)
        return std::pair{"staff_loans", "loan_id"};
    return std::nullopt;
}

Status<Error> applySlot(db::Database& db, const protocol::Change& change)
{
    if (change.op == protocol::ChangeOp::Delete)
        return db::exec(db, "DELETE FROM counselling_slots WHERE id = ?1", change.id);
    auto slot = protocol::decodeSlot(change.data);
    if (!slot)
        return makeErr(badChange(change, slot.error()));
    if (auto ran = db::exec(db,
                            "INSERT INTO counselling_slots(id, counsellor, room, date, start_minute, duration_minutes,"
                            " booked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET"
                            " counsellor = excluded.counsellor, room = excluded.room, date = excluded.date,"
                            " start_minute = excluded.start_minute, duration_minutes = excluded.duration_minutes,"
                            " booked = excluded.booked",
                            slot->id, slot->counsellor, slot->room, slot->date.iso(), slot->startMinute,
                            slot->durationMinutes, slot->booked);
        !ran)
        return ran;
    if (auto cleared = db::exec(db, "DELETE FROM counselling_slot_kinds WHERE slot_id = ?1", slot->id); !cleared)
        return cleared;
    for (std::size_t i = 0; i < slot->kindIds.size(); ++i)
        if (auto ran =
                db::exec(db, "INSERT INTO counselling_slot_kinds(slot_id, position, kind_id) VALUES (?1, ?2, ?3)",
                         slot->id, static_cast<std::int64_t>(i), slot->kindIds[i]);
            !ran)
            return ran;
    return {};
}

/// A deactivated member's row goes, PIN hash and all: a kiosk keeps no hash nobody may use, so a
/// stolen disk holds only the PINs of active staff. secure_delete overwrites the freed bytes
/// instead of leaving them in the page (on by default in Debian's SQLite; said here so it does not
/// depend on the build); the WAL keeps them until its next checkpoint.
Status<Error> removeStaff(db::Database& db, const std::string& staffId)
{
    if (auto zeroing = db::exec(db, "PRAGMA secure_delete = ON"); !zeroing)
        return zeroing;
    return db::exec(db, "DELETE FROM staff WHERE id = ?1", staffId);
}

Status<Error> applyStaff(db::Database& db, const protocol::Change& change)
{
    if (change.op == protocol::ChangeOp::Delete)
        return removeStaff(db, change.id);
    auto staff = protocol::decodeStaff(change.data);
    if (!staff)
        return makeErr(badChange(change, staff.error()));
    if (!staff->active) // a release 0.1.0 server sent deactivation as an upsert
        return removeStaff(db, change.id);
    return db::exec(db,
                    "INSERT INTO staff(id, name, role, pin_hash, active) VALUES (?1, ?2, ?3, ?4, ?5)"
                    " ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role,"
                    " pin_hash = excluded.pin_hash, active = excluded.active",
                    staff->id, staff->name, std::string(domain::toCode(staff->role)), staff->pinHash, staff->active);
}

/// The change's id names the row; data that names another row is a server bug, not something to store.
Status<Error> checkSameId(const protocol::Change& change, const std::string& dataId, std::string_view key)
{
    if (dataId == change.id)
        return {};
    return makeErr(badChange(change, protocol::ProtocolError{protocol::ProtocolErrorCode::BadValue,
                                                             "$." + std::string(key), "differs from the change's id"}));
}

// Staff-mode rows carry a name and a phone: errors name the entity, id and JSON path, never a value.
Status<Error> applyPickup(db::Database& db, const protocol::Change& change)
{
    if (change.op == protocol::ChangeOp::Delete)
        return db::exec(db, "DELETE FROM staff_pickups WHERE reservation_id = ?1", change.id);
    auto p = protocol::decodePickup(change.data);
    if (!p)
        return makeErr(badChange(change, p.error()));
    if (auto same = checkSameId(change, p->reservationId, "reservation_id"); !same)
        return same;
    return db::exec(db,
                    "INSERT INTO staff_pickups(reservation_id, code, type_id, pick_up_date, loan_days, status,"
                    " person_name, person_phone, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                    " CAST(strftime('%s', 'now') AS INTEGER))"
                    " ON CONFLICT(reservation_id) DO UPDATE SET code = excluded.code,"
                    " type_id = excluded.type_id, pick_up_date = excluded.pick_up_date,"
                    " loan_days = excluded.loan_days, status = excluded.status,"
                    " person_name = excluded.person_name, person_phone = excluded.person_phone,"
                    " received_at = excluded.received_at",
                    p->reservationId, p->code, p->typeId, p->pickUpDate.iso(), p->loanDays,
                    std::string(domain::toCode(p->status)), p->name, p->phone);
}

Status<Error> applyOpenLoan(db::Database& db, const protocol::Change& change)
{
    if (change.op == protocol::ChangeOp::Delete)
        return db::exec(db, "DELETE FROM staff_loans WHERE loan_id = ?1", change.id);
    auto l = protocol::decodeOpenLoan(change.data);
    if (!l)
        return makeErr(badChange(change, l.error()));
    if (auto same = checkSameId(change, l->loanId, "loan_id"); !same)
        return same;
    return db::exec(db,
                    "INSERT INTO staff_loans(loan_id, inventory_number, type_id, start_date, due_date,"
                    " borrower_name, borrower_phone, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                    " CAST(strftime('%s', 'now') AS INTEGER))"
                    " ON CONFLICT(loan_id) DO UPDATE SET inventory_number = excluded.inventory_number,"
                    " type_id = excluded.type_id, start_date = excluded.start_date,"
                    " due_date = excluded.due_date, borrower_name = excluded.borrower_name,"
                    " borrower_phone = excluded.borrower_phone, received_at = excluded.received_at",
                    l->loanId, l->inventoryNumber, l->typeId, l->start.iso(), l->due.iso(), l->name, l->phone);
}

/// The server never deletes an activity (it cancels it), but a tombstone is honoured all the same.
Status<Error> applyActivity(db::Database& db, const protocol::Change& change)
{
    if (change.op == protocol::ChangeOp::Delete)
        return db::exec(db, "DELETE FROM activities WHERE id = ?1", change.id);
    auto a = protocol::decodeActivity(change.data);
    if (!a)
        return makeErr(badChange(change, a.error()));
    if (auto same = checkSameId(change, a->id, "id"); !same)
        return same;
    return catalog::upsertActivity(db, *a);
}

Result<bool, Error> applyRequestStatus(db::Database& db, const protocol::Change& change)
{
    if (change.op == protocol::ChangeOp::Delete)
        return false;
    auto update = protocol::decodeRequestStatus(change.data);
    if (!update)
        return makeErr(badChange(change, update.error()));
    const char* sql = nullptr;
    if (change.entity == entity::kReservation)
        sql = "UPDATE reservations SET status = ?2 WHERE id = ?1";
    else if (change.entity == entity::kCounsellingRequest)
        sql = "UPDATE counselling_requests SET status = ?2 WHERE id = ?1";
    else
        sql = "UPDATE callback_requests SET status = ?2 WHERE id = ?1";
    auto st = db::exec(db, sql, update->id, update->status);
    if (!st)
        return makeErr(st.error());
    return db.changes() > 0;
}

} // namespace

Result<ApplySummary, Error> applyChanges(db::Database& db, const protocol::ChangesPage& page)
{
    if (!db.inTransaction())
        return makeErr(
            db::makeError(ErrorKind::Misuse, "applyChanges needs an open write transaction", "sync.applyChanges"));
    ApplySummary summary;
    std::unique_ptr<MergingCatalog> catalog; // loaded on the first catalogue change of the page
    for (const auto& change : page.changes)
    {
        const std::string& e = change.entity;
        if (isCatalogueEntity(e))
        {
            if (!catalog)
            {
                auto loaded = catalog::loadCatalog(db);
                if (loaded)
                    catalog = std::make_unique<MergingCatalog>(std::move(loaded).value());
                else if (loaded.error().kind == ErrorKind::NotFound)
                    catalog = std::make_unique<MergingCatalog>(domain::Catalog{});
                else
                    return makeErr(loaded.error());
            }
            auto st = applyCatalogueChange(*catalog, change);
            if (!st)
                return makeErr(st.error());
            ++summary.catalogue;
        }
        else if (e == entity::kCounsellingSlot)
        {
            auto st = applySlot(db, change);
            if (!st)
                return makeErr(st.error());
            ++summary.slots;
        }
        else if (e == entity::kActivity)
        {
            auto st = applyActivity(db, change);
            if (!st)
                return makeErr(st.error());
            ++summary.activities;
        }
        else if (e == entity::kStaff)
        {
            auto st = applyStaff(db, change);
            if (!st)
                return makeErr(st.error());
            ++summary.staff;
        }
        else if (e == entity::kPickup)
        {
            auto st = applyPickup(db, change);
            if (!st)
                return makeErr(st.error());
            ++summary.pickups;
        }
        else if (e == entity::kOpenLoan)
        {
            auto st = applyOpenLoan(db, change);
            if (!st)
                return makeErr(st.error());
            ++summary.openLoans;
        }
        else if (e == entity::kReservation || e == entity::kCounsellingRequest || e == entity::kCallbackRequest)
        {
            auto applied = applyRequestStatus(db, change);
            if (!applied)
                return makeErr(applied.error());
            if (*applied)
                ++summary.requests;
            else
                ++summary.skipped;
        }
        else
        {
            ++summary.skipped;
        }
    }
    if (page.live)
    {
        // The end of a snapshot: rows the server no longer has (their tombstones may be compacted
        // away) leave too, so the kiosk holds exactly what the server listed.
        for (const auto& [e, ids] : *page.live)
        {
            const std::set<std::string> live(ids.begin(), ids.end());
            if (isCatalogueEntity(e))
            {
                if (!catalog)
                {
                    auto loaded = catalog::loadCatalog(db);
                    if (!loaded && loaded.error().kind != ErrorKind::NotFound)
                        return makeErr(loaded.error());
                    if (!loaded)
                        continue; // nothing stored, nothing to sweep
                    catalog = std::make_unique<MergingCatalog>(std::move(loaded).value());
                }
                summary.swept += sweepCatalogue(*catalog, e, live);
            }
            else if (auto table = replicaTable(e))
            {
                // Staff rows hold PIN hashes: their bytes are overwritten, as for a deactivation.
                if (auto zeroing = db::exec(db, "PRAGMA secure_delete = ON"); !zeroing)
                    return makeErr(zeroing.error());
                auto n = db::execChanges(db,
                                         std::string("DELETE FROM ") + table->first + " WHERE " + table->second +
                                             " NOT IN (SELECT value FROM json_each(?1))",
                                         protocol::Json(ids).dump());
                if (!n)
                    return makeErr(n.error());
                summary.swept += static_cast<int>(*n);
            }
        }
    }
    if (catalog)
    {
        auto st = catalog::replaceCatalog(db, catalog->finish());
        if (!st)
            return makeErr(st.error());
    }
    return summary;
}

Result<std::string, Error> loadCursor(db::Database& db)
{
    auto cursor = db::queryText(db, "SELECT pull_cursor FROM sync_state WHERE id = 1");
    if (!cursor)
        return makeErr(cursor.error());
    return cursor->value_or(std::string());
}

Status<Error> storeCursor(db::Database& db, const std::string& cursor, std::int64_t now)
{
    return db::exec(db, "UPDATE sync_state SET pull_cursor = ?1, last_sync_at = ?2 WHERE id = 1", cursor, now);
}

} // namespace okienko::sync

// Reads the current row and turns it into one change-log row (kiosk_id NULL: every kiosk). A row the
// kiosk's codec would refuse is never published: a change that does not decode stops every kiosk's
// pull, so it is logged as a delete and reported without its values.
#include "server/staff_changes.hpp"

#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/log_escape.hpp"

#include <cstdio>
#include <optional>

namespace okienko::server
{

namespace
{
using protocol::ChangeOp;
using protocol::Json;

Status<db::Error> logBroadcast(db::Database& d, std::string_view entity, const std::string& id,
                               const std::optional<Json>& data, std::int64_t now,
                               std::optional<std::int64_t> kioskId = std::nullopt)
{
    const ChangeOp op = data ? ChangeOp::Upsert : ChangeOp::Delete;
    if (!data)
    {
        // The reservation or loan ended: its name and phone should not outlive it in the log either
        // (compaction removes superseded rows only behind the oldest cursor still needed, and a
        // kiosk behind the end may still pull them). Earlier upserts of the id become tombstones; a
        // kiosk that has not pulled them ends in the same state (gone).
        if (auto scrubbed = db::exec(d,
                                     "UPDATE change_log SET op = 'delete', data = '{}' WHERE entity = ? AND "
                                     "entity_id = ? AND op = 'upsert'",
                                     entity, id);
            !scrubbed)
            return scrubbed;
    }
    return db::exec(d,
                    "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                    "VALUES (?, ?, ?, ?, NULL, ?, ?)",
                    entity, id, protocol::toCode(op), data ? data->dump() : std::string("{}"), kioskId, now);
}

/// The last day whose pick-ups and due loans staff mode shows with name and phone, seen from `now`.
Date lastDueDay(std::int64_t now)
{
    const auto local = localDateTimeOf(now);
    return (local ? local->date : Date{}).plusDays(kStaffFeedDaysAhead);
}

/// `encoded` when the kiosk's decoder accepts it, else nullopt (reported by entity and id only).
template <typename Decode>
std::optional<Json> publishable(Json encoded, Decode decode, std::string_view entity, const std::string& id)
{
    auto check = decode(encoded, "$");
    if (check)
        return encoded;
    std::fprintf(stderr, "okienko-central: %.*s %s not published: %s\n", static_cast<int>(entity.size()), entity.data(),
                 util::escapeForLog(id).c_str(), util::escapeForLog(check.error().describe()).c_str());
    return std::nullopt;
}

/// The change-log row of `entity` `id`: the notice `readNotice` makes of the row `sql` finds for
/// `id` (nullopt: nothing for the kiosks to show, so the entity is logged as deleted), published
/// when the kiosk's decoder accepts it.
template <typename ReadNotice, typename Encode, typename Decode>
Result<std::optional<Json>, db::Error> currentNotice(db::Database& d, std::string_view entity, const std::string& id,
                                                     std::string_view sql, ReadNotice readNotice, Encode encode,
                                                     Decode decode)
{
    auto notice = db::queryOne(d, sql, readNotice, id);
    if (!notice)
        return makeErr(notice.error());
    std::optional<Json> data;
    // No row and a row with nothing to show both log a delete.
    if (const auto& found = notice.value(); found && *found)
        data = publishable(encode(**found), decode, entity, id);
    return data;
}

/// A reservation awaiting hand-over on or before lastDueDay(now); nullopt otherwise (not waiting,
/// later, or without a name and phone).
Result<std::optional<Json>, db::Error> pickupNotice(db::Database& d, const std::string& reservationId, std::int64_t now)
{
    const Date lastDay = lastDueDay(now);
    return currentNotice(
        d, protocol::entity::kPickup, reservationId,
        "SELECT code, type_id, pick_up_date, loan_days, status, COALESCE(person_name, ''), "
        "COALESCE(person_phone, '') FROM reservations WHERE id = ?",
        [&](db::Row& r) -> std::optional<protocol::PickupNotice>
        {
            protocol::PickupNotice p;
            p.reservationId = reservationId;
            p.code = r.text();
            p.typeId = r.text();
            p.pickUpDate = parseIsoDate(r.text()).value_or(Date{});
            p.loanDays = r.integer();
            auto status = domain::fromCode<domain::ReservationStatus>(r.text());
            const bool waiting = status && (*status == domain::ReservationStatus::Provisional ||
                                            *status == domain::ReservationStatus::Held ||
                                            *status == domain::ReservationStatus::Confirmed);
            p.name = r.text();
            p.phone = r.text();
            if (!waiting || p.name.empty() || p.phone.empty() || p.pickUpDate > lastDay)
                return std::nullopt;
            p.status = *status;
            return p;
        },
        protocol::encodePickup, protocol::decodePickup);
}

/// An open loan: with the borrower's name and phone when it is due on or before lastDueDay(now) (or
/// overdue), without them otherwise (staff can still check an early return in); nullopt when returned.
Result<std::optional<Json>, db::Error> openLoanNotice(db::Database& d, const std::string& loanId, std::int64_t now)
{
    const Date lastDay = lastDueDay(now);
    return currentNotice(
        d, protocol::entity::kOpenLoan, loanId,
        "SELECT inventory_number, type_id, start_date, due_date, COALESCE(borrower_name, ''), "
        "COALESCE(borrower_phone, '') FROM loans WHERE id = ? AND returned_on IS NULL",
        [&](db::Row& r) -> std::optional<protocol::OpenLoanNotice>
        {
            protocol::OpenLoanNotice l;
            l.loanId = loanId;
            l.inventoryNumber = r.text();
            l.typeId = r.text();
            l.start = parseIsoDate(r.text()).value_or(Date{});
            l.due = parseIsoDate(r.text()).value_or(Date{});
            l.name = r.text();
            l.phone = r.text();
            if (l.due > lastDay)
            {
                l.name.clear();
                l.phone.clear();
            }
            return l;
        },
        protocol::encodeOpenLoan, protocol::decodeOpenLoan);
}

/// What the feed should hold for one entity now.
using NoticeOf = Result<std::optional<Json>, db::Error> (*)(db::Database&, const std::string&, std::int64_t);

struct FeedKind
{
    std::string_view entity;
    const char* liveIds; ///< the ids that may have a notice
    NoticeOf notice;
};

const FeedKind kFeedKinds[] = {
    // ?1: one site's only (a kiosk's own feed), or NULL for every site (the broadcast rows, each
    // of which the change log gives the site of its reservation or loan).
    {protocol::entity::kPickup,
     "SELECT id FROM reservations WHERE status IN ('provisional', 'held', 'confirmed') AND (?1 IS NULL OR "
     "site_id = ?1)",
     pickupNotice},
    {protocol::entity::kOpenLoan, "SELECT id FROM loans WHERE returned_on IS NULL AND (?1 IS NULL OR site_id = ?1)",
     openLoanNotice},
};

/// A staff member as kiosks store it (name, role, PIN hash, active); nullopt for an unknown id.
Result<std::optional<Json>, db::Error> staffNotice(db::Database& d, const std::string& staffId)
{
    return currentNotice(
        d, protocol::entity::kStaff, staffId, "SELECT name, role, pin_hash, active FROM staff WHERE id = ?",
        [&](db::Row& r) -> std::optional<domain::Staff>
        {
            domain::Staff s;
            s.id = staffId;
            s.name = r.text();
            auto role = domain::fromCode<domain::StaffRole>(r.text());
            s.pinHash = r.text();
            s.active = r.integer() != 0;
            // Counsellors and partner institutions have no kiosk staff mode (product.md §2) and
            // deactivated staff none any more: each is a delete, so no kiosk keeps their PIN hash
            // (reactivation sends it again).
            if (!role || *role == domain::StaffRole::Counsellor || *role == domain::StaffRole::Partner || !s.active)
                return std::nullopt;
            s.role = *role;
            return s;
        },
        protocol::encodeStaff, protocol::decodeStaff);
}

template <typename... Values>
Result<std::vector<std::string>, db::Error> ids(db::Database& d, const char* sql, const Values&... values)
{
    std::vector<std::string> out;
    if (auto read = db::forEachRow(
            d, sql, [&](db::Row& r) { out.push_back(r.text()); }, values...);
        !read)
        return makeErr(read.error());
    return out;
}

/// Calls `use(entity, id, data)` for every pick-up and open loan the feed should show now.
/// With `site`, only that site's.
template <typename Use>
Status<db::Error> forEachNotice(db::Database& d, std::int64_t now, Use use,
                                const std::optional<std::string>& site = std::nullopt)
{
    for (const FeedKind& kind : kFeedKinds)
    {
        auto live = ids(d, kind.liveIds, site);
        if (!live)
            return makeErr(live.error());
        for (const std::string& id : *live)
        {
            auto data = kind.notice(d, id, now);
            if (!data)
                return makeErr(data.error());
            if (*data) // else not due yet, or nothing to show: the event that changes it logs it
                if (auto used = use(kind.entity, id, **data); !used)
                    return used;
        }
    }
    return {};
}

/// The latest broadcast row of the entity: its op, data and when it was logged.
struct LoggedRow
{
    std::string op, data;
    std::int64_t at = 0;
};

Result<std::optional<LoggedRow>, db::Error> latestBroadcast(db::Database& d, std::string_view entity,
                                                            const std::string& id)
{
    return db::queryOne(
        d,
        "SELECT op, data, created_at FROM change_log WHERE entity = ? AND entity_id = ? AND kiosk_id IS NULL "
        "ORDER BY seq DESC LIMIT 1",
        [](db::Row& r)
        {
            LoggedRow row;
            row.op = r.text();
            row.data = r.text();
            row.at = r.int64();
            return row;
        },
        entity, id);
}
} // namespace

Status<db::Error> logPickup(db::Database& d, const std::string& reservationId, std::int64_t now)
{
    auto data = pickupNotice(d, reservationId, now);
    if (!data)
        return makeErr(data.error());
    return logBroadcast(d, protocol::entity::kPickup, reservationId, *data, now);
}

Status<db::Error> logOpenLoan(db::Database& d, const std::string& loanId, std::int64_t now)
{
    auto data = openLoanNotice(d, loanId, now);
    if (!data)
        return makeErr(data.error());
    return logBroadcast(d, protocol::entity::kOpenLoan, loanId, *data, now);
}

Result<std::int64_t, db::Error> refreshStaffFeed(db::Database& d, std::int64_t now)
{
    std::int64_t published = 0;
    auto done = forEachNotice(
        d, now,
        [&](std::string_view entity, const std::string& id, const Json& data) -> Status<db::Error>
        {
            auto latest = latestBroadcast(d, entity, id);
            if (!latest)
                return makeErr(latest.error());
            const auto& row = *latest;
            if (row && row->op == "upsert" && row->data == data.dump() && row->at > now - kStaffFeedRefreshSeconds)
                return {};
            // One live copy of a name per entity in the log: a kiosk that had not pulled the older
            // row gets this one, and ends in the same state.
            if (auto dropped = db::exec(
                    d, "DELETE FROM change_log WHERE entity = ? AND entity_id = ? AND op = 'upsert'", entity, id);
                !dropped)
                return dropped;
            ++published;
            return logBroadcast(d, entity, id, data, now);
        });
    if (!done)
        return makeErr(done.error());
    return published;
}

Status<db::Error> sendStaffFeedTo(db::Database& d, std::int64_t kioskId, std::int64_t now)
{
    // Only the kiosk's own site's pick-ups, loans and staff (decision 0011).
    auto site = db::queryText(d, "SELECT site_id FROM kiosks WHERE id = ?", kioskId);
    if (!site)
        return makeErr(site.error());
    if (!*site)
        return {};
    if (auto sent = forEachNotice(
            d, now,
            [&](std::string_view entity, const std::string& id, const Json& data)
            { return logBroadcast(d, entity, id, data, now, kioskId); },
            *site);
        !sent)
        return sent;
    auto staff = ids(d, "SELECT id FROM staff WHERE site_id = ?", **site);
    if (!staff)
        return makeErr(staff.error());
    for (const std::string& id : *staff)
    {
        auto data = staffNotice(d, id);
        if (!data)
            return makeErr(data.error());
        if (auto logged = logBroadcast(d, protocol::entity::kStaff, id, *data, now, kioskId); !logged)
            return logged;
    }
    return {};
}

Status<db::Error> withdrawStaffFeedFrom(db::Database& d, std::int64_t kioskId, std::int64_t now)
{
    // A delete for every entity of its site the kiosk may hold; for staff members kiosks apply it as a
    // deactivation.
    return db::exec(d,
                    "INSERT INTO change_log(entity, entity_id, op, data, position, kiosk_id, created_at) "
                    "SELECT DISTINCT entity, entity_id, 'delete', '{}', NULL, ?1, ?2 FROM change_log "
                    "WHERE entity IN (?3, ?4, ?5) AND op = 'upsert' AND site_id = (SELECT site_id FROM kiosks "
                    "WHERE id = ?1)",
                    kioskId, now, protocol::entity::kPickup, protocol::entity::kOpenLoan, protocol::entity::kStaff);
}

Status<db::Error> logStaffMember(db::Database& d, const std::string& staffId, std::int64_t now)
{
    auto data = staffNotice(d, staffId);
    if (!data)
        return makeErr(data.error());
    return logBroadcast(d, protocol::entity::kStaff, staffId, *data, now);
}

} // namespace okienko::server
